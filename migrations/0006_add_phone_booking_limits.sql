-- Limits per phone number, enforced where bookings are written so every process and every version of
-- book_scheduled_slot obeys them: at most `active_per_phone` confirmed future citizen bookings and at most
-- `per_phone_per_day` new ones in 24 hours (cancelled ones count: booking and cancelling still sends SMS).
-- The app writes the values from its configuration into booking_limits; a missing row means the defaults.
CREATE TABLE booking_limits (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  active_per_phone integer NOT NULL CHECK (active_per_phone >= 1),
  per_phone_per_day integer NOT NULL CHECK (per_phone_per_day >= 1),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX bookings_phone_created_idx ON bookings (phone_e164, created_at) WHERE phone_e164 IS NOT NULL;

CREATE FUNCTION enforce_phone_booking_limits() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  max_active integer;
  max_daily integer;
  active integer;
  daily integer;
  retry_at timestamptz;
BEGIN
  -- Only new citizen appointments: a moved appointment (rescheduled_from) and ad-hoc sessions are not new demand.
  IF NEW.phone_e164 IS NULL OR NEW.kind <> 'scheduled' OR NEW.status <> 'confirmed' OR NEW.rescheduled_from IS NOT NULL THEN
    RETURN NEW;
  END IF;
  SELECT l.active_per_phone, l.per_phone_per_day INTO max_active, max_daily FROM booking_limits l WHERE l.id;
  max_active := coalesce(max_active, 2);
  max_daily := coalesce(max_daily, 4);
  -- One booking per number at a time, across all sessions, so ten parallel requests cannot all see "one left".
  PERFORM pg_advisory_xact_lock(hashtextextended('phone-limit:' || NEW.phone_e164, 0));
  SELECT count(*), min(b.end_at) INTO active, retry_at FROM bookings b
   WHERE b.phone_e164 = NEW.phone_e164 AND b.status = 'confirmed' AND b.kind = 'scheduled' AND b.end_at > now();
  IF active >= max_active THEN
    RAISE EXCEPTION 'phone_active_limit' USING ERRCODE = 'check_violation', CONSTRAINT = 'phone_booking_limit',
      DETAIL = greatest(60, ceil(extract(epoch FROM retry_at - now())))::bigint::text;
  END IF;
  SELECT count(*), min(b.created_at) INTO daily, retry_at FROM bookings b
   WHERE b.phone_e164 = NEW.phone_e164 AND b.kind = 'scheduled' AND b.rescheduled_from IS NULL
     AND b.created_at > now() - interval '1 day';
  IF daily >= max_daily THEN
    RAISE EXCEPTION 'phone_daily_limit' USING ERRCODE = 'check_violation', CONSTRAINT = 'phone_booking_limit',
      DETAIL = greatest(60, ceil(extract(epoch FROM retry_at + interval '1 day' - now())))::bigint::text;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER bookings_phone_limits BEFORE INSERT ON bookings
  FOR EACH ROW EXECUTE FUNCTION enforce_phone_booking_limits();
