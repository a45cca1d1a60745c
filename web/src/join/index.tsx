// The join page (/j/CODE). Click 1 opens it: appointment, recording notice, then (right after the first paint)
// camera/microphone and connection checks. Click 2 allows the camera and joins; the call loads while they read.
import { effect, signal } from '@preact/signals';
import { render } from 'preact';
import { formatDate, formatTime, stringsReady, tr } from '../shared/i18n.ts';
import { afterFirstPaint, COMMON, errorText, Page } from '../shared/ui.tsx';
import * as m from './model.ts';
import { STRINGS } from './strings.ts';

function Ready() {
  const s = tr(STRINGS);
  const joining = m.phase.value === 'joining';
  const pre = m.prejoin.value;
  return (
    <>
      <section class="notice warn" aria-labelledby="notice-h">
        <h2 id="notice-h">{s.noticeTitle}</h2>
        <p>{s.notice}</p>
      </section>
      {pre ? <pre.Checks /> : null}
      {pre ? <pre.JoinProblem /> : null}
      <p>
        <button
          type="button"
          class="primary"
          disabled={joining}
          onClick={() => void m.loadPrejoin().then((p) => p.join())}
        >
          {joining ? s.joining : m.audioOnly.value ? s.joinAudio : s.join}
        </button>
      </p>
      {joining ? (
        <p role="status" class="sr-only">
          {s.joining}
        </p>
      ) : null}
    </>
  );
}

function Body() {
  const s = tr(STRINGS);
  const st = m.status.value;
  switch (m.phase.value) {
    case 'loading':
      return <p role="status">{tr(COMMON).loading}</p>;
    case 'invalid':
      return <p class="err">{s.invalid}</p>;
    case 'error':
      return (
        <p role="alert" class="err">
          {errorText(m.error.value!)}{' '}
          <button type="button" class="link" onClick={() => void m.loadStatus()}>
            {tr(COMMON).retry}
          </button>
        </p>
      );
    case 'early':
      return <p class="notice">{s.early(formatDate(st!.opensAt), formatTime(st!.opensAt))}</p>;
    case 'closed':
    case 'cancelled':
      return (
        <>
          <p class="notice">{m.phase.value === 'closed' ? s.closed : s.cancelled}</p>
          <a href="/">{s.bookNew}</a>
        </>
      );
    default:
      return <Ready />;
  }
}

function App() {
  const s = tr(STRINGS);
  const View = m.callView.value;
  if (View && m.phase.value === 'call') return <View.CallPage />;
  const st = m.status.value;
  return (
    <Page title={s.title}>
      {st ? (
        <p class="when">{s.when(formatDate(st.start), formatTime(st.start), formatTime(st.end))}</p>
      ) : null}
      <Body />
    </Page>
  );
}

// Only the chosen language's strings are fetched, in parallel with the page's data.
void stringsReady().then(() => render(<App />, document.getElementById('app')!));
void m.loadStatus();
// After the first paint, and once the room is open (maybe later, while the page waits): the checks, then the
// video library while the citizen reads the notice.
const painted = signal(false);
afterFirstPaint(() => {
  painted.value = true;
});
const stopChecks = effect(() => {
  if (!painted.value || m.phase.value !== 'ready') return;
  stopChecks();
  void m.loadPrejoin().then((p) => p.runChecks());
});
