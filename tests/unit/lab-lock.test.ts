// The network lab's machine-wide lock: one holder at a time, a dead holder's lock taken over.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockLab } from '../network/lab-lock.ts';

describe('lockLab', () => {
  it('lets a second taker wait until the first releases', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'br10-lock-')), 'lock');
    const release = await lockLab(path);
    let second = false;
    const waiting = lockLab(path, 10_000, 20).then((r) => {
      second = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(second).toBe(false);
    release();
    (await waiting)();
    expect(second).toBe(true);
    expect(existsSync(path)).toBe(false);
  });

  it('takes over the lock of a process that no longer exists, and gives up on a live holder', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'br10-lock-')), 'lock');
    const gone = spawnSync('true').pid!;
    mkdirSync(path);
    writeFileSync(join(path, 'pid'), String(gone));
    const release = await lockLab(path, 1000, 20);
    await expect(lockLab(path, 100, 20)).rejects.toThrow(/held by process/);
    release();
  });
});
