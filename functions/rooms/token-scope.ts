// Who may do what in a video room: participant identities, least-privilege grants, token lifetime, room limits.

/** The interpreter joins like the citizen: own identity, camera and microphone, no admin rights. */
import type { RoomRole } from '../platform/ports.ts';
import { sha256 } from '../platform/sha256.ts';

export type { RoomRole };

/** Tokens only need to outlive the connection handshake; LiveKit refreshes them for reconnects. */
export const TOKEN_TTL_SECONDS = 10 * 60;

/** Seconds LiveKit keeps a created room open while nobody has joined yet. */
export const ROOM_EMPTY_TIMEOUT_SECONDS = 15 * 60;

/** Seconds a room stays open after the last participant left, so a dropped connection can come back. */
export const ROOM_DEPARTURE_TIMEOUT_SECONDS = 120;

export type PublishSource = 'camera' | 'microphone' | 'screen_share' | 'screen_share_audio';

/** The LiveKit video grant as plain data; the gateway maps it onto the SDK's types. */
export interface RoomGrant {
  room: string;
  roomJoin: true;
  roomAdmin: boolean;
  roomCreate: false;
  roomList: false;
  roomRecord: false;
  ingressAdmin: false;
  canPublish: true;
  canSubscribe: true;
  canPublishData: boolean;
  canUpdateOwnMetadata: false;
  hidden: false;
  recorder: false;
  canPublishSources: PublishSource[];
}

export function citizenIdentity(bookingId: string): string {
  return `citizen:${bookingId}`;
}

// 16 hex digits of a keyed digest: stable for reconnects, distinct per person, but not the stored id.
async function opaqueTag(purpose: string, bookingId: string, personId: string): Promise<string> {
  const digest = await sha256(`${purpose}\n${bookingId}\n${personId}`);
  return [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The interpreter's identity in one room; like the counsellor's, it hides the interpreter's record id. */
export async function interpreterIdentity(bookingId: string, interpreterId: string): Promise<string> {
  return `interpreter:${bookingId}:${await opaqueTag('interpreter-identity', bookingId, interpreterId)}`;
}

/**
 * The counsellor's identity in one room: stable for reconnects and distinct per staff member, but
 * without the staff user id, which the citizen's browser would otherwise see.
 */
export async function counsellorIdentity(bookingId: string, userId: string): Promise<string> {
  return `counsellor:${bookingId}:${await opaqueTag('counsellor-identity', bookingId, userId)}`;
}

export type ParsedIdentity =
  | { role: 'citizen'; bookingId: string }
  | { role: 'counsellor'; bookingId: string; tag: string }
  | { role: 'other' };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const CITIZEN = new RegExp(`^citizen:(${UUID})$`);
// The tag is 16 hex digits; identities minted before tags (a staff user id) still parse until their tokens expire.
const COUNSELLOR = new RegExp(`^counsellor:(${UUID}):([0-9a-f]{16}|${UUID})$`);

/**
 * Reads the role and booking back from a participant identity; anything else is `other`.
 *
 * @example
 * parseIdentity('citizen:0b9c…') // → { role: 'citizen', bookingId: '0b9c…' }
 */
export function parseIdentity(identity: string): ParsedIdentity {
  const c = CITIZEN.exec(identity);
  if (c?.[1]) return { role: 'citizen', bookingId: c[1] };
  const s = COUNSELLOR.exec(identity);
  if (s?.[1] && s[2]) return { role: 'counsellor', bookingId: s[1], tag: s[2] };
  return { role: 'other' };
}

/**
 * The grant for one room and one role: everyone may publish camera and microphone and subscribe;
 * only the counsellor may share the screen and administer (end, remove) this one room; the
 * interpreter gets exactly the citizen's rights.
 * Nobody may create or list rooms or record.
 */
export function grantFor(role: RoomRole, room: string): RoomGrant {
  const counsellor = role === 'counsellor';
  return {
    room,
    roomJoin: true,
    roomAdmin: counsellor,
    roomCreate: false,
    roomList: false,
    roomRecord: false,
    ingressAdmin: false,
    canPublish: true,
    canSubscribe: true,
    // The citizen's page sends its measured round trip, loss and frame rate to the counsellor's quality
    // indicator as small data messages (topic `link`, parsed and bounded on receipt); the counsellor sends none.
    canPublishData: !counsellor,
    canUpdateOwnMetadata: false,
    hidden: false,
    recorder: false,
    canPublishSources: counsellor
      ? ['camera', 'microphone', 'screen_share', 'screen_share_audio']
      : ['camera', 'microphone'],
  };
}

/** Two seats: citizen and counsellor; one more once an interpreter is invited. */
export function roomCapacity(options: { interpreter?: boolean } = {}): number {
  return options.interpreter ? 3 : 2;
}
