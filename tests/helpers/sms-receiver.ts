// The far end of the SMS gateway for tests: a local HTTP receiver that records messages, can answer 500 or be stopped.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedSms {
  id: string;
  to: string;
  text: string;
  authorization: string | undefined;
  /** The status this receiver answered. */
  status: number;
}

export interface SmsReceiver {
  /** URL to put into SMS_GATEWAY_URL. */
  readonly url: string;
  /** Every request that reached the receiver, including refused ones. */
  readonly requests: ReceivedSms[];
  /** Messages answered with 2xx, i.e. accepted by the gateway. */
  accepted(): ReceivedSms[];
  /** Status to answer from now on (200 by default; e.g. 500 to play a failing gateway). */
  answer(status: number): void;
  /** Milliseconds to wait before answering (a slow gateway; makes concurrent senders overlap). */
  delay(ms: number): void;
  /** Stops listening (connections are refused) until `start()` listens again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startSmsReceiver(): Promise<SmsReceiver> {
  const requests: ReceivedSms[] = [];
  let status = 200;
  let delayMs = 0;
  let server: Server | null = null;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer(async (req, res) => {
        const body = await readBody(req);
        let parsed: { id?: unknown; to?: unknown; text?: unknown } = {};
        try {
          parsed = JSON.parse(body);
        } catch {
          res.writeHead(400).end();
          return;
        }
        requests.push({
          id: String(parsed.id),
          to: String(parsed.to),
          text: String(parsed.text),
          authorization: req.headers.authorization,
          status,
        });
        const answered = status;
        if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
        res.writeHead(answered, { 'content-type': 'application/json' }).end('{}');
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as AddressInfo).port;
        server = s;
        resolve();
      });
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = null;
      if (!s) return resolve();
      s.close(() => resolve());
      s.closeAllConnections();
    });

  await listen();
  return {
    get url() {
      return `http://127.0.0.1:${port}/sms`;
    },
    requests,
    accepted: () => requests.filter((r) => r.status >= 200 && r.status < 300),
    answer(s) {
      status = s;
    },
    delay(ms) {
      delayMs = ms;
    },
    stop,
    start: listen,
    close: stop,
  };
}
