// The weekly-hours shape (HH:MM periods per ISO weekday, no overlaps) that counsellors and interpreters share.
import * as v from 'valibot';

const int = (min: number, max: number) =>
  v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(min), v.maxValue(max));

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export const WorkingHoursBodySchema = v.pipe(
  v.object({
    hours: v.pipe(
      v.array(
        v.pipe(
          v.object({
            weekday: int(1, 7),
            start: v.pipe(v.string(), v.regex(TIME, 'must be HH:MM')),
            end: v.pipe(v.string(), v.regex(TIME, 'must be HH:MM')),
          }),
          v.forward(
            v.check((h) => h.start < h.end, 'must be after start'),
            ['end'],
          ),
        ),
      ),
      v.maxLength(70),
    ),
  }),
  v.forward(
    v.check(({ hours }) => !hasOverlap(hours), 'periods of the same weekday must not overlap'),
    ['hours'],
  ),
);

function hasOverlap(hours: { weekday: number; start: string; end: string }[]): boolean {
  const sorted = [...hours].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (prev && cur && prev.weekday === cur.weekday && cur.start < prev.end) return true;
  }
  return false;
}
