import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/org.schema.ts';

/** Where a clinic wants its events sent, which ones, and the secret they are signed with. */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    url: text('url').notNull(),
    events: text('events').array().notNull(),
    active: boolean('active').notNull().default(true),
    description: text('description').notNull().default(''),
    /** `whsec_…`, sealed with the clinic key; shown once, at creation or rotation. */
    secretSealed: text('secret_sealed').notNull(),
    /** Message events carry the message's text (opt-in: it is patient data leaving Careline). */
    includeMessageText: boolean('include_message_text').notNull().default(false),
    /** Why Careline turned it off by itself (`failing`), null when a person did or it is on. */
    disabledReason: text('disabled_reason'),
    /** One worker at a time sends a subscription's deliveries, in order: it holds this lease meanwhile. */
    sendingUntil: timestamp('sending_until', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('webhook_subscriptions_org_idx').on(t.orgId)],
);

export type WebhookSubscription = typeof webhookSubscriptions.$inferSelect;

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * One event for one subscription: the outbox row written by the trigger in the same transaction as the
 * change, and then the delivery log (attempts, last answer, next try). Never the secret.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Delivery order within a subscription. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    eventType: text('event_type').notNull(),
    /** `webhook-id`: the same for every attempt and every replay of the event. */
    webhookId: text('webhook_id').notNull(),
    /** Ids and minimal facts, no patient data. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    status: text('status', { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true, precision: 3 }),
    responseStatus: integer('response_status'),
    durationMs: integer('duration_ms'),
    /** Why the last attempt failed: `timeout`, `unreachable`, `HTTP 500`… */
    error: text('error'),
    /** The first 200 characters of the receiver's last answer. */
    responseExcerpt: text('response_excerpt'),
    /** The delivery this one sends again (a replay), with the same webhook-id. */
    replayOf: uuid('replay_of'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index('webhook_deliveries_pending_idx').on(t.subscriptionId, t.seq).where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_log_idx').on(t.subscriptionId, t.seq),
  ],
);

export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
