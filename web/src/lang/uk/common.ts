// Ukrainian strings shared by the citizen pages: header, language switch, errors.
import type de from '../de/common.ts';

const strings: typeof de = {
  language: 'Мова',
  accessibility: 'Заява про доступність',
  signLanguage: 'Жестова мова',
  loading: 'Завантаження …',
  retry: 'Спробувати ще раз',
  network: 'Немає з’єднання із сервером. Будь ласка, перевірте підключення до інтернету та спробуйте ще раз.',
  unavailable: 'Сервіс зараз недоступний. Будь ласка, спробуйте ще раз за хвилину.',
  limited: 'Забагато спроб. Будь ласка, зачекайте трохи.',
  failed: 'На жаль, не вдалося. Будь ласка, спробуйте ще раз.',
};
export default strings;
