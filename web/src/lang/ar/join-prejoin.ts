// Arabic strings of the checks before joining (camera, microphone, data use, join errors).
import type de from '../de/join-prejoin.ts';

const strings: typeof de = {
  mediaTitle: 'الكاميرا والميكروفون',
  mediaTest: 'اختبار الكاميرا والميكروفون',
  selfView: 'صورتك من الكاميرا',
  level: 'مستوى صوت الميكروفون',
  levelHint: 'تحدّث قليلًا: يجب أن يتحرك الشريط.',
  denied:
    'الكاميرا أو الميكروفون محظوران. يرجى السماح بالوصول في إعدادات المتصفح (رمز القفل بجانب العنوان) ثم المحاولة مرة أخرى، أو الانضمام بالصوت فقط.',
  noDevice: 'لم يُعثر على كاميرا أو ميكروفون. يمكنك الانضمام بالصوت فقط أو من دون كاميرا.',
  optionsTitle: 'استهلاك البيانات',
  dataSaver: 'توفير البيانات (صورة صغيرة، بيانات أقل)',
  audioOnly: 'الصوت فقط (من دون فيديو)',
  estimate: (mb: number) => `الاستهلاك المتوقع: نحو ${mb} ميغابايت لكل 30 دقيقة.`,
  videoDown: 'خدمة الفيديو غير متاحة حاليًا. يرجى المحاولة مرة أخرى بعد دقيقة.',
  connectFailed:
    'تعذّر الاتصال بغرفة الفيديو. يرجى المحاولة مرة أخرى؛ إذا كان الاتصال ضعيفًا فاختر «الصوت فقط».',
};
export default strings;
