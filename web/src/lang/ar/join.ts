// Arabic strings of the join page's first render: appointment, recording notice, join button.
import type de from '../de/join.ts';

const strings: typeof de = {
  title: 'موعدك بالفيديو',
  when: (date: string, from: string, to: string) => `${date}، من ${from} إلى ${to}`,
  invalid: 'هذا الرابط غير صالح. يرجى التأكد من أنك فتحت الرابط كاملًا.',
  early: (date: string, time: string) =>
    `تُفتح غرفة الفيديو يوم ${date} الساعة ${time}، قبل بدء الموعد بقليل. يرجى العودة عبر هذا الرابط في ذلك الوقت؛ وهذه الصفحة تتحقق من ذلك تلقائيًا أيضًا.`,
  closed: 'انتهى هذا الموعد. يمكنك حجز موعد جديد.',
  cancelled: 'أُلغي هذا الموعد. يمكنك حجز موعد جديد.',
  bookNew: 'حجز موعد جديد',
  noticeTitle: 'تنبيه: التسجيل ممنوع',
  notice:
    'تسجيل هذه المحادثة ممنوع ويُعدّ جريمة يعاقب عليها القانون الألماني (المادة 201 من قانون العقوبات الألماني StGB). ويشمل ذلك الصورة والصوت ولقطات الشاشة والتسجيل بجهاز آخر. من يسجّل المحادثة أو ينشرها يتعرّض لعواقب قانونية. وهذا النظام لا يسجّل شيئًا أيضًا.',
  join: 'السماح بالكاميرا والانضمام',
  joinAudio: 'السماح بالميكروفون والانضمام',
  joining: 'جارٍ الاتصال …',
};
export default strings;
