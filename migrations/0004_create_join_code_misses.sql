-- Unknown join codes per client and minute: guessing is slowed for every app process behind the proxy.
-- `client_key` is a hash of the client address, never the address itself; rows live for minutes.
CREATE TABLE join_code_misses (
  client_key text NOT NULL CHECK (length(client_key) BETWEEN 1 AND 64),
  window_start timestamptz NOT NULL,
  misses integer NOT NULL DEFAULT 0 CHECK (misses >= 0),
  PRIMARY KEY (client_key, window_start)
);
CREATE INDEX join_code_misses_window_idx ON join_code_misses (window_start);
