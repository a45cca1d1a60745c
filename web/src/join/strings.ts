// German and English strings of the join page's first render: appointment, recording notice, join button.
import type { Strings } from '../shared/i18n.ts';

export const STRINGS = {
  de: {
    title: 'Ihr Videotermin',
    when: (date: string, from: string, to: string) => `${date}, ${from}–${to} Uhr`,
    invalid: 'Dieser Link ist ungültig. Bitte prüfen Sie, ob Sie ihn vollständig geöffnet haben.',
    early: (date: string, time: string) =>
      `Der Videoraum öffnet am ${date} um ${time} Uhr, kurz vor Beginn. Bitte kommen Sie dann wieder über diesen Link; diese Seite prüft es auch selbst.`,
    closed: 'Dieser Termin ist vorbei. Sie können gern einen neuen Termin buchen.',
    cancelled: 'Dieser Termin wurde abgesagt. Sie können gern einen neuen Termin buchen.',
    bookNew: 'Neuen Termin buchen',
    noticeTitle: 'Hinweis: Aufzeichnungen sind verboten',
    notice:
      'Aufzeichnungen sind verboten und strafbar (§ 201 StGB). Das gilt für Bild und Ton, für Bildschirmfotos und für Aufnahmen mit einem zweiten Gerät. Wer das Gespräch aufzeichnet oder veröffentlicht, muss mit rechtlichen Folgen rechnen. Auch dieses System zeichnet nichts auf.',
    join: 'Kamera erlauben und beitreten',
    joinAudio: 'Mikrofon erlauben und beitreten',
    joining: 'Verbindung wird aufgebaut …',
  },
  en: {
    title: 'Your video appointment',
    when: (date: string, from: string, to: string) => `${date}, ${from}–${to}`,
    invalid: 'This link is invalid. Please check that you opened it completely.',
    early: (date: string, time: string) =>
      `The video room opens on ${date} at ${time}, shortly before the start. Please come back through this link then; this page also checks by itself.`,
    closed: 'This appointment is over. You are welcome to book a new one.',
    cancelled: 'This appointment was cancelled. You are welcome to book a new one.',
    bookNew: 'Book a new appointment',
    noticeTitle: 'Notice: recording is prohibited',
    notice:
      'Recording this conversation is prohibited and a criminal offence under German law (section 201 of the Criminal Code). This covers picture and sound, screenshots and recordings with a second device. Anyone who records or publishes the conversation must expect legal consequences. This system records nothing either.',
    join: 'Allow camera and join',
    joinAudio: 'Allow microphone and join',
    joining: 'Connecting …',
  },
} satisfies Strings<unknown>;
