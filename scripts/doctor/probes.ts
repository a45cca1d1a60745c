// Network probes for the doctor: TLS certificates, TCP ports, STUN over UDP, HTTP with its Date header.
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { connect as netConnect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

const TIMEOUT_MS = 3000;

export interface TlsResult {
  authorized: boolean;
  /** Node's reason when the chain or the name does not verify (CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID, …). */
  error?: string;
  validFrom: Date;
  validTo: Date;
}

/** Connects with TLS and reads the server certificate; rejects only when no handshake happens. */
export function probeTls(host: string, port: number): Promise<TlsResult> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host, port, servername: isIp(host) ? '' : host, rejectUnauthorized: false });
    socket.setTimeout(TIMEOUT_MS, () =>
      socket.destroy(new Error(`no TLS handshake within ${TIMEOUT_MS} ms`)),
    );
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      const error = socket.authorizationError ? String(socket.authorizationError) : undefined;
      socket.end();
      resolve({
        authorized: socket.authorized,
        ...(error ? { error } : {}),
        validFrom: new Date(cert.valid_from),
        validTo: new Date(cert.valid_to),
      });
    });
    socket.once('error', reject);
  });
}

export function probeTcp(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host, port });
    socket.setTimeout(TIMEOUT_MS, () => socket.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
    socket.once('connect', () => {
      socket.end();
      resolve();
    });
    socket.once('error', reject);
  });
}

/** Sends a STUN Binding Request (RFC 5389) and waits for the matching success response. */
export function probeStun(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(isIp(host) && host.includes(':') ? 'udp6' : 'udp4');
    const transaction = randomBytes(12);
    const request = Buffer.concat([
      Buffer.from([0x00, 0x01, 0x00, 0x00, 0x21, 0x12, 0xa4, 0x42]),
      transaction,
    ]);
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error(`no STUN answer within ${TIMEOUT_MS} ms (UDP blocked or nothing listening)`));
    }, TIMEOUT_MS);
    socket.on('message', (msg) => {
      if (msg.length < 20 || !msg.subarray(8, 20).equals(transaction)) return;
      clearTimeout(timer);
      socket.close();
      if (msg.readUInt16BE(0) === 0x0101) resolve();
      else reject(new Error(`STUN error response (type 0x${msg.readUInt16BE(0).toString(16)})`));
    });
    socket.on('error', (e) => {
      clearTimeout(timer);
      socket.close();
      reject(e);
    });
    socket.send(request, port, host);
  });
}

export interface HttpResult {
  status: number;
  body: string;
  /** Server clock minus ours in seconds (Date header against the middle of the round trip), when the server sent one. */
  skewSeconds?: number;
}

export async function probeHttp(url: string, init: RequestInit = {}): Promise<HttpResult> {
  const sent = Date.now();
  const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS), ...init });
  const body = init.method === 'HEAD' ? '' : (await res.text()).slice(0, 2000);
  const received = Date.now();
  const date = res.headers.get('date');
  // The Date header has whole seconds; half a second is its expected error.
  const skew = date ? (Date.parse(date) + 500 - (sent + received) / 2) / 1000 : undefined;
  return {
    status: res.status,
    body,
    ...(skew !== undefined && !Number.isNaN(skew) ? { skewSeconds: skew } : {}),
  };
}

export function isIp(host: string): boolean {
  return /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.includes(':');
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);
}

/** The error as an operator reads it: the system code first (ECONNREFUSED, ENOTFOUND, …), then the message. */
export function reason(e: unknown): string {
  const err = e as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = err?.code ?? err?.cause?.code;
  const message = err?.cause?.message ?? err?.message ?? String(e);
  // DOMException codes are numbers (23 for a timeout) and say nothing to an operator.
  return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
}
