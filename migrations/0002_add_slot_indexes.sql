-- Indexes for what the slot calendar reads on every request: live bookings by time, weekly hours, absences.
CREATE INDEX bookings_live_start_idx ON bookings (start_at)
  INCLUDE (end_at, counsellor_id, blocked)
  WHERE status IN ('confirmed', 'completed');
CREATE INDEX working_hours_counsellor_idx ON working_hours (counsellor_id);
CREATE INDEX absences_period_idx ON absences USING gist (period);
CREATE INDEX bookings_counsellor_live_start_idx ON bookings (counsellor_id, start_at)
  WHERE status IN ('confirmed', 'completed');
