// Every citizen-page string exists in every language with the same shape as the German original: same keys,
// same list lengths, functions that take the same arguments and put all of them into a non-empty sentence.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../web/src/shared/langs.ts';

const DIR = 'web/src/lang';
const MODULES = readdirSync(`${DIR}/de`).filter((f) => f.endsWith('.ts'));
const OTHERS = LANGS.filter((l) => l !== 'de');

/** Flattens strings into path → description, so a difference names the exact key. */
function shape(value: unknown, path = ''): Record<string, string> {
  if (typeof value === 'function') return { [path]: `function/${value.length}` };
  if (Array.isArray(value)) return { [path]: `list/${value.length}` };
  if (value && typeof value === 'object')
    return Object.assign({}, ...Object.entries(value).map(([k, v]) => shape(v, path ? `${path}.${k}` : k)));
  return { [path]: typeof value === 'string' && value === '' ? 'empty' : typeof value };
}

function leaves(value: unknown, path = ''): [string, unknown][] {
  if (value && typeof value === 'object' && !Array.isArray(value))
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, value]];
}

async function load(lang: string, file: string): Promise<unknown> {
  return (await import(`../../${DIR}/${lang}/${file}`)).default;
}

describe('translations', () => {
  it('has a folder for every language and nothing else', () => {
    expect(readdirSync(DIR).sort()).toEqual([...LANGS].sort());
    expect(MODULES.length).toBeGreaterThan(5);
  });

  const cases = OTHERS.flatMap((lang) => MODULES.map((file) => [lang, file] as const));
  it.each(cases)('%s/%s has every German string in the same shape', async (lang, file) => {
    expect(readdirSync(`${DIR}/${lang}`)).toContain(file);
    const de = await load('de', file);
    const other = await load(lang, file);
    expect(shape(other)).toEqual(shape(de));
  });

  it.each(cases)(
    '%s/%s puts every argument into a sentence and is not left in German',
    async (lang, file) => {
      const de = leaves(await load('de', file));
      const other = new Map(leaves(await load(lang, file)));
      for (const [path, original] of de) {
        const value = other.get(path);
        if (typeof value === 'function') {
          const args = Array.from({ length: value.length }, (_, i) => 37 + 11 * i);
          const text = String(value(...args));
          for (const a of args) expect(text, `${path} drops an argument`).toContain(String(a));
          // Any German word left in a function's sentence is an untranslated copy.
          if (typeof original === 'function')
            expect(text, `${path} is the German text`).not.toBe(String(original(...args)));
        } else if (typeof value === 'string' && value.length > 12) {
          // Long sentences identical to German were copied, not translated (short ones may be names like "Beratungsraum").
          expect(value, `${path} is the German text`).not.toBe(original);
        }
      }
    },
  );
});
