// Stopping a server process a test started, and removing its scratch folder once it has exited.
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

/** Sends `signal` (or runs `stopCommand`) and resolves after the process exited and `dir` is removed. */
export function stopChild(
  child: ChildProcess,
  dir: string,
  signal: NodeJS.Signals | (() => void) = 'SIGTERM',
): Promise<void> {
  return new Promise<void>((done) => {
    const finish = () => {
      rmSync(dir, { recursive: true, force: true });
      done();
    };
    if (child.exitCode !== null || child.signalCode !== null) return finish();
    child.once('exit', finish);
    if (typeof signal === 'function') signal();
    else child.kill(signal);
  });
}
