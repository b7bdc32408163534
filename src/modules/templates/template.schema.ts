import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { CHANNEL_TYPES } from '../channel-accounts/channel-account.schema.ts';
import { orgs } from '../orgs/org.schema.ts';

/**
 * Message templates approved by the provider, per business account (WhatsApp: per WABA, shared by
 * its numbers). Synced from the provider and kept current by its status webhooks.
 */
export const messageTemplates = pgTable(
  'message_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    channelType: text('channel_type', { enum: CHANNEL_TYPES }).notNull(),
    businessAccountId: text('business_account_id').notNull(),
    externalId: text('external_id'),
    name: text('name').notNull(),
    language: text('language').notNull(),
    category: text('category'),
    status: text('status').notNull(),
    statusReason: text('status_reason'),
    parameterFormat: text('parameter_format').notNull().default('POSITIONAL'),
    components: jsonb('components').$type<unknown[]>().notNull().default([]),
    syncedAt: timestamp('synced_at', { withTimezone: true, precision: 3 }),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('message_templates_unique').on(
      t.orgId,
      t.channelType,
      t.businessAccountId,
      t.name,
      t.language,
    ),
    index('message_templates_external_idx').on(t.businessAccountId, t.externalId),
  ],
);

export type MessageTemplate = typeof messageTemplates.$inferSelect;
