// German SMS texts (GSM-7, at most two segments).
import type { SmsWording } from './types.ts';

export const de: SmsWording = {
  numericMonth: true,
  maxServiceChars: 40,
  when: (d) => `${d.weekday} ${d.day}.${d.month}. um ${d.hour}:${d.minute} Uhr`,
  time: (d) => `${d.hour}:${d.minute} Uhr`,
  verificationCode: (code) => `Ihr Bestätigungscode für die Terminbuchung: ${code}. Er gilt 10 Minuten.`,
  render(kind, f) {
    switch (kind) {
      case 'confirmation':
        return `Ihr Videotermin${f.svc} am ${f.when} ist bestätigt.${f.link('Teilnehmen', f.joinUrl)}${f.link('Ändern oder absagen', f.manageUrl)}`;
      case 'reminder':
        return `Erinnerung: Ihr Videotermin${f.svc} am ${f.when}.${f.link('Teilnehmen', f.joinUrl)}${f.link('Absagen', f.manageUrl)}`;
      case 'cancellation':
        return `Ihr Videotermin${f.svc} am ${f.when} wurde abgesagt.${f.link('Neuen Termin buchen', f.bookUrl)}`;
      case 'rescheduled':
        return `Ihr Videotermin${f.svc} wurde verlegt auf ${f.when}.${f.link('Teilnehmen', f.joinUrl)}${f.link('Ändern oder absagen', f.manageUrl)}`;
      case 'counsellor_ready':
        return f.joinUrl
          ? `Ihre Beraterin oder Ihr Berater ist jetzt bereit.${f.link('Jetzt teilnehmen', f.joinUrl)}`
          : 'Ihre Beraterin oder Ihr Berater ist jetzt bereit. Bitte öffnen Sie den Link aus Ihrer Bestätigungs-SMS.';
      case 'running_late':
        return `Ihr Videotermin um ${f.time} beginnt etwa ${f.minutes} Minuten später. Bitte bleiben Sie im Warteraum oder kommen Sie etwas später.`;
      case 'adhoc_link':
        return `Ihr Videogespräch beginnt jetzt.${f.link('Teilnehmen', f.joinUrl)}`;
      case 'rebooking_needed':
        return f.manageUrl
          ? `Ihr Videotermin${f.svc} am ${f.when} muss leider verlegt werden. Bitte wählen Sie einen neuen Termin:\n${f.manageUrl}`
          : `Ihr Videotermin${f.svc} am ${f.when} muss leider verlegt werden. Bitte wählen Sie über den Link zum Ändern aus Ihrer Bestätigungs-SMS einen neuen Termin.`;
      case 'interpreter_invite':
        return `Dolmetscheinsatz per Video (${f.interpretLanguage})${f.svc}: ${f.when || 'jetzt'}.${f.link('Teilnehmen', f.joinUrl)}`;
    }
  },
};
