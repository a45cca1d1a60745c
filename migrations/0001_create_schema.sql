-- The whole product's schema: scheduling, video sessions, messages, staff, audit.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Topics citizens can book ("Arbeitslosengeld", "Berufsberatung", ...).
CREATE TABLE services (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name_de text NOT NULL CHECK (length(name_de) BETWEEN 1 AND 200),
  name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
  description_de text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480 AND duration_minutes % 5 = 0),
  buffer_before_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_before_minutes BETWEEN 0 AND 120 AND buffer_before_minutes % 5 = 0),
  buffer_after_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_after_minutes BETWEEN 0 AND 120 AND buffer_after_minutes % 5 = 0),
  min_notice_minutes integer NOT NULL DEFAULT 120 CHECK (min_notice_minutes BETWEEN 0 AND 20160),
  horizon_days integer NOT NULL DEFAULT 42 CHECK (horizon_days BETWEEN 1 AND 365),
  slot_step_minutes integer NOT NULL DEFAULT 15 CHECK (slot_step_minutes BETWEEN 5 AND 240 AND slot_step_minutes % 5 = 0),
  active boolean NOT NULL DEFAULT true,
  sort_order integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sites (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Staff accounts: counsellors and operators (an operator may also counsel).
CREATE TABLE staff_users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 320),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('counsellor', 'operator')),
  active boolean NOT NULL DEFAULT true,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX staff_users_email_key ON staff_users (email);

CREATE TABLE staff_sessions (
  token_hash bytea PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX staff_sessions_user_idx ON staff_sessions (user_id);
CREATE INDEX staff_sessions_expires_idx ON staff_sessions (expires_at);

-- A counsellor is a staff user who takes appointments.
CREATE TABLE counsellors (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  staff_user_id uuid NOT NULL UNIQUE REFERENCES staff_users (id) ON DELETE CASCADE,
  site_id uuid REFERENCES sites (id) ON DELETE SET NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE counsellor_skills (
  counsellor_id uuid NOT NULL REFERENCES counsellors (id) ON DELETE CASCADE,
  service_id text NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  PRIMARY KEY (counsellor_id, service_id)
);
CREATE INDEX counsellor_skills_service_idx ON counsellor_skills (service_id);

-- Weekly working hours in the service time zone; weekday 1 = Monday .. 7 = Sunday (ISO).
CREATE TABLE working_hours (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  counsellor_id uuid NOT NULL REFERENCES counsellors (id) ON DELETE CASCADE,
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_time time NOT NULL,
  end_time time NOT NULL,
  CHECK (start_time < end_time),
  EXCLUDE USING gist (
    counsellor_id WITH =,
    weekday WITH =,
    tsrange('2000-01-01'::date + start_time, '2000-01-01'::date + end_time) WITH &&
  )
);

CREATE TABLE absences (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  counsellor_id uuid NOT NULL REFERENCES counsellors (id) ON DELETE CASCADE,
  period tstzrange NOT NULL CHECK (NOT isempty(period) AND lower(period) IS NOT NULL AND upper(period) IS NOT NULL),
  reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
  created_by uuid REFERENCES staff_users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX absences_counsellor_period_idx ON absences USING gist (counsellor_id, period);

-- The video system's capacity: one row.
CREATE TABLE capacity_settings (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  max_concurrent_sessions integer NOT NULL CHECK (max_concurrent_sessions BETWEEN 0 AND 100000),
  adhoc_reserve integer NOT NULL DEFAULT 0 CHECK (adhoc_reserve >= 0),
  adhoc_duration_minutes integer NOT NULL DEFAULT 30 CHECK (adhoc_duration_minutes BETWEEN 5 AND 240 AND adhoc_duration_minutes % 5 = 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (adhoc_reserve <= max_concurrent_sessions)
);

-- Maintenance windows lower the capacity to `capacity` for their period.
CREATE TABLE maintenance_windows (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  period tstzrange NOT NULL CHECK (NOT isempty(period) AND lower(period) IS NOT NULL AND upper(period) IS NOT NULL),
  capacity integer NOT NULL CHECK (capacity >= 0),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX maintenance_windows_period_idx ON maintenance_windows USING gist (period);

-- Appointments. `blocked` is the counsellor's time including buffers, `session` the video time.
CREATE TABLE bookings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  service_id text NOT NULL REFERENCES services (id),
  counsellor_id uuid NOT NULL REFERENCES counsellors (id),
  kind text NOT NULL DEFAULT 'scheduled' CHECK (kind IN ('scheduled', 'adhoc')),
  status text NOT NULL DEFAULT 'confirmed' CHECK (status IN ('confirmed', 'cancelled', 'completed', 'no_show')),
  start_at timestamptz NOT NULL,
  end_at timestamptz NOT NULL,
  blocked tstzrange NOT NULL,
  join_code_hash bytea NOT NULL UNIQUE,
  manage_token_hash bytea UNIQUE,
  room_name text NOT NULL UNIQUE,
  phone_e164 text CHECK (phone_e164 ~ '^\+[1-9][0-9]{6,14}$'),
  name text CHECK (length(name) <= 200),
  email text CHECK (length(email) <= 320),
  customer_number text CHECK (length(customer_number) <= 64),
  language text NOT NULL DEFAULT 'de' CHECK (language IN ('de', 'en')),
  sms_opt_out boolean NOT NULL DEFAULT false,
  needs_rebooking boolean NOT NULL DEFAULT false,
  needs_rebooking_reason text,
  rescheduled_from uuid REFERENCES bookings (id),
  cancelled_at timestamptz,
  cancelled_by text CHECK (cancelled_by IN ('citizen', 'staff', 'system')),
  counsellor_delay_minutes integer CHECK (counsellor_delay_minutes BETWEEN 0 AND 120),
  citizen_joined_at timestamptz,
  counsellor_joined_at timestamptz,
  ended_at timestamptz,
  phone_fallback_at timestamptz,
  personal_data_erased_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (start_at < end_at),
  CHECK (lower(blocked) <= start_at AND upper(blocked) >= end_at),
  -- Scheduled appointments sit on the five-minute grid the capacity buckets use.
  CHECK (kind = 'adhoc' OR (date_trunc('minute', start_at) = start_at AND extract(minute FROM start_at)::int % 5 = 0
                           AND date_trunc('minute', end_at) = end_at AND extract(minute FROM end_at)::int % 5 = 0)),
  -- The law: a counsellor is never booked twice for overlapping times.
  CONSTRAINT bookings_no_counsellor_overlap EXCLUDE USING gist (counsellor_id WITH =, blocked WITH &&)
    WHERE (status IN ('confirmed', 'completed'))
);
CREATE INDEX bookings_start_idx ON bookings (start_at) WHERE status = 'confirmed';
CREATE INDEX bookings_counsellor_start_idx ON bookings (counsellor_id, start_at);
CREATE INDEX bookings_service_start_idx ON bookings (service_id, start_at);
CREATE INDEX bookings_needs_rebooking_idx ON bookings (start_at) WHERE needs_rebooking AND status = 'confirmed';
CREATE INDEX bookings_retention_idx ON bookings (end_at) WHERE personal_data_erased_at IS NULL;

-- Capacity counters per five-minute bucket [start_at, start_at + 5 min).
CREATE TABLE capacity_buckets (
  start_at timestamptz PRIMARY KEY CHECK (date_trunc('minute', start_at) = start_at AND extract(minute FROM start_at)::int % 5 = 0),
  capacity integer NOT NULL CHECK (capacity >= 0),
  reserve integer NOT NULL CHECK (reserve >= 0),
  scheduled_used integer NOT NULL DEFAULT 0 CHECK (scheduled_used >= 0),
  adhoc_used integer NOT NULL DEFAULT 0 CHECK (adhoc_used >= 0)
);

-- The law for capacity: an increase may never take a bucket above its capacity (total) or
-- scheduled sessions into the ad-hoc reserve. Lowering capacity is allowed; the affected bookings
-- are flagged for rebooking by the application in the same transaction.
CREATE FUNCTION capacity_buckets_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.scheduled_used > OLD.scheduled_used
     AND NEW.scheduled_used + NEW.adhoc_used > greatest(NEW.capacity - NEW.reserve, 0) THEN
    RAISE EXCEPTION 'capacity exceeded at %', NEW.start_at USING ERRCODE = 'check_violation', CONSTRAINT = 'capacity_buckets_capacity';
  END IF;
  IF NEW.adhoc_used > OLD.adhoc_used AND NEW.scheduled_used + NEW.adhoc_used > NEW.capacity THEN
    RAISE EXCEPTION 'capacity exceeded at %', NEW.start_at USING ERRCODE = 'check_violation', CONSTRAINT = 'capacity_buckets_capacity';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER capacity_buckets_guard BEFORE UPDATE ON capacity_buckets
  FOR EACH ROW EXECUTE FUNCTION capacity_buckets_guard();

CREATE FUNCTION capacity_buckets_guard_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.scheduled_used > 0 AND NEW.scheduled_used + NEW.adhoc_used > greatest(NEW.capacity - NEW.reserve, 0) THEN
    RAISE EXCEPTION 'capacity exceeded at %', NEW.start_at USING ERRCODE = 'check_violation', CONSTRAINT = 'capacity_buckets_capacity';
  END IF;
  IF NEW.adhoc_used > 0 AND NEW.scheduled_used + NEW.adhoc_used > NEW.capacity THEN
    RAISE EXCEPTION 'capacity exceeded at %', NEW.start_at USING ERRCODE = 'check_violation', CONSTRAINT = 'capacity_buckets_capacity';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER capacity_buckets_guard_insert BEFORE INSERT ON capacity_buckets
  FOR EACH ROW EXECUTE FUNCTION capacity_buckets_guard_insert();

-- Counsellor notes per appointment.
CREATE TABLE booking_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  booking_id uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
  author_id uuid REFERENCES staff_users (id) ON DELETE SET NULL,
  body text NOT NULL CHECK (length(body) <= 10000),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX booking_notes_booking_idx ON booking_notes (booking_id);

-- Video sessions as LiveKit reports them (webhooks).
CREATE TABLE room_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  booking_id uuid REFERENCES bookings (id) ON DELETE SET NULL,
  room_name text NOT NULL,
  room_sid text NOT NULL UNIQUE,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  max_participants integer NOT NULL DEFAULT 0
);
CREATE INDEX room_sessions_started_idx ON room_sessions (started_at);
CREATE INDEX room_sessions_booking_idx ON room_sessions (booking_id);

CREATE TABLE participant_events (
  id bigserial PRIMARY KEY,
  webhook_id text NOT NULL UNIQUE,
  booking_id uuid REFERENCES bookings (id) ON DELETE SET NULL,
  room_name text NOT NULL,
  identity text NOT NULL,
  role text NOT NULL CHECK (role IN ('citizen', 'counsellor', 'other')),
  event text NOT NULL CHECK (event IN ('joined', 'left')),
  at timestamptz NOT NULL
);
CREATE INDEX participant_events_booking_idx ON participant_events (booking_id, at);

-- Client-side join failures, reported by the join page (no personal data).
CREATE TABLE join_failures (
  id bigserial PRIMARY KEY,
  booking_id uuid REFERENCES bookings (id) ON DELETE SET NULL,
  browser text NOT NULL CHECK (length(browser) <= 64),
  reason text NOT NULL CHECK (length(reason) <= 200),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX join_failures_at_idx ON join_failures (at);

CREATE TABLE survey_responses (
  booking_id uuid PRIMARY KEY REFERENCES bookings (id) ON DELETE CASCADE,
  recommend boolean NOT NULL,
  ease_of_use smallint NOT NULL CHECK (ease_of_use BETWEEN 1 AND 5),
  comment text CHECK (length(comment) <= 2000),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Messages to citizens, written in the same transaction as their cause.
CREATE TABLE outbox_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  booking_id uuid REFERENCES bookings (id) ON DELETE SET NULL,
  channel text NOT NULL DEFAULT 'sms' CHECK (channel IN ('sms', 'email')),
  kind text NOT NULL CHECK (kind IN ('confirmation', 'reminder', 'cancellation', 'rescheduled', 'counsellor_ready', 'running_late', 'adhoc_link', 'rebooking_needed')),
  dedupe_key text NOT NULL UNIQUE,
  recipient text,
  body text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'dead', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0,
  not_before timestamptz NOT NULL DEFAULT now(),
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  last_error text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_due_idx ON outbox_messages (next_attempt_at) WHERE status IN ('pending', 'sending');
CREATE INDEX outbox_booking_idx ON outbox_messages (booking_id);

-- Operator settings (SMS, retention, case-file link, reminders) as typed JSON values.
CREATE TABLE settings (
  key text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9_]{0,62}$'),
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Who accessed or changed what.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_type text NOT NULL CHECK (actor_type IN ('staff', 'citizen', 'system')),
  actor_id uuid,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  request_id text
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);
