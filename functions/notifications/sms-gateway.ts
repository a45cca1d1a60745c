// SMS senders: the generic HTTP gateway of API.md, or the log when no gateway is configured (development).
import type { Logger, SmsSender } from '../http/context.ts';
import { redactSecrets } from './delivery-policy.ts';

/**
 * POSTs `{ id, to, text }` with the bearer token; any 2xx is accepted, everything else (other
 * statuses, redirects, timeouts, refused connections) is a retryable failure. The error text never
 * contains the URL, the number or the text.
 */
export function createHttpSmsSender(url: string, token: string, timeoutMs = 10_000): SmsSender {
  return {
    async send(message) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ id: message.id, to: message.to, text: message.text }),
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        await res.body?.cancel().catch(() => {});
        if (res.status >= 200 && res.status < 300) return { ok: true };
        return { ok: false, error: `gateway answered ${res.status}`, retryable: true };
      } catch (e) {
        return { ok: false, error: `gateway unreachable: ${(e as Error).name}`, retryable: true };
      }
    },
  };
}

/** Development sender: writes the message to the log with number masked and links redacted (logs are kept and shipped; the booking page shows the links). */
export function createLogSmsSender(log: Logger): SmsSender {
  return {
    async send(message) {
      log.info('sms (no gateway configured)', {
        messageId: message.id,
        to: maskPhone(message.to),
        text: redactSecrets(message.text),
      });
      return { ok: true };
    },
  };
}

/** `+4915112345678` -> `+49…78`: enough to tell numbers apart in a log, not enough to call anyone. */
export function maskPhone(e164: string): string {
  return e164.length > 6 ? `${e164.slice(0, 3)}…${e164.slice(-2)}` : '…';
}
