-- A counsellor's calendar subscription (Outlook/Exchange): a secret URL, stored only as its SHA-256 hash.
CREATE TABLE calendar_feeds (
  counsellor_id uuid PRIMARY KEY REFERENCES counsellors (id) ON DELETE CASCADE,
  token_hash bytea NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
