// Runs every doctor check against one environment and returns the findings in a stable order.
import { type Config, parseConfig } from '../../functions/env.ts';
import { checkDatabase } from './database.ts';
import { type Finding, fail, ok } from './findings.ts';
import { checkSmsGateway } from './sms.ts';
import { checkLiveKit, checkTurn } from './video.ts';
import { checkInternalToken, checkPublicBaseUrl } from './web.ts';

export async function runDoctor(raw: Record<string, string | undefined>, now: Date): Promise<Finding[]> {
  let config: Config;
  try {
    config = parseConfig(raw);
  } catch (e) {
    const lines = String((e as Error).message)
      .split('\n')
      .slice(1)
      .map((l) => l.trim());
    return [
      fail(
        'configuration',
        `invalid: ${lines.join('; ')}`,
        'Fix these variables in the environment file (see .env.example).',
      ),
    ];
  }
  const groups = await Promise.all([
    checkDatabase(config),
    checkLiveKit(config, now),
    checkTurn(config.LIVEKIT_TURN_URLS.join(','), now),
    checkPublicBaseUrl(config, raw, now),
    checkSmsGateway(config, now),
  ]);
  return [ok('configuration', 'every variable is valid'), checkInternalToken(config), ...groups.flat()];
}
