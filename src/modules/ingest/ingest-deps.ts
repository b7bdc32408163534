import type { Logger } from 'pino';
import type { Db, DbOrTx } from '../../platform/db/db.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { ChannelType } from '../channel-accounts/channel-account.schema.ts';
import type { Keyring } from '../keys/keyring.ts';

/** What applying a delivery's events needs, whatever the channel. */
export interface IngestDeps {
  db: Db;
  logger: Logger;
  /** Seals and opens patient data: messages, names and numbers (identities matched by blind-index hashes). */
  keyring: Keyring;
  clock: Clock;
  /**
   * Called, in the message's transaction, with the stored message when it carries media to download:
   * a file the database refuses fails the message, which is then stored without its media.
   */
  onMediaReceived?: (
    tx: DbOrTx,
    stored: { orgId: string; messageId: string; channelAccountId: string; channel: ChannelType },
  ) => Promise<void>;
}
