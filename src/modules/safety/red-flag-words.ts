import type { DbOrTx } from '../../platform/db/db.ts';
import type { Keyring } from '../keys/keyring.ts';

/** The patient's words that raised a red flag: sealed with their key, like the message they quote. */
export const RED_FLAG_WORDS_PURPOSE = 'red_flag_events.words';

/**
 * The events with their words opened (one key query). Once the patient is erased the words read as
 * an empty string: the record of the alert stays, what was said does not.
 */
export async function openRedFlagWords<E extends { words: string }>(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  events: readonly E[],
): Promise<E[]> {
  if (events.length === 0) return [];
  const opener = await keyring.opener(
    db,
    orgId,
    events.map((e) => e.words),
  );
  return events.map((e) => ({ ...e, words: opener.open(e.words, RED_FLAG_WORDS_PURPOSE) ?? '' }));
}
