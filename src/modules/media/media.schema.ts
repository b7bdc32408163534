import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { channelAccounts } from '../channel-accounts/channel-account.schema.ts';
import { messages } from '../inbox/message.schema.ts';
import { orgs } from '../orgs/org.schema.ts';

export const MEDIA_STATUSES = ['pending', 'stored', 'failed'] as const;
export type MediaStatus = (typeof MEDIA_STATUSES)[number];

/**
 * A file in a conversation: a patient's photo or voice note (downloaded from the provider, then
 * `stored`), or a document an agent attached. Bytes live in the MediaStore, encrypted; this is the index.
 */
export const mediaFiles = pgTable(
  'media_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    messageId: uuid('message_id').references(() => messages.id),
    channelAccountId: uuid('channel_account_id').references(() => channelAccounts.id),
    kind: text('kind').notNull(),
    mimeType: text('mime_type'),
    fileName: text('file_name'),
    size: bigint('size', { mode: 'number' }),
    sha256: text('sha256'),
    storageKey: text('storage_key'),
    providerMediaId: text('provider_media_id'),
    // Uploaded media ids live 30 days at Meta: re-upload after that.
    providerUploadedAt: timestamp('provider_uploaded_at', { withTimezone: true, precision: 3 }),
    status: text('status', { enum: MEDIA_STATUSES }).notNull(),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    storedAt: timestamp('stored_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    index('media_files_message_idx').on(t.messageId),
    index('media_files_org_idx').on(t.orgId, t.createdAt),
  ],
);

export type MediaFile = typeof mediaFiles.$inferSelect;
