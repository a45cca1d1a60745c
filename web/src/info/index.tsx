// The information pages: the accessibility statement with its feedback form (/barrierefreiheit), Leichte Sprache
// (/leichte-sprache) and the agency's own sign-language video (/gebaerdensprache).
import { render } from 'preact';
import { stringsReady, tr } from '../shared/i18n.ts';
import { COMMON, errorText, Page } from '../shared/ui.tsx';
import { EasyLanguage } from './easy-language.tsx';
import { Feedback } from './feedback.tsx';
import * as m from './model.ts';
import { STRINGS } from './strings.ts';

function Statement() {
  const s = tr(STRINGS);
  const info = m.info.value;
  return (
    <Page title={s.title}>
      <p>{s.scope}</p>
      <h2>{s.statusTitle}</h2>
      <p>{s.status}</p>
      <h2>{s.gapsTitle}</h2>
      <ul>
        {s.gaps.map((g) => (
          <li key={g}>{g}</li>
        ))}
      </ul>
      <p>{s.prepared}</p>
      <Feedback />
      <h2>{s.enforcementTitle}</h2>
      <p>{s.enforcement}</p>
      {info ? (
        <p>
          <a href={info.enforcementUrl}>{s.enforcementLink}</a>
        </p>
      ) : null}
    </Page>
  );
}

function SignLanguage() {
  const s = tr(STRINGS);
  const info = m.info.value;
  const video = info?.signLanguageVideo;
  return (
    <Page title={s.signTitle}>
      {m.infoError.value ? (
        <p role="alert" class="err">
          {errorText(m.infoError.value)}{' '}
          <button type="button" class="link" onClick={() => void m.loadInfo()}>
            {tr(COMMON).retry}
          </button>
        </p>
      ) : !info ? (
        <p role="status">{tr(COMMON).loading}</p>
      ) : video ? (
        <figure class="sign">
          {/* biome-ignore lint/a11y/useMediaCaption: a sign-language video is itself the accessible form; it has no speech to caption. */}
          <video controls preload="metadata" src={video} aria-describedby="sign-cap" />
          <figcaption id="sign-cap">{s.signVideo}</figcaption>
        </figure>
      ) : (
        <p>{s.signMissing}</p>
      )}
      <p>
        <a href="/">{s.back}</a>
      </p>
    </Page>
  );
}

function App() {
  const page = m.pageOf(location.pathname);
  if (page === 'easy')
    return (
      <Page title="Leichte Sprache" bare>
        <EasyLanguage />
      </Page>
    );
  return page === 'sign' ? <SignLanguage /> : <Statement />;
}

void m.loadInfo();
void stringsReady().then(() => render(<App />, document.getElementById('app')!));
