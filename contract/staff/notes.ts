// valibot schemas for notes.
import * as v from 'valibot';

export const NoteSchema = v.strictObject({
  body: v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(10000)),
});

export const Note = v.object({
  id: v.string(),
  body: v.string(),
  createdAt: v.string(),
  author: v.nullable(v.string()),
});
export type Note = v.InferOutput<typeof Note>;

export const NoteList = v.object({ notes: v.array(Note) });
export const NoteCreated = v.object({ note: Note });
