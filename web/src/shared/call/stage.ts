// Who is shown large in a call of two or three: the person you talk to, and with sign language always the signer; pure.
import type { RemoteVideoTrack } from 'livekit-client';
import type { RemotePeer } from './types.ts';

export interface Tile {
  peer: RemotePeer;
  track: RemoteVideoTrack | null;
  screen: boolean;
}

/**
 * The large tile and the small ones. The counsellor's screen share goes large; otherwise the person
 * the viewer mainly talks to (the counsellor for citizen and interpreter, the citizen for the
 * counsellor). With sign language the signer stays large whatever else happens: the interpreter for
 * citizen and counsellor, the (deaf) citizen for the interpreter; a shared screen then sits beside it.
 *
 * @example arrangeStage([counsellor, interpreter], 'citizen', true).main.peer // -> interpreter
 */
export function arrangeStage(
  peers: readonly RemotePeer[],
  me: 'citizen' | 'counsellor' | 'interpreter',
  signLanguage: boolean,
): { main: Tile | null; side: Tile[] } {
  const tiles: Tile[] = [];
  for (const p of peers) {
    if (p.screen) tiles.push({ peer: p, track: p.screen, screen: true });
    tiles.push({ peer: p, track: p.camera, screen: false });
  }
  const partner = me === 'counsellor' ? 'citizen' : 'counsellor';
  const signer = me === 'interpreter' ? 'citizen' : 'interpreter';
  const rank = (t: Tile): number => {
    if (signLanguage && !t.screen && t.peer.role === signer) return 0;
    if (t.screen) return 1;
    if (t.peer.role === partner) return 2;
    return 3;
  };
  const ordered = [...tiles].sort((a, b) => rank(a) - rank(b));
  return { main: ordered[0] ?? null, side: ordered.slice(1) };
}
