import { LRUCache } from 'lru-cache';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { Keyring } from '../keys/keyring.ts';
import { looksSealed } from '../keys/sealed-text.ts';
import type { ChannelAccount, ChannelSecrets, SealableChannelSecrets } from './channel-account.schema.ts';

const PURPOSE = 'channel_accounts.secrets';

/** How a sender or the webhook route gets an account's secrets in clear, when it needs them. */
export type SecretsOf = (
  account: Pick<ChannelAccount, 'id' | 'orgId' | 'secrets'>,
) => Promise<ChannelSecrets>;

/**
 * The stored form of an account's secrets: JSON sealed with the clinic's key. Any channel's secrets
 * object (WhatsApp's {@link ChannelSecrets}, Telegram's bot and secret tokens, Messenger's Page token…),
 * checked by its adapter's schema before it gets here.
 */
export async function sealChannelSecrets(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  secrets: SealableChannelSecrets,
): Promise<string> {
  return (await keyring.clinic(db, orgId)).seal(JSON.stringify(secrets), PURPOSE);
}

/**
 * Secrets written before encryption (plain JSON) read as they are; sealed ones need {@link ChannelSecretsVault}.
 * The default of senders built without a vault (tests of the sender alone).
 */
export const plainSecretsOf: SecretsOf = async (account) => {
  if (looksSealed(account.secrets)) throw new Error('Sealed channel secrets need the keyring to open');
  return JSON.parse(account.secrets) as ChannelSecrets;
};

/**
 * Opens channel secrets (clinic key) and keeps them in memory by account and stored value: every
 * webhook checks its signature with the app secret, and that check must stay a hash, not a decryption.
 * A re-written secret is a new stored value, so it is never served stale.
 */
export class ChannelSecretsVault {
  private readonly db: DbOrTx;
  private readonly keyring: Keyring;
  private readonly opened = new LRUCache<string, ChannelSecrets>({ max: 10_000, ttl: 10 * 60_000 });

  constructor(db: DbOrTx, keyring: Keyring) {
    this.db = db;
    this.keyring = keyring;
  }

  readonly of: SecretsOf = async (account) => {
    const cacheKey = `${account.id}\u0000${account.secrets}`;
    const cached = this.opened.get(cacheKey);
    if (cached) return cached;
    const opener = await this.keyring.opener(this.db, account.orgId, [account.secrets]);
    const json = opener.open(account.secrets, PURPOSE);
    if (json === null) throw new Error(`The secrets of channel ${account.id} cannot be opened`);
    const secrets = JSON.parse(json) as ChannelSecrets;
    this.opened.set(cacheKey, secrets);
    return secrets;
  };
}
