import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { channelAccounts } from '../channel-accounts/channel-account.schema.ts';
import { orgs } from '../orgs/org.schema.ts';

/**
 * Every status a provider reported for a message we sent, kept even when it arrives before we know
 * the message's provider id (Meta's `sent` webhook can beat the send call's response), so it can be
 * applied when the id is stored. Unique per (account, id, status): providers redeliver.
 */
export const deliveryReceipts = pgTable(
  'delivery_receipts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    channelAccountId: uuid('channel_account_id')
      .notNull()
      .references(() => channelAccounts.id),
    externalId: text('external_id').notNull(),
    status: text('status').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    errorCode: integer('error_code'),
    errorTitle: text('error_title'),
    errorDetail: text('error_detail'),
    receivedAt: timestamp('received_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('delivery_receipts_unique').on(t.channelAccountId, t.externalId, t.status),
    // How far Meta's webhooks for a number have got (an interrupted send waits for them to pass it).
    index('delivery_receipts_account_time_idx').on(t.channelAccountId, t.occurredAt),
  ],
);

export type DeliveryReceipt = typeof deliveryReceipts.$inferSelect;
