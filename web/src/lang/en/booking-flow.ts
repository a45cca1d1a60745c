// English strings of the booking steps after the topic (calendar, form, confirmation).
import type de from '../de/booking-flow.ts';

const strings: typeof de = {
  day: '2. Choose a day and time',
  interpreter: 'Interpreter',
  interpreterHint:
    'Do you need an interpreter? Then we only show times when an interpreter for your language is free.',
  interpreterNone: 'No interpreter needed',
  signLanguage: 'German Sign Language (DGS)',
  details: '3. Your details',
  chosen: 'Chosen appointment',
  phone: 'Mobile number',
  phoneHint: 'For the link by text message, e.g. 0151 23456789 or +49 151 23456789.',
  name: 'Name (optional)',
  customerNumber: 'Customer number (optional, e.g. 123A456)',
  verificationCode: 'Code from the text message',
  verificationHint: 'We just sent you a six-digit code. It is valid for 10 minutes.',
  privacyTitle: 'Privacy',
  privacy:
    'We use your mobile number and your optional details only to hold the appointment: for the confirmation, the reminder and the link by text message. The data stays on the agency’s own servers and is deleted automatically a fixed number of days after the appointment. The conversation is not recorded. You can cancel the appointment at any time.',
  consent: 'I have read the privacy notice and agree.',
  submit: 'Book this appointment',
  submitting: 'Booking …',
  required: 'Please fill this in.',
  invalid: {
    phone: 'Please enter a valid mobile number, e.g. 0151 23456789.',
    customerNumber: 'Please check the customer number; it is on our letters.',
    verificationCode: 'The code is not right. Please check the text message.',
    consent: 'Please agree to the privacy notice.',
    other: 'Please check this entry.',
  } as Record<string, string>,
  fixFields: 'Please check the marked entries.',
  taken: 'This appointment was just taken. These times are still free:',
  takenNone: 'This appointment was just taken. Please choose another time in the calendar.',
  done: 'Your appointment is booked',
  doneSms: 'You will receive a text message with the link. On the day, simply open the link.',
  joinLink: 'Your link to the video appointment',
  keepLink: 'Please keep the link; it is valid for your appointment only.',
  ics: 'Add to calendar (.ics)',
  manage: 'Cancel or reschedule the appointment',
  another: 'Book another appointment',
  checkIntro: 'We quickly check whether video works for you:',
};
export default strings;
