-- Citizens may book in Turkish, Arabic, Ukrainian and Russian too; the booking's language picks its SMS and .ics texts.
ALTER TABLE bookings DROP CONSTRAINT bookings_language_check;
ALTER TABLE bookings ADD CONSTRAINT bookings_language_check
  CHECK (language IN ('de', 'en', 'tr', 'ar', 'uk', 'ru'));
