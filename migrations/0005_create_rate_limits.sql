-- Shared rate limits: fixed-window counters every app process increments in PostgreSQL, so N processes
-- give one limit, not N. Keys are `<scope>:<HMAC of the client>` and never hold an address or number.
-- UNLOGGED: counters are worth a crash-time reset, not WAL traffic on every request.
CREATE UNLOGGED TABLE rate_limit_hits (
  key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  window_start timestamptz NOT NULL,
  hits integer NOT NULL CHECK (hits >= 0),
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (key, window_start)
);
CREATE INDEX rate_limit_hits_expires_idx ON rate_limit_hits (expires_at);

-- Daily keys for the HMAC of client addresses: made by whichever process needs one first and deleted
-- after two days, so a stored client key cannot be linked back to an address once its day is over.
CREATE TABLE client_key_secrets (
  day date PRIMARY KEY,
  secret bytea NOT NULL CHECK (length(secret) = 32),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The old per-minute join-miss table is replaced by rate_limit_hits.
DROP TABLE join_code_misses;
