// Ukrainian strings of the manage page (/m/TOKEN).
import type de from '../de/manage.ts';

const strings: typeof de = {
  title: 'Ваша відеоконсультація',
  notFound: 'Це посилання недійсне або його строк минув.',
  bookNew: 'Записатися на новий термін',
  status: {
    confirmed: 'Заплановано',
    cancelled: 'Скасовано',
    completed: 'Відбулася',
    no_show: 'Пропущено',
  } as Record<string, string>,
  statusLabel: 'Статус',
  topic: 'Тема',
  when: 'Термін',
  needsRebooking:
    'На жаль, ми мусимо перенести цю консультацію. Будь ласка, оберіть новий час нижче. Перепрошуємо за незручності.',
  ics: 'Додати до календаря (.ics)',
  icsCancel: 'Видалити з календаря (.ics)',
  reschedule: 'Перенести консультацію',
  cancel: 'Скасувати консультацію',
  cancelAsk: 'Ви справді хочете скасувати консультацію?',
  cancelYes: 'Так, скасувати',
  cancelNo: 'Ні, залишити',
  cancelled: 'Вашу консультацію скасовано. Ви отримаєте підтвердження в SMS.',
  notChangeable: 'Цю консультацію вже не можна змінити.',
  pickNew: 'Оберіть новий час',
  moveTo: (when: string) => `Перенести на ${when}`,
  moving: 'Переносимо …',
  keep: 'Назад',
  moved: 'Вашу консультацію перенесено. Ви отримаєте SMS з новим посиланням; старе посилання більше не діє.',
  newLink: 'Ваше нове посилання на відеоконсультацію',
  taken: 'Цей час щойно зайняли. Ці години ще вільні:',
  takenNone: 'Цей час щойно зайняли. Будь ласка, оберіть інший.',
};
export default strings;
