// The frame of every citizen page (header with the language switch, main landmark, title) and the common
// helpers every page and lazy part imports from here, so they all share one chunk with the runtime.
import type { ComponentChildren } from 'preact';
import { LANG_INFO, LANGS, lang, setLang, tr } from './i18n.ts';
import { COMMON } from './strings.ts';

export { afterFirstPaint } from './after-paint.ts';
export { COMMON, errorText } from './strings.ts';

/** `bare`: the content brings its own heading (a page in another language than the rest). */
export function Page({
  title,
  children,
  bare,
}: {
  title: string;
  children: ComponentChildren;
  bare?: boolean;
}) {
  document.title = `${title} – Beratungsraum`;
  const s = tr(COMMON);
  // Reports name only the part of the service (/, /j, /m), never a join or manage secret.
  const from = `/${location.pathname.split('/')[1] ?? ''}`;
  return (
    <>
      <header class="top">
        <span class="brand">Beratungsraum</span>
        <LangSwitch />
      </header>
      <main id="main">
        {bare ? null : <h1 tabIndex={-1}>{title}</h1>}
        {children}
      </main>
      <footer class="foot">
        <a href={`/barrierefreiheit?from=${encodeURIComponent(from)}`}>{s.accessibility}</a>
        <a href="/leichte-sprache" lang="de">
          Leichte Sprache
        </a>
        <a href="/gebaerdensprache">{s.signLanguage}</a>
      </footer>
    </>
  );
}

/**
 * Every language by its own name, each marked with its language so screen readers read it right; a citizen who
 * cannot read the current language still finds theirs.
 */
export function LangSwitch() {
  const current = lang.value;
  return (
    <nav class="langs" aria-label={tr(COMMON).language}>
      <ul>
        {LANGS.map((l) => (
          <li key={l}>
            <button
              type="button"
              class="link"
              lang={l}
              dir={LANG_INFO[l].dir}
              aria-pressed={l === current}
              onClick={() => void setLang(l)}
            >
              {LANG_INFO[l].name}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
