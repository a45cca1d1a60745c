// Russian strings of the month calendar and the day's times.
import type de from '../de/calendar.ts';

const strings: typeof de = {
  prevMonth: 'Предыдущий месяц',
  nextMonth: 'Следующий месяц',
  noFree: 'В этом месяце свободных записей больше нет.',
  freeCount: (n: number) => `Свободных записей: ${n}`,
  legend:
    'Дни со свободными записями выделены. Точки показывают, сколько свободного времени: • мало, •• немного, ••• много.',
  timesOn: (day: string) => `Свободное время: ${day}`,
  hint: 'Клавиши со стрелками меняют день.',
};
export default strings;
