// The recording notice shown at the start of every session, in German and English.
import type { Lang } from '../http/language.ts';

export interface RecordingNotice {
  title: string;
  text: string;
}

const NOTICES: Record<Lang, RecordingNotice> = {
  de: {
    title: 'Hinweis: Aufzeichnungen sind verboten',
    text:
      'Aufzeichnungen sind verboten und strafbar (§ 201 StGB). Das gilt für Bild und Ton, für Bildschirmfotos ' +
      'und für Aufnahmen mit einem zweiten Gerät. Wer das Gespräch aufzeichnet oder veröffentlicht, muss mit ' +
      'rechtlichen Folgen rechnen. Auch dieses System zeichnet nichts auf.',
  },
  en: {
    title: 'Notice: recording is prohibited',
    text:
      'Recording this conversation is prohibited and a criminal offence under German law (section 201 of the ' +
      'Criminal Code, StGB). This covers picture and sound, screenshots and recordings with a second device. ' +
      'Anyone who records or publishes the conversation must expect legal consequences. This system records nothing either.',
  },
};

export function recordingNotice(lang: Lang): RecordingNotice {
  return NOTICES[lang];
}
