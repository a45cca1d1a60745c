// English strings of the booking page's first render (title, intro, topics).
import type de from '../de/booking.ts';

const strings: typeof de = {
  title: 'Book a video appointment',
  intro: 'Talk to a counsellor by video. All you need is a phone or a computer with a browser.',
  topic: '1. Choose a topic',
  minutes: (n: number) => `${n} minutes`,
};
export default strings;
