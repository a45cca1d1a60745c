// The booking page's interpreter choice: none, a spoken language, or German Sign Language; it filters the calendar.
import { tr } from '../shared/i18n.ts';
import { languageName } from '../shared/language-name.ts';
import * as m from './flow.ts';
import { FLOW_STRINGS } from './flow-strings.ts';

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
