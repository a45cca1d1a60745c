// Turkish strings of the month calendar and the day's times.
import type de from '../de/calendar.ts';

const strings: typeof de = {
  prevMonth: 'Önceki ay',
  nextMonth: 'Sonraki ay',
  noFree: 'Bu ay boş randevu kalmadı.',
  freeCount: (n: number) => `${n} boş randevu`,
  legend:
    'Boş randevusu olan günler vurgulanmıştır. Noktalar ne kadar yer olduğunu gösterir: • az, •• biraz, ••• çok.',
  timesOn: (day: string) => `${day} için boş saatler`,
  hint: 'Ok tuşlarıyla günü değiştirebilirsiniz.',
};
export default strings;
