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
  failed: 'Maalesef olmadı. Lütfen tekrar deneyin.',
};
export default strings;
