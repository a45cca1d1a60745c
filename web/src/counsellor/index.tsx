// The counsellor dashboard: login, agenda, ad-hoc sessions (with interpreter), working hours and calendar
// subscription; the call view loads on demand.
import { signal } from '@preact/signals';
import { render } from 'preact';
import { tr } from '../shared/i18n.ts';
import { path } from '../staff/router.ts';
import { loadSession, user } from '../staff/session.ts';
import { Shell } from '../staff/shell.tsx';
import { STAFF } from '../staff/strings.ts';
import { injectStaffStyles } from '../staff/styles.ts';
import { AdhocPage } from './adhoc.tsx';
import { AgendaPage } from './agenda.tsx';
import { HoursPage } from './hours.tsx';
import { waiting } from './model.ts';
import { C } from './strings.ts';
import { startWaitingAlerts } from './waiting-alert.ts';

type CallViewType = typeof import('./call.tsx').default;

/** The call view, loaded on the first visit to a call (the video library is large): size is a feature. */
const callView = signal<CallViewType | null>(null);

function CallRoute({ bookingId }: { bookingId: string }) {
  if (!callView.value) void import('./call.tsx').then((m) => (callView.value = m.default));
  const View = callView.value;
  return View ? <View bookingId={bookingId} /> : <p role="status">{tr(STAFF).loading}</p>;
}

function App() {
  const s = tr(C);
  const p = path.value;
  // Someone waiting shows in the tab title too, for a counsellor working in another window.
  const callMatch = /^\/counsellor\/call\/([0-9a-f-]{36})$/.exec(p);
  const nav = [
    { href: '/counsellor', label: s.navAgenda },
    { href: '/counsellor/adhoc', label: s.navAdhoc },
    { href: '/counsellor/hours', label: s.navHours },
    ...(user.value?.role === 'operator'
      ? [{ href: '/admin', label: tr(STAFF).adminPage, external: true }]
      : []),
  ];
  return (
    <Shell title={waiting.value.length > 0 ? `(${waiting.value.length}) ${s.title}` : s.title} nav={nav}>
      {callMatch ? (
        <CallRoute bookingId={callMatch[1]!} />
      ) : p === '/counsellor/adhoc' ? (
        <AdhocPage />
      ) : p === '/counsellor/hours' ? (
        <HoursPage />
      ) : (
        <AgendaPage />
      )}
    </Shell>
  );
}

injectStaffStyles();
void loadSession();
startWaitingAlerts();
render(<App />, document.getElementById('app')!);
