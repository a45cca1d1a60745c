// English SMS texts (GSM-7, at most two segments).
import type { SmsWording } from './types.ts';

export const en: SmsWording = {
  numericMonth: false,
  maxServiceChars: 40,
  when: (d) => `${d.weekday} ${d.day} ${d.month} at ${d.hour}:${d.minute}`,
  time: (d) => `${d.hour}:${d.minute}`,
  verificationCode: (code) => `Your code to confirm the booking: ${code}. It is valid for 10 minutes.`,
  render(kind, f) {
    switch (kind) {
      case 'confirmation':
        return `Your video appointment${f.svc} on ${f.when} is confirmed.${f.link('Join', f.joinUrl)}${f.link('Change or cancel', f.manageUrl)}`;
      case 'reminder':
        return `Reminder: your video appointment${f.svc} on ${f.when}.${f.link('Join', f.joinUrl)}${f.link('Cancel', f.manageUrl)}`;
      case 'cancellation':
        return `Your video appointment${f.svc} on ${f.when} was cancelled.${f.link('Book a new one', f.bookUrl)}`;
      case 'rescheduled':
        return `Your video appointment${f.svc} was moved to ${f.when}.${f.link('Join', f.joinUrl)}${f.link('Change or cancel', f.manageUrl)}`;
      case 'counsellor_ready':
        return f.joinUrl
          ? `Your counsellor is ready now.${f.link('Join now', f.joinUrl)}`
          : 'Your counsellor is ready now. Please open the link from your confirmation SMS.';
      case 'running_late':
        return `Your counsellor is running about ${f.minutes} minutes late for your ${f.time} video appointment. Please stay in the waiting room or join a little later.`;
      case 'adhoc_link':
        return `Your video call starts now.${f.link('Join', f.joinUrl)}`;
      case 'rebooking_needed':
        return f.manageUrl
          ? `Your video appointment${f.svc} on ${f.when} has to be moved. Please choose a new time:\n${f.manageUrl}`
          : `Your video appointment${f.svc} on ${f.when} has to be moved. Please choose a new time with the change link from your confirmation SMS.`;
      case 'interpreter_invite':
        return `Interpreting by video (${f.interpretLanguage})${f.svc}: ${f.when || 'now'}.${f.link('Join', f.joinUrl)}`;
    }
  },
};
