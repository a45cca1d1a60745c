-- Feedback on barriers (BITV 2.0 § 7 feedback mechanism): what a citizen reports, seen and closed by operators.
CREATE TABLE accessibility_feedback (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  message text NOT NULL CHECK (length(message) BETWEEN 1 AND 4000),
  contact text CHECK (contact IS NULL OR length(contact) BETWEEN 1 AND 200),
  page text CHECK (page IS NULL OR length(page) BETWEEN 1 AND 200),
  language text NOT NULL CHECK (language IN ('de', 'en', 'tr', 'ar', 'uk', 'ru')),
  created_at timestamptz NOT NULL,
  handled_at timestamptz,
  handled_by uuid REFERENCES staff_users (id) ON DELETE SET NULL
);
CREATE INDEX accessibility_feedback_open ON accessibility_feedback (created_at DESC) WHERE handled_at IS NULL;
