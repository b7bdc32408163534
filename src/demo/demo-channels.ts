import { randomBytes } from 'node:crypto';
import { insertChannelAccount } from '../modules/channel-accounts/channel-account.repository.ts';
import type { ChannelAccount } from '../modules/channel-accounts/channel-account.schema.ts';
import { sealChannelSecrets } from '../modules/channel-accounts/channel-secrets.ts';
import type { Keyring } from '../modules/keys/keyring.ts';
import type { DbOrTx } from '../platform/db/db.ts';

export const DEMO_TELEGRAM_BOT_ID = '7000000001';
export const DEMO_PAGE_ID = '100000000000003';
export const DEMO_INSTAGRAM_ID = '17841400000000004';
/** The demo LINE account's bot user id: what LINE's webhooks name as their `destination`. */
export const DEMO_LINE_BOT_USER_ID = 'U00000000000000000000000000de3001';

/**
 * Where a simulated account points until Careline listens: `attachSimulatedChannels` replaces the host
 * with the real one at each start. An account whose API URL is a loopback `/simulator` is the demo's.
 */
export const SIMULATOR_PLACEHOLDER_URL = 'http://127.0.0.1/simulator';

/**
 * The demo clinic's Telegram bot, Messenger Page, Instagram account and LINE account, all played by the
 * simulator.
 * Their settings hold only what each adapter's settings schema accepts (it is strict).
 */
export async function seedDemoChannels(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
): Promise<ChannelAccount[]> {
  const secret = (bytes: number) => randomBytes(bytes).toString('base64url');
  const telegram = await insertChannelAccount(db, {
    orgId,
    type: 'telegram',
    name: 'Telegram (simulator)',
    externalId: DEMO_TELEGRAM_BOT_ID,
    settings: { apiUrl: SIMULATOR_PLACEHOLDER_URL },
    secrets: await sealChannelSecrets(db, keyring, orgId, {
      botToken: `${DEMO_TELEGRAM_BOT_ID}:${secret(26)}`,
      secretToken: secret(24),
    }),
  });
  const meta = [];
  for (const [type, externalId, name] of [
    ['messenger', DEMO_PAGE_ID, 'Messenger (simulator)'],
    ['instagram', DEMO_INSTAGRAM_ID, 'Instagram (simulator)'],
  ] as const) {
    meta.push(
      await insertChannelAccount(db, {
        orgId,
        type,
        name,
        externalId,
        settings: { graphUrl: SIMULATOR_PLACEHOLDER_URL, apiVersion: 'v25.0' },
        secrets: await sealChannelSecrets(db, keyring, orgId, {
          pageAccessToken: `sim-${secret(24)}`,
          appSecret: randomBytes(24).toString('hex'),
          verifyToken: randomBytes(16).toString('hex'),
        }),
      }),
    );
  }
  const line = await insertChannelAccount(db, {
    orgId,
    type: 'line',
    name: 'LINE (simulator)',
    externalId: DEMO_LINE_BOT_USER_ID,
    // Files patients send are fetched from the apiUrl too (the simulator plays api-data.line.me as well).
    settings: { apiUrl: SIMULATOR_PLACEHOLDER_URL },
    secrets: await sealChannelSecrets(db, keyring, orgId, {
      channelSecret: randomBytes(16).toString('hex'),
      channelAccessToken: secret(48),
    }),
  });
  return [telegram, ...meta, line];
}

/** An API URL of a simulator on this machine (the placeholder, or one a previous start attached). */
export function isSimulatorUrl(url: string | undefined): boolean {
  if (url === undefined || !URL.canParse(url)) return false;
  const parsed = new URL(url);
  return (
    ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname) &&
    parsed.pathname.replace(/\/+$/, '') === '/simulator'
  );
}
