// Barrier reports from the accessibility statement's form: operators read them, answer outside, and close them.
import type { FeedbackReport as Report } from '../../../contract/accessibility.ts';
import { formatDate, formatTime, type Strings, tr } from '../shared/i18n.ts';
import { call, query } from '../staff/api.ts';
import { Feedback, useAction, useFilteredResource } from '../staff/use-action.tsx';

const S = {
  de: {
    title: 'Gemeldete Barrieren',
    intro:
      'Meldungen aus dem Formular der Erklärung zur Barrierefreiheit. Bitte antworten Sie innerhalb von sechs Wochen, wenn eine Kontaktmöglichkeit angegeben ist.',
    showAll: 'Auch erledigte zeigen',
    none: 'Keine offenen Meldungen.',
    received: 'Eingang',
    message: 'Meldung',
    contact: 'Kontakt',
    page: 'Seite',
    language: 'Sprache',
    done: 'Erledigt',
    markDone: 'Als erledigt markieren',
    closed: 'Erledigt.',
  },
  en: {
    title: 'Reported barriers',
    intro:
      'Reports from the accessibility statement’s form. Please reply within six weeks when a contact was given.',
    showAll: 'Show handled ones too',
    none: 'No open reports.',
    received: 'Received',
    message: 'Report',
    contact: 'Contact',
    page: 'Page',
    language: 'Language',
    done: 'Handled',
    markDone: 'Mark as handled',
    closed: 'Handled.',
  },
} satisfies Strings<unknown>;

export function AccessibilityPage() {
  const s = tr(S);
  const feedback = useFilteredResource(
    false,
    (all) =>
      call<{ feedback: Report[] }>(
        'GET',
        `/api/admin/accessibility-feedback${query({ status: all ? 'all' : 'open' })}`,
      ).then((r) => r.feedback),
    [] as Report[],
  );
  const all = feedback.query.value;
  const reports = feedback.data.value;
  const error = feedback.error.value;
  const load = feedback.reload;
  const action = useAction();
  return (
    <>
      <h1 tabIndex={-1}>{s.title}</h1>
      <p>{s.intro}</p>
      <p>
        <label>
          <input
            type="checkbox"
            checked={all}
            onChange={(e) => void feedback.show(e.currentTarget.checked)}
          />{' '}
          {s.showAll}
        </label>
      </p>
      {error && (
        <p class="err" role="alert">
          {error}
        </p>
      )}
      <Feedback error={action.error.value} note={action.note.value} />
      {reports.length === 0 ? (
        <p>{s.none}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{s.received}</th>
              <th scope="col">{s.message}</th>
              <th scope="col">{s.contact}</th>
              <th scope="col">{s.page}</th>
              <th scope="col">{s.language}</th>
              <th scope="col">{s.done}</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={r.id}>
                <td>
                  {formatDate(r.createdAt)} {formatTime(r.createdAt)}
                </td>
                <td lang={r.language} class="pre">
                  {r.message}
                </td>
                <td>{r.contact ?? '–'}</td>
                <td>{r.page ?? '–'}</td>
                <td>{r.language}</td>
                <td>
                  {r.handledAt ? (
                    `${formatDate(r.handledAt)}`
                  ) : (
                    <button
                      type="button"
                      disabled={action.busy.value}
                      onClick={() =>
                        void action
                          .run(async () => {
                            await call('POST', `/api/admin/accessibility-feedback/${r.id}/handled`);
                            return s.closed;
                          })
                          .then(load)
                      }
                    >
                      {s.markDone}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
