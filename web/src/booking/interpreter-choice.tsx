// The booking page's interpreter choice: none, a spoken language, or German Sign Language; it filters the calendar.
import { lang, tr } from '../shared/i18n.ts';
import * as m from './flow.ts';
import { FLOW_STRINGS } from './flow-strings.ts';

/** The language's own name in the page language (Intl knows them all); sign language has its own string. */
function languageName(code: string, signLanguage: string): string {
  if (code === 'dgs') return signLanguage;
  try {
    return new Intl.DisplayNames([lang.value], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function InterpreterChoice() {
  const s = tr(FLOW_STRINGS);
  const codes = m.interpreterLanguages.value;
  if (codes.length === 0) return null;
  return (
    <p class="field">
      <label for="interpreter">{s.interpreter}</label>
      <small id="interpreter-hint" class="muted">
        {s.interpreterHint}
      </small>
      <select
        id="interpreter"
        aria-describedby="interpreter-hint"
        value={m.picker.interpreter.value}
        onChange={(e) => m.chooseInterpreter((e.currentTarget as HTMLSelectElement).value)}
      >
        <option value="">{s.interpreterNone}</option>
        {codes.map((code) => (
          <option key={code} value={code}>
            {languageName(code, s.signLanguage)}
          </option>
        ))}
      </select>
    </p>
  );
}
