-- A citizen booking in one round trip (issue 14): book_scheduled_slot_fair takes the same arguments as
-- book_scheduled_slot, with p_candidates being every counsellor who offers the service and works then
-- (in any order). It drops those booked or absent for the blocked time, orders the rest by their bookings
-- that local day (counsellor_day_counts, migration 0141; ties random, so parallel calls spread out) and
-- books the first that fits through book_scheduled_slot, which re-checks everything under its locks.
CREATE FUNCTION book_scheduled_slot_fair(
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
  v_blocked tstzrange := tstzrange(p_blocked_start, p_blocked_end, '[)');
  v_ranked uuid[];
BEGIN
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
  RETURN QUERY SELECT * FROM book_scheduled_slot(p_id, v_ranked, p_service_id, p_start, p_end, p_blocked_start, p_blocked_end, p_join_code_hash, p_manage_token_hash, p_room_name, p_phone, p_name, p_email, p_customer_number, p_language, p_time_zone, p_messages, p_audit);
END;
$$;
