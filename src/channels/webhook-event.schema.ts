import { sql } from 'drizzle-orm';
import { bigserial, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { CHANNEL_TYPES, channelAccounts } from '../modules/channel-accounts/channel-account.schema.ts';
import { orgs } from '../modules/orgs/org.schema.ts';

/**
 * The journal of verified webhook deliveries, written before we answer 200 so an acknowledged event
 * is never lost. A byte-identical redelivery for the same account is one row (Meta retries for up to
 * 7 days), known by the body's hash, which outlives the body.
 *
 * The body holds a patient's words, so the journal forgets it: it is kept encrypted only until the
 * delivery is processed, or, for a delivery that failed, until an operator's retry succeeds or the
 * retention period passes (the journal retention job).
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
    /** The body as received, encrypted (a field-cipher envelope in base64); null once forgotten. */
    sealedBody: text('sealed_body'),
    /**
     * Plain bodies journaled before they were encrypted (migration 0018): the retention job encrypts
     * them into `sealedBody` at its first run. Nothing writes here any more.
     */
    rawBody: text('raw_body'),
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
    // The retention job looks only at the rows still holding a body, however long the journal is.
    index('webhook_events_holding_body_idx')
      .on(t.receivedAt)
      .where(sql`${t.sealedBody} is not null or ${t.rawBody} is not null`),
  ],
);

export type WebhookEvent = typeof webhookEvents.$inferSelect;
