-- Staff login backoff moves into the shared limiter: one decaying counter per limiter key
-- (`<scope>:<HMAC with the day key>`), next to the fixed windows in rate_limit_hits. The per-installation
-- hash key goes too: every client key is now the daily HMAC of client_key_secrets.
-- UNLOGGED like rate_limit_hits: a crash resets backoff, which costs an attacker a few guesses at most.
CREATE UNLOGGED TABLE rate_limit_backoff (
  key text PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 200),
  score double precision NOT NULL CHECK (score >= 0),
  updated_at timestamptz NOT NULL,
  blocked_until timestamptz
);
CREATE INDEX rate_limit_backoff_updated_idx ON rate_limit_backoff (updated_at);

DROP TABLE login_failures;
DROP TABLE installation_keys;
