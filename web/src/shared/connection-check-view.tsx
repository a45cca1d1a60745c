// The connection-check result as a live region, with a button to measure again.
import { checking, judgeConnection, measurement, runConnectionCheck } from './connection-check.ts';
import { type Strings, tr } from './i18n.ts';

const CHECK = {
  de: {
    checkTitle: 'Verbindungstest',
    checking: 'Verbindung wird geprüft …',
    check: {
      good: 'Ihre Verbindung ist gut. Video sollte gut funktionieren.',
      fair: 'Ihre Verbindung ist mäßig. Video funktioniert im Datensparmodus.',
      poor: 'Ihre Verbindung ist schwach. Wir empfehlen „Nur Ton“.',
      offline: 'Keine Verbindung. Bitte prüfen Sie Ihr Internet.',
    },
    measured: (kbps: number, rtt: number) =>
      `gemessen: ${kbps >= 10_000 ? 'über 10 000' : `ca. ${kbps}`} kbit/s, Antwortzeit ${rtt} ms`,
    measuredUp: (kbps: number) => `, senden ${kbps >= 10_000 ? 'über 10 000' : `ca. ${kbps}`} kbit/s`,
    checkAgain: 'Erneut prüfen',
  },
  en: {
    checkTitle: 'Connection test',
    checking: 'Checking your connection …',
    check: {
      good: 'Your connection is good. Video should work well.',
      fair: 'Your connection is moderate. Video works in data saver mode.',
      poor: 'Your connection is weak. We recommend “audio only”.',
      offline: 'No connection. Please check your internet.',
    },
    measured: (kbps: number, rtt: number) =>
      `measured: ${kbps >= 10_000 ? 'over 10,000' : `about ${kbps}`} kbit/s, response time ${rtt} ms`,
    measuredUp: (kbps: number) => `, sending ${kbps >= 10_000 ? 'over 10,000' : `about ${kbps}`} kbit/s`,
    checkAgain: 'Check again',
  },
} satisfies Strings<unknown>;

export function ConnectionCheck() {
  const s = tr(CHECK);
  const m = measurement.value;
  const verdict = m === undefined ? null : judgeConnection(m);
  return (
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
        <button type="button" class="secondary" onClick={() => void runConnectionCheck()}>
          {s.checkAgain}
        </button>
      )}
    </section>
  );
}
