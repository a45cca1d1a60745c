// The system under test in the lab, shared by the test suite and the bench: coturn from the shipped configuration
// beside the real workerd and LiveKit (embedded TURN with TLS on 443, coturn handed out with TURN REST credentials).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type System, type SystemOptions, startSystem } from '../e2e/lib/system.ts';
import { type LabCoturn, startLabCoturn } from './coturn.ts';
import { SERVER_IP } from './lab.ts';
import type { Ports } from './scenarios.ts';

export interface LabSystem {
  sys: System;
  coturn: LabCoturn;
  ports: Ports;
  stop(): Promise<void>;
}

export async function startLabSystem(
  extra: Omit<SystemOptions, 'host' | 'livekit'> = {},
): Promise<LabSystem> {
  const dir = mkdtempSync(join(tmpdir(), 'br10-coturn-'));
  const coturn = await startLabCoturn(dir, SERVER_IP, SERVER_IP);
  try {
    const sys = await startSystem({
      ...extra,
      host: SERVER_IP,
      livekit: {
        turnTlsPort: 443,
        // As deploy/livekit.yaml suggests for coturn: LiveKit derives short-lived credentials from the secret.
        turnServers: [
          { host: SERVER_IP, port: coturn.tlsPort, protocol: 'tls', secret: coturn.secret, ttl: 600 },
        ],
      },
    });
    return {
      sys,
      coturn,
      ports: {
        web: Number(new URL(sys.baseUrl).port),
        signalling: sys.livekit!.port,
        turnTls: 443,
        coturnTls: coturn.tlsPort,
      },
      stop: async () => {
        await sys.stop();
        await coturn.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await coturn.stop();
    throw e;
  }
}
