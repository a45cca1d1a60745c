-- Staff identity: single sign-on subjects, a supervisor permission, TOTP, forced password change,
-- sessions with an absolute lifetime, per-(client, account) login backoff and OpenID login states.
ALTER TABLE staff_users
  ALTER COLUMN password_hash DROP NOT NULL,
  ADD COLUMN supervisor boolean NOT NULL DEFAULT false,
  ADD COLUMN oidc_subject text UNIQUE CHECK (length(oidc_subject) BETWEEN 1 AND 255),
  ADD COLUMN totp_secret text,
  ADD COLUMN totp_enabled boolean NOT NULL DEFAULT false,
  ADD COLUMN totp_last_step bigint,
  ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
  ADD COLUMN password_changed_at timestamptz,
  ADD COLUMN password_reset_by uuid REFERENCES staff_users (id) ON DELETE SET NULL,
  ADD COLUMN password_reset_at timestamptz,
  ADD CONSTRAINT staff_users_totp_check CHECK (NOT totp_enabled OR totp_secret IS NOT NULL);

-- Sessions: a public id for the session list, the absolute end, how the user logged in, and what the
-- session may do before it is complete (a forced password change or TOTP enrolment).
ALTER TABLE staff_sessions
  ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  ADD COLUMN absolute_expires_at timestamptz,
  ADD COLUMN auth_method text NOT NULL DEFAULT 'password' CHECK (auth_method IN ('password', 'oidc')),
  ADD COLUMN pending text CHECK (pending IN ('password_change', 'totp_setup')),
  ADD COLUMN oidc_sid text,
  ADD COLUMN id_token text,
  ADD COLUMN user_agent text CHECK (length(user_agent) <= 300),
  ADD COLUMN client_hash text;
UPDATE staff_sessions SET absolute_expires_at = expires_at;
ALTER TABLE staff_sessions ALTER COLUMN absolute_expires_at SET NOT NULL;
CREATE INDEX staff_sessions_oidc_sid_idx ON staff_sessions (oidc_sid) WHERE oidc_sid IS NOT NULL;

-- Failed logins with exponential decay: one row per (client, account) and one per client (account '').
-- Accounts themselves are never locked, so an attacker elsewhere cannot lock staff out.
CREATE TABLE login_failures (
  client_hash text NOT NULL,
  account_hash text NOT NULL,
  score double precision NOT NULL CHECK (score >= 0),
  updated_at timestamptz NOT NULL,
  blocked_until timestamptz,
  PRIMARY KEY (client_hash, account_hash)
);
CREATE INDEX login_failures_updated_idx ON login_failures (updated_at);

-- OpenID Connect authorization requests in flight (state, nonce, PKCE verifier), valid for minutes.
CREATE TABLE oidc_login_states (
  state_hash bytea PRIMARY KEY,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  return_to text NOT NULL,
  expires_at timestamptz NOT NULL
);

-- The key of the keyed hash of client addresses in audit rows, made once per installation.
CREATE TABLE installation_keys (
  name text PRIMARY KEY,
  secret text NOT NULL
);
INSERT INTO installation_keys (name, secret)
VALUES ('client_address', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
