// Ukrainian strings of the month calendar and the day's times.
import type de from '../de/calendar.ts';

const strings: typeof de = {
  prevMonth: 'Попередній місяць',
  nextMonth: 'Наступний місяць',
  noFree: 'Цього місяця вільних термінів більше немає.',
  freeCount: (n: number) => `Вільних термінів: ${n}`,
  legend:
    'Дні з вільними термінами виділено. Крапки показують, скільки є вільного часу: • мало, •• дещо, ••• багато.',
  timesOn: (day: string) => `Вільний час: ${day}`,
  hint: 'Клавіші зі стрілками змінюють день.',
};
export default strings;
