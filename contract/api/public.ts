// The citizen, login and operations operations: what /api and the probes accept and answer (API.md).
import * as v from 'valibot';
import { AccessibilityInfo, FeedbackSchema, FeedbackStored } from '../accessibility.ts';
import {
  LoggedOut,
  LoginOptions,
  LoginResult,
  LoginSchema,
  Me,
  OidcCallbackQuery,
  OidcStartQuery,
  PasswordChanged,
  PasswordChangeSchema,
  SessionEndedStatus,
  SessionList,
  TotpConfirmSchema,
  TotpEnabled,
  TotpSetup,
} from '../auth.ts';
import {
  BookingBodySchema,
  BookingCreated,
  BookingOnly,
  IdempotencyKey,
  ManagedBooking,
  RescheduleBodySchema,
} from '../bookings.ts';
import { Health, ProbeCount, Readiness, StatusOnly } from '../health.ts';
import { InterpreterLanguages } from '../interpreters.ts';
import { IceServers, JoinFailureSchema, JoinSchema, JoinStatus, JoinTicket } from '../join.ts';
import { audience, ids, json, other, read } from '../operation.ts';
import { ServiceList } from '../services.ts';
import { SlotCalendar, SlotQuerySchema } from '../slots.ts';
import { SurveySchema, SurveyStored } from '../survey.ts';

const token = v.object({ token: v.string() });

export const CITIZEN_OPERATIONS = audience('citizen', [
  read('/api/services', 'The bookable topics, named in Accept-Language.', ServiceList),
  {
    method: 'get',
    path: '/api/slots',
    summary: 'Free start times per day, at most 42 days from `from`.',
    query: SlotQuerySchema,
    answers: { 200: json(SlotCalendar) },
  },
  {
    method: 'post',
    path: '/api/bookings',
    summary: 'Book a slot. A repeat with the same Idempotency-Key returns the first booking.',
    body: BookingBodySchema,
    headers: [
      {
        name: 'Idempotency-Key',
        required: false,
        description:
          'A UUID or 16-128 URL-safe characters; a repeat after a lost answer gets the first booking.',
        schema: IdempotencyKey,
      },
    ],
    answers: {
      200: json(BookingCreated, 'Repeat of an earlier request'),
      201: json(BookingCreated, 'Booked'),
    },
    problems: [409, 428, 429],
  },
  {
    method: 'get',
    path: '/api/bookings/manage/{token}',
    summary: 'The booking behind a manage link.',
    params: token,
    answers: { 200: json(ManagedBooking) },
    problems: [429],
  },
  {
    method: 'delete',
    path: '/api/bookings/manage/{token}',
    summary: 'Cancel the booking.',
    params: token,
    answers: { 200: json(BookingOnly, 'Cancelled') },
    problems: [409, 410, 429],
  },
  {
    method: 'post',
    path: '/api/bookings/manage/{token}/reschedule',
    summary: 'Move the booking to another free slot; the old links stop working.',
    params: token,
    body: RescheduleBodySchema,
    answers: { 200: json(BookingCreated) },
    problems: [409, 410, 429],
  },
  {
    method: 'get',
    path: '/api/bookings/manage/{token}/ics',
    summary: 'The appointment as an iCalendar file.',
    params: token,
    answers: { 200: other('text/calendar', 'iCalendar') },
    problems: [429],
  },
  {
    method: 'post',
    path: '/api/join',
    summary: 'A video ticket for the appointment behind a join code, inside its join window.',
    body: JoinSchema,
    answers: { 200: json(JoinTicket) },
    problems: [404, 410, 425, 429],
  },
  {
    method: 'post',
    path: '/api/join/status',
    summary: 'Waiting room: is the counsellor there, running late? Issues no token.',
    body: JoinSchema,
    answers: { 200: json(JoinStatus) },
    problems: [404, 429],
  },
  {
    method: 'post',
    path: '/api/join/ice',
    summary:
      'Pre-call check: TURN URLs with credentials valid 60 s, for an open room. Issues no video token.',
    body: JoinSchema,
    answers: { 200: json(IceServers) },
    problems: [404, 410, 425, 429],
  },
  {
    method: 'post',
    path: '/api/join/failure',
    summary: 'Report a failed join (browser and reason only, no personal data).',
    body: JoinFailureSchema,
    answers: { 201: json(StatusOnly, 'Recorded') },
    problems: [429],
  },
  {
    method: 'post',
    path: '/api/probe',
    summary: 'Upload probe of the connection check: counts the bytes of the body (at most 64 KiB).',
    bodyMediaType: 'application/octet-stream',
    answers: { 200: json(ProbeCount) },
    problems: [413],
  },
  {
    method: 'post',
    path: '/api/probe/ice',
    summary:
      'Connection check before booking: TURN URLs with credentials valid 60 s, rate-limited per client.',
    answers: { 200: json(IceServers) },
    problems: [429],
  },
  read(
    '/api/interpreter-languages',
    'Languages an interpreter can be booked for (ISO 639-1, dgs = German Sign Language).',
    InterpreterLanguages,
  ),
  {
    method: 'post',
    path: '/api/survey',
    summary: 'The short survey after a session, once per appointment.',
    body: SurveySchema,
    answers: { 201: json(SurveyStored, 'Stored') },
    problems: [404, 409, 410, 425, 429],
  },
  read(
    '/api/accessibility',
    'Contacts, conciliation body and sign-language video of the accessibility pages.',
    AccessibilityInfo,
  ),
  {
    method: 'post',
    path: '/api/accessibility/feedback',
    summary: 'Report a barrier (BITV 2.0 feedback mechanism); operators read and close reports.',
    body: FeedbackSchema,
    answers: { 201: json(FeedbackStored, 'Stored') },
    problems: [429],
  },
]);

/** Login and the account's own settings: public paths, most of them need the session cookie. */
export const LOGIN_OPERATIONS = audience('staff', [
  {
    method: 'post',
    path: '/api/auth/login',
    summary: 'Log in with e-mail, password and (when set up) a TOTP code; starts the session cookie.',
    body: LoginSchema,
    answers: { 200: json(LoginResult) },
    problems: [429],
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    summary: 'End this session.',
    answers: { 200: json(LoggedOut) },
  },
  read('/api/auth/me', 'The signed-in account and its CSRF token.', Me),
  read('/api/auth/options', 'Login options: local passwords, single sign-on.', LoginOptions),
  {
    method: 'post',
    path: '/api/auth/password',
    summary: 'Change the own password; ends the other sessions.',
    body: PasswordChangeSchema,
    answers: { 200: json(PasswordChanged) },
    problems: [429],
  },
  {
    method: 'post',
    path: '/api/auth/totp/setup',
    summary: 'A new TOTP secret to confirm.',
    answers: { 200: json(TotpSetup) },
  },
  {
    method: 'post',
    path: '/api/auth/totp/confirm',
    summary: 'Confirm the TOTP secret with a code from the app.',
    body: TotpConfirmSchema,
    answers: { 200: json(TotpEnabled) },
  },
  read('/api/auth/sessions', 'The own sessions.', SessionList),
  {
    method: 'delete',
    path: '/api/auth/sessions/{id}',
    summary: 'End one of the own sessions.',
    params: ids('id'),
    answers: { 200: json(SessionEndedStatus) },
  },
  {
    method: 'post',
    path: '/api/auth/logout-everywhere',
    summary: 'End every session of the account.',
    answers: { 200: json(LoggedOut) },
  },
  {
    method: 'get',
    path: '/api/auth/oidc/start',
    summary: 'Starts the OpenID Connect login (code flow with PKCE).',
    query: OidcStartQuery,
    answers: { 302: other(null, 'Redirect to the identity provider') },
    problems: [404],
  },
  {
    method: 'get',
    path: '/api/auth/oidc/callback',
    summary: 'The identity provider returns here; starts the session.',
    query: OidcCallbackQuery,
    answers: { 302: other(null, 'Redirect to the console') },
    problems: [404],
  },
  {
    method: 'post',
    path: '/api/auth/oidc/backchannel-logout',
    summary: 'OpenID Connect back-channel logout (form field logout_token).',
    bodyMediaType: 'application/x-www-form-urlencoded',
    answers: { 200: other(null, 'Sessions ended') },
    problems: [400, 404],
  },
  {
    method: 'get',
    path: '/api/calendar-feed/{file}',
    summary: "A counsellor's subscription feed (text/calendar) by its secret `<token>.ics`.",
    params: v.object({ file: v.string() }),
    answers: { 200: other('text/calendar', 'iCalendar feed') },
    problems: [429],
  },
]);

export const OPERATIONS_OPERATIONS = audience('operations', [
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document, generated from the contract.',
    answers: {
      200: json(v.object({ openapi: v.literal('3.1.0'), paths: v.record(v.string(), v.unknown()) })),
    },
  },
  read('/healthz', 'Liveness.', Health),
  read(
    '/readyz',
    'Each dependency by name; 503 only when the database is unusable, "degraded" otherwise.',
    Readiness,
  ),
  {
    method: 'post',
    path: '/api/livekit/webhook',
    summary: 'LiveKit server events, signed with the API key (401 otherwise).',
    bodyMediaType: 'application/webhook+json',
    answers: { 200: json(StatusOnly, 'Recorded') },
    problems: [401],
  },
]);
