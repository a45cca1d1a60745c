// The frame of every citizen page (header with the language switch, main landmark, title) and the common
// helpers every page and lazy part imports from here, so they all share one chunk with the runtime.
import type { ComponentChildren } from 'preact';
import { type Lang, setLang, tr } from './i18n.ts';
import { COMMON } from './strings.ts';

export { afterFirstPaint } from './after-paint.ts';
export { COMMON, errorText } from './strings.ts';

export function Page({ title, children }: { title: string; children: ComponentChildren }) {
  document.title = `${title} – Beratungsraum`;
  return (
    <>
      <header class="top">
        <span class="brand">Beratungsraum</span>
        <LangSwitch />
      </header>
      <main id="main">
        <h1 tabIndex={-1}>{title}</h1>
        {children}
      </main>
    </>
  );
}

/** The button that switches between German and English, labelled in the other language. */
export function LangSwitch() {
  const s = tr(COMMON);
  return (
    <button
      type="button"
      class="link"
      lang={s.otherLangCode}
      onClick={() => setLang(s.otherLangCode as Lang)}
    >
      {s.otherLang}
    </button>
  );
}
