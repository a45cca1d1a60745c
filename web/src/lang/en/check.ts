// English strings of the connection check.
import type de from '../de/check.ts';

const strings: typeof de = {
  checkTitle: 'Connection test',
  checking: 'Checking your connection …',
  check: {
    good: 'Your connection is good. Video should work well.',
    fair: 'Your connection is moderate. Video works in data saver mode.',
    poor: 'Your connection is weak. We recommend “audio only”.',
    offline: 'No connection. Please check your internet.',
  },
  measured: (kbps: number, rtt: number) =>
    `measured: ${kbps >= 10_000 ? 'over 10,000' : `about ${kbps}`} kbit/s, response time ${rtt} ms`,
  measuredUp: (kbps: number) => `, sending ${kbps >= 10_000 ? 'over 10,000' : `about ${kbps}`} kbit/s`,
  checkAgain: 'Check again',
  // The WebRTC check: UDP to the video host, or only TURN/TLS, or nothing.
  ice: {
    direct: 'The video service can be reached directly from your network.',
    relay:
      'Your network blocks the direct path. The call takes a secured detour and may be slightly delayed.',
    blocked:
      'Your network does not allow a video connection. Please try another network, for example mobile data.',
  },
};
export default strings;
