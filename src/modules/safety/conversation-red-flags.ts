import type { DbOrTx } from '../../platform/db/db.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { RedFlagEvent } from './red-flag-event.schema.ts';
import { latestRedFlagEvents } from './red-flag-report.service.ts';
import { openRedFlagWords } from './red-flag-words.ts';

/** The latest red flag of each of these conversations, with the words that raised it opened. */
export async function latestOpenRedFlags(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  conversationIds: readonly string[],
): Promise<RedFlagEvent[]> {
  const latest = await latestRedFlagEvents(db, orgId, conversationIds);
  return openRedFlagWords(db, keyring, orgId, [...latest.values()]);
}
