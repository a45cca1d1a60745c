-- Idempotency-Key of POST /api/bookings: a request repeated after a lost answer (a proxy's 502, a dropped
-- connection) gets the first answer instead of a second booking. Written in the same statement as the
-- booking, so a key exists exactly when its booking does. Join and manage links are kept sealed
-- (LINK_ENCRYPTION_KEYS), as in queued SMS; housekeeping deletes keys after a day.
create table booking_request_keys (
  key_hash bytea primary key,
  request_hash bytea not null,
  booking_id uuid not null references bookings (id) on delete cascade,
  sealed_links text not null,
  created_at timestamptz not null default now()
);

create index booking_request_keys_created_at on booking_request_keys (created_at);
create index booking_request_keys_booking on booking_request_keys (booking_id);
