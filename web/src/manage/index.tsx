// The manage page (/m/TOKEN): see the appointment, add it to a calendar, cancel or reschedule it.
import { effect, untracked } from '@preact/signals';
import { render } from 'preact';
import { api } from '../shared/api.ts';
import { formatDate, formatTime, lang, stringsReady, tr } from '../shared/i18n.ts';
import { COMMON, errorText, Page } from '../shared/ui.tsx';
import * as m from './model.ts';
import { STRINGS } from './strings.ts';

function Actions() {
  const s = tr(STRINGS);
  const b = m.booking.value!;
  if (!m.changeable(b)) return b.status === 'confirmed' ? <p>{s.notChangeable}</p> : null;
  const Reschedule = m.rescheduler.value?.Reschedule;
  if (Reschedule) return <Reschedule />;
  if (m.confirmCancel.value)
    return (
      <div class="notice warn">
        <p id="cancel-ask">
          <strong>{s.cancelAsk}</strong>
        </p>
        <p class="actions">
          <button id="cancel-yes" type="button" disabled={m.busy.value} onClick={() => void m.cancel()}>
            {s.cancelYes}
          </button>
          <button type="button" class="secondary" onClick={() => (m.confirmCancel.value = false)}>
            {s.cancelNo}
          </button>
        </p>
      </div>
    );
  return (
    <p class="actions">
      <button type="button" onClick={() => void m.openReschedule()}>
        {s.reschedule}
      </button>
      <button
        type="button"
        class="secondary"
        onClick={() => {
          m.confirmCancel.value = true;
          requestAnimationFrame(() => document.getElementById('cancel-yes')?.focus());
        }}
      >
        {s.cancel}
      </button>
    </p>
  );
}

function Details() {
  const s = tr(STRINGS);
  const b = m.booking.value!;
  return (
    <>
      <dl class="facts">
        <dt>{s.topic}</dt>
        <dd>{b.serviceName ?? b.service}</dd>
        <dt>{s.when}</dt>
        <dd>
          {formatDate(b.start)}, {formatTime(b.start)}–{formatTime(b.end)}
        </dd>
        <dt>{s.statusLabel}</dt>
        <dd>{s.status[b.status] ?? b.status}</dd>
      </dl>
      <div id="manage-msg" role="status" tabIndex={-1}>
        {m.done.value === 'cancelled' ? <p class="notice">{s.cancelled}</p> : null}
        {m.done.value === 'moved' ? <p class="notice">{s.moved}</p> : null}
      </div>
      {m.newJoinUrl.value ? (
        <>
          <h2>{s.newLink}</h2>
          <p class="link-box">
            <a href={m.newJoinUrl.value}>{m.newJoinUrl.value}</a>
          </p>
        </>
      ) : null}
      {b.needsRebooking && m.changeable(b) ? <p class="notice warn">{s.needsRebooking}</p> : null}
      {m.actionError.value ? (
        <p role="alert" class="err">
          {errorText(m.actionError.value)}
        </p>
      ) : null}
      <Actions />
      {b.status === 'confirmed' ? (
        <p>
          <a href={api.icsUrl(m.token)} download="termin.ics">
            {s.ics}
          </a>
        </p>
      ) : (
        <>
          {b.status === 'cancelled' ? (
            <p>
              <a href={api.icsUrl(m.token)} download="termin-abgesagt.ics">
                {s.icsCancel}
              </a>
            </p>
          ) : null}
          <p>
            <a href="/">{s.bookNew}</a>
          </p>
        </>
      )}
    </>
  );
}

function App() {
  const s = tr(STRINGS);
  const error = m.loadError.value;
  return (
    <Page title={s.title}>
      {error ? (
        <div role="alert">
          <p class="err">{error.status === 404 ? s.notFound : errorText(error)}</p>
          {error.status === 404 ? (
            <a href="/">{s.bookNew}</a>
          ) : (
            <button type="button" onClick={() => void m.load()}>
              {tr(COMMON).retry}
            </button>
          )}
        </div>
      ) : m.booking.value ? (
        <Details />
      ) : (
        <p role="status">{tr(COMMON).loading}</p>
      )}
    </Page>
  );
}

/** The topic name comes in the page language: loaded at start and again after a switch. */
effect(() => {
  if (lang.value) untracked(() => void m.load());
});
// Only the chosen language's strings are fetched, in parallel with the page's data.
void stringsReady().then(() => render(<App />, document.getElementById('app')!));
