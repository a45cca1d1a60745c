// How the contract names one HTTP operation: its path, its inputs, and every answer it may give.
import * as v from 'valibot';
import { Uuid } from './shared.ts';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type Tag = 'citizen' | 'staff' | 'operator' | 'operations';

/** A JSON answer with its schema. */
export interface JsonAnswer {
  kind: 'json';
  schema: v.GenericSchema;
  description: string;
}
/** An answer that is not JSON (iCalendar, CSV), or has no body (a redirect, 304). */
export interface OtherAnswer {
  kind: 'other';
  mediaType: string | null;
  description: string;
}
export type Answer = JsonAnswer | OtherAnswer;

export interface HeaderParam {
  name: string;
  required: boolean;
  description: string;
  schema: v.GenericSchema;
}

export interface Operation {
  method: Method;
  /** The OpenAPI path template, `{name}` for a path parameter. */
  path: string;
  tag: Tag;
  summary: string;
  params?: v.ObjectSchema<v.ObjectEntries, undefined>;
  query?: v.GenericSchema;
  body?: v.GenericSchema;
  /** Bodies that are not JSON: the probe's bytes, the identity provider's form post, LiveKit's webhook. */
  bodyMediaType?: string;
  headers?: HeaderParam[];
  /** The answers that are not problems, by status. */
  answers: Record<number, Answer>;
  /** The statuses answered with application/problem+json. */
  problems: number[];
}

export const json = (schema: v.GenericSchema, description = 'OK'): JsonAnswer => ({
  kind: 'json',
  schema,
  description,
});
export const other = (mediaType: string | null, description: string): OtherAnswer => ({
  kind: 'other',
  mediaType,
  description,
});

/** `{ id }` and other UUID path parameters. */
export const ids = <Name extends string>(...names: Name[]) =>
  v.object(Object.fromEntries(names.map((n) => [n, Uuid()])) as Record<Name, ReturnType<typeof Uuid>>);

/** The `{ id }` of every path that names one record. */
export const ID = ids('id');

type Spec = Omit<Operation, 'problems' | 'tag'> & { problems?: number[] };

/** A GET without inputs that answers 200 with `schema`: the consoles' lists and settings. */
export const read = (path: string, summary: string, schema: v.GenericSchema): Spec => ({
  method: 'get',
  path,
  summary,
  answers: { 200: json(schema) },
});

/**
 * The problem statuses every operation of an audience can give, plus the operation's own: a database that is
 * down (503), bad input (400, 422), a body over 64 KiB or not JSON (413, 415), a missing login or role or
 * CSRF token (401, 403), an id that names nothing (404).
 */
function problemsOf(tag: Tag, spec: Spec): number[] {
  const out = new Set<number>([503, ...(spec.problems ?? [])]);
  if (spec.body || spec.query || spec.params) for (const s of [400, 422]) out.add(s);
  if (spec.body) for (const s of [413, 415]) out.add(s);
  if (tag === 'staff' || tag === 'operator') for (const s of [401, 403]) out.add(s);
  if (spec.params) out.add(404);
  return [...out].sort((a, b) => a - b);
}

/** The operations of one audience, with its problem statuses filled in. */
export function audience(tag: Tag, specs: Spec[]): Operation[] {
  return specs.map((spec) => ({ ...spec, tag, problems: problemsOf(tag, spec) }));
}
