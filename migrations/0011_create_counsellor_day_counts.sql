-- Bookings per counsellor and local day, kept by a trigger, so that choosing the least-booked counsellor
-- for a slot reads one row per candidate instead of counting that day's bookings (issue 14).
--
-- Counted like the fairness ranking always did: bookings in status confirmed or completed, on the local
-- date of start_at in the time zone of day_count_zone (the service's TIME_ZONE; the application resets it
-- with set_day_count_zone when its configuration names another zone).
CREATE TABLE day_count_zone (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  time_zone text NOT NULL
);
INSERT INTO day_count_zone (id, time_zone) VALUES (1, 'Europe/Berlin');

CREATE TABLE counsellor_day_counts (
  counsellor_id uuid NOT NULL REFERENCES counsellors (id) ON DELETE CASCADE,
  day date NOT NULL,
  bookings integer NOT NULL CHECK (bookings >= 0),
  PRIMARY KEY (counsellor_id, day)
);

CREATE FUNCTION count_counsellor_day(p_counsellor uuid, p_start timestamptz, p_delta integer) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO counsellor_day_counts AS d (counsellor_id, day, bookings)
  SELECT p_counsellor, (p_start AT TIME ZONE z.time_zone)::date, greatest(p_delta, 0) FROM day_count_zone z
  ON CONFLICT (counsellor_id, day) DO UPDATE SET bookings = d.bookings + p_delta;
$$;

CREATE FUNCTION count_counsellor_days() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_old boolean := TG_OP <> 'INSERT' AND OLD.status IN ('confirmed', 'completed');
  v_new boolean := TG_OP <> 'DELETE' AND NEW.status IN ('confirmed', 'completed');
  v_moved boolean := TG_OP = 'UPDATE' AND (OLD.counsellor_id, OLD.start_at) IS DISTINCT FROM (NEW.counsellor_id, NEW.start_at);
BEGIN
  IF v_old AND (NOT v_new OR v_moved) THEN
    PERFORM count_counsellor_day(OLD.counsellor_id, OLD.start_at, -1);
  END IF;
  IF v_new AND (NOT v_old OR v_moved) THEN
    PERFORM count_counsellor_day(NEW.counsellor_id, NEW.start_at, 1);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER bookings_count_counsellor_days
  AFTER INSERT OR DELETE OR UPDATE OF status, start_at, counsellor_id ON bookings
  FOR EACH ROW EXECUTE FUNCTION count_counsellor_days();

-- Recounts everything for another zone (under an exclusive lock, so no booking counts half in each).
CREATE FUNCTION set_day_count_zone(p_time_zone text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE counsellor_day_counts IN EXCLUSIVE MODE;
  IF (SELECT time_zone FROM day_count_zone) = p_time_zone THEN
    RETURN;
  END IF;
  UPDATE day_count_zone SET time_zone = p_time_zone;
  DELETE FROM counsellor_day_counts;
  INSERT INTO counsellor_day_counts (counsellor_id, day, bookings)
  SELECT counsellor_id, (start_at AT TIME ZONE p_time_zone)::date, count(*)
  FROM bookings WHERE status IN ('confirmed', 'completed')
  GROUP BY 1, 2;
END;
$$;

INSERT INTO counsellor_day_counts (counsellor_id, day, bookings)
SELECT counsellor_id, (start_at AT TIME ZONE 'Europe/Berlin')::date, count(*)
FROM bookings WHERE status IN ('confirmed', 'completed')
GROUP BY 1, 2;
