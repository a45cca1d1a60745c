// Arabic strings of the manage page (/m/TOKEN).
import type de from '../de/manage.ts';

const strings: typeof de = {
  title: 'موعدك بالفيديو',
  notFound: 'هذا الرابط غير صالح أو انتهت صلاحيته.',
  bookNew: 'حجز موعد جديد',
  status: {
    confirmed: 'محجوز',
    cancelled: 'ملغى',
    completed: 'تمّ',
    no_show: 'لم يُحضَر',
  } as Record<string, string>,
  statusLabel: 'الحالة',
  topic: 'الموضوع',
  when: 'الموعد',
  needsRebooking: 'نأسف، علينا تغيير وقت هذا الموعد. يرجى اختيار وقت جديد أدناه. نعتذر عن الإزعاج.',
  ics: 'إضافة إلى التقويم (.ics)',
  icsCancel: 'إزالة من التقويم (.ics)',
  reschedule: 'تغيير وقت الموعد',
  cancel: 'إلغاء الموعد',
  cancelAsk: 'هل تريد حقًا إلغاء الموعد؟',
  cancelYes: 'نعم، ألغِ الموعد',
  cancelNo: 'لا، أبقِ الموعد',
  cancelled: 'أُلغي موعدك. ستصلك رسالة نصية للتأكيد.',
  notChangeable: 'لم يعد من الممكن تغيير هذا الموعد.',
  pickNew: 'اختر وقتًا جديدًا',
  moveTo: (when: string) => `نقل الموعد إلى ${when}`,
  moving: 'جارٍ نقل الموعد …',
  keep: 'إلغاء الأمر',
  moved: 'تم نقل موعدك. ستصلك رسالة نصية فيها الرابط الجديد؛ الرابط القديم لم يعد صالحًا.',
  newLink: 'رابطك الجديد لموعد الفيديو',
  taken: 'حُجز هذا الوقت للتو. هذه الأوقات ما زالت متاحة:',
  takenNone: 'حُجز هذا الوقت للتو. يرجى اختيار وقت آخر.',
};
export default strings;
