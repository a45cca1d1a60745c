// The lab's scenarios (issue 10): the citizen's line in each, shared by the test suite and `npm run bench -- network`.
import type { Line } from './lab.ts';

export interface Ports {
  web: number;
  signalling: number;
  turnTls: number;
  /** coturn's TURN/TLS port (deploy/coturn/turnserver.conf in the lab). */
  coturnTls: number;
}

export interface Scenario {
  id: number;
  name: string;
  line(ports: Ports): Line;
  /** Cut the line for this long once audio flows, then restore it. */
  dropMs?: number;
  /** Degrade to this line once the call runs (the step-down scenario). */
  degradeTo?: Line;
  /** The citizen ticks "Datensparmodus" before joining (their choice caps the automatic steps up). */
  chooseSaver?: boolean;
  /** After stepping down to audio only, restore the first line and watch the call step back up. */
  recover?: boolean;
}

export const SCENARIOS: Scenario[] = [
  { id: 1, name: '400 kbit/s both ways', line: () => ({ downKbit: 400, upKbit: 400, queueMs: 100 }) },
  {
    id: 2,
    name: '160 kbit/s both ways, 300 ms queue',
    line: () => ({ downKbit: 160, upKbit: 160, queueMs: 300 }),
  },
  {
    id: 3,
    name: '1 Mbit/s, 5 % random loss',
    line: () => ({ downKbit: 1000, upKbit: 1000, queueMs: 100, loss: 0.05 }),
  },
  {
    id: 4,
    name: 'UDP blocked, TCP only to web, signalling and TURN/TLS',
    line: (p) => ({ downKbit: null, upKbit: null, tcpOnlyPorts: [p.web, p.signalling, p.turnTls] }),
  },
  {
    id: 5,
    name: 'line drops for 10 s mid-call',
    line: () => ({ downKbit: 1000, upKbit: 1000, queueMs: 100 }),
    dropMs: 10_000,
  },
  {
    id: 6,
    name: '2 Mbit/s down, 128 kbit/s up',
    line: () => ({ downKbit: 2000, upKbit: 128, queueMs: 200 }),
  },
  {
    id: 7,
    name: 'good line degrading to 160 kbit/s, 300 ms queue mid-call',
    line: () => ({ downKbit: 2000, upKbit: 2000, queueMs: 50 }),
    degradeTo: { downKbit: 160, upKbit: 160, queueMs: 300 },
  },
  {
    id: 8,
    name: 'data saver chosen; the line degrades (160 kbit/s, 10 % loss), then recovers mid-call',
    line: () => ({ downKbit: 2000, upKbit: 2000, queueMs: 50 }),
    // The loss keeps even audio only judged weak, so the wait for a step up starts when the line recovers.
    degradeTo: { downKbit: 160, upKbit: 160, queueMs: 300, loss: 0.1 },
    chooseSaver: true,
    recover: true,
  },
  {
    id: 9,
    name: "UDP blocked, TCP only to web, signalling and coturn's TURN/TLS",
    line: (p) => ({ downKbit: null, upKbit: null, tcpOnlyPorts: [p.web, p.signalling, p.coturnTls] }),
  },
];
