// The connection-check result (HTTP both ways, then UDP and TURN/TLS) as live regions, with a button to measure again.
import { checking, judgeConnection, measurement, runConnectionCheck } from './connection-check.ts';
import { catalogue, tr } from './i18n.ts';
import { ice, runIceCheck } from './ice-check.ts';

const CHECK = catalogue({
  de: () => import('../lang/de/check.ts'),
  en: () => import('../lang/en/check.ts'),
  tr: () => import('../lang/tr/check.ts'),
  ar: () => import('../lang/ar/check.ts'),
  uk: () => import('../lang/uk/check.ts'),
  ru: () => import('../lang/ru/check.ts'),
});

export function ConnectionCheck() {
  const s = tr(CHECK);
  const m = measurement.value;
  const verdict = m === undefined ? null : judgeConnection(m);
  // The WebRTC result follows the section, so the section keeps one status line (its own measurement).
  return (
    <>
      <section class="check" aria-labelledby="check-h">
        <h2 id="check-h">{s.checkTitle}</h2>
        <p role="status" class={verdict ? `v-${verdict}` : ''}>
          {checking.value || !verdict ? s.checking : s.check[verdict]}
          {m && !checking.value ? (
            <small>
              {' '}
              ({s.measured(Math.min(m.downKbps, 10_000), m.rttMs)}
              {s.measuredUp(Math.min(m.upKbps, 10_000))})
            </small>
          ) : null}
        </p>
        {checking.value ? null : (
          <button
            type="button"
            class="secondary"
            onClick={() => void runConnectionCheck().then(() => runIceCheck())}
          >
            {s.checkAgain}
          </button>
        )}
      </section>
      <IceResult />
    </>
  );
}

/** Whether media can go the direct UDP way, only through TURN/TLS, or not at all (nothing until checked). */
function IceResult() {
  const s = tr(CHECK);
  const r = ice.value;
  if (!r || checking.value) return null;
  const kind = r.udp ? 'direct' : r.tls ? 'relay' : 'blocked';
  return (
    <p role="status" class={`ice ice-${kind}${kind === 'blocked' ? ' err' : ''}`}>
      {s.ice[kind]}
    </p>
  );
}
