-- Public-holiday region per site, and closing days for the whole agency or one site: nobody can book them.
--
-- A site's `federal_state` chooses its public holidays (computed by the application from the
-- feiertagejs library; counsellors without a site use DEFAULT_FEDERAL_STATE). A closing day is one
-- local date; `period` is that date laid out in the service's time zone by the application, so
-- the database can compare it with booked time without knowing the zone.
ALTER TABLE sites ADD COLUMN federal_state text
  CHECK (federal_state IN ('BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'));

CREATE TABLE closing_days (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  day date NOT NULL,
  -- NULL: the whole agency is closed.
  site_id uuid REFERENCES sites (id) ON DELETE CASCADE,
  period tstzrange NOT NULL CHECK (NOT isempty(period) AND lower(period) IS NOT NULL AND upper(period) IS NOT NULL),
  reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 200),
  created_by uuid REFERENCES staff_users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT closing_days_day_site_key UNIQUE NULLS NOT DISTINCT (day, site_id)
);
CREATE INDEX closing_days_period_idx ON closing_days USING gist (period);

-- The law: no new scheduled booking on a closing day of the agency or of the counsellor's site.
-- Adding a closing day locks bookings against writes (SHARE ROW EXCLUSIVE) before it flags them,
-- so a booking either committed before (and is flagged) or runs after and is refused here.
CREATE FUNCTION bookings_closing_day_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.kind = 'scheduled' AND NEW.status = 'confirmed' AND EXISTS (
    SELECT 1 FROM closing_days d
    WHERE d.period && NEW.blocked
      AND (d.site_id IS NULL OR d.site_id = (SELECT c.site_id FROM counsellors c WHERE c.id = NEW.counsellor_id))
  ) THEN
    RAISE EXCEPTION 'closing day at %', NEW.start_at USING ERRCODE = 'check_violation', CONSTRAINT = 'bookings_closing_day';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER bookings_closing_day_guard BEFORE INSERT ON bookings
  FOR EACH ROW EXECUTE FUNCTION bookings_closing_day_guard();
