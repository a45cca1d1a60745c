// A closed-loop booking load over real HTTP that records every answer, for the cluster fault tests and bench.
export interface BookingOutcome {
  /** HTTP status; 0 when the connection failed, also when it broke after the status line (no body to read). */
  status: number;
  /** The booking id of a 201. */
  id?: string;
  retryAfter?: string | null;
  /** When the answer arrived (ms since epoch) and how long it took. */
  at: number;
  ms: number;
}

export interface BookingLoadOptions {
  url: string;
  serviceId: string;
  /** Slot starts to book, taken in turn (a 409 once they are full is fine). */
  starts: string[];
  concurrency: number;
  /** Checked before each request: false stops that loop. */
  running: () => boolean;
  extraHeaders?: Record<string, string>;
}

let phoneCounter = 0;

/** A distinct mobile number per booking, so per-phone limits never refuse the load. */
function nextPhone(): string {
  phoneCounter = (phoneCounter + 1) % 10_000_000;
  return `+49151${String(phoneCounter).padStart(8, '0')}`;
}

export async function bookOnce(url: string, serviceId: string, start: string): Promise<BookingOutcome> {
  const t0 = Date.now();
  try {
    const res = await fetch(`${url}/api/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ service: serviceId, start, phone: nextPhone(), consent: true }),
      signal: AbortSignal.timeout(15_000),
    });
    const body = (await res.json().catch(() => null)) as { booking?: { id?: string } } | null;
    // A process killed between the status line and the body leaves a 201 without its body: the
    // client never learnt its booking, so it counts as a broken connection, not an acknowledgement.
    if (body === null && res.ok) return { status: 0, at: Date.now(), ms: Date.now() - t0 };
    return {
      status: res.status,
      ...(body?.booking?.id ? { id: body.booking.id } : {}),
      retryAfter: res.headers.get('retry-after'),
      at: Date.now(),
      ms: Date.now() - t0,
    };
  } catch {
    return { status: 0, at: Date.now(), ms: Date.now() - t0 };
  }
}

/** Runs `concurrency` loops of bookings until `running()` turns false; resolves with every outcome. */
export async function runBookingLoad(o: BookingLoadOptions): Promise<BookingOutcome[]> {
  const outcomes: BookingOutcome[] = [];
  let next = 0;
  const loop = async () => {
    while (o.running()) {
      const start = o.starts[next++ % o.starts.length] ?? '';
      const r = await bookOnce(o.url, o.serviceId, start);
      outcomes.push(r);
      // A refused or failed request backs off a little, as a browser showing an error would.
      if (r.status !== 201 && r.status !== 409) await new Promise((res) => setTimeout(res, 100));
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, loop));
  return outcomes;
}

/** Counts outcomes by status, e.g. `{ 201: 40, 409: 3 }`. */
export function statusCounts(outcomes: BookingOutcome[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const o of outcomes) out[o.status] = (out[o.status] ?? 0) + 1;
  return out;
}

/** The slot starts a service offers from `from` to `to` (local dates), as GET /api/slots lists them. */
export async function offeredStarts(
  url: string,
  serviceId: string,
  from: string,
  to: string,
): Promise<string[]> {
  const res = await fetch(`${url}/api/slots?service=${serviceId}&from=${from}&to=${to}`);
  if (!res.ok) throw new Error(`slots answered ${res.status}`);
  const body = (await res.json()) as { days: { slots: { start: string }[] }[] };
  return body.days.flatMap((d) => d.slots.map((s) => s.start));
}
