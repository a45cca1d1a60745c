// Russian strings of the booking page's first render (title, intro, topics).
import type de from '../de/booking.ts';

const strings: typeof de = {
  title: 'Запись на видеоконсультацию',
  intro:
    'Поговорите с консультантом по видеосвязи. Вам нужен только мобильный телефон или компьютер с браузером.',
  topic: '1. Выберите тему',
  minutes: (n: number) => `${n} мин`,
};
export default strings;
