import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/org.schema.ts';
import { CHANNEL_TYPES } from './channel-types.ts';

// The vocabulary lives apart from the table so that other modules can use it without the table.
export { CHANNEL_TYPES, type ChannelType } from './channel-types.ts';

/** Provider settings that are not secret (WhatsApp, Messenger: Graph base URL and API version; Telegram: Bot API URL). */
export interface ChannelSettings {
  /** Telegram: a self-hosted Bot API server or the simulator (Telegram's own when absent). */
  apiUrl?: string;
  graphUrl?: string;
  apiVersion?: string;
  wabaId?: string;
  displayPhoneNumber?: string;
  /** Played by Careline's own simulator (the demo): its Graph URL follows the server's address. */
  simulated?: boolean;
  /** Meta's throughput for this number: 80 by default, up to 1,000 once upgraded. */
  messagesPerSecond?: number;
  /** Send read receipts (blue ticks) when an agent opens the conversation; on unless false. */
  markAsRead?: boolean;
  /** The team new conversations of this number go to (teams/default-team.ts checks it at runtime). */
  defaultTeamId?: string;
  /** Viber: bot-initiated messages are enabled for the bot (billable), so it has no 24-hour session. */
  botInitiated?: boolean;
}

/** Secrets to call the provider and to check what it sends us. */
export interface ChannelSecrets {
  accessToken: string;
  appSecret: string;
  verifyToken: string;
}

/**
 * What an account of any channel may seal: WhatsApp's {@link ChannelSecrets}, or the secrets another
 * channel's adapter states (Telegram's botToken and secretToken, Messenger's pageAccessToken…).
 */
export type SealableChannelSecrets = ChannelSecrets | Readonly<Record<string, unknown>>;

/**
 * A clinic's account on a channel: for WhatsApp, one business phone number. `externalId` is what
 * the provider puts in webhooks to say which account an event is for (WhatsApp phone_number_id).
 */
export const channelAccounts = pgTable(
  'channel_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    type: text('type', { enum: CHANNEL_TYPES }).notNull(),
    name: text('name').notNull(),
    externalId: text('external_id').notNull(),
    settings: jsonb('settings').$type<ChannelSettings>().notNull().default({}),
    /** {@link ChannelSecrets} as JSON sealed with the clinic's key (channel-secrets.ts). */
    secrets: text('secrets').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('channel_accounts_type_external_unique').on(t.type, t.externalId),
    index('channel_accounts_org_idx').on(t.orgId),
  ],
);

export type ChannelAccount = typeof channelAccounts.$inferSelect;
