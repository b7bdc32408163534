import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { channelAccounts } from './channel-account.schema.ts';
import type { ChannelType } from './channel-types.ts';

/**
 * The ids of the clinic's accounts on one channel, as a subquery for another module's filter ("the
 * conversations on WhatsApp"), so that the filtered list stays one statement.
 */
export function channelAccountIdsOfType(db: DbOrTx, orgId: string, channel: ChannelType) {
  return db
    .select({ id: channelAccounts.id })
    .from(channelAccounts)
    .where(and(eq(channelAccounts.orgId, orgId), eq(channelAccounts.type, channel)));
}
