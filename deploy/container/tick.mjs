// The minute tick for container deployments (what beratungsraum-tick.timer does on systemd hosts).
const url = process.env.TICK_URL ?? 'http://app:8787/internal/tick';
const token = process.env.INTERNAL_TOKEN ?? '';
if (!token) {
  console.error('INTERNAL_TOKEN is required');
  process.exit(2);
}

async function tick() {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(55_000),
    });
    const body = await res.text();
    if (!res.ok) console.error(JSON.stringify({ msg: 'tick failed', status: res.status, body: body.slice(0, 200) }));
  } catch (e) {
    console.error(JSON.stringify({ msg: 'tick failed', error: String(e?.message ?? e) }));
  }
}

// Aligned to the minute like the systemd timer; a slow tick delays the next instead of overlapping.
for (;;) {
  await new Promise((r) => setTimeout(r, 60_000 - (Date.now() % 60_000)));
  await tick();
}
