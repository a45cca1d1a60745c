// The system status line on every console page: a video or SMS outage shows here before citizens notice it.
import { useEffect } from 'preact/hooks';
import { formatTime, tr } from '../shared/i18n.ts';
import { A } from './strings.ts';
import { problems, statusUnknown, systemStatus, watchSystemStatus } from './system-status-model.ts';

export function SystemStatusBar() {
  const s = tr(A);
  useEffect(() => {
    watchSystemStatus();
  }, []);
  const status = systemStatus.value;
  if (statusUnknown.value) {
    return (
      <section class="sys sys-down" role="alert" aria-label={s.sys.title}>
        {s.sys.unknown}
      </section>
    );
  }
  if (!status) return null;
  const bad = problems.value;
  return (
    <section class={`sys ${bad.length ? 'sys-down' : 'sys-ok'}`} aria-label={s.sys.title} aria-live="polite">
      {bad.length === 0 ? (
        <span>{s.sys.allOk(formatTime(status.checkedAt))}</span>
      ) : (
        <ul>
          {bad.map((c) => (
            <li key={c.name}>
              <strong>{s.sys.names[c.name]}:</strong> {s.sys.states[c.status]}{' '}
              <span class="small">({c.detail})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
