// Turkish strings of the manage page (/m/TOKEN).
import type de from '../de/manage.ts';

const strings: typeof de = {
  title: 'Görüntülü randevunuz',
  notFound: 'Bu bağlantı geçersiz veya süresi dolmuş.',
  bookNew: 'Yeni randevu alın',
  status: {
    confirmed: 'Alındı',
    cancelled: 'İptal edildi',
    completed: 'Gerçekleşti',
    no_show: 'Katılınmadı',
  } as Record<string, string>,
  statusLabel: 'Durum',
  topic: 'Konu',
  when: 'Randevu',
  needsRebooking:
    'Maalesef bu randevuyu ertelememiz gerekiyor. Lütfen aşağıdan yeni bir saat seçin. Verdiğimiz rahatsızlık için özür dileriz.',
  ics: 'Takvime ekle (.ics)',
  icsCancel: 'Takvimden kaldır (.ics)',
  reschedule: 'Randevuyu ertele',
  cancel: 'Randevuyu iptal et',
  cancelAsk: 'Randevuyu gerçekten iptal etmek istiyor musunuz?',
  cancelYes: 'Evet, randevuyu iptal et',
  cancelNo: 'Hayır, randevu kalsın',
  cancelled: 'Randevunuz iptal edildi. SMS ile bir onay alacaksınız.',
  notChangeable: 'Bu randevu artık değiştirilemez.',
  pickNew: 'Yeni saat seçin',
  moveTo: (when: string) => `${when} tarihine ertele`,
  moving: 'Erteleniyor …',
  keep: 'Vazgeç',
  moved:
    'Randevunuz ertelendi. Yeni bağlantıyı içeren bir SMS alacaksınız; eski bağlantı artık geçerli değildir.',
  newLink: 'Görüntülü randevu için yeni bağlantınız',
  taken: 'Bu saat az önce başka birine verildi. Şu saatler hâlâ boş:',
  takenNone: 'Bu saat az önce başka birine verildi. Lütfen başka bir saat seçin.',
};
export default strings;
