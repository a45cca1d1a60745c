// A clock shifted by TEST_CLOCK_OFFSET_MS, so runtime tests can move workerd to the next day. Only a
// test's own workerd configuration binds it (tests/helpers/private-workerd.ts): deploy/workerd.capnp
// does not, and parseConfig does not know it, so no production environment variable can set it.
import type { Clock } from './ports.ts';

export function clockFromTestBinding(env: Record<string, unknown>): Clock | undefined {
  const raw = env.TEST_CLOCK_OFFSET_MS;
  if (typeof raw !== 'string' || !/^-?\d{1,13}$/.test(raw)) return undefined;
  const offset = Number(raw);
  return { now: () => new Date(Date.now() + offset) };
}
