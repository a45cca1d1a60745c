// Russian SMS texts (UCS-2, so at most four segments).
import type { SmsWording } from './types.ts';

export const ru: SmsWording = {
  numericMonth: true,
  maxServiceChars: 0,
  when: (d) => `${d.weekday} ${d.day}.${d.month} в ${d.hour}:${d.minute}`,
  time: (d) => `${d.hour}:${d.minute}`,
  verificationCode: (code) => `Ваш код подтверждения записи: ${code}. Он действителен 10 минут.`,
  render(kind, f) {
    switch (kind) {
      case 'confirmation':
        return `Ваша видеоконсультация${f.svc} ${f.when} подтверждена.${f.link('Войти', f.joinUrl)}${f.link('Изменить или отменить', f.manageUrl)}`;
      case 'reminder':
        return `Напоминание: Ваша видеоконсультация${f.svc} ${f.when}.${f.link('Войти', f.joinUrl)}${f.link('Отменить', f.manageUrl)}`;
      case 'cancellation':
        return `Ваша видеоконсультация${f.svc} ${f.when} отменена.${f.link('Записаться снова', f.bookUrl)}`;
      case 'rescheduled':
        return `Ваша видеоконсультация${f.svc} перенесена на ${f.when}.${f.link('Войти', f.joinUrl)}${f.link('Изменить или отменить', f.manageUrl)}`;
      case 'counsellor_ready':
        return f.joinUrl
          ? `Ваш консультант уже готов.${f.link('Войти сейчас', f.joinUrl)}`
          : 'Ваш консультант уже готов. Пожалуйста, откройте ссылку из SMS-подтверждения.';
      case 'running_late':
        return `Ваша видеоконсультация в ${f.time} начнётся примерно на ${f.minutes} мин позже. Пожалуйста, оставайтесь в зале ожидания или войдите чуть позже.`;
      case 'adhoc_link':
        return `Ваш видеоразговор начинается сейчас.${f.link('Войти', f.joinUrl)}`;
      case 'rebooking_needed':
        return f.manageUrl
          ? `К сожалению, Вашу видеоконсультацию${f.svc} ${f.when} нужно перенести. Пожалуйста, выберите новое время:\n${f.manageUrl}`
          : `К сожалению, Вашу видеоконсультацию${f.svc} ${f.when} нужно перенести. Пожалуйста, выберите новое время по ссылке для изменений из SMS-подтверждения.`;
      case 'interpreter_invite':
        return `Устный перевод по видео (${f.interpretLanguage})${f.svc}: ${f.when || 'сейчас'}.${f.link('Подключиться', f.joinUrl)}`;
    }
  },
};
