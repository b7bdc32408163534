import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { redFlagEvents } from './red-flag-event.schema.ts';

/** A clinic's retention policy erases these messages' text: the words a red flag quoted from them go too. */
export async function clearRedFlagQuotes(tx: DbOrTx, orgId: string, messageIds: string[]): Promise<void> {
  await tx
    .update(redFlagEvents)
    .set({ words: '' })
    .where(and(eq(redFlagEvents.orgId, orgId), inArray(redFlagEvents.messageId, messageIds)));
}
