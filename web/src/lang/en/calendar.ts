// English strings of the month calendar and the day's times.
import type de from '../de/calendar.ts';

const strings: typeof de = {
  prevMonth: 'Previous month',
  nextMonth: 'Next month',
  noFree: 'No appointments are free this month.',
  freeCount: (n: number) => (n === 1 ? '1 free appointment' : `${n} free appointments`),
  legend:
    'Days with free appointments are highlighted. Dots show how much is free: • little, •• some, ••• a lot.',
  timesOn: (day: string) => `Free times on ${day}`,
  hint: 'Arrow keys change the day.',
};
export default strings;
