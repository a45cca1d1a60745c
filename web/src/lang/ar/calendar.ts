// Arabic strings of the month calendar and the day's times.
import type de from '../de/calendar.ts';

const strings: typeof de = {
  prevMonth: 'الشهر السابق',
  nextMonth: 'الشهر التالي',
  noFree: 'لا توجد مواعيد متاحة في هذا الشهر.',
  freeCount: (n: number) =>
    n === 1
      ? 'موعد واحد متاح'
      : n === 2
        ? 'موعدان متاحان'
        : n <= 10
          ? `${n} مواعيد متاحة`
          : `${n} موعدًا متاحًا`,
  legend: 'الأيام التي فيها مواعيد متاحة مميّزة. تبيّن النقاط مدى التوفّر: • قليل، •• متوسط، ••• كثير.',
  timesOn: (day: string) => `الأوقات المتاحة يوم ${day}`,
  hint: 'تنقّل بين الأيام بمفاتيح الأسهم.',
};
export default strings;
