import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { apiKeys } from '../auth/api-key.schema.ts';
import { channelAccounts } from '../channel-accounts/channel-account.schema.ts';
import { orgs } from '../orgs/org.schema.ts';
import { users } from '../users/user.schema.ts';
import { conversations } from './conversation.schema.ts';
import { MESSAGE_STATUSES } from './message-statuses.ts';

// The vocabulary lives apart from the table so that other modules can use it without the table.
export { MESSAGE_STATUSES, type MessageStatus } from './message-statuses.ts';

/** `note`: an internal note of the care team, in the timeline but never sent to the patient. */
export const MESSAGE_DIRECTIONS = ['inbound', 'outbound', 'note'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    channelAccountId: uuid('channel_account_id')
      .notNull()
      .references(() => channelAccounts.id),
    direction: text('direction', { enum: MESSAGE_DIRECTIONS }).notNull(),
    externalId: text('external_id'),
    type: text('type').notNull(),
    /** Sealed with the patient's key (`cl1.…`); rows stored before encryption hold plain text until sealed. */
    text: text('text'),
    /**
     * The normalised channel event (media refs, location, replies, edits...) so no inbound detail is lost.
     * Stored sealed in content_sealed; this column holds it only for rows not yet sealed in place.
     */
    content: jsonb('content').$type<Record<string, unknown>>(),
    /** `content` as sealed JSON text, with the patient's key. */
    contentSealed: text('content_sealed'),
    /** Blind index of the text: keyed hashes of its words' French and English stems (search-terms.ts). */
    searchTerms: bigint('search_terms', { mode: 'bigint' }).array().notNull().default(sql`'{}'::bigint[]`),
    status: text('status', { enum: MESSAGE_STATUSES }).notNull(),
    statusAt: timestamp('status_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    errorCode: integer('error_code'),
    errorTitle: text('error_title'),
    errorDetail: text('error_detail'),
    // Why Careline refused or gave up, in words an agent can act on: window_closed, template_invalid...
    failureReason: text('failure_reason'),
    editedAt: timestamp('edited_at', { withTimezone: true, precision: 3 }),
    deletedAt: timestamp('deleted_at', { withTimezone: true, precision: 3 }),
    /** The clinic's retention policy erased its text and details (the timeline says so). */
    retentionErasedAt: timestamp('retention_erased_at', { withTimezone: true, precision: 3 }),
    replyToExternalId: text('reply_to_external_id'),
    sentByApiKeyId: uuid('sent_by_api_key_id').references(() => apiKeys.id),
    authorUserId: uuid('author_user_id').references(() => users.id),
    /**
     * A note only roles with `medical.read` see (clinicians, supervisors, admins): an intake summary, or a
     * note the staff marked medical. Always false for messages to and from the patient.
     */
    medical: boolean('medical').notNull().default(false),
    /**
     * Arrival order. Providers stamp messages to the second and deliver them in batches, so two patient
     * messages can share a timestamp: automation reads them in the order Careline stored them.
     */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    /** Sent by automation: the flow session that sent it (no foreign key: the inbox knows nothing of flows). */
    sentByFlowSessionId: uuid('sent_by_flow_session_id'),
    // When it happened for the patient: the provider's timestamp for inbound, creation for outbound.
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    // Providers deliver at least once: the same wamid on the same number is one message.
    uniqueIndex('messages_external_unique').on(t.channelAccountId, t.externalId),
    index('messages_conversation_idx').on(t.conversationId, t.occurredAt, t.id),
    index('messages_conversation_seq_idx').on(t.conversationId, t.seq),
    index('messages_retention_idx').on(t.orgId, t.occurredAt).where(sql`${t.retentionErasedAt} is null`),
    index('messages_search_terms_idx').using('gin', t.searchTerms),
    index('messages_org_recent_idx').on(t.orgId, t.occurredAt, t.id),
  ],
);

export type Message = typeof messages.$inferSelect;
