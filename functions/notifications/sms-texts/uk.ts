// Ukrainian SMS texts (UCS-2, so at most four segments).
import type { SmsWording } from './types.ts';

export const uk: SmsWording = {
  numericMonth: true,
  maxServiceChars: 0,
  when: (d) => `${d.weekday} ${d.day}.${d.month} о ${d.hour}:${d.minute}`,
  time: (d) => `${d.hour}:${d.minute}`,
  verificationCode: (code) => `Ваш код підтвердження запису: ${code}. Він дійсний 10 хвилин.`,
  render(kind, f) {
    switch (kind) {
      case 'confirmation':
        return `Вашу відеоконсультацію${f.svc} ${f.when} підтверджено.${f.link('Приєднатися', f.joinUrl)}${f.link('Змінити або скасувати', f.manageUrl)}`;
      case 'reminder':
        return `Нагадування: Ваша відеоконсультація${f.svc} ${f.when}.${f.link('Приєднатися', f.joinUrl)}${f.link('Скасувати', f.manageUrl)}`;
      case 'cancellation':
        return `Вашу відеоконсультацію${f.svc} ${f.when} скасовано.${f.link('Записатися знову', f.bookUrl)}`;
      case 'rescheduled':
        return `Вашу відеоконсультацію${f.svc} перенесено на ${f.when}.${f.link('Приєднатися', f.joinUrl)}${f.link('Змінити або скасувати', f.manageUrl)}`;
      case 'counsellor_ready':
        return f.joinUrl
          ? `Ваш консультант уже готовий.${f.link('Приєднатися зараз', f.joinUrl)}`
          : 'Ваш консультант уже готовий. Будь ласка, відкрийте посилання з SMS-підтвердження.';
      case 'running_late':
        return `Ваша відеоконсультація о ${f.time} почнеться приблизно на ${f.minutes} хв пізніше. Будь ласка, залишайтеся в залі очікування або приєднайтеся трохи згодом.`;
      case 'adhoc_link':
        return `Ваша відеорозмова починається зараз.${f.link('Приєднатися', f.joinUrl)}`;
      case 'rebooking_needed':
        return f.manageUrl
          ? `На жаль, Вашу відеоконсультацію${f.svc} ${f.when} потрібно перенести. Будь ласка, оберіть новий час:\n${f.manageUrl}`
          : `На жаль, Вашу відеоконсультацію${f.svc} ${f.when} потрібно перенести. Будь ласка, оберіть новий час за посиланням для змін із SMS-підтвердження.`;
      case 'interpreter_invite':
        return `Усний переклад через відео (${f.interpretLanguage})${f.svc}: ${f.when || 'зараз'}.${f.link('Приєднатися', f.joinUrl)}`;
    }
  },
};
