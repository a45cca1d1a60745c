// The staff pages' signal models without a DOM: a form's request, loaded and filtered data, the rebook picker.
import { describe, expect, it } from 'vitest';
import { createRebookPicker } from '../../web/src/admin/rebook-picker-model.ts';
import { createAction } from '../../web/src/staff/action-model.ts';
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
