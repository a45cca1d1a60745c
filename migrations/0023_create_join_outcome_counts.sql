-- Join attempts by audience and outcome for GET /metrics: one counter row each, shared by every process.
-- Written by a single autocommit upsert after the answer is known, never inside a booking's transaction.
CREATE TABLE join_outcome_counts (
  audience text NOT NULL CHECK (audience IN ('citizen', 'counsellor')),
  outcome text NOT NULL CHECK (outcome ~ '^[a-z][a-z0-9_]{0,62}$'),
  count bigint NOT NULL DEFAULT 0 CHECK (count >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (audience, outcome)
);
