// One network lab per machine: the suite builds fixed br10-* namespaces, so two checkouts running it at once would
// tear down each other's lab. A lock directory (atomic mkdir) holding the owner's pid serialises them.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LAB_LOCK = '/run/br10-lab.lock';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Waits (polling every `pollMs`) until this process holds the lock; a dead owner's lock is taken over. */
export async function lockLab(path = LAB_LOCK, timeoutMs = 30 * 60_000, pollMs = 1000): Promise<() => void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(path);
      writeFileSync(join(path, 'pid'), String(process.pid));
      return () => rmSync(path, { recursive: true, force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let owner = Number.NaN;
    try {
      owner = Number(readFileSync(join(path, 'pid'), 'utf8'));
    } catch {
      // Just created, pid not written yet: wait for it.
    }
    if (Number.isInteger(owner) && !alive(owner)) rmSync(path, { recursive: true, force: true });
    else if (Date.now() > deadline) throw new Error(`the network lab is held by process ${owner} (${path})`);
    else await new Promise((r) => setTimeout(r, pollMs));
  }
}
