// Turkish strings of the booking page's first render (title, intro, topics).
import type de from '../de/booking.ts';

const strings: typeof de = {
  title: 'Görüntülü randevu alın',
  intro:
    'Bir danışmanla görüntülü görüşme yapın. Yalnızca bir cep telefonu ya da tarayıcısı olan bir bilgisayar yeterlidir.',
  topic: '1. Konu seçin',
  minutes: (n: number) => `${n} dakika`,
};
export default strings;
