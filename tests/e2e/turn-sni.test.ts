// HTTPS pages and TURN/TLS on one port (deploy/nginx-turn-sni.conf in Debian's nginx with libnginx-mod-stream):
// Chromium loads the booking page and gets a TURN/TLS relay from LiveKit through the same port, by server name.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/embedded-postgres.ts';
import { makeCertificate } from '../helpers/tls-front.ts';
import { type SniFront, STREAM_MODULE, startSniFront } from '../helpers/turn-sni-front.ts';
import { launchBrowser, type System, startSystem, systemMissingReason } from './lib/system.ts';

const WEB = 'termine.agentur.example';
const TURN = 'turn.agentur.example';

function missing(): string | null {
  const reason =
    systemMissingReason() ??
    (existsSync(STREAM_MODULE) ? null : 'nginx stream module (apt-get install libnginx-mod-stream)');
  if (reason && process.env.CI === 'true') throw new Error(`TURN SNI test: ${reason}`);
  return reason;
}

/** Candidate types (and relay protocols) gathered with one TURN/TLS URL and the page's probe credentials. */
function gather(page: Page, url: string): Promise<string[]> {
  return page.evaluate(async (turnsUrl) => {
    const res = await fetch('/api/probe/ice', { method: 'POST' });
    const { username, credential } = (await res.json()).iceServers[0];
    const pc = new RTCPeerConnection({
      iceServers: [{ urls: turnsUrl, username, credential }],
      iceTransportPolicy: 'relay',
    });
    const found: string[] = [];
    await new Promise<void>((done) => {
      const timer = setTimeout(done, 10_000);
      pc.onicecandidate = (e) => {
        if (!e.candidate) {
          clearTimeout(timer);
          done();
          return;
        }
        const c = e.candidate as RTCIceCandidate & { relayProtocol?: string };
        found.push(`${c.type}/${c.relayProtocol ?? ''}`);
      };
      pc.createDataChannel('check');
      void pc.createOffer().then((o) => pc.setLocalDescription(o));
    });
    pc.close();
    return found;
  }, url);
}

describe.skipIf(missing())(
  'HTTPS pages and TURN/TLS share one port by server name (nginx ssl_preread)',
  () => {
    let sys: System;
    let front: SniFront;
    let browser: Browser;
    let dir: string;
    let port: number;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'br-sni-'));
      port = await freePort();
      const turnTlsPort = await freePort();
      sys = await startSystem({
        livekit: { turnTlsPort, turnDomain: TURN },
        env: { PUBLIC_BASE_URL: `https://${WEB}:${port}`, TRUSTED_PROXIES: '127.0.0.1' },
      });
      front = await startSniFront({ port, web: sys.baseUrl, turnTlsPort, cert: makeCertificate(dir, 30) });
      browser = await launchBrowser({
        args: [
          `--host-resolver-rules=MAP ${WEB} 127.0.0.1, MAP ${TURN} 127.0.0.1`,
          '--ignore-certificate-errors',
        ],
      });
    });
    afterAll(async () => {
      await browser?.close();
      await front?.stop();
      await sys?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('serves the booking page and a TURN/TLS relay on the same port, told apart by the server name', async () => {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`https://${WEB}:${port}/`);
      expect(await page.locator('h1').textContent()).toBe('Videotermin buchen');
      // The TURN name reaches LiveKit's TURN/TLS listener: the browser gets a relay over TLS.
      const viaTurnName = await gather(page, `turns:${TURN}:${port}?transport=tcp`);
      expect(viaTurnName).toContain('relay/tls');
      // The web name on the same port reaches the HTTPS server, which speaks no TURN: no relay.
      const viaWebName = await gather(page, `turns:${WEB}:${port}?transport=tcp`);
      expect(viaWebName.filter((c) => c.startsWith('relay'))).toEqual([]);
    }, 90_000);
  },
);
