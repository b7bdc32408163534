import { sql } from 'drizzle-orm';
import { bigint, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { webhookEvents } from '../../channels/webhook-event.schema.ts';
import { channelAccounts } from '../channel-accounts/channel-account.schema.ts';
import { orgs } from '../orgs/org.schema.ts';

/**
 * Something an operator must fix (an invalid provider token, a delivery that could not be stored...).
 * One open alert per account and kind, or per delivery for a delivery's own alert.
 */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    channelAccountId: uuid('channel_account_id').references(() => channelAccounts.id),
    kind: text('kind').notNull(),
    detail: text('detail').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, precision: 3 }),
    /** The journaled delivery this alert is about; an operator can have it processed again. */
    webhookEventId: bigint('webhook_event_id', { mode: 'number' }).references(() => webhookEvents.id),
  },
  (t) => [
    uniqueIndex('alerts_one_open_per_kind')
      .on(t.orgId, t.channelAccountId, t.kind)
      .where(sql`${t.resolvedAt} is null and ${t.webhookEventId} is null`),
    uniqueIndex('alerts_one_open_per_delivery')
      .on(t.webhookEventId)
      .where(sql`${t.resolvedAt} is null and ${t.webhookEventId} is not null`),
  ],
);

export type Alert = typeof alerts.$inferSelect;
