// The staff pages' signal models without a DOM: requests, loaded data, rebook picker, capacity, hours, login.
import { describe, expect, it } from 'vitest';
import { createCapacityModel } from '../../web/src/admin/capacity-model.ts';
import { createRebookPicker } from '../../web/src/admin/rebook-picker-model.ts';
import { createHoursModel } from '../../web/src/counsellor/hours-model.ts';
import { createAction } from '../../web/src/staff/action-model.ts';
import { createLoginModel } from '../../web/src/staff/login-model.ts';
import { createFilteredResource, createResource } from '../../web/src/staff/resource-model.ts';

const texts = { describe: (e: unknown) => `failed: ${(e as Error).message}`, saved: () => 'Saved' };

/** A promise the test settles by hand, to see the states in between. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('action model', () => {
  it('is busy while the request runs and then shows its note', async () => {
    const action = createAction(texts);
    const answer = deferred<string>();
    const running = action.run(() => answer.promise);
    expect(action.busy.value).toBe(true);
    answer.resolve('2 appointments flagged');
    expect(await running).toBe(true);
    expect(action.busy.value).toBe(false);
    expect(action.note.value).toBe('2 appointments flagged');
    expect(action.error.value).toBe('');
  });

  it('says "saved" for a request without its own message, and clears the note on the next run', async () => {
    const action = createAction(texts);
    await action.run(async () => ({ ok: true }));
    expect(action.note.value).toBe('Saved');
    expect(await action.run(async () => Promise.reject(new Error('409')))).toBe(false);
    expect(action.note.value).toBe('');
    expect(action.error.value).toBe('failed: 409');
    expect(action.busy.value).toBe(false);
  });
});

describe('resource model', () => {
  it('starts with the initial value and replaces it with each good load', async () => {
    let n = 0;
    const r = createResource(async () => [++n], [] as number[], texts.describe);
    expect(r.data.value).toEqual([]);
    expect(await r.reload()).toBe(true);
    expect(r.data.value).toEqual([1]);
    await r.reload();
    expect(r.data.value).toEqual([2]);
  });

  it('keeps the last value when a load fails and clears the error with the next good one', async () => {
    let fail = false;
    const r = createResource(
      async () => {
        if (fail) throw new Error('503');
        return 'data';
      },
      '',
      texts.describe,
    );
    await r.reload();
    fail = true;
    expect(await r.reload()).toBe(false);
    expect(r.data.value).toBe('data');
    expect(r.error.value).toBe('failed: 503');
    expect(r.loading.value).toBe(false);
    fail = false;
    await r.reload();
    expect(r.error.value).toBe('');
  });

  it('lets only the latest load count when an older answer arrives last', async () => {
    const answers = [deferred<string>(), deferred<string>()];
    let call = 0;
    const r = createResource(
      () => (answers[call++] as ReturnType<typeof deferred<string>>).promise,
      '',
      texts.describe,
    );
    const first = r.reload();
    const second = r.reload();
    answers[1]?.resolve('new');
    await second;
    answers[0]?.resolve('old');
    expect(await first).toBe(false);
    expect(r.data.value).toBe('new');
    expect(r.loading.value).toBe(false);
  });

  it('loads what a new filter selects', async () => {
    const asked: string[] = [];
    const r = createFilteredResource(
      { from: '2026-12-01' },
      async (q) => {
        asked.push(q.from);
        return `stats from ${q.from}`;
      },
      '',
      texts.describe,
    );
    await r.reload();
    await r.show({ from: '2026-11-01' });
    expect(asked).toEqual(['2026-12-01', '2026-11-01']);
    expect(r.query.value).toEqual({ from: '2026-11-01' });
    expect(r.data.value).toBe('stats from 2026-11-01');
  });
});

describe('rebook picker model', () => {
  type Day = { date: string; slots: { start: string }[] };
  const taken = new Error('slot_unavailable');
  function picker(outcome: 'ok' | 'taken' | 'down') {
    const loads: string[] = [];
    const model = createRebookPicker<Day>(
      {
        slots: async (from) => {
          loads.push(from);
          return {
            timeZone: 'Europe/Berlin',
            days: [
              { date: from, slots: [{ start: `${from}T08:00:00Z` }] },
              { date: 'empty', slots: [] },
            ],
          };
        },
        reschedule: async () => {
          if (outcome === 'taken') throw taken;
          if (outcome === 'down') throw new Error('503');
        },
      },
      { describe: texts.describe, isTaken: (e) => e === taken, taken: () => 'That time was just taken.' },
      '2026-12-01',
    );
    return { model, loads };
  }

  it('loads the days with free slots from today when opened, and from another day when asked', async () => {
    const { model, loads } = picker('ok');
    await model.toggle();
    expect(model.open.value).toBe(true);
    expect(model.timeZone.value).toBe('Europe/Berlin');
    expect(model.days.value?.map((d) => d.date)).toEqual(['2026-12-01']);
    await model.showFrom('2026-12-10');
    await model.showFrom('');
    expect(loads).toEqual(['2026-12-01', '2026-12-10']);
    expect(model.from.value).toBe('2026-12-10');
    await model.toggle();
    expect(model.open.value).toBe(false);
  });

  it.each([
    ['ok', 'moved', '', 1],
    ['taken', 'taken', 'That time was just taken.', 2],
    ['down', 'failed', 'failed: 503', 1],
  ] as const)(
    'moving when the server says %s: %s, error %j, %i loads',
    async (server, outcome, error, loadCount) => {
      const { model, loads } = picker(server);
      await model.toggle();
      expect(await model.move('2026-12-01T08:00:00Z')).toBe(outcome);
      expect(model.error.value).toBe(error);
      expect(model.busy.value).toBe(false);
      expect(loads).toHaveLength(loadCount);
    },
  );
});

describe('capacity model', () => {
  const requests = (live: () => Promise<{ rooms: number }>) => ({
    settings: async () => ({ max: 8 }),
    windows: async () => [{ id: 'w1' }],
    forecast: async () => [{ hour: 0 }],
    live,
  });
  const texts = {
    describe: (e: unknown) => `failed: ${(e as Error).message}`,
    isVideoDown: (e: unknown) => (e as Error).message === '503',
  };

  it('loads settings, windows, forecast and the live rooms', async () => {
    const m = createCapacityModel(
      requests(async () => ({ rooms: 3 })),
      texts,
    );
    await m.load();
    expect(m.settings.value).toEqual({ max: 8 });
    expect(m.windows.value).toEqual([{ id: 'w1' }]);
    expect(m.hours.value).toEqual([{ hour: 0 }]);
    expect(m.live.value).toEqual({ rooms: 3 });
    expect(m.loadError.value).toBe('');
  });

  it.each([
    ['503', 'down'],
    ['network', null],
  ] as const)('shows the live rooms as %s → %s when the video server fails', async (message, shown) => {
    const m = createCapacityModel(
      requests(() => Promise.reject(new Error(message))),
      texts,
    );
    await m.load();
    expect(m.live.value).toBe(shown);
    expect(m.settings.value).toEqual({ max: 8 });
  });
});

describe('working hours model', () => {
  it('trims the API times to HH:MM and edits one weekday at a time, Monday first', async () => {
    const m = createHoursModel(
      {
        hours: async () => [{ weekday: 3, start: '09:00:00', end: '12:30:00' }],
        absences: async () => [{ id: 'a1' }],
      },
      (e) => String(e),
    );
    await m.load();
    expect(m.week.value).toEqual([{ weekday: 3, start: '09:00', end: '12:30' }]);
    expect(m.absences.value).toEqual([{ id: 'a1' }]);
    m.setDay(1, {});
    m.setDay(3, { end: '15:00' });
    expect(m.week.value).toEqual([
      { weekday: 1, start: '08:00', end: '16:00' },
      { weekday: 3, start: '09:00', end: '15:00' },
    ]);
    m.setDay(1, null);
    expect(m.dayHours(1)).toBeUndefined();
    expect(m.dayHours(3)?.end).toBe('15:00');
  });

  it('says a failed load and keeps the week as it was', async () => {
    const m = createHoursModel(
      { hours: () => Promise.reject(new Error('503')), absences: async () => [] },
      (e) => `failed: ${(e as Error).message}`,
    );
    await m.load();
    expect(m.loadError.value).toBe('failed: 503');
    expect(m.week.value).toEqual([]);
  });
});

describe('login model', () => {
  const explain = (e: unknown, totpShown: boolean) =>
    (e as Error).message === 'totp_required'
      ? { text: totpShown ? 'wrong code' : 'enter the code', askTotp: true }
      : { text: `refused: ${(e as Error).message}`, askTotp: false };

  it('asks for the code on the first totp_required and says "wrong code" on the next', async () => {
    const sent: (string | undefined)[] = [];
    const m = createLoginModel(
      async (_email, _password, totp) => {
        sent.push(totp);
        throw new Error('totp_required');
      },
      explain,
      '',
    );
    await m.submit('a@example.org', 'pw', '  ');
    expect(m.needTotp.value).toBe(true);
    expect(m.error.value).toBe('enter the code');
    await m.submit('a@example.org', 'pw', ' 123456 ');
    expect(m.error.value).toBe('wrong code');
    expect(sent).toEqual([undefined, '123456']);
    expect(m.busy.value).toBe(false);
  });

  it('starts with the message the page was opened with and clears it on a good login', async () => {
    const m = createLoginModel(async () => undefined, explain, 'Your session has expired.');
    expect(m.error.value).toBe('Your session has expired.');
    await m.submit('a@example.org', 'pw', '');
    expect(m.error.value).toBe('');
    expect(m.needTotp.value).toBe(false);
  });
});
