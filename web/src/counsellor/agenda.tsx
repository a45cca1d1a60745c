// The agenda: today and the week as a list or a calendar, who is waiting, and one click to join.
import { useEffect } from 'preact/hooks';
import { formatDay, formatTime, tr } from '../shared/i18n.ts';
import { errorText } from '../staff/shell.tsx';
import { STAFF } from '../staff/strings.ts';
import { AlertSettings } from './alert-settings.tsx';
import { Details } from './details.tsx';
import {
  type AgendaItem,
  dayOf,
  items,
  joinable,
  joinCall,
  loadError,
  loaded,
  mondayOf,
  plusDays,
  select,
  selectedId,
  showWeek,
  startPolling,
  today,
  view,
  waiting,
  weekStart,
} from './model.ts';
import { C } from './strings.ts';

const who = (i: AgendaItem) => i.name ?? tr(STAFF).anonymous;

export function AgendaPage() {
  const s = tr(C);
  useEffect(() => startPolling(), []);
  const days = Array.from({ length: 7 }, (_, i) => plusDays(weekStart.value, i));
  return (
    <>
      <h1 tabIndex={-1}>{s.title}</h1>
      <AlertSettings />
      <Waiting />
      <div class="row" style="justify-content:space-between">
        <fieldset class="row bare">
          <legend class="sr-only">{s.weekOf(formatDay(weekStart.value))}</legend>
          <button
            type="button"
            class="secondary small"
            onClick={() => showWeek(plusDays(weekStart.value, -7))}
          >
            {s.prevWeek}
          </button>
          <button type="button" class="secondary small" onClick={() => showWeek(mondayOf(today.value))}>
            {s.thisWeek}
          </button>
          <button
            type="button"
            class="secondary small"
            onClick={() => showWeek(plusDays(weekStart.value, 7))}
          >
            {s.nextWeek}
          </button>
          <span>{s.weekOf(formatDay(weekStart.value, true))}</span>
        </fieldset>
        <fieldset class="row bare">
          <legend class="sr-only">{s.viewLabel}</legend>
          {(['list', 'week'] as const).map((v) => (
            <button
              key={v}
              type="button"
              class="small"
              aria-pressed={view.value === v}
              onClick={() => {
                view.value = v;
              }}
            >
              {v === 'list' ? s.list : s.week}
            </button>
          ))}
        </fieldset>
      </div>
      {loadError.value ? (
        <p class="err" role="alert">
          {errorText(loadError.value)}
        </p>
      ) : null}
      {!loaded.value ? (
        <p>{tr(STAFF).loading}</p>
      ) : view.value === 'list' ? (
        <ListView days={days} />
      ) : (
        <WeekView days={days} />
      )}
      {selectedId.value && <Details />}
    </>
  );
}

function Waiting() {
  const s = tr(C);
  const list = waiting.value;
  return (
    <div role="status" aria-live="polite">
      {list.length > 0 && (
        <div class="notice warn">
          <strong>{s.waitingNow(list.length)}</strong>
          <ul>
            {list.map((i) => (
              <li key={i.id} class="row">
                {formatTime(i.start)} · {i.serviceName} · {who(i)}
                <button type="button" class="small" onClick={() => joinCall(i.id)}>
                  {s.joinFor(who(i))}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function StatusTag({ item }: { item: AgendaItem }) {
  const st = tr(STAFF).status;
  const s = tr(C);
  return (
    <>
      <span class={`tag s-${item.status}`}>{st[item.status]}</span>
      {item.delayMinutes ? <span class="small"> · {s.late(item.delayMinutes)}</span> : null}
      {item.needsRebooking ? <span class="small err"> · {s.needsRebooking}</span> : null}
    </>
  );
}

function Actions({ item }: { item: AgendaItem }) {
  const s = tr(C);
  return (
    <div class="row">
      {joinable(item) && (
        <button
          type="button"
          class="small"
          aria-label={s.joinFor(who(item))}
          onClick={() => joinCall(item.id)}
        >
          {s.join}
        </button>
      )}
      <button
        type="button"
        class="small secondary"
        aria-label={s.detailsFor(who(item))}
        onClick={() => void select(item.id)}
      >
        {s.details}
      </button>
    </div>
  );
}

function ListView({ days }: { days: string[] }) {
  const s = tr(C);
  const shown = [today.value, ...days.filter((d) => d !== today.value && d >= today.value)];
  const byDay = (d: string) => items.value.filter((i) => dayOf(i.start) === d);
  const withItems = shown.filter((d, idx) => idx === 0 || byDay(d).length > 0);
  return (
    <>
      {withItems.map((d) => (
        <section key={d} aria-labelledby={`day-${d}`}>
          <h2 id={`day-${d}`}>
            {d === today.value ? `${s.today}, ` : ''}
            {formatDay(d)}
          </h2>
          {byDay(d).length === 0 ? (
            <p>{s.none}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{s.time}</th>
                  <th scope="col">{s.topic}</th>
                  <th scope="col">{s.citizen}</th>
                  <th scope="col">{s.customerNumber}</th>
                  <th scope="col">{s.status}</th>
                  <th scope="col">{s.actions}</th>
                </tr>
              </thead>
              <tbody>
                {byDay(d).map((i) => (
                  <tr key={i.id} data-booking={i.id}>
                    <td>
                      {formatTime(i.start)}–{formatTime(i.end)}
                    </td>
                    <td>
                      {i.serviceName}
                      {i.kind === 'adhoc' ? ` (${s.adhoc})` : ''}
                    </td>
                    <td>{who(i)}</td>
                    <td>{i.customerNumber ?? '–'}</td>
                    <td>
                      <StatusTag item={i} />
                    </td>
                    <td>
                      <Actions item={i} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </>
  );
}

function WeekView({ days }: { days: string[] }) {
  const s = tr(C);
  return (
    <div class="week">
      {days.map((d) => {
        const list = items.value.filter((i) => dayOf(i.start) === d);
        return (
          <section key={d} class={d === today.value ? 'day is-today' : 'day'} aria-labelledby={`wd-${d}`}>
            <h2 id={`wd-${d}`} class="day-head">
              {formatDay(d)}
            </h2>
            {list.length === 0 ? (
              <p class="small muted">{s.none}</p>
            ) : (
              <ul class="day-list">
                {list.map((i) => (
                  <li key={i.id} class={`appt s-${i.status}-box`}>
                    <strong>{formatTime(i.start)}</strong> {i.serviceName}
                    <br />
                    {who(i)} <StatusTag item={i} />
                    <Actions item={i} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
