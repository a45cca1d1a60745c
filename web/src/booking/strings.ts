// German and English strings of the booking page's first render (title, intro, topics).
import type { Strings } from '../shared/i18n.ts';

export const STRINGS = {
  de: {
    title: 'Videotermin buchen',
    intro:
      'Sprechen Sie per Video mit einer Beraterin oder einem Berater. Sie brauchen nur ein Handy oder einen Computer mit Browser.',
    topic: '1. Thema wählen',
    minutes: (n: number) => `${n} Minuten`,
  },
  en: {
    title: 'Book a video appointment',
    intro: 'Talk to a counsellor by video. All you need is a phone or a computer with a browser.',
    topic: '1. Choose a topic',
    minutes: (n: number) => `${n} minutes`,
  },
} satisfies Strings<unknown>;
