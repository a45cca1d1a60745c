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
  failed: 'عذرًا، لم تنجح العملية. يرجى المحاولة مرة أخرى.',
};
export default strings;
