// One appointment in detail: case-file link, notes, "running late" and "call back by phone".
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { formatDate, formatTime, tr } from '../shared/i18n.ts';
import { STAFF } from '../staff/strings.ts';
import { Feedback, useAction } from '../staff/use-action.tsx';
import { addNote, joinable, joinCall, notes, phoneFallback, reportLate, select, selected } from './model.ts';
import { C } from './strings.ts';

export function Details() {
  const s = tr(C);
  const item = selected.value;
  const heading = useRef<HTMLHeadingElement>(null);
  const late = useSignal('5');
  const draft = useSignal('');
  const noteAction = useAction();
  const action = useAction();
  useEffect(() => heading.current?.focus(), [item?.id]);
  if (!item) return null;
  const who = item.name ?? tr(STAFF).anonymous;
  return (
    <section class="card" aria-labelledby="details-title">
      <div class="row" style="justify-content:space-between">
        <h2 id="details-title" tabIndex={-1} ref={heading}>
          {who} · {item.serviceName}
        </h2>
        <button type="button" class="secondary small" onClick={() => void select(null)}>
          {s.close}
        </button>
      </div>
      <p>
        {formatDate(item.start)}, {formatTime(item.start)}–{formatTime(item.end)} ·{' '}
        {tr(STAFF).status[item.status]}
      </p>
      <dl class="small">
        <dt>{s.customerNumber}</dt>
        <dd>
          {item.customerNumber ?? '–'}{' '}
          {item.caseFileUrl && (
            <a href={item.caseFileUrl} target="_blank" rel="noopener noreferrer">
              {s.caseFile}
            </a>
          )}
        </dd>
        <dt>{s.phone}</dt>
        <dd>{item.phone ? <a href={`tel:${item.phone}`}>{item.phone}</a> : '–'}</dd>
      </dl>
      <div class="row">
        {joinable(item) && (
          <button type="button" onClick={() => joinCall(item.id)}>
            {s.join}
          </button>
        )}
        {joinable(item) && (
          <span class="row">
            <label for="late-minutes">{s.lateMinutes}</label>
            <select
              id="late-minutes"
              value={late.value}
              onChange={(e) => (late.value = e.currentTarget.value)}
            >
              {['5', '10', '15', '20', '30'].map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
            <button
              type="button"
              class="secondary"
              disabled={action.busy.value}
              onClick={() =>
                action.run(async () => {
                  await reportLate(item.id, Number(late.value));
                  return s.lateSent;
                })
              }
            >
              {s.runningLate}
            </button>
          </span>
        )}
        {item.status !== 'cancelled' && (
          <button
            type="button"
            class="secondary"
            disabled={action.busy.value}
            onClick={() =>
              action.run(async () => {
                await phoneFallback(item.id);
                return s.phoneFallbackDone(formatTime(new Date()));
              })
            }
          >
            {s.phoneFallback}
          </button>
        )}
      </div>
      <Feedback error={action.error.value} note={action.note.value} />
      <h3>{s.notes}</h3>
      {notes.value.length === 0 ? (
        <p class="muted">{s.noNotes}</p>
      ) : (
        <ul>
          {notes.value.map((n) => (
            <li key={n.id}>
              <span class="small muted">
                {formatTime(n.createdAt)} · {n.author ?? '–'}:
              </span>{' '}
              <span style="white-space:pre-wrap">{n.body}</span>
            </li>
          ))}
        </ul>
      )}
      <form
        class="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await noteAction.run(() => addNote(item.id, draft.value))) draft.value = '';
        }}
      >
        <label for="note-body">{s.newNote}</label>
        <textarea
          id="note-body"
          rows={3}
          maxLength={10000}
          required
          value={draft.value}
          onInput={(e) => (draft.value = e.currentTarget.value)}
        />
        <div>
          <button type="submit" disabled={noteAction.busy.value}>
            {s.addNote}
          </button>
        </div>
        <Feedback error={noteAction.error.value} note={noteAction.note.value} />
      </form>
    </section>
  );
}
