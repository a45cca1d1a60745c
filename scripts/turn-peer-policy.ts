// Prints the `turn.deny_peer_cidrs` line for deploy/livekit.yaml: the embedded TURN relays to NODE_IP only.
// Usage: npx tsx scripts/turn-peer-policy.ts 203.0.113.10
import { denyAllPeersBut } from './lib/turn-peer-policy.ts';

const ip = process.argv[2];
if (!ip) {
  console.error('usage: npx tsx scripts/turn-peer-policy.ts NODE_IP');
  process.exit(2);
}
console.log(
  `  deny_peer_cidrs: [${denyAllPeersBut(ip)
    .map((c) => `"${c}"`)
    .join(', ')}]`,
);
