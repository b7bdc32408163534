import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { pino } from 'pino';
import { testKeyring } from '../../../test/support/test-keyring.ts';
import { createTelegramAdapter } from '../../channels/telegram/telegram-adapter.ts';
import { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Db } from '../../platform/db/db.ts';
import { jobs } from '../../platform/jobs/job.schema.ts';
import { LocalEncryptedMediaStore } from '../../platform/media/local-encrypted-media-store.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { insertChannelAccount } from '../channel-accounts/channel-account.repository.ts';
import type { ChannelAccount, ChannelType } from '../channel-accounts/channel-account.schema.ts';
import { ChannelSecretsVault, sealChannelSecrets } from '../channel-accounts/channel-secrets.ts';
import { addWhatsAppAccount } from '../channel-accounts/whatsapp-account.service.ts';
import { insertContact, insertIdentityIfAbsent } from '../contacts/contact.repository.ts';
import { insertConversationIfAbsent } from '../inbox/conversation.repository.ts';
import type { Org } from '../orgs/org.schema.ts';
import { createOrg } from '../orgs/org.service.ts';
import { AdapterSender } from './adapter-sender.ts';
import type { ChannelSender } from './channel-sender.ts';
import type { SendJob } from './outbox.service.ts';
import type { OutboxDeps } from './outbox-deps.ts';
import { outboxSendQueue } from './outbox-queue.ts';
import { SendPacer } from './pacing/send-pacer.ts';
import { whatsappSender } from './whatsapp-sender.test-support.ts';

/** What the outbox tests share: a clinic with a WhatsApp number and a Telegram bot, and its patients. */

export interface OutboxClinic {
  org: Org;
  whatsapp: ChannelAccount;
  telegram: ChannelAccount;
  /** The WhatsApp Business Account of the number, whose templates the registry holds. */
  wabaId: string;
  botToken: string;
}

let nextId = 0;
/** Digits no other call in this process answers: ids of numbers, bots, chats and WABAs. */
function unique(): string {
  nextId += 1;
  return `${Date.now() % 1e9}${String(nextId).padStart(3, '0')}`;
}

/** A bot token as BotFather issues them: the bot id, a colon, then 35 characters. */
export function botTokenOf(botId: string): string {
  return `${botId}:AAH${randomBytes(16).toString('hex')}`;
}

/**
 * A clinic whose WhatsApp number points at nothing (no test here lets it call Meta) and whose Telegram
 * bot calls `botApiUrl`, a stand-in of the Bot API.
 */
export async function seedOutboxClinic(
  db: Db,
  name: string,
  botApiUrl: string,
  botToken = botTokenOf(unique()),
): Promise<OutboxClinic> {
  const org = await createOrg(db, { name, slug: `clinic-${unique()}` });
  const wabaId = unique();
  const whatsapp = await addWhatsAppAccount(db, testKeyring, {
    orgId: org.id,
    phoneNumberId: unique(),
    accessToken: 'token-0123456789',
    appSecret: 'secret-0123456789',
    verifyToken: 'verify-0123456789',
    graphUrl: 'http://127.0.0.1:9',
    wabaId,
  });
  const botId = botToken.split(':')[0] ?? '';
  const telegram = await insertChannelAccount(db, {
    orgId: org.id,
    type: 'telegram',
    name: `@bot_${botId}`,
    externalId: botId,
    settings: { apiUrl: botApiUrl },
    secrets: await sealChannelSecrets(db, testKeyring, org.id, { botToken, secretToken: 'secret_token_1' }),
  });
  return { org, whatsapp, telegram, wabaId, botToken };
}

export interface OutboxPatient {
  contactId: string;
  conversationId: string;
  /** The patient's id on the channel: a WhatsApp number without its +, a Telegram chat id. */
  externalId: string;
}

/**
 * A patient of the clinic on one of its channels, with a conversation whose patient last wrote at
 * `lastInboundAt` (null: never, so WhatsApp's window has never opened) and has waited since then.
 */
export async function addOutboxPatient(
  db: Db,
  clinic: OutboxClinic,
  channel: Extract<ChannelType, 'whatsapp' | 'telegram'>,
  lastInboundAt: Date | null,
): Promise<OutboxPatient> {
  const n = unique();
  const phone = channel === 'whatsapp' ? `+336${n.slice(-8).padStart(8, '0')}` : null;
  const externalId = phone ? phone.slice(1) : `51${n}`;
  const contact = await insertContact(db, testKeyring, {
    orgId: clinic.org.id,
    displayName: 'Chloé Martin',
    phone,
  });
  await insertIdentityIfAbsent(db, testKeyring, {
    orgId: clinic.org.id,
    contactId: contact.id,
    channelType: channel,
    externalId,
    phone,
  });
  const conversation = await insertConversationIfAbsent(db, {
    orgId: clinic.org.id,
    channelAccountId: clinic[channel].id,
    contactId: contact.id,
    lastInboundAt,
    waitingSince: lastInboundAt,
    ...(lastInboundAt ? { lastMessageAt: lastInboundAt } : {}),
  });
  if (!conversation) throw new Error('the patient already had a conversation');
  return { contactId: contact.id, conversationId: conversation.id, externalId };
}

/** The senders as app.ts builds them: WhatsApp's own, and Telegram's adapter behind the channel port. */
export function outboxSenders(db: Db): Partial<Record<ChannelType, ChannelSender>> {
  const secretsOf = new ChannelSecretsVault(db, testKeyring).of;
  const mediaStore = new LocalEncryptedMediaStore({
    root: mkdtempSync(join(tmpdir(), 'careline-outbox-media-')),
    cipher: FieldCipher.forKey(randomBytes(32)),
  });
  return {
    whatsapp: whatsappSender({ graphUrl: 'http://127.0.0.1:9', apiVersion: 'v25.0', secretsOf }),
    telegram: new AdapterSender(createTelegramAdapter({ timeoutMs: 5000 }), {
      db,
      keyring: testKeyring,
      mediaStore,
      secretsOf,
    }),
  };
}

/** What the send job runs with; a pacer that lets every test message through at once. */
export function outboxDeps(db: Db, senders: OutboxDeps['senders'], clock: Clock): OutboxDeps {
  return {
    db,
    keyring: testKeyring,
    senders,
    logger: pino({ level: 'silent' }),
    pacer: new SendPacer({ pairBurst: 10_000, pairIntervalMs: 1 }),
    mediaStore: new LocalEncryptedMediaStore({
      root: mkdtempSync(join(tmpdir(), 'careline-outbox-media-')),
      cipher: FieldCipher.forKey(randomBytes(32)),
    }),
    upSince: new Date(0),
    clock,
  };
}

/** The message's `outbox.send` job, if it has one. */
export async function sendJobOf(db: Db, messageId: string) {
  const [job] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.queue, outboxSendQueue.name), eq(jobs.dedupeKey, messageId)));
  return job;
}

/** The message's send job as the worker hands it over when it claims it for attempt `attempt`. */
export async function claimedSendJob(db: Db, messageId: string, attempt = 1): Promise<SendJob> {
  const job = await sendJobOf(db, messageId);
  if (!job) throw new Error(`message ${messageId} has no send job`);
  return { ...outboxSendQueue.parse(job), status: 'running', attempts: attempt };
}
