// A general short-lived memo of loaded values (rosters, services), one per app instance, built in
// functions/app/deps.ts and cleared by calendar changes of scope 'all' (AppDeps.calendarChanged).

export class TtlMemo {
  private readonly values = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The value for `key` if loaded less than `ttlMs` ago, else the result of `load` (a failed load is forgotten at once). */
  get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const hit = this.values.get(key);
    if (hit && this.now() - hit.at < ttlMs) return hit.value as Promise<T>;
    const value = load();
    this.values.set(key, { at: this.now(), value });
    value.catch(() => {
      if (this.values.get(key)?.value === value) this.values.delete(key);
    });
    return value;
  }

  clear(): void {
    this.values.clear();
  }
}
