import { eq, sql } from 'drizzle-orm';
import type { SealStep } from '../keys/seal-in-place.ts';
import { channelAccounts } from './channel-account.schema.ts';

/** Access tokens, app secrets and verify tokens an older version kept readable: sealed with the clinic key. */
export const sealChannelSecretsStep: SealStep = {
  name: 'channel_accounts.secrets',
  run: (db, keyring, { batchSize }) =>
    db.transaction(async (tx) => {
      const rows = await tx
        .select({ id: channelAccounts.id, orgId: channelAccounts.orgId, secrets: channelAccounts.secrets })
        .from(channelAccounts)
        .where(sql`${channelAccounts.secrets} not like 'cl1.%'`)
        .limit(batchSize)
        .for('update', { skipLocked: true });
      for (const row of rows) {
        const sealer = await keyring.clinic(tx, row.orgId);
        await tx
          .update(channelAccounts)
          .set({ secrets: sealer.seal(row.secrets, 'channel_accounts.secrets') })
          .where(eq(channelAccounts.id, row.id));
      }
      return rows.length;
    }),
};
