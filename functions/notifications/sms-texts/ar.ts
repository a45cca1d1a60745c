// Arabic SMS texts (UCS-2, so at most four segments); dates with Latin digits like the web pages.
import type { SmsWording } from './types.ts';

export const ar: SmsWording = {
  numericMonth: true,
  maxServiceChars: 0,
  when: (d) => `${d.weekday} ${d.day}/${d.month} الساعة ${d.hour}:${d.minute}`,
  time: (d) => `${d.hour}:${d.minute}`,
  verificationCode: (code) => `رمز تأكيد حجز موعدك: ${code}. الرمز صالح لمدة 10 دقائق.`,
  render(kind, f) {
    switch (kind) {
      case 'confirmation':
        return `تم تأكيد موعدك بالفيديو${f.svc} يوم ${f.when}.${f.link('للانضمام', f.joinUrl)}${f.link('للتغيير أو الإلغاء', f.manageUrl)}`;
      case 'reminder':
        return `تذكير: موعدك بالفيديو${f.svc} يوم ${f.when}.${f.link('للانضمام', f.joinUrl)}${f.link('للإلغاء', f.manageUrl)}`;
      case 'cancellation':
        return `أُلغي موعدك بالفيديو${f.svc} يوم ${f.when}.${f.link('لحجز موعد جديد', f.bookUrl)}`;
      case 'rescheduled':
        return `نُقل موعدك بالفيديو${f.svc} إلى ${f.when}.${f.link('للانضمام', f.joinUrl)}${f.link('للتغيير أو الإلغاء', f.manageUrl)}`;
      case 'counsellor_ready':
        return f.joinUrl
          ? `المستشار أو المستشارة جاهز الآن.${f.link('انضم الآن', f.joinUrl)}`
          : 'المستشار أو المستشارة جاهز الآن. يرجى فتح الرابط من رسالة التأكيد.';
      case 'running_late':
        return `سيبدأ موعدك بالفيديو الساعة ${f.time} متأخرًا نحو ${f.minutes} دقيقة. يرجى البقاء في غرفة الانتظار أو الانضمام بعد قليل.`;
      case 'adhoc_link':
        return `تبدأ محادثتك بالفيديو الآن.${f.link('للانضمام', f.joinUrl)}`;
      case 'rebooking_needed':
        return f.manageUrl
          ? `نأسف، يجب تغيير وقت موعدك بالفيديو${f.svc} يوم ${f.when}. يرجى اختيار وقت جديد:\n${f.manageUrl}`
          : `نأسف، يجب تغيير وقت موعدك بالفيديو${f.svc} يوم ${f.when}. يرجى اختيار وقت جديد عبر رابط التغيير في رسالة التأكيد.`;
      case 'interpreter_invite':
        return `ترجمة فورية بالفيديو (${f.interpretLanguage})${f.svc}: ${f.when || 'الآن'}.${f.link('المشاركة', f.joinUrl)}`;
    }
  },
};
