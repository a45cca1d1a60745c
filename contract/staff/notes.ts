// valibot schemas for notes.
import * as v from 'valibot';

export const NoteSchema = v.strictObject({
  body: v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(10000)),
});
