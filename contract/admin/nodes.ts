// valibot schemas of the operator's LiveKit node requests (register, change, maintenance, recommendation).
import * as v from 'valibot';
import { Instant } from '../shared.ts';

const int = (min: number, max: number) =>
  v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(min), v.maxValue(max));

const url = (scheme: RegExp, message: string) =>
  v.pipe(v.string(), v.trim(), v.maxLength(500), v.url('must be a URL'), v.regex(scheme, message));

const Name = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(80),
  v.regex(/^[\p{L}\p{N} ._-]+$/u, 'may hold letters, digits, space, dot, dash and underscore only'),
);
const SignalUrl = url(/^(wss?|https?):\/\//, 'must be a ws://, wss://, http:// or https:// URL');
const MetricsUrl = v.nullable(url(/^https?:\/\//, 'must be an http:// or https:// URL'));
const Cores = int(1, 1024);
const Capacity = int(0, 100_000);
const Note = v.pipe(v.string(), v.maxLength(500));

export const NodeBodySchema = v.pipe(
  v.object({
    name: Name,
    url: SignalUrl,
    metricsUrl: v.optional(MetricsUrl, null),
    cores: v.optional(v.nullable(Cores), null),
    capacity: v.optional(Capacity),
    note: v.optional(Note, ''),
  }),
  v.forward(
    v.check(
      (b) => b.capacity !== undefined || b.cores !== null,
      'give a capacity, or the cores to derive it from',
    ),
    ['capacity'],
  ),
);

export const NodePatchSchema = v.pipe(
  v.object({
    name: v.optional(Name),
    url: v.optional(SignalUrl),
    metricsUrl: v.optional(MetricsUrl),
    cores: v.optional(v.nullable(Cores)),
    capacity: v.optional(Capacity),
    note: v.optional(Note),
  }),
  v.check((b) => Object.keys(b).length > 0, 'nothing to change'),
);

const MAX_MAINTENANCE_MS = 400 * 86_400_000;

export const NodeMaintenanceSchema = v.pipe(
  v.object({ start: v.optional(Instant), end: Instant }),
  v.forward(
    v.check(
      (b) =>
        b.start === undefined ||
        (b.end.getTime() > b.start.getTime() && b.end.getTime() - b.start.getTime() <= MAX_MAINTENANCE_MS),
      'must be after start, and at most 400 days after it',
    ),
    ['end'],
  ),
);

export const RecommendationQuerySchema = v.object({
  cores: v.pipe(v.string(), v.regex(/^\d{1,4}$/, 'must be a whole number'), v.transform(Number), Cores),
  profile: v.optional(v.picklist(['standard', 'saver', 'audio']), 'standard'),
});

// Responses.

export const NodeView = v.object({
  id: v.string(),
  name: v.string(),
  url: v.string(),
  metricsUrl: v.nullable(v.string()),
  cores: v.nullable(v.number()),
  capacity: v.number(),
  note: v.string(),
  state: v.picklist(['in_service', 'maintenance', 'down']),
  maintenance: v.nullable(v.object({ start: v.string(), end: v.string() })),
  downSince: v.nullable(v.string()),
  checkedAt: v.nullable(v.string()),
  reachable: v.boolean(),
  load: v.nullable(v.object({ rooms: v.number(), participants: v.number() })),
});
export type NodeView = v.InferOutput<typeof NodeView>;

/** The capacity measurement the recommendation rests on (docs/performance.md), per video profile. */
export const Measured = v.object({
  profiles: v.record(
    v.string(),
    v.object({
      cpuPercentPerSession: v.number(),
      sessionsPerCore: v.number(),
      qualityDropAtSessions: v.nullable(v.number()),
    }),
  ),
});
export type Measured = v.InferOutput<typeof Measured>;

export const NodeList = v.object({
  nodes: v.array(NodeView),
  capacity: v.number(),
  capacityInService: v.number(),
  nodesInService: v.number(),
  measured: Measured,
});
export type NodeList = v.InferOutput<typeof NodeList>;

export const NodeSaved = v.object({ node: NodeView, flaggedBookings: v.number() });
export type NodeSaved = v.InferOutput<typeof NodeSaved>;
export const NodeDeleted = v.object({ deleted: v.string(), flaggedBookings: v.number() });

export const Recommendation = v.object({
  cores: v.number(),
  profile: v.string(),
  capacity: v.number(),
  sessionsPerCore: v.number(),
  headroom: v.number(),
  measuredAt: v.string(),
  measuredOn: v.string(),
});
export type Recommendation = v.InferOutput<typeof Recommendation>;
