-- One claim (issue 11): claim_booking takes a counsellor's time for a citizen booking, a move of an existing
-- booking (reschedule) and an ad-hoc session, with the same rules in one statement. It replaces
-- book_scheduled_slot (0003/0012), book_scheduled_slot_fair (0013) and book_scheduled_slot_with_interpreter
-- (0018) and the TypeScript copies of their checks. Call it with named arguments; the audit entry is typed
-- (booking_audit), the contact details too (booking_contact), the detail JSON is built here.
--
-- Outcomes: the new booking row; no row when no candidate counsellor fits (nothing changed); or one of
-- these check_violation errors, which undo the whole statement (a move's cancellation included):
--   capacity_buckets_capacity        the video system has no room left (bucket triggers, 0001)
--   bookings_closing_day             a public holiday or closing day (0016)
--   interpreter_bookings_unavailable no interpreter of the language is free (0018)
--   booking_claim_taken              a move found no candidate for the new time
--   booking_claim_not_movable        the booking to move is gone, not confirmed or already begun
-- plus the phone limits of 0006.

CREATE TYPE booking_audit AS (
  actor_type text,              -- 'citizen', 'staff' or 'system'
  actor_id uuid,
  request_id text,
  interpreter text,             -- the language an interpreter was asked for
  consent_at timestamptz,       -- when the citizen agreed to the privacy notice
  consent_notice_version text
);

CREATE TYPE booking_contact AS (
  phone text,
  name text,
  email text,
  customer_number text,
  language text
);

CREATE TYPE interpreter_request AS (
  candidates uuid[],
  language text,
  code_hash bytea,
  extra_sessions integer,
  message jsonb                 -- one outbox row without recipient (claim_interpreter fills it in)
);

-- JavaScript's Date.prototype.toISOString, so audit details read the same whoever wrote them.
CREATE FUNCTION iso_instant(p timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT to_char(p AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

-- Counts a booking's session into every five-minute bucket it touches (scheduled_used or adhoc_used by its
-- kind), creating missing buckets with the capacity that applies to them (settings, lowered by maintenance
-- windows). Rows are inserted and locked in ascending order so that concurrent claims cannot deadlock;
-- capacity_settings is read FOR SHARE so an operator's change waits for, or is seen by, this transaction.
-- The bucket triggers raise capacity_buckets_capacity on overflow; so does a missing settings row.
CREATE FUNCTION take_booking_capacity(p_booking bookings) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_from timestamptz := to_timestamp(floor(extract(epoch FROM p_booking.start_at) / 300) * 300);
  v_to timestamptz := to_timestamp(ceil(extract(epoch FROM p_booking.end_at) / 300) * 300);
  v_scheduled integer := CASE WHEN p_booking.kind = 'scheduled' THEN 1 ELSE 0 END;
  v_taken integer;
BEGIN
  WITH settings AS (
    SELECT max_concurrent_sessions AS cap, adhoc_reserve AS reserve FROM capacity_settings WHERE id = 1 FOR SHARE
  ), wanted AS (
    SELECT g AS start_at FROM generate_series(v_from, v_to - interval '5 minutes', interval '5 minutes') AS g
  )
  INSERT INTO capacity_buckets AS b (start_at, capacity, reserve, scheduled_used, adhoc_used)
  SELECT w.start_at,
         least(s.cap, coalesce((SELECT min(m.capacity) FROM maintenance_windows m
                                WHERE m.period && tstzrange(w.start_at, w.start_at + interval '5 minutes')), s.cap)),
         s.reserve, v_scheduled, 1 - v_scheduled
  FROM wanted w CROSS JOIN settings s
  ORDER BY w.start_at
  ON CONFLICT (start_at) DO UPDATE
    SET scheduled_used = b.scheduled_used + EXCLUDED.scheduled_used, adhoc_used = b.adhoc_used + EXCLUDED.adhoc_used;
  GET DIAGNOSTICS v_taken = ROW_COUNT;
  IF v_taken <> (extract(epoch FROM v_to - v_from) / 300)::integer THEN
    RAISE EXCEPTION 'no capacity settings' USING ERRCODE = 'check_violation', CONSTRAINT = 'capacity_buckets_capacity';
  END IF;
END;
$$;

-- True when the counsellor may take a scheduled session of the service for `p_blocked`: counsellor and
-- service active, skilled, not absent, and the weekly hours (in `p_time_zone`) cover the whole time.
CREATE FUNCTION counsellor_fits(p_counsellor uuid, p_service_id text, p_blocked tstzrange, p_time_zone text)
RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce((
    SELECT c.active
           AND EXISTS (SELECT 1 FROM services v WHERE v.id = p_service_id AND v.active)
           AND EXISTS (SELECT 1 FROM counsellor_skills k WHERE k.counsellor_id = c.id AND k.service_id = p_service_id)
           AND NOT EXISTS (SELECT 1 FROM absences a WHERE a.counsellor_id = c.id AND a.period && p_blocked)
           AND coalesce((
             SELECT range_agg(tstzrange((d.day + w.start_time) AT TIME ZONE p_time_zone,
                                        (d.day + w.end_time) AT TIME ZONE p_time_zone, '[)'))
             FROM (SELECT (lower(p_blocked) AT TIME ZONE p_time_zone)::date + i AS day
                   FROM generate_series(-1, (upper(p_blocked) AT TIME ZONE p_time_zone)::date
                                            - (lower(p_blocked) AT TIME ZONE p_time_zone)::date + 1) AS i) AS d
             JOIN working_hours w ON w.counsellor_id = c.id AND w.weekday = extract(isodow FROM d.day)
           ) @> p_blocked, false)
    FROM counsellors c WHERE c.id = p_counsellor), false)
$$;

CREATE FUNCTION claim_booking(
  p_id uuid,                          -- chosen by the caller, so message dedupe keys can name it
  p_kind text,                        -- 'scheduled' or 'adhoc'
  p_candidates uuid[],                -- scheduled: who offers the service and works then (any order); ad-hoc: the counsellor
  p_start timestamptz,
  p_join_code_hash bytea,
  p_room_name text,
  p_time_zone text,
  p_now timestamptz,
  p_audit booking_audit,
  p_service_id text DEFAULT NULL,     -- NULL: a move keeps its service; ad-hoc takes the counsellor's first skill
  p_end timestamptz DEFAULT NULL,     -- NULL for ad-hoc: p_start + capacity_settings.adhoc_duration_minutes
  p_blocked_start timestamptz DEFAULT NULL, -- the counsellor's time with buffers; NULL: p_start / the end
  p_blocked_end timestamptz DEFAULT NULL,
  p_manage_token_hash bytea DEFAULT NULL,
  p_contact booking_contact DEFAULT NULL,
  p_messages jsonb DEFAULT '[]',      -- outbox rows (functions/notifications/outbox.ts outboxRowsJson)
  p_moves uuid DEFAULT NULL,          -- the booking a reschedule moves: cancelled first, its token and contact move along
  p_interpreter interpreter_request DEFAULT NULL
) RETURNS SETOF bookings LANGUAGE plpgsql AS $$
DECLARE
  v_old bookings;
  v_service text := p_service_id;
  v_end timestamptz := p_end;
  v_contact booking_contact := p_contact;
  v_manage bytea := p_manage_token_hash;
  v_opt_out boolean := false;
  v_blocked tstzrange;
  v_ranked uuid[];
  v_counsellor uuid;
  v_booking bookings;
BEGIN
  IF p_kind IS NULL OR p_kind NOT IN ('scheduled', 'adhoc') THEN
    RAISE EXCEPTION 'unknown booking kind %', p_kind USING ERRCODE = 'invalid_parameter_value';
  END IF;

  -- A move gives its own time back first, so the new time may overlap the old one (same counsellor too).
  IF p_moves IS NOT NULL THEN
    SELECT * INTO v_old FROM bookings WHERE id = p_moves FOR UPDATE;
    IF NOT FOUND OR v_old.status <> 'confirmed' OR v_old.start_at <= p_now THEN
      RAISE EXCEPTION 'booking % cannot be moved', p_moves
        USING ERRCODE = 'check_violation', CONSTRAINT = 'booking_claim_not_movable';
    END IF;
    v_service := coalesce(v_service, v_old.service_id);
    v_contact := ROW(v_old.phone_e164, v_old.name, v_old.email, v_old.customer_number, v_old.language);
    v_manage := v_old.manage_token_hash;
    v_opt_out := v_old.sms_opt_out;
    -- The status change releases its interpreter and that capacity (trigger of 0018).
    UPDATE bookings
    SET status = 'cancelled', cancelled_at = p_now, updated_at = p_now, manage_token_hash = NULL,
        cancelled_by = CASE WHEN (p_audit).actor_type = 'staff' THEN 'staff' ELSE 'citizen' END
    WHERE id = p_moves;
    PERFORM shift_booking_capacity(v_old, -1);
    UPDATE outbox_messages SET status = 'cancelled', body = NULL
    WHERE booking_id = p_moves AND status = 'pending'
      AND kind IN ('reminder', 'confirmation', 'rescheduled', 'counsellor_ready', 'running_late');
  END IF;

  IF p_kind = 'adhoc' THEN
    IF v_end IS NULL THEN
      SELECT p_start + make_interval(mins => adhoc_duration_minutes) INTO v_end
      FROM capacity_settings WHERE id = 1 FOR SHARE;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'no capacity settings' USING ERRCODE = 'check_violation', CONSTRAINT = 'capacity_buckets_capacity';
      END IF;
    END IF;
    IF v_service IS NULL THEN
      SELECT s.id INTO v_service FROM services s
      LEFT JOIN counsellor_skills k ON k.service_id = s.id AND k.counsellor_id = p_candidates[1]
      WHERE s.active ORDER BY (k.counsellor_id IS NULL), s.sort_order, s.id LIMIT 1;
      IF v_service IS NULL THEN
        RAISE EXCEPTION 'no active service exists for an ad-hoc session' USING ERRCODE = 'no_data_found';
      END IF;
    END IF;
  END IF;
  v_blocked := tstzrange(coalesce(p_blocked_start, p_start), coalesce(p_blocked_end, v_end), '[)');

  IF p_kind = 'scheduled' THEN
    -- Fewest bookings that local day first (counsellor_day_counts, 0011); ties random, so parallel calls
    -- spread out. Booked and absent counsellors are dropped here; the loop re-checks under its locks.
    IF (SELECT time_zone FROM day_count_zone) IS DISTINCT FROM p_time_zone THEN
      PERFORM set_day_count_zone(p_time_zone);
    END IF;
    SELECT coalesce(array_agg(c.id ORDER BY coalesce(n.bookings, 0), random()), '{}')
    INTO v_ranked
    FROM unnest(p_candidates) AS c(id)
    LEFT JOIN counsellor_day_counts n ON n.counsellor_id = c.id AND n.day = (p_start AT TIME ZONE p_time_zone)::date
    WHERE NOT EXISTS (SELECT 1 FROM bookings b WHERE b.counsellor_id = c.id AND b.status IN ('confirmed', 'completed')
                        AND b.blocked && v_blocked)
      AND NOT EXISTS (SELECT 1 FROM absences a WHERE a.counsellor_id = c.id AND a.period && v_blocked);
  ELSE
    v_ranked := p_candidates;
  END IF;

  FOREACH v_counsellor IN ARRAY v_ranked LOOP
    -- The exclusion constraint refuses a counsellor booked meanwhile (waiting for concurrent inserts).
    INSERT INTO bookings (id, service_id, counsellor_id, kind, status, start_at, end_at, blocked, join_code_hash,
                          manage_token_hash, room_name, phone_e164, name, email, customer_number, language,
                          sms_opt_out, rescheduled_from)
    VALUES (p_id, v_service, v_counsellor, p_kind, 'confirmed', p_start, v_end, v_blocked, p_join_code_hash,
            v_manage, p_room_name, (v_contact).phone, (v_contact).name, (v_contact).email, (v_contact).customer_number,
            coalesce((v_contact).language, 'de'), v_opt_out, p_moves)
    ON CONFLICT DO NOTHING
    RETURNING * INTO v_booking;
    IF NOT FOUND THEN
      CONTINUE;
    END IF;
    -- Re-read under the key-share lock the insert holds on the counsellor row, so a concurrent absence
    -- or hour change is either seen here or waits. An ad-hoc session is the counsellor's own decision.
    IF p_kind = 'scheduled' AND NOT counsellor_fits(v_counsellor, v_service, v_blocked, p_time_zone) THEN
      DELETE FROM bookings WHERE id = p_id;
      CONTINUE;
    END IF;
    PERFORM take_booking_capacity(v_booking);
    IF p_interpreter IS NOT NULL THEN
      PERFORM claim_interpreter(p_id, (p_interpreter).candidates, (p_interpreter).language,
                                (p_interpreter).code_hash, (p_interpreter).extra_sessions, p_time_zone,
                                (p_interpreter).message);
    END IF;

    WITH messages AS (
      INSERT INTO outbox_messages (booking_id, kind, dedupe_key, recipient, body, not_before, next_attempt_at, created_at)
      SELECT p_id, m.kind, m.dedupe_key, m.recipient, m.body, coalesce(m.not_before, now()),
             coalesce(m.next_attempt_at, now()), coalesce(m.created_at, now())
      FROM jsonb_to_recordset(coalesce(p_messages, '[]')) AS m(kind text, dedupe_key text, recipient text, body text,
                                               not_before timestamptz, next_attempt_at timestamptz, created_at timestamptz)
      ON CONFLICT (dedupe_key) DO NOTHING
    )
    INSERT INTO audit_log (actor_type, actor_id, action, entity_type, entity_id, detail, request_id)
    VALUES ((p_audit).actor_type, (p_audit).actor_id,
            CASE WHEN p_moves IS NOT NULL THEN 'booking.rescheduled'
                 WHEN p_kind = 'adhoc' THEN 'booking.adhoc_created' ELSE 'booking.created' END,
            'booking', p_id::text,
            jsonb_strip_nulls(jsonb_build_object(
              'serviceId', v_service, 'start', iso_instant(p_start), 'end', iso_instant(v_end),
              'counsellorId', v_counsellor, 'from', p_moves, 'interpreter', (p_audit).interpreter,
              'consent', CASE WHEN (p_audit).consent_at IS NOT NULL THEN jsonb_build_object(
                'at', iso_instant((p_audit).consent_at), 'noticeVersion', (p_audit).consent_notice_version) END)),
            (p_audit).request_id);

    RETURN NEXT v_booking;
    RETURN;
  END LOOP;

  IF p_moves IS NOT NULL THEN
    RAISE EXCEPTION 'no counsellor free for the new time' USING ERRCODE = 'check_violation', CONSTRAINT = 'booking_claim_taken';
  END IF;
END;
$$;

DROP FUNCTION book_scheduled_slot_with_interpreter(uuid, uuid[], text, timestamptz, timestamptz, timestamptz,
  timestamptz, bytea, bytea, text, text, text, text, text, text, text, jsonb, jsonb, uuid[], text, bytea, integer, jsonb);
DROP FUNCTION book_scheduled_slot_fair(uuid, uuid[], text, timestamptz, timestamptz, timestamptz, timestamptz, bytea,
  bytea, text, text, text, text, text, text, text, jsonb, jsonb);
DROP FUNCTION book_scheduled_slot(uuid, uuid[], text, timestamptz, timestamptz, timestamptz, timestamptz, bytea,
  bytea, text, text, text, text, text, text, text, jsonb, jsonb);
