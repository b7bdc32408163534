import { and, asc, eq } from 'drizzle-orm';
import type { ChannelTemplate } from '../../channels/channel-template.ts';
import type { DbOrTx } from '../../platform/db/db.ts';
import {
  type BusinessAccountHolder,
  businessAccountIdOf,
} from '../channel-accounts/channel-account.service.ts';
import { type MessageTemplate, messageTemplates } from './template.schema.ts';

/** A template as its provider lists it: the channel port's shape (channel-template.ts). */
export type TemplateDefinition = ChannelTemplate;

/** Replaces this business account's registry with what the provider listed (absent ones are kept as DELETED). */
export async function syncTemplates(
  tx: DbOrTx,
  orgId: string,
  channelType: MessageTemplate['channelType'],
  businessAccountId: string,
  listed: TemplateDefinition[],
  at: Date,
): Promise<number> {
  for (const t of listed) {
    await tx
      .insert(messageTemplates)
      .values({ orgId, channelType, businessAccountId, ...t, syncedAt: at, updatedAt: at })
      .onConflictDoUpdate({
        target: [
          messageTemplates.orgId,
          messageTemplates.channelType,
          messageTemplates.businessAccountId,
          messageTemplates.name,
          messageTemplates.language,
        ],
        set: { ...t, syncedAt: at, updatedAt: at },
      });
  }
  const known = await listTemplates(tx, orgId, businessAccountId);
  const listedKeys = new Set(listed.map((t) => `${t.name}/${t.language}`));
  for (const stale of known.filter(
    (t) => !listedKeys.has(`${t.name}/${t.language}`) && t.status !== 'DELETED',
  )) {
    await tx
      .update(messageTemplates)
      .set({ status: 'DELETED', updatedAt: at })
      .where(eq(messageTemplates.id, stale.id));
  }
  return listed.length;
}

/** A status webhook (APPROVED, REJECTED, PAUSED, DISABLED...) for one template. */
export async function applyTemplateStatus(
  tx: DbOrTx,
  orgId: string,
  channelType: MessageTemplate['channelType'],
  businessAccountId: string,
  event: {
    externalId: string | null;
    name: string | null;
    language: string | null;
    status: string;
    reason: string | null;
    category: string | null;
  },
  at: Date,
): Promise<void> {
  const { externalId, name, language } = event;
  const byId = externalId
    ? and(
        eq(messageTemplates.orgId, orgId),
        eq(messageTemplates.businessAccountId, businessAccountId),
        eq(messageTemplates.externalId, externalId),
      )
    : undefined;
  const changes = {
    status: event.status,
    statusReason: event.reason === 'NONE' ? null : event.reason,
    ...(event.category ? { category: event.category } : {}),
    updatedAt: at,
  };
  const updated = byId ? await tx.update(messageTemplates).set(changes).where(byId).returning() : [];
  if (updated.length > 0 || !name || !language) return;
  // Not synced yet: remember what we know; the next sync fills in the components.
  await tx
    .insert(messageTemplates)
    .values({ orgId, channelType, businessAccountId, externalId, name, language, ...changes })
    .onConflictDoUpdate({
      target: [
        messageTemplates.orgId,
        messageTemplates.channelType,
        messageTemplates.businessAccountId,
        messageTemplates.name,
        messageTemplates.language,
      ],
      set: { ...changes, ...(externalId ? { externalId } : {}) },
    });
}

export async function listTemplates(
  db: DbOrTx,
  orgId: string,
  businessAccountId?: string,
): Promise<MessageTemplate[]> {
  return db
    .select()
    .from(messageTemplates)
    .where(
      and(
        eq(messageTemplates.orgId, orgId),
        businessAccountId ? eq(messageTemplates.businessAccountId, businessAccountId) : undefined,
      ),
    )
    .orderBy(asc(messageTemplates.name), asc(messageTemplates.language));
}

/** Finds a template by name and language among those an account may send. */
export type AccountTemplateFinder = (name: string, language: string) => Promise<MessageTemplate | undefined>;

/**
 * The templates a channel account may send, in one place: they belong to the account's business
 * account at the provider (channel-accounts' `businessAccountIdOf`); an account without one has none.
 * `remembered` shares lookups across the accounts of one batch (a run of reminders).
 */
export function templateFinderOf(
  db: DbOrTx,
  account: BusinessAccountHolder & { orgId: string },
  remembered?: Map<string, Promise<MessageTemplate | undefined>>,
): AccountTemplateFinder {
  const businessAccountId = businessAccountIdOf(account);
  return (name, language) => {
    if (!businessAccountId) return Promise.resolve(undefined);
    const key = `${account.orgId}/${businessAccountId}/${name}/${language}`;
    const found = remembered?.get(key) ?? findTemplate(db, account.orgId, businessAccountId, name, language);
    remembered?.set(key, found);
    return found;
  };
}

export async function findTemplate(
  db: DbOrTx,
  orgId: string,
  businessAccountId: string,
  name: string,
  language: string,
): Promise<MessageTemplate | undefined> {
  const [template] = await db
    .select()
    .from(messageTemplates)
    .where(
      and(
        eq(messageTemplates.orgId, orgId),
        eq(messageTemplates.businessAccountId, businessAccountId),
        eq(messageTemplates.name, name),
        eq(messageTemplates.language, language),
      ),
    );
  return template;
}
