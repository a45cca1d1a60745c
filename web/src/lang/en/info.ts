// English strings of the accessibility statement (with its feedback form) and the sign-language page.
import type de from '../de/info.ts';

const strings: typeof de = {
  title: 'Accessibility statement',
  scope:
    'This statement covers video counselling on this website: booking an appointment, managing it and taking part in the video appointment.',
  statusTitle: 'How accessible is the service?',
  status:
    'The service largely complies with the German accessibility regulation (BITV 2.0). Every page can be used with the keyboard, works with screen readers and is checked automatically in every language.',
  gapsTitle: 'What is not yet accessible?',
  gaps: [
    'There are no automatic subtitles in the video call. If you need a sign language or speech-to-text interpreter, please tell us before the appointment.',
    'This statement is based on a self-assessment. A check by an independent body is still pending.',
  ],
  prepared: 'This statement was prepared on 1 December 2026.',
  feedbackTitle: 'Report a barrier',
  feedbackIntro:
    'Have you come across a barrier? Please write to us. If you leave a way to contact you, we will reply.',
  message: 'What did not work?',
  contact: 'E-mail address or phone number for a reply (optional)',
  send: 'Send report',
  sending: 'Sending …',
  sent: 'Thank you! Your report has reached us.',
  required: 'Please describe the barrier briefly.',
  otherWays: 'You can also reach us here:',
  email: 'E-mail',
  phone: 'Phone',
  enforcementTitle: 'Conciliation procedure',
  enforcement:
    'If you do not receive a satisfactory answer to your report, you can apply for a free conciliation procedure.',
  enforcementLink: 'To the conciliation body',
  signTitle: 'Information in German Sign Language',
  signVideo: 'Video in German Sign Language: how video counselling works',
  signMissing: 'The sign language video is being prepared. Please check back later.',
  back: 'To appointment booking',
};
export default strings;
