-- Interpreters as a third participant: who they are, which languages and hours, and their claims on bookings.
--
-- An interpreter is managed like a counsellor (languages instead of skills, weekly hours in the service's
-- time zone) but is not a staff user: they join with their own join code, like the citizen. A claim
-- (`interpreter_bookings`) blocks the interpreter for the booking's blocked time (exclusion constraint)
-- and counts `extra_sessions` more sessions into the capacity buckets, because a three-person session
-- costs the video servers more than a two-person one (the weight is chosen by the application, see
-- docs/security.md and README). Cancelling the booking releases the interpreter and that capacity.
CREATE TABLE interpreters (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  phone_e164 text NOT NULL CHECK (phone_e164 ~ '^\+[1-9][0-9]{6,14}$'),
  email text CHECK (length(email) <= 320),
  -- ISO 639-1 codes, or 'dgs' for German Sign Language (Deutsche Gebärdensprache).
  languages text[] NOT NULL CHECK (cardinality(languages) BETWEEN 1 AND 20 AND array_position(languages, NULL) IS NULL),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX interpreters_languages_idx ON interpreters USING gin (languages);

CREATE TABLE interpreter_hours (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  interpreter_id uuid NOT NULL REFERENCES interpreters (id) ON DELETE CASCADE,
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_time time NOT NULL,
  end_time time NOT NULL,
  CHECK (start_time < end_time),
  EXCLUDE USING gist (
    interpreter_id WITH =,
    weekday WITH =,
    tsrange('2000-01-01'::date + start_time, '2000-01-01'::date + end_time) WITH &&
  )
);
CREATE INDEX interpreter_hours_interpreter_idx ON interpreter_hours (interpreter_id);

CREATE TABLE interpreter_bookings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  booking_id uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
  interpreter_id uuid NOT NULL REFERENCES interpreters (id),
  language text NOT NULL CHECK (language ~ '^[a-z]{2,3}$'),
  blocked tstzrange NOT NULL,
  status text NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed', 'cancelled')),
  join_code_hash bytea NOT NULL UNIQUE,
  extra_sessions integer NOT NULL CHECK (extra_sessions BETWEEN 0 AND 10),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- The law: an interpreter is never booked twice for overlapping times.
  CONSTRAINT interpreter_bookings_no_overlap EXCLUDE USING gist (interpreter_id WITH =, blocked WITH &&)
    WHERE (status = 'confirmed')
);
CREATE UNIQUE INDEX interpreter_bookings_one_per_booking ON interpreter_bookings (booking_id) WHERE status = 'confirmed';
CREATE INDEX interpreter_bookings_interpreter_idx ON interpreter_bookings (interpreter_id, lower(blocked)) WHERE status = 'confirmed';

ALTER TABLE outbox_messages DROP CONSTRAINT outbox_messages_kind_check;
ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_kind_check CHECK (kind IN (
  'confirmation', 'reminder', 'cancellation', 'rescheduled', 'counsellor_ready', 'running_late', 'adhoc_link',
  'rebooking_needed', 'interpreter_invite'));

-- Adds `delta` sessions to the buckets of a booking's session (rows locked in ascending order); the
-- bucket triggers refuse an increase above the capacity with capacity_buckets_capacity.
CREATE FUNCTION shift_booking_capacity(p_booking bookings, p_delta integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_from timestamptz := to_timestamp(floor(extract(epoch FROM p_booking.start_at) / 300) * 300);
  v_to timestamptz := to_timestamp(ceil(extract(epoch FROM p_booking.end_at) / 300) * 300);
BEGIN
  IF p_delta = 0 THEN
    RETURN;
  END IF;
  WITH locked AS (
    SELECT start_at FROM capacity_buckets WHERE start_at >= v_from AND start_at < v_to ORDER BY start_at FOR UPDATE
  )
  UPDATE capacity_buckets AS b
  SET scheduled_used = CASE WHEN p_booking.kind = 'scheduled' THEN greatest(b.scheduled_used + p_delta, 0) ELSE b.scheduled_used END,
      adhoc_used = CASE WHEN p_booking.kind = 'adhoc' THEN greatest(b.adhoc_used + p_delta, 0) ELSE b.adhoc_used END
  FROM locked WHERE b.start_at = locked.start_at;
END;
$$;

-- Claims the first candidate interpreter who speaks `p_language`, is active, works for the booking's
-- whole blocked time in `p_time_zone` and is not booked then (the exclusion constraint, waiting for
-- concurrent claims); counts `p_extra_sessions` into capacity and queues `p_message` (an outbox row
-- without recipient) to the interpreter's phone. Raises check_violation `interpreter_bookings_unavailable`
-- when nobody fits, so the caller's whole statement or transaction rolls back. Returns the claim's id.
CREATE FUNCTION claim_interpreter(
  p_booking_id uuid,
  p_candidates uuid[],
  p_language text,
  p_join_code_hash bytea,
  p_extra_sessions integer,
  p_time_zone text,
  p_message jsonb
) RETURNS uuid LANGUAGE plpgsql AS $$
DECLARE
  v_booking bookings;
  v_interpreter uuid;
  v_claim uuid;
  v_fits boolean;
  v_first_day date;
  v_last_day date;
BEGIN
  SELECT * INTO v_booking FROM bookings WHERE id = p_booking_id AND status = 'confirmed';
  IF NOT FOUND THEN
    RAISE EXCEPTION 'booking % is not confirmed', p_booking_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'interpreter_bookings_unavailable';
  END IF;
  v_first_day := (lower(v_booking.blocked) AT TIME ZONE p_time_zone)::date;
  v_last_day := (upper(v_booking.blocked) AT TIME ZONE p_time_zone)::date;
  FOREACH v_interpreter IN ARRAY p_candidates LOOP
    INSERT INTO interpreter_bookings (booking_id, interpreter_id, language, blocked, join_code_hash, extra_sessions)
    VALUES (p_booking_id, v_interpreter, p_language, v_booking.blocked, p_join_code_hash, p_extra_sessions)
    ON CONFLICT DO NOTHING
    RETURNING id INTO v_claim;
    IF v_claim IS NULL THEN
      CONTINUE;
    END IF;
    -- Re-read under the key-share lock the insert holds on the interpreter row.
    SELECT i.active AND p_language = ANY (i.languages)
           AND (v_booking.kind = 'adhoc' OR coalesce((
             SELECT range_agg(tstzrange((d.day + h.start_time) AT TIME ZONE p_time_zone,
                                        (d.day + h.end_time) AT TIME ZONE p_time_zone, '[)'))
             FROM (SELECT v_first_day + n AS day FROM generate_series(-1, v_last_day - v_first_day + 1) AS n) AS d
             JOIN interpreter_hours h ON h.interpreter_id = i.id AND h.weekday = extract(isodow FROM d.day)
           ) @> v_booking.blocked, false))
    INTO v_fits
    FROM interpreters i WHERE i.id = v_interpreter;
    IF NOT coalesce(v_fits, false) THEN
      DELETE FROM interpreter_bookings WHERE id = v_claim;
      v_claim := NULL;
      CONTINUE;
    END IF;
    PERFORM shift_booking_capacity(v_booking, p_extra_sessions);
    IF p_message IS NOT NULL THEN
      INSERT INTO outbox_messages (booking_id, kind, dedupe_key, recipient, body, not_before, next_attempt_at)
      SELECT p_booking_id, m.kind, m.dedupe_key, i.phone_e164, m.body, coalesce(m.not_before, now()), coalesce(m.next_attempt_at, now())
      FROM jsonb_to_record(p_message) AS m(kind text, dedupe_key text, body text, not_before timestamptz, next_attempt_at timestamptz)
      CROSS JOIN interpreters i WHERE i.id = v_interpreter
      ON CONFLICT (dedupe_key) DO NOTHING;
    END IF;
    RETURN v_claim;
  END LOOP;
  RAISE EXCEPTION 'no interpreter for % free', p_language
    USING ERRCODE = 'check_violation', CONSTRAINT = 'interpreter_bookings_unavailable';
END;
$$;

-- A cancelled claim gives its extra capacity back.
CREATE FUNCTION interpreter_bookings_release() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_booking bookings;
BEGIN
  SELECT * INTO v_booking FROM bookings WHERE id = NEW.booking_id;
  PERFORM shift_booking_capacity(v_booking, -NEW.extra_sessions);
  RETURN NEW;
END;
$$;
CREATE TRIGGER interpreter_bookings_release AFTER UPDATE OF status ON interpreter_bookings
  FOR EACH ROW WHEN (OLD.status = 'confirmed' AND NEW.status = 'cancelled')
  EXECUTE FUNCTION interpreter_bookings_release();

-- However a booking ends early (cancelled by citizen, staff or system, or moved), its interpreter is free again.
CREATE FUNCTION bookings_release_interpreter() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE interpreter_bookings SET status = 'cancelled' WHERE booking_id = NEW.id AND status = 'confirmed';
  RETURN NEW;
END;
$$;
CREATE TRIGGER bookings_release_interpreter AFTER UPDATE OF status ON bookings
  FOR EACH ROW WHEN (OLD.status = 'confirmed' AND NEW.status = 'cancelled')
  EXECUTE FUNCTION bookings_release_interpreter();

-- book_scheduled_slot_fair (migration 0143) plus an interpreter claim, in one
-- statement: if no interpreter can be claimed, the raised error undoes the booking, its capacity and
-- its messages too. Returns the booking, or no row when no counsellor candidate fits.
CREATE FUNCTION book_scheduled_slot_with_interpreter(
  p_id uuid,
  p_candidates uuid[],
  p_service_id text,
  p_start timestamptz,
  p_end timestamptz,
  p_blocked_start timestamptz,
  p_blocked_end timestamptz,
  p_join_code_hash bytea,
  p_manage_token_hash bytea,
  p_room_name text,
  p_phone text,
  p_name text,
  p_email text,
  p_customer_number text,
  p_language text,
  p_time_zone text,
  p_messages jsonb,
  p_audit jsonb,
  p_interpreter_candidates uuid[],
  p_interpreter_language text,
  p_interpreter_code_hash bytea,
  p_extra_sessions integer,
  p_interpreter_message jsonb
) RETURNS SETOF bookings LANGUAGE plpgsql AS $$
DECLARE
  v_row bookings;
BEGIN
  SELECT * INTO v_row FROM book_scheduled_slot_fair(
    p_id, p_candidates, p_service_id, p_start, p_end, p_blocked_start, p_blocked_end, p_join_code_hash,
    p_manage_token_hash, p_room_name, p_phone, p_name, p_email, p_customer_number, p_language, p_time_zone,
    p_messages, p_audit);
  IF NOT FOUND THEN
    RETURN;
  END IF;
  PERFORM claim_interpreter(p_id, p_interpreter_candidates, p_interpreter_language, p_interpreter_code_hash,
                            p_extra_sessions, p_time_zone, p_interpreter_message);
  RETURN NEXT v_row;
END;
$$;
