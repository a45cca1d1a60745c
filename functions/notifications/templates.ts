// SMS texts in German and English; links stand on their own line so phones make them tappable.
import type { Language } from '../db/database.ts';

export interface SmsParams {
  start?: Date;
  timeZone?: string;
  service?: string;
  joinUrl?: string;
  manageUrl?: string;
  minutes?: number;
}

export type SmsKind =
  | 'confirmation'
  | 'reminder'
  | 'cancellation'
  | 'rescheduled'
  | 'counsellor_ready'
  | 'running_late'
  | 'adhoc_link'
  | 'rebooking_needed';

function when(p: SmsParams, lang: Language): string {
  if (!p.start) return '';
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    timeZone: p.timeZone ?? 'Europe/Berlin',
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(p.start);
}

export function renderSms(kind: SmsKind, lang: Language, p: SmsParams): string {
  const t = when(p, lang);
  const de = lang === 'de';
  switch (kind) {
    case 'confirmation':
      return de
        ? `Ihr Videotermin ${p.service ?? ''} am ${t} ist bestätigt. Teilnehmen:\n${p.joinUrl}\nÄndern/absagen:\n${p.manageUrl}`
        : `Your video appointment ${p.service ?? ''} on ${t} is confirmed. Join:\n${p.joinUrl}\nChange/cancel:\n${p.manageUrl}`;
    case 'reminder':
      return de
        ? `Erinnerung: Ihr Videotermin am ${t}. Teilnehmen:\n${p.joinUrl}`
        : `Reminder: your video appointment on ${t}. Join:\n${p.joinUrl}`;
    case 'cancellation':
      return de ? `Ihr Videotermin am ${t} wurde abgesagt.` : `Your video appointment on ${t} was cancelled.`;
    case 'rescheduled':
      return de
        ? `Ihr Videotermin wurde verlegt auf ${t}. Teilnehmen:\n${p.joinUrl}\nÄndern/absagen:\n${p.manageUrl}`
        : `Your video appointment was moved to ${t}. Join:\n${p.joinUrl}\nChange/cancel:\n${p.manageUrl}`;
    case 'counsellor_ready':
      return de
        ? `Ihre Beraterin/Ihr Berater ist bereit. Jetzt teilnehmen:\n${p.joinUrl}`
        : `Your counsellor is ready. Join now:\n${p.joinUrl}`;
    case 'running_late':
      return de
        ? `Ihr Termin beginnt etwa ${p.minutes ?? 5} Minuten später. Bitte bleiben Sie im Warteraum.`
        : `Your counsellor is running about ${p.minutes ?? 5} minutes late. Please stay in the waiting room.`;
    case 'adhoc_link':
      return de
        ? `Ihr Videogespräch beginnt jetzt. Teilnehmen:\n${p.joinUrl}`
        : `Your video call starts now. Join:\n${p.joinUrl}`;
    case 'rebooking_needed':
      return de
        ? `Ihr Videotermin am ${t} muss leider verlegt werden. Bitte wählen Sie einen neuen Termin:\n${p.manageUrl}`
        : `Your video appointment on ${t} has to be moved. Please choose a new time:\n${p.manageUrl}`;
  }
}
