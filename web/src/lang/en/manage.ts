// English strings of the manage page (/m/TOKEN).
import type de from '../de/manage.ts';

const strings: typeof de = {
  title: 'Your video appointment',
  notFound: 'This link is invalid or has expired.',
  bookNew: 'Book a new appointment',
  status: {
    confirmed: 'Booked',
    cancelled: 'Cancelled',
    completed: 'Took place',
    no_show: 'Missed',
  } as Record<string, string>,
  statusLabel: 'Status',
  topic: 'Topic',
  when: 'Appointment',
  needsRebooking:
    'Unfortunately we have to move this appointment. Please choose a new time below. We apologise for the inconvenience.',
  ics: 'Add to calendar (.ics)',
  icsCancel: 'Remove from your calendar (.ics)',
  reschedule: 'Reschedule',
  cancel: 'Cancel appointment',
  cancelAsk: 'Do you really want to cancel the appointment?',
  cancelYes: 'Yes, cancel it',
  cancelNo: 'No, keep it',
  cancelled: 'Your appointment has been cancelled. You will receive a confirmation by text message.',
  notChangeable: 'This appointment can no longer be changed.',
  pickNew: 'Choose a new time',
  moveTo: (when: string) => `Move to ${when}`,
  moving: 'Moving …',
  keep: 'Cancel',
  moved:
    'Your appointment has been moved. You will receive a text message with the new link; the old link no longer works.',
  newLink: 'Your new link to the video appointment',
  taken: 'This time was just taken. These times are still free:',
  takenNone: 'This time was just taken. Please choose another.',
};
export default strings;
