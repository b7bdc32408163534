import { bigserial, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { CHANNEL_TYPES, channelAccounts } from '../modules/channel-accounts/channel-account.schema.ts';
import { orgs } from '../modules/orgs/org.schema.ts';

/**
 * The journal of verified webhook deliveries, written before we answer 200 so an acknowledged event
 * is never lost. The raw bytes are kept: they are what the signature covered. A byte-identical
 * redelivery for the same account is one row (Meta retries for up to 7 days).
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    channelAccountId: uuid('channel_account_id')
      .notNull()
      .references(() => channelAccounts.id),
    channelType: text('channel_type', { enum: CHANNEL_TYPES }).notNull(),
    bodySha256: text('body_sha256').notNull(),
    rawBody: text('raw_body').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true, precision: 3 }),
    /**
     * Some of it could not be stored (a value the database refuses...): kept for an operator to retry,
     * with why, in words that quote nothing of the message.
     */
    failedAt: timestamp('failed_at', { withTimezone: true, precision: 3 }),
    failureReason: text('failure_reason'),
  },
  (t) => [
    uniqueIndex('webhook_events_dedupe_unique').on(t.channelAccountId, t.bodySha256),
    index('webhook_events_org_idx').on(t.orgId, t.receivedAt),
  ],
);

export type WebhookEvent = typeof webhookEvents.$inferSelect;
