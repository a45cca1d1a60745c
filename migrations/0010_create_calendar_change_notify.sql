-- Tells every application process when calendar data changed, so caches of free slots in other
-- processes and Durable Objects are dropped at commit (LISTEN calendar_changed; see functions/db/change-listener.ts).
--
-- The payload is the scope: 'bookings' when only bookings or capacity use changed (memoised rosters and
-- services stay valid), 'all' for anything else the calendar depends on. NOTIFY is delivered only on
-- commit and identical payloads within one transaction collapse into one, so a booking (booking row plus
-- capacity buckets) costs one notification.
CREATE FUNCTION notify_calendar_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('calendar_changed', TG_ARGV[0]);
  RETURN NULL;
END;
$$;

-- Only the columns the calendar reads: joining a call or erasing personal data notifies nobody.
CREATE TRIGGER bookings_calendar_change
  AFTER INSERT OR DELETE OR UPDATE OF status, start_at, end_at, blocked, counsellor_id, service_id, kind ON bookings
  FOR EACH STATEMENT EXECUTE FUNCTION notify_calendar_change('bookings');
CREATE TRIGGER capacity_buckets_calendar_change AFTER INSERT OR UPDATE OR DELETE ON capacity_buckets
  FOR EACH STATEMENT EXECUTE FUNCTION notify_calendar_change('bookings');
CREATE TRIGGER absences_calendar_change AFTER INSERT OR UPDATE OR DELETE ON absences
  FOR EACH STATEMENT EXECUTE FUNCTION notify_calendar_change('all');
CREATE TRIGGER working_hours_calendar_change AFTER INSERT OR UPDATE OR DELETE ON working_hours
  FOR EACH STATEMENT EXECUTE FUNCTION notify_calendar_change('all');
CREATE TRIGGER counsellors_calendar_change AFTER INSERT OR UPDATE OR DELETE ON counsellors
  FOR EACH STATEMENT EXECUTE FUNCTION notify_calendar_change('all');
CREATE TRIGGER counsellor_skills_calendar_change AFTER INSERT OR UPDATE OR DELETE ON counsellor_skills
  FOR EACH STATEMENT EXECUTE FUNCTION notify_calendar_change('all');
CREATE TRIGGER services_calendar_change AFTER INSERT OR UPDATE OR DELETE ON services
  FOR EACH STATEMENT EXECUTE FUNCTION notify_calendar_change('all');
CREATE TRIGGER capacity_settings_calendar_change AFTER INSERT OR UPDATE OR DELETE ON capacity_settings
  FOR EACH STATEMENT EXECUTE FUNCTION notify_calendar_change('all');
CREATE TRIGGER maintenance_windows_calendar_change AFTER INSERT OR UPDATE OR DELETE ON maintenance_windows
  FOR EACH STATEMENT EXECUTE FUNCTION notify_calendar_change('all');
