// German strings of the join page's first render: appointment, recording notice, join button.
export default {
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
};
