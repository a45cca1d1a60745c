// Tries the agency's TURN server from the browser before the call: does UDP reach the video host, does
// TURN/TLS on 443 get through? (What an HTTP download cannot tell: office firewalls often block exactly UDP.)
import { signal } from '@preact/signals';

export interface IceCheck {
  /** A STUN answer or a TURN/UDP relay came back: media can take the direct UDP path. */
  udp: boolean;
  /** A TURN/TLS relay was allocated: the call works behind a firewall that allows only TCP 443. */
  tls: boolean;
}

/** Gathers candidates with the given servers for at most `timeoutMs`; null when the browser cannot try. */
export async function checkIce(iceServers: RTCIceServer[], timeoutMs = 6000): Promise<IceCheck | null> {
  if (!iceServers.length || typeof RTCPeerConnection === 'undefined') return null;
  const pc = new RTCPeerConnection({ iceServers });
  const found: IceCheck = { udp: false, tls: false };
  try {
    const done = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      pc.onicecandidate = (e) => {
        const c = e.candidate as (RTCIceCandidate & { relayProtocol?: string; url?: string }) | null;
        if (!c) {
          clearTimeout(timer);
          resolve();
          return;
        }
        const via = c.relayProtocol ?? (c.url?.startsWith('turns:') ? 'tls' : c.url ? 'udp' : '');
        if (c.type === 'srflx' || (c.type === 'relay' && via === 'udp')) found.udp = true;
        if (c.type === 'relay' && via === 'tls') found.tls = true;
        if (found.udp && found.tls) {
          clearTimeout(timer);
          resolve();
        }
      };
    });
    pc.createDataChannel('check');
    await pc.setLocalDescription(await pc.createOffer());
    await done;
    return found;
  } catch {
    return null;
  } finally {
    pc.close();
  }
}

/** What the last check found, for the page's live region (null: not run, not possible, or no TURN configured). */
export const ice = signal<IceCheck | null>(null);
let lastSource: (() => Promise<{ iceServers: RTCIceServer[] }>) | null = null;

/**
 * Runs the check with servers from `source` (the join page's `/api/join/ice`, the booking page's
 * `/api/probe/ice`), remembered so "check again" can repeat it; a failed request counts as "cannot tell".
 */
export async function runIceCheck(source = lastSource): Promise<IceCheck | null> {
  if (!source) return null;
  lastSource = source;
  ice.value = await source()
    .then((r) => checkIce(r.iceServers))
    .catch(() => null);
  return ice.value;
}
