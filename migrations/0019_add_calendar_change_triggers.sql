-- Closing days, site holiday regions and interpreters change which slots exist: they notify the slot caches too (migration 0140).
CREATE TRIGGER closing_days_calendar_change AFTER INSERT OR UPDATE OR DELETE ON closing_days
  FOR EACH STATEMENT EXECUTE FUNCTION notify_calendar_change('all');
CREATE TRIGGER sites_calendar_change AFTER INSERT OR UPDATE OR DELETE ON sites
  FOR EACH STATEMENT EXECUTE FUNCTION notify_calendar_change('all');
CREATE TRIGGER interpreters_calendar_change AFTER INSERT OR UPDATE OR DELETE ON interpreters
  FOR EACH STATEMENT EXECUTE FUNCTION notify_calendar_change('all');
CREATE TRIGGER interpreter_hours_calendar_change AFTER INSERT OR UPDATE OR DELETE ON interpreter_hours
  FOR EACH STATEMENT EXECUTE FUNCTION notify_calendar_change('all');
CREATE TRIGGER interpreter_bookings_calendar_change AFTER INSERT OR UPDATE OR DELETE ON interpreter_bookings
  FOR EACH STATEMENT EXECUTE FUNCTION notify_calendar_change('bookings');
