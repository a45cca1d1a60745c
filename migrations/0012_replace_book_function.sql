-- book_scheduled_slot with the same name, arguments, checks and result as migration 0003, in fewer
-- statements (issue 14): the inserted row comes back by RETURNING instead of being read again, and the
-- outbox messages and the audit entry are written by one statement. The booking's count for its
-- counsellor and day (migration 0141) is kept by the bookings trigger.
CREATE OR REPLACE FUNCTION book_scheduled_slot(
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
  p_audit jsonb
) RETURNS SETOF bookings LANGUAGE plpgsql AS $$
DECLARE
  v_counsellor uuid;
  v_booking bookings;
  v_blocked tstzrange := tstzrange(p_blocked_start, p_blocked_end, '[)');
  v_from timestamptz := to_timestamp(floor(extract(epoch FROM p_start) / 300) * 300);
  v_to timestamptz := to_timestamp(ceil(extract(epoch FROM p_end) / 300) * 300);
  v_first_day date := (p_blocked_start AT TIME ZONE p_time_zone)::date;
  v_last_day date := (p_blocked_end AT TIME ZONE p_time_zone)::date;
  v_fits boolean;
  v_taken integer;
BEGIN
  FOREACH v_counsellor IN ARRAY p_candidates LOOP
    INSERT INTO bookings (id, service_id, counsellor_id, kind, status, start_at, end_at, blocked, join_code_hash,
                          manage_token_hash, room_name, phone_e164, name, email, customer_number, language)
    VALUES (p_id, p_service_id, v_counsellor, 'scheduled', 'confirmed', p_start, p_end, v_blocked, p_join_code_hash,
            p_manage_token_hash, p_room_name, p_phone, p_name, p_email, p_customer_number, p_language)
    ON CONFLICT DO NOTHING
    RETURNING * INTO v_booking;
    IF NOT FOUND THEN
      CONTINUE;
    END IF;

    SELECT c.active
           AND EXISTS (SELECT 1 FROM services v WHERE v.id = p_service_id AND v.active)
           AND EXISTS (SELECT 1 FROM counsellor_skills k WHERE k.counsellor_id = c.id AND k.service_id = p_service_id)
           AND NOT EXISTS (SELECT 1 FROM absences a WHERE a.counsellor_id = c.id AND a.period && v_blocked)
           AND coalesce((
             SELECT range_agg(tstzrange((d.day + w.start_time) AT TIME ZONE p_time_zone,
                                        (d.day + w.end_time) AT TIME ZONE p_time_zone, '[)'))
             FROM (SELECT v_first_day + i AS day FROM generate_series(-1, v_last_day - v_first_day + 1) AS i) AS d
             JOIN working_hours w ON w.counsellor_id = c.id AND w.weekday = extract(isodow FROM d.day)
           ) @> v_blocked, false)
    INTO v_fits
    FROM counsellors c WHERE c.id = v_counsellor;
    IF NOT coalesce(v_fits, false) THEN
      DELETE FROM bookings WHERE id = p_id;
      CONTINUE;
    END IF;

    WITH settings AS (
      SELECT max_concurrent_sessions AS cap, adhoc_reserve AS reserve
      FROM capacity_settings WHERE id = 1 FOR SHARE
    ), wanted AS (
      SELECT g AS start_at FROM generate_series(v_from, v_to - interval '5 minutes', interval '5 minutes') AS g
    )
    INSERT INTO capacity_buckets AS b (start_at, capacity, reserve, scheduled_used)
    SELECT w.start_at,
           least(s.cap, coalesce((SELECT min(m.capacity) FROM maintenance_windows m
                                  WHERE m.period && tstzrange(w.start_at, w.start_at + interval '5 minutes')), s.cap)),
           s.reserve, 1
    FROM wanted w CROSS JOIN settings s
    ORDER BY w.start_at
    ON CONFLICT (start_at) DO UPDATE SET scheduled_used = b.scheduled_used + 1;
    GET DIAGNOSTICS v_taken = ROW_COUNT;
    IF v_taken <> (extract(epoch FROM v_to - v_from) / 300)::integer THEN
      RAISE EXCEPTION 'no capacity settings' USING ERRCODE = 'check_violation', CONSTRAINT = 'capacity_buckets_capacity';
    END IF;

    WITH messages AS (
      INSERT INTO outbox_messages (booking_id, kind, dedupe_key, recipient, body, not_before, next_attempt_at, created_at)
      SELECT p_id, m.kind, m.dedupe_key, m.recipient, m.body, m.not_before, m.next_attempt_at, coalesce(m.created_at, now())
      FROM jsonb_to_recordset(p_messages) AS m(kind text, dedupe_key text, recipient text, body text,
                                               not_before timestamptz, next_attempt_at timestamptz, created_at timestamptz)
      ON CONFLICT (dedupe_key) DO NOTHING
    )
    INSERT INTO audit_log (actor_type, action, entity_type, entity_id, detail, request_id)
    VALUES (p_audit->>'actorType', p_audit->>'action', p_audit->>'entityType', p_id::text,
            coalesce(p_audit->'detail', '{}'::jsonb) || jsonb_build_object('counsellorId', v_counsellor),
            p_audit->>'requestId');

    RETURN NEXT v_booking;
    RETURN;
  END LOOP;
END;
$$;
