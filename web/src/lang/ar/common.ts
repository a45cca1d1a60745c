// Arabic strings shared by the citizen pages: header, language switch, errors.
import type de from '../de/common.ts';

const strings: typeof de = {
  language: 'اللغة',
  accessibility: 'بيان إمكانية الوصول',
  signLanguage: 'لغة الإشارة',
  loading: 'جارٍ التحميل …',
  retry: 'حاول مرة أخرى',
  network: 'لا يوجد اتصال بالخادم. يرجى التحقق من اتصالك بالإنترنت والمحاولة مرة أخرى.',
  unavailable: 'الخدمة غير متاحة حاليًا. يرجى المحاولة مرة أخرى بعد دقيقة.',
  limited: 'محاولات كثيرة جدًا. يرجى الانتظار قليلًا.',
  limits: {
    'booking-client': 'تم للتو حجز مواعيد كثيرة من اتصالك. يرجى المحاولة لاحقًا أو الاتصال بنا هاتفيًا.',
    'booking-service-day':
      'لم يعد الحجز عبر الإنترنت ممكنًا لهذا الموضوع اليوم. يرجى المحاولة غدًا أو الاتصال بنا هاتفيًا.',
    'phone-active':
      'تم حجز الحد الأقصى المسموح به من المواعيد لهذا الرقم. يرجى إلغاء أحدها أو الانتظار حتى يتم الموعد.',
    'phone-daily': 'تم اليوم حجز عدة مواعيد لهذا الرقم. يرجى المحاولة مرة أخرى غدًا.',
  } as Record<string, string>,
  failed: 'عذرًا، لم تنجح العملية. يرجى المحاولة مرة أخرى.',
};
export default strings;
