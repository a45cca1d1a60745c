// Arabic strings of the booking page's first render (title, intro, topics).
import type de from '../de/booking.ts';

const strings: typeof de = {
  title: 'حجز موعد بالفيديو',
  intro: 'تحدّث مع مستشار أو مستشارة عبر الفيديو. كل ما تحتاجه هو هاتف محمول أو حاسوب فيه متصفح.',
  topic: '1. اختر الموضوع',
  minutes: (n: number) => `${n} دقيقة`,
};
export default strings;
