// Russian strings shared by the citizen pages: header, language switch, errors.
import type de from '../de/common.ts';

const strings: typeof de = {
  language: 'Язык',
  accessibility: 'Заявление о доступности',
  signLanguage: 'Жестовый язык',
  loading: 'Загрузка …',
  retry: 'Попробовать ещё раз',
  network: 'Нет соединения с сервером. Пожалуйста, проверьте подключение к интернету и попробуйте ещё раз.',
  unavailable: 'Сервис сейчас недоступен. Пожалуйста, попробуйте ещё раз через минуту.',
  limited: 'Слишком много попыток. Пожалуйста, подождите немного.',
  failed: 'К сожалению, не получилось. Пожалуйста, попробуйте ещё раз.',
};
export default strings;
