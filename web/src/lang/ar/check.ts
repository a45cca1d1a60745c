// Arabic strings of the connection check.
import type de from '../de/check.ts';

const strings: typeof de = {
  checkTitle: 'اختبار الاتصال',
  checking: 'جارٍ فحص الاتصال …',
  check: {
    good: 'اتصالك جيد. يُتوقّع أن يعمل الفيديو بشكل جيد.',
    fair: 'اتصالك متوسط. يعمل الفيديو في وضع توفير البيانات.',
    poor: 'اتصالك ضعيف. ننصح باختيار «الصوت فقط».',
    offline: 'لا يوجد اتصال. يرجى التحقق من الإنترنت لديك.',
  },
  measured: (kbps: number, rtt: number) =>
    `القياس: ${kbps >= 10_000 ? 'أكثر من 10000' : `نحو ${kbps}`} كيلوبت/ثانية، زمن الاستجابة ${rtt} مللي ثانية`,
  measuredUp: (kbps: number) => `، الإرسال ${kbps >= 10_000 ? 'أكثر من 10000' : `نحو ${kbps}`} كيلوبت/ثانية`,
  checkAgain: 'افحص مرة أخرى',
  // The WebRTC check: UDP to the video host, or only TURN/TLS, or nothing.
  ice: {
    direct: 'يمكن الوصول إلى خدمة الفيديو من شبكتك مباشرة.',
    relay: 'شبكتك تحجب الطريق المباشر. تمر المحادثة عبر طريق بديل آمن وقد تتأخر قليلًا.',
    blocked: 'شبكتك لا تسمح باتصال الفيديو. يرجى تجربة شبكة أخرى، مثل بيانات الهاتف المحمول.',
  },
};
export default strings;
