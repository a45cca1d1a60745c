// Turkish strings shared by the citizen pages: header, language switch, errors.
import type de from '../de/common.ts';

const strings: typeof de = {
  language: 'Dil',
  accessibility: 'Erişilebilirlik beyanı',
  signLanguage: 'İşaret dili',
  loading: 'Yükleniyor …',
  retry: 'Tekrar deneyin',
  network: 'Sunucuya bağlantı yok. Lütfen internet bağlantınızı kontrol edip tekrar deneyin.',
  unavailable: 'Hizmete şu anda ulaşılamıyor. Lütfen bir dakika sonra tekrar deneyin.',
  limited: 'Çok fazla deneme yapıldı. Lütfen biraz bekleyin.',
  limits: {
    'booking-client':
      'Bağlantınızdan az önce çok sayıda randevu alındı. Lütfen daha sonra tekrar deneyin ya da bizi arayın.',
    'booking-service-day':
      'Bu konu için bugün artık çevrim içi randevu alınamıyor. Lütfen yarın tekrar deneyin ya da bizi arayın.',
    'phone-active':
      'Bu cep telefonu numarası için izin verilen sayıda randevu zaten alınmış. Lütfen birini iptal edin ya da randevu gerçekleşene kadar bekleyin.',
    'phone-daily':
      'Bu cep telefonu numarası için bugün zaten birkaç randevu alındı. Lütfen yarın tekrar deneyin.',
  } as Record<string, string>,
  failed: 'Maalesef olmadı. Lütfen tekrar deneyin.',
};
export default strings;
