// The citizen booking page (/): topic first; calendar, form and confirmation load right after the first paint.
import { render } from 'preact';
import { stringsReady, tr } from '../shared/i18n.ts';
import { afterFirstPaint, COMMON, errorText, Page } from '../shared/ui.tsx';
import * as m from './model.ts';
import { STRINGS } from './strings.ts';

function Topics() {
  const s = tr(STRINGS);
  const list = m.services.value;
  if (m.servicesError.value)
    return (
      <p role="alert" class="err">
        {errorText(m.servicesError.value)}{' '}
        <button type="button" class="link" onClick={m.loadServices}>
          {tr(COMMON).retry}
        </button>
      </p>
    );
  return (
    <fieldset class="topics" aria-busy={!list}>
      <legend>
        <h2>{s.topic}</h2>
      </legend>
      {list?.map((svc) => (
        <label class="topic" key={svc.id}>
          <input
            type="radio"
            name="service"
            value={svc.id}
            checked={m.serviceId.value === svc.id}
            onChange={() => void m.chooseService(svc.id)}
          />
          <span>
            <strong>{svc.name}</strong> <small>({s.minutes(svc.durationMinutes)})</small>
            {svc.description ? <small class="muted">{svc.description}</small> : null}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function App() {
  const s = tr(STRINGS);
  const flow = m.flow.value;
  if (flow?.booked.value) return <flow.Done />;
  return (
    <Page title={s.title}>
      <p>{s.intro}</p>
      <Topics />
      {flow ? <flow.Steps /> : m.serviceId.value ? <p role="status">{tr(COMMON).loading}</p> : null}
    </Page>
  );
}

// Only the chosen language's strings are fetched, in parallel with the page's data.
void stringsReady().then(() => render(<App />, document.getElementById('app')!));
// The rest of the flow arrives while the citizen reads the topics, after the first paint.
afterFirstPaint(() => void m.loadFlow());
