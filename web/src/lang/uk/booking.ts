// Ukrainian strings of the booking page's first render (title, intro, topics).
import type de from '../de/booking.ts';

const strings: typeof de = {
  title: 'Запис на відеоконсультацію',
  intro:
    'Поговоріть із консультантом або консультанткою по відеозв’язку. Вам потрібен лише мобільний телефон або комп’ютер із браузером.',
  topic: '1. Оберіть тему',
  minutes: (n: number) => `${n} хв`,
};
export default strings;
