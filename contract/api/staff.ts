// The counsellor console's operations below /api/staff: agenda, rooms, notes, hours, absences, the feed.

import { AbsenceBodySchema, WorkingHoursBodySchema } from '../admin/capacity.ts';
import { StatusDeleted } from '../admin/closures.ts';
import { InterpreterInvited, InviteInterpreterSchema } from '../interpreters.ts';
import {
  AdhocCreated,
  AdhocSessionSchema,
  ParticipantRemoved,
  PhoneFallback,
  Presence,
  RemoveParticipantSchema,
  SessionEnded,
  StaffJoinTicket,
} from '../join.ts';
import { RunningLateSaved, RunningLateSchema } from '../notifications.ts';
import { audience, ID, json, other, read } from '../operation.ts';
import { Agenda, AgendaQuerySchema } from '../staff/agenda.ts';
import {
  AbsenceCreated,
  AbsenceList,
  Deleted,
  WorkingHours,
  WorkingHoursSaved,
} from '../staff/availability.ts';
import { CalendarFeedCreated, CalendarFeedState } from '../staff/calendar.ts';
import { NoteCreated, NoteList, NoteSchema } from '../staff/notes.ts';

export const STAFF_OPERATIONS = audience('staff', [
  {
    method: 'get',
    path: '/api/staff/agenda',
    summary:
      "The counsellor's appointments (a supervisor's: the team's); 304 with If-None-Match when unchanged.",
    query: AgendaQuerySchema,
    answers: { 200: json(Agenda), 304: other(null, 'Not modified') },
  },
  {
    method: 'post',
    path: '/api/staff/adhoc-sessions',
    summary: 'Start an immediate session and send the citizen the link by SMS.',
    body: AdhocSessionSchema,
    answers: { 201: json(AdhocCreated, 'Started') },
    problems: [409],
  },
  {
    method: 'post',
    path: '/api/staff/bookings/{id}/join',
    summary: "The counsellor's video ticket for an own appointment.",
    params: ID,
    answers: { 200: json(StaffJoinTicket) },
    problems: [410, 425],
  },
  {
    method: 'get',
    path: '/api/staff/bookings/{id}/presence',
    summary: 'Who is in the room now.',
    params: ID,
    answers: { 200: json(Presence) },
  },
  {
    method: 'post',
    path: '/api/staff/bookings/{id}/end',
    summary: 'End the session for everyone.',
    params: ID,
    answers: { 200: json(SessionEnded) },
    problems: [409],
  },
  {
    method: 'post',
    path: '/api/staff/bookings/{id}/remove-participant',
    summary: 'Remove one participant from the room.',
    params: ID,
    body: RemoveParticipantSchema,
    answers: { 200: json(ParticipantRemoved) },
  },
  {
    method: 'post',
    path: '/api/staff/bookings/{id}/running-late',
    summary: 'Tell the citizen the counsellor is late (SMS and waiting room); 0 withdraws it.',
    params: ID,
    body: RunningLateSchema,
    answers: { 200: json(RunningLateSaved) },
    problems: [409],
  },
  {
    method: 'post',
    path: '/api/staff/bookings/{id}/phone-fallback',
    summary: 'Record that the session continued by phone.',
    params: ID,
    answers: { 200: json(PhoneFallback) },
    problems: [409],
  },
  {
    method: 'get',
    path: '/api/staff/bookings/{id}/notes',
    summary: "The appointment's confidential notes (each read is audited).",
    params: ID,
    answers: { 200: json(NoteList) },
  },
  {
    method: 'post',
    path: '/api/staff/bookings/{id}/notes',
    summary: 'Add a note.',
    params: ID,
    body: NoteSchema,
    answers: { 201: json(NoteCreated, 'Stored') },
  },
  {
    method: 'post',
    path: '/api/staff/bookings/{id}/interpreter',
    summary: 'Invite a free interpreter into a running session by SMS.',
    params: ID,
    body: InviteInterpreterSchema,
    answers: { 201: json(InterpreterInvited, 'Invited') },
    problems: [409],
  },
  read('/api/staff/calendar-feed', 'Whether the own calendar subscription is active.', CalendarFeedState),
  {
    method: 'post',
    path: '/api/staff/calendar-feed',
    summary: 'A new secret subscription URL; the old one stops working.',
    answers: { 201: json(CalendarFeedCreated, 'Created') },
  },
  {
    method: 'delete',
    path: '/api/staff/calendar-feed',
    summary: 'Stop the subscription.',
    answers: { 200: json(StatusDeleted) },
    problems: [404],
  },
  read('/api/staff/working-hours', 'The own weekly hours.', WorkingHours),
  {
    method: 'put',
    path: '/api/staff/working-hours',
    summary: 'Replace the own weekly hours; bookings outside them are flagged for rebooking.',
    body: WorkingHoursBodySchema,
    answers: { 200: json(WorkingHoursSaved) },
  },
  read('/api/staff/absences', 'The own absences.', AbsenceList),
  {
    method: 'post',
    path: '/api/staff/absences',
    summary: 'Add an absence; bookings in it are flagged for rebooking.',
    body: AbsenceBodySchema,
    answers: { 201: json(AbsenceCreated, 'Stored') },
  },
  {
    method: 'delete',
    path: '/api/staff/absences/{id}',
    summary: 'Delete an own absence.',
    params: ID,
    answers: { 200: json(Deleted) },
  },
]);
