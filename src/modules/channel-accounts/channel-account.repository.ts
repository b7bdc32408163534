import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import {
  type ChannelAccount,
  type ChannelSettings,
  type ChannelType,
  channelAccounts,
} from './channel-account.schema.ts';

export async function insertChannelAccount(
  db: DbOrTx,
  values: typeof channelAccounts.$inferInsert,
): Promise<ChannelAccount> {
  const [account] = await db.insert(channelAccounts).values(values).returning();
  if (!account) throw new Error('insert into channel_accounts returned nothing');
  return account;
}

/** Accounts named by the provider's ids in a webhook (WhatsApp phone_number_id). */
export async function findChannelAccountsByExternalIds(
  db: DbOrTx,
  type: ChannelType,
  externalIds: readonly string[],
): Promise<ChannelAccount[]> {
  if (externalIds.length === 0) return [];
  return db
    .select()
    .from(channelAccounts)
    .where(and(eq(channelAccounts.type, type), inArray(channelAccounts.externalId, [...externalIds])));
}

export async function listChannelAccountsOfType(db: DbOrTx, type: ChannelType): Promise<ChannelAccount[]> {
  return db.select().from(channelAccounts).where(eq(channelAccounts.type, type));
}

/**
 * The account a path-routed webhook names (`/webhooks/telegram/{id}`), whichever clinic it belongs to:
 * the caller proves the delivery is the provider's before anything of it is kept.
 */
export async function findChannelAccountForWebhook(
  db: DbOrTx,
  type: ChannelType,
  id: string,
): Promise<ChannelAccount | undefined> {
  const [account] = await db
    .select()
    .from(channelAccounts)
    .where(and(eq(channelAccounts.type, type), eq(channelAccounts.id, id)));
  return account;
}

export async function findChannelAccount(
  db: DbOrTx,
  orgId: string,
  id: string,
): Promise<ChannelAccount | undefined> {
  const [account] = await db
    .select()
    .from(channelAccounts)
    .where(and(eq(channelAccounts.orgId, orgId), eq(channelAccounts.id, id)));
  return account;
}

export async function updateChannelSettings(
  db: DbOrTx,
  id: string,
  settings: ChannelSettings,
): Promise<void> {
  await db.update(channelAccounts).set({ settings }).where(eq(channelAccounts.id, id));
}

/**
 * Accounts of a channel whose setting `key` holds one of `values`: the group a webhook names for all
 * its accounts (a WhatsApp business account's template updates).
 */
export async function findChannelAccountsBySetting(
  db: DbOrTx,
  type: ChannelType,
  key: string,
  values: readonly string[],
): Promise<ChannelAccount[]> {
  if (values.length === 0) return [];
  return db
    .select()
    .from(channelAccounts)
    .where(
      and(eq(channelAccounts.type, type), inArray(sql`${channelAccounts.settings}->>${key}`, [...values])),
    );
}

export async function listChannelAccountsOfOrg(db: DbOrTx, orgId: string): Promise<ChannelAccount[]> {
  return db.select().from(channelAccounts).where(eq(channelAccounts.orgId, orgId));
}

/**
 * Sets (or, with null, removes) the team new conversations of the number go to. Only that key of the
 * settings changes, whatever else is being written to them at the same time.
 */
export async function setChannelDefaultTeam(
  db: DbOrTx,
  orgId: string,
  id: string,
  teamId: string | null,
): Promise<ChannelAccount | undefined> {
  const settings =
    teamId === null
      ? sql`${channelAccounts.settings} - 'defaultTeamId'`
      : sql`${channelAccounts.settings} || jsonb_build_object('defaultTeamId', ${teamId}::text)`;
  const [account] = await db
    .update(channelAccounts)
    .set({ settings })
    .where(and(eq(channelAccounts.orgId, orgId), eq(channelAccounts.id, id)))
    .returning();
  return account;
}

/** The account a provider id belongs to, in any clinic: the pair (type, externalId) is unique. */
export async function findChannelAccountByExternalId(
  db: DbOrTx,
  type: ChannelType,
  externalId: string,
): Promise<ChannelAccount | undefined> {
  const [account] = await db
    .select()
    .from(channelAccounts)
    .where(and(eq(channelAccounts.type, type), eq(channelAccounts.externalId, externalId)));
  return account;
}

export async function updateChannelAccount(
  db: DbOrTx,
  orgId: string,
  id: string,
  values: Partial<Pick<ChannelAccount, 'name' | 'settings' | 'secrets'>>,
): Promise<ChannelAccount | undefined> {
  const [account] = await db
    .update(channelAccounts)
    .set(values)
    .where(and(eq(channelAccounts.orgId, orgId), eq(channelAccounts.id, id)))
    .returning();
  return account;
}

/** Deletes the account; a row that still refers to it (a conversation, a message) makes it throw (23503). */
export async function deleteChannelAccount(db: DbOrTx, orgId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(channelAccounts)
    .where(and(eq(channelAccounts.orgId, orgId), eq(channelAccounts.id, id)))
    .returning({ id: channelAccounts.id });
  return deleted.length > 0;
}
