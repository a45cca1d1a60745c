-- SMS codes that confirm a mobile number before a booking is final (BOOKING_PHONE_VERIFICATION).
-- Only the code's hash is stored; rows are deleted by the tick an hour after they expire.
CREATE TABLE phone_verifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  phone_e164 text NOT NULL CHECK (phone_e164 ~ '^\+[1-9][0-9]{6,14}$'),
  code_hash bytea NOT NULL,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX phone_verifications_expires_idx ON phone_verifications (expires_at);
