// The topic form's names and descriptions in Turkish, Arabic, Ukrainian and Russian (German shows where one is empty).
import { LANG_INFO, type Strings, tr } from '../shared/i18n.ts';

const LANGS = ['tr', 'ar', 'uk', 'ru'] as const;
type TranslatedLang = (typeof LANGS)[number];
export type TopicTranslations = Partial<Record<TranslatedLang, { name: string; description?: string }>>;

const T: Strings<{ legend: string; hint: string; name: string; description: string }> = {
  de: {
    legend: 'Übersetzungen für die Bürgerseiten',
    hint: 'Leer gelassen: Bürgerinnen und Bürger sehen in dieser Sprache den deutschen Namen.',
    name: 'Name',
    description: 'Beschreibung',
  },
  en: {
    legend: 'Translations for the citizen pages',
    hint: 'Left empty: citizens see the German name in this language.',
    name: 'Name',
    description: 'Description',
  },
};

/** The translations a submitted topic form holds; a language without a name is left out. */
export function translationsFrom(values: Record<string, string>): TopicTranslations {
  const out: TopicTranslations = {};
  for (const l of LANGS) {
    const name = values[`${l}-name`]?.trim();
    const description = values[`${l}-description`]?.trim();
    if (name) out[l] = description ? { name, description } : { name };
  }
  return out;
}

export function TopicTranslationFields({ current }: { current?: TopicTranslations }) {
  const s = tr(T);
  return (
    <fieldset class="stack">
      <legend>{s.legend}</legend>
      <p class="muted" id="translations-hint">
        {s.hint}
      </p>
      <div class="grid2">
        {LANGS.map((l) => {
          const { name, dir } = LANG_INFO[l];
          return [
            <div class="field" key={`${l}-name`}>
              <label for={`${l}-name`}>{`${s.name} (${name})`}</label>
              <input
                id={`${l}-name`}
                name={`${l}-name`}
                lang={l}
                dir={dir}
                maxLength={200}
                aria-describedby="translations-hint"
                defaultValue={current?.[l]?.name ?? ''}
              />
            </div>,
            <div class="field" key={`${l}-description`}>
              <label for={`${l}-description`}>{`${s.description} (${name})`}</label>
              <input
                id={`${l}-description`}
                name={`${l}-description`}
                lang={l}
                dir={dir}
                maxLength={2000}
                defaultValue={current?.[l]?.description ?? ''}
              />
            </div>,
          ];
        })}
      </div>
    </fieldset>
  );
}
