// Join and manage links at rest: AES-GCM sealed in stored SMS texts, opened only at send time (keys from LINK_ENCRYPTION_KEYS).
//
// A queued SMS (reminders wait up to six weeks) holds `/j/{{seal:k1.…}}` instead of `/j/CODE`, so a
// database dump or backup cannot join or move an appointment. The first key seals; every listed key
// opens, so a key is rotated by putting a new one first and dropping the old one once no message
// sealed with it is waiting (at most the booking horizon).

export interface LinkKeyring {
  sealer: { id: string; key: CryptoKey };
  openers: Map<string, CryptoKey>;
  /** True when no key was configured and this process made its own. */
  ephemeral: boolean;
}

const LINK = /\/(j|m)\/([A-Za-z0-9_-]{16,})/g;
const SEALED = /\{\{seal:([A-Za-z0-9]{1,16})\.([A-Za-z0-9_-]+)\}\}/g;

function b64urlEncode(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function b64Decode(text: string): Uint8Array<ArrayBuffer> {
  const std = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(std + '='.repeat((4 - (std.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function importAes(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

/** Builds the keyring from `id:base64key` entries (32-byte keys); without entries, a random key for this process. */
export async function createLinkKeyring(entries: readonly string[]): Promise<LinkKeyring> {
  const openers = new Map<string, CryptoKey>();
  let first: { id: string; key: CryptoKey } | undefined;
  for (const entry of entries) {
    const [id, raw] = entry.split(':') as [string, string];
    const bytes = b64Decode(raw);
    if (bytes.length !== 32) throw new Error(`LINK_ENCRYPTION_KEYS: key ${id} must be 32 bytes`);
    const key = await importAes(bytes);
    openers.set(id, key);
    first ??= { id, key };
  }
  if (first) return { sealer: first, openers, ephemeral: false };
  const id = `p${b64urlEncode(crypto.getRandomValues(new Uint8Array(6))).replace(/[-_]/g, 'x')}`;
  const key = await importAes(crypto.getRandomValues(new Uint8Array(32)));
  openers.set(id, key);
  return { sealer: { id, key }, openers, ephemeral: true };
}

async function sealOne(ring: LinkKeyring, secret: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, ring.sealer.key, new TextEncoder().encode(secret)),
  );
  const both = new Uint8Array(iv.length + ct.length);
  both.set(iv);
  both.set(ct, iv.length);
  return `{{seal:${ring.sealer.id}.${b64urlEncode(both)}}}`;
}

async function replaceAsync(
  text: string,
  re: RegExp,
  fn: (m: RegExpExecArray) => Promise<string>,
): Promise<string> {
  const parts: (string | Promise<string>)[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    parts.push(text.slice(last, m.index), fn(m as RegExpExecArray));
    last = (m.index ?? 0) + m[0].length;
  }
  parts.push(text.slice(last));
  return (await Promise.all(parts)).join('');
}

/** Replaces every `/j/SECRET` and `/m/SECRET` in `text` with a sealed placeholder. */
export function sealLinks(ring: LinkKeyring, text: string): Promise<string> {
  return replaceAsync(text, LINK, async (m) => `/${m[1]}/${await sealOne(ring, m[2] as string)}`);
}

export class LinkKeyMissing extends Error {}

/** The text as the citizen receives it; throws LinkKeyMissing when a key is no longer configured or the seal is forged. */
export function openLinks(ring: LinkKeyring, text: string): Promise<string> {
  return replaceAsync(text, SEALED, async (m) => {
    const key = ring.openers.get(m[1] as string);
    if (!key) throw new LinkKeyMissing(`link key ${m[1]} is not configured`);
    const both = b64Decode(m[2] as string);
    try {
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: both.slice(0, 12) },
        key,
        both.slice(12),
      );
      return new TextDecoder().decode(plain);
    } catch {
      throw new LinkKeyMissing(`link sealed with key ${m[1]} does not open`);
    }
  });
}

/** True when `text` still holds a sealed link (a stored SMS not sent yet). */
export function hasSealedLinks(text: string): boolean {
  return new RegExp(SEALED.source).test(text);
}

// One keyring per process, set up from the configuration by buildDeps; enqueueing and delivery share it.
let current: Promise<LinkKeyring> | undefined;
let currentEntries = '';

export function useLinkKeys(entries: readonly string[]): Promise<LinkKeyring> {
  const joined = entries.join(',');
  if (!current || joined !== currentEntries) {
    current = createLinkKeyring(entries);
    currentEntries = joined;
  }
  return current;
}

export function linkKeyring(): Promise<LinkKeyring> {
  return current ?? useLinkKeys([]);
}
