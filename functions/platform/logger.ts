// JSON lines on stdout/stderr; callers never pass personal data.
import type { Logger } from './ports.ts';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;

export function createJsonLogger(level: keyof typeof LEVELS = 'info', sink?: (line: string) => void): Logger {
  const min = LEVELS[level];
  const write = (lvl: keyof typeof LEVELS, msg: string, fields?: Record<string, unknown>) => {
    if (LEVELS[lvl] < min) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...fields });
    if (sink) sink(line);
    else if (lvl === 'error' || lvl === 'warn') console.error(line);
    else console.log(line);
  };
  return {
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
  };
}
