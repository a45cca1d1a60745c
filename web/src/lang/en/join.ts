// English strings of the join page's first render: appointment, recording notice, join button.
import type de from '../de/join.ts';

const strings: typeof de = {
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
};
export default strings;
