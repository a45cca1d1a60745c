// Turkish strings of the join page's first render: appointment, recording notice, join button.
import type de from '../de/join.ts';

const strings: typeof de = {
  title: 'Görüntülü randevunuz',
  when: (date: string, from: string, to: string) => `${date}, saat ${from}–${to}`,
  invalid: 'Bu bağlantı geçersiz. Lütfen bağlantıyı eksiksiz açıp açmadığınızı kontrol edin.',
  early: (date: string, time: string) =>
    `Görüntülü görüşme odası ${date} günü saat ${time}’de, başlangıçtan kısa süre önce açılır. Lütfen o zaman bu bağlantı üzerinden tekrar gelin; bu sayfa da kendisi kontrol eder.`,
  closed: 'Bu randevunun süresi geçti. Dilerseniz yeni bir randevu alabilirsiniz.',
  cancelled: 'Bu randevu iptal edildi. Dilerseniz yeni bir randevu alabilirsiniz.',
  bookNew: 'Yeni randevu alın',
  noticeTitle: 'Uyarı: Kayıt yapmak yasaktır',
  notice:
    'Görüşmeyi kaydetmek yasaktır ve Alman hukukuna göre suçtur (Alman Ceza Kanunu, StGB madde 201). Bu; görüntü ve ses, ekran görüntüleri ve ikinci bir cihazla yapılan kayıtlar için de geçerlidir. Görüşmeyi kaydeden veya yayımlayan kişi hukuki sonuçlarla karşılaşabilir. Bu sistem de hiçbir şey kaydetmez.',
  join: 'Kameraya izin ver ve katıl',
  joinAudio: 'Mikrofona izin ver ve katıl',
  joining: 'Bağlantı kuruluyor …',
};
export default strings;
