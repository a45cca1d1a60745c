// Ukrainian strings of the connection check.
import type de from '../de/check.ts';

const strings: typeof de = {
  checkTitle: 'Перевірка з’єднання',
  checking: 'Перевіряємо з’єднання …',
  check: {
    good: 'Ваше з’єднання добре. Відео має працювати добре.',
    fair: 'Ваше з’єднання середнє. Відео працює в режимі економії даних.',
    poor: 'Ваше з’єднання слабке. Радимо вибрати «Лише звук».',
    offline: 'Немає з’єднання. Будь ласка, перевірте інтернет.',
  },
  measured: (kbps: number, rtt: number) =>
    `виміряно: ${kbps >= 10_000 ? 'понад 10 000' : `близько ${kbps}`} кбіт/с, час відповіді ${rtt} мс`,
  measuredUp: (kbps: number) => `, надсилання ${kbps >= 10_000 ? 'понад 10 000' : `близько ${kbps}`} кбіт/с`,
  checkAgain: 'Перевірити ще раз',
  // The WebRTC check: UDP to the video host, or only TURN/TLS, or nothing.
  ice: {
    direct: 'Відеосервіс доступний з Вашої мережі напряму.',
    relay:
      'Ваша мережа блокує прямий шлях. Розмова йде захищеним обхідним шляхом і може трохи затримуватися.',
    blocked:
      'Ваша мережа не дозволяє відеозв’язок. Будь ласка, спробуйте іншу мережу, наприклад мобільний інтернет.',
  },
};
export default strings;
