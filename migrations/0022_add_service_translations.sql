-- Topic names and descriptions in the citizen languages beyond German and English (tr, ar, uk, ru).
--
-- One JSON object per topic, e.g. {"tr": {"name": "İşsizlik parası", "description": "…"}}, edited by
-- operators; a language that is missing falls back to the German name the agency's letters use too.
-- German and English keep their own columns (required, and read by the staff pages).
ALTER TABLE services ADD COLUMN translations jsonb NOT NULL DEFAULT '{}'::jsonb
  CONSTRAINT services_translations_object CHECK (
    jsonb_typeof(translations) = 'object'
    AND NOT (translations - ARRAY['tr', 'ar', 'uk', 'ru']) <> '{}'::jsonb
  );
