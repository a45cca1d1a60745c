// GET/POST /api/staff/bookings/:id/notes: short notes per appointment; every read is audited.
import { Hono } from 'hono';
import { findAccessibleBooking } from '../agenda/access.ts';
import { auditStaff } from '../audit/audit.ts';
import type { StaffEnv } from '../http/context.ts';
import { validate } from '../http/validation.ts';
import { insertNote, listNotes } from './repository.ts';
import { NoteSchema } from './schemas.ts';

export const noteRoutes = new Hono<StaffEnv>()
  .get('/bookings/:id/notes', async (c) => {
    const actor = c.get('actor');
    const db = c.get('db');
    const booking = await findAccessibleBooking(db, actor, c.req.param('id'));
    const notes = await listNotes(db, booking.id);
    await auditStaff(c, 'notes_read', { entityType: 'booking', entityId: booking.id, db });
    c.header('cache-control', 'no-store');
    return c.json({
      notes: notes.map((n) => ({
        id: n.id,
        body: n.body,
        createdAt: new Date(n.created_at).toISOString(),
        author: n.author_name ?? null,
      })),
    });
  })
  .post('/bookings/:id/notes', validate('json', NoteSchema), async (c) => {
    const actor = c.get('actor');
    const db = c.get('db');
    const booking = await findAccessibleBooking(db, actor, c.req.param('id'));
    const now = c.get('clock').now();
    const note = await db.transaction().execute(async (trx) => {
      const row = await insertNote(trx, {
        bookingId: booking.id,
        authorId: actor.userId,
        body: c.req.valid('json').body,
        now,
      });
      await auditStaff(c, 'note_added', {
        entityType: 'booking',
        entityId: booking.id,
        detail: { noteId: row.id },
        db: trx,
      });
      return row;
    });
    return c.json(
      {
        note: {
          id: note.id,
          body: note.body,
          createdAt: new Date(note.created_at).toISOString(),
          author: actor.displayName,
        },
      },
      201,
    );
  });
