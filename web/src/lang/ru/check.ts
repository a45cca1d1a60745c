// Russian strings of the connection check.
import type de from '../de/check.ts';

const strings: typeof de = {
  checkTitle: 'Проверка соединения',
  checking: 'Проверяем соединение …',
  check: {
    good: 'Ваше соединение хорошее. Видео должно работать хорошо.',
    fair: 'Ваше соединение среднее. Видео работает в режиме экономии данных.',
    poor: 'Ваше соединение слабое. Рекомендуем выбрать «Только звук».',
    offline: 'Нет соединения. Пожалуйста, проверьте интернет.',
  },
  measured: (kbps: number, rtt: number) =>
    `измерено: ${kbps >= 10_000 ? 'более 10 000' : `около ${kbps}`} кбит/с, время ответа ${rtt} мс`,
  measuredUp: (kbps: number) => `, отправка ${kbps >= 10_000 ? 'более 10 000' : `около ${kbps}`} кбит/с`,
  checkAgain: 'Проверить ещё раз',
};
export default strings;
