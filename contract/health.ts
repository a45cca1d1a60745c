// Liveness, readiness and the operator's system status: each dependency by name.
import * as v from 'valibot';

export const CheckState = v.picklist(['ok', 'down', 'not_migrated', 'not_configured']);
export type CheckState = v.InferOutput<typeof CheckState>;

export const Health = v.object({ status: v.literal('ok') });

/** GET /readyz: 503 (problem+json) only when the database is unusable, "degraded" otherwise. */
export const Readiness = v.object({
  status: v.picklist(['ok', 'degraded']),
  database: CheckState,
  video: CheckState,
  sms: CheckState,
});

export const DependencyCheck = v.object({
  name: v.picklist(['database', 'video', 'sms']),
  status: CheckState,
  detail: v.string(),
  latencyMs: v.number(),
});
export type DependencyCheck = v.InferOutput<typeof DependencyCheck>;

/** GET /api/admin/system-status. */
export const SystemStatus = v.object({
  status: v.picklist(['ok', 'degraded', 'unavailable']),
  checks: v.array(DependencyCheck),
  checkedAt: v.string(),
});
export type SystemStatus = v.InferOutput<typeof SystemStatus>;

/** POST /api/probe: the bytes of the upload probe. */
export const ProbeCount = v.object({ bytes: v.number() });

/** Small acknowledgements: `{ status: "recorded" }` and the like. */
export const StatusOnly = v.object({ status: v.string() });
