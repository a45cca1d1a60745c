// POST /api/livekit/webhook: LiveKit's signed room and participant events, stored idempotently.
import { Hono } from 'hono';
import type { AppEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { toRoomRecord, type WebhookEventLike } from './webhook-events.ts';
import { applyRoomRecord } from './webhook-repository.ts';

const MAX_BODY_BYTES = 256 * 1024;

export const webhookRoutes = new Hono<AppEnv>().post('/api/livekit/webhook', async (c) => {
  // LiveKit posts application/webhook+json; the signature covers the exact bytes, so read them raw.
  const body = await c.req.text();
  if (body.length > MAX_BODY_BYTES) throw new AppError('payload_too_large');
  const authorization = c.req.header('authorization')?.replace(/^Bearer\s+/i, '');
  let event: WebhookEventLike;
  try {
    event = (await c.get('video').receiveWebhook(body, authorization)) as WebhookEventLike;
  } catch (cause) {
    throw new AppError('unauthorized', { detail: 'The webhook signature is missing or wrong.', cause });
  }
  const record = toRoomRecord(event, c.get('clock').now());
  await applyRoomRecord(c.get('db'), record);
  return c.json({ status: record.kind === 'ignored' ? 'ignored' : 'recorded' });
});
