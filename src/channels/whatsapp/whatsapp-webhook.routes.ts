import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import {
  findChannelAccountsByExternalIds,
  findWhatsAppAccountsByWabaIds,
  listChannelAccountsOfType,
} from '../../modules/channel-accounts/channel-account.repository.ts';
import type { ChannelAccount } from '../../modules/channel-accounts/channel-account.schema.ts';
import type { SecretsOf } from '../../modules/channel-accounts/channel-secrets.ts';
import type { Keyring } from '../../modules/keys/keyring.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Db, DbOrTx } from '../../platform/db/db.ts';
import { HttpProblem } from '../../platform/http/problem.ts';
import { journalWebhook } from '../webhook-journal.repository.ts';
import { whatsappWebhookQueue } from '../webhook-queues.ts';
import { phoneNumberIdsOf } from './parse-webhook.ts';
import { usableId } from './webhook-envelope.schema.ts';
import { verifyMetaSignature } from './webhook-signature.ts';

/**
 * Meta's one callback URL for every WhatsApp number of the app. Order matters: check the signature
 * on the raw bytes, journal durably (the body encrypted with `cipher`), and only then answer 200 — Meta
 * retries anything else for 7 days.
 */
export function whatsappWebhookRoutes(
  db: Db,
  cipher: FieldCipher,
  onJournaled: () => void,
  /** Opens the sealed app secrets and verify tokens; it keeps them in memory, so a signature check stays a hash. */
  secretsOf: SecretsOf,
  /** Names a patient in the job queue by a blind-index hash: their number is never stored in clear. */
  keyring: Keyring,
): FastifyPluginAsyncZod {
  // Meta posts many deliveries a second to one number and each needs that number's app secret: the
  // accounts are remembered for a second, so a busy number costs one lookup a second, not one a
  // request. A changed secret or a removed number applies within that second.
  // The cache is filled before the signature is checked, so it is bounded by size as well as count.
  const accountsByNumbers = new LRUCache<string, ChannelAccount[]>({
    max: 10_000,
    ttl: 1000,
    maxSize: 1_000_000,
    sizeCalculation: (_accounts, key) => key.length + 1,
  });
  const accountsOfNumbers = async (ids: string[]): Promise<ChannelAccount[]> => {
    const key = [...ids].sort().join(',');
    const known = accountsByNumbers.get(key);
    if (known) return known;
    const found = await findChannelAccountsByExternalIds(db, 'whatsapp', ids);
    accountsByNumbers.set(key, found);
    return found;
  };
  return async (app) => {
    // The signature covers the exact bytes, so this scope keeps the body raw.
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );

    app.get(
      '/webhooks/whatsapp',
      {
        schema: {
          hide: true,
          querystring: z.object({
            'hub.mode': z.string().optional(),
            'hub.verify_token': z.string().optional(),
            'hub.challenge': z.string().optional(),
          }),
        },
      },
      async (request, reply) => {
        const { 'hub.mode': mode, 'hub.verify_token': token, 'hub.challenge': challenge } = request.query;
        if (mode !== 'subscribe' || !token || challenge === undefined) {
          throw new HttpProblem(403, 'Expected hub.mode=subscribe with hub.verify_token and hub.challenge');
        }
        const accounts = await listChannelAccountsOfType(db, 'whatsapp');
        const secrets = await Promise.all(accounts.map((a) => secretsOf(a)));
        if (!secrets.some((s) => sameSecret(s.verifyToken, token))) {
          throw new HttpProblem(403, 'The verify token matches no WhatsApp channel');
        }
        return reply.type('text/plain').send(challenge);
      },
    );

    app.post('/webhooks/whatsapp', { schema: { hide: true } }, async (request, reply) => {
      const rawBody = request.body;
      if (!Buffer.isBuffer(rawBody)) throw new HttpProblem(415, 'Send the webhook as application/json');
      const signature = request.headers['x-hub-signature-256'];
      if (typeof signature !== 'string') throw new HttpProblem(401, 'Missing X-Hub-Signature-256');

      let payload: unknown;
      try {
        payload = JSON.parse(rawBody.toString('utf8'));
      } catch {
        throw new HttpProblem(400, 'The body is not valid JSON');
      }
      if (!isWhatsAppEnvelope(payload)) {
        throw HttpProblem.badField(
          'body.object',
          'expected a whatsapp_business_account webhook with entry[]',
        );
      }
      const phoneNumberIds = phoneNumberIdsOf(payload);
      const wabaIds = businessLevelWabaIds(payload);
      // Anyone can post here, and these ids are looked up before the signature can be checked.
      if (phoneNumberIds.length + wabaIds.length > MAX_ACCOUNTS_PER_DELIVERY) {
        throw HttpProblem.badField(
          'body.entry',
          `names more than ${MAX_ACCOUNTS_PER_DELIVERY} phone numbers or business accounts`,
        );
      }
      const byNumber = await accountsOfNumbers(phoneNumberIds);
      // Template and account updates name the WABA, not a number: every number of that WABA hears them.
      const byWaba = await findWhatsAppAccountsByWabaIds(db, wabaIds);
      const accounts = [...byNumber, ...byWaba.filter((a) => !byNumber.some((b) => b.id === a.id))];
      const unknown = phoneNumberIds.filter((id) => !accounts.some((a) => a.externalId === id));
      if (unknown.length > 0)
        request.log.warn({ phoneNumberIds: unknown }, 'webhook for unknown WhatsApp numbers ignored');
      if (accounts.length === 0) return reply.code(200).send({ received: true, stored: 0 });

      const appSecrets = await Promise.all(accounts.map(async (a) => (await secretsOf(a)).appSecret));
      const verified = accounts.filter((_a, i) =>
        verifyMetaSignature(rawBody, signature, appSecrets[i] ?? ''),
      );
      if (verified.length === 0) throw new HttpProblem(401, 'X-Hub-Signature-256 does not match');

      const senders = patientSendersOf(payload);
      const journal = async (tx: DbOrTx, account: ChannelAccount) => {
        const sender = senders.get(account.externalId);
        const senderKey = sender
          ? (await keyring.blindIndex(tx, account.orgId)).hash('sender', sender)
          : null;
        const id = await journalWebhook(tx, cipher, account, rawBody, {
          queue: whatsappWebhookQueue,
          priority: sender ? PATIENT_MESSAGE_PRIORITY : 0,
          maxAttempts: 10,
          // One patient's messages are stored one after the other, in the order Meta delivered them:
          // they get their sequence numbers (messages.seq) and their answers in that order.
          sequenceKey: senderKey ? `${whatsappWebhookQueue.name}:${account.id}:${senderKey}` : null,
        });
        return id === undefined ? 0 : 1;
      };
      const [only] = verified;
      const journaled =
        verified.length === 1 && only
          ? await journal(db, only)
          : await db.transaction(async (tx) => {
              let count = 0;
              for (const account of verified) count += await journal(tx, account);
              return count;
            });
      if (journaled > 0) onJournaled();
      return reply.code(200).send({ received: true, stored: journaled });
    });
  };
}

/** Meta batches one app's deliveries by business account; a few numbers at most share one. */
const MAX_ACCOUNTS_PER_DELIVERY = 20;

/**
 * A patient's message is stored before any outbound work waiting (replies at 0, bulk above): a backlog
 * of sends never keeps a patient's words, or a red flag in them, from the inbox and the automation.
 * Status-only deliveries keep priority 0, so the statuses of a big send cannot starve the send itself.
 */
const PATIENT_MESSAGE_PRIORITY = -1;

/**
 * For each phone number the delivery is addressed to, the patient who wrote (the first message's
 * `from`, or business-scoped `from_user_id`); numbers with only statuses are absent.
 */
function patientSendersOf(payload: unknown): Map<string, string> {
  const senders = new Map<string, string>();
  const entries = isRecord(payload) && Array.isArray(payload.entry) ? payload.entry : [];
  for (const entry of entries) {
    if (!isRecord(entry) || !Array.isArray(entry.changes)) continue;
    for (const change of entry.changes) {
      const value = isRecord(change) && isRecord(change.value) ? change.value : null;
      const numberId = value && isRecord(value.metadata) ? value.metadata.phone_number_id : null;
      const [first] = value && Array.isArray(value.messages) ? value.messages : [];
      if (typeof numberId !== 'string' || !isRecord(first) || senders.has(numberId)) continue;
      // Read like the parser reads it: an unusable id orders nothing (its message is refused anyway).
      const from = usableId(first.from) ?? usableId(first.from_user_id);
      if (from !== null) senders.set(numberId, from);
    }
  }
  return senders;
}

/** WABA ids of entries carrying changes that name no phone number (template and account updates). */
function businessLevelWabaIds(payload: unknown): string[] {
  const ids = new Set<string>();
  const entries = isRecord(payload) && Array.isArray(payload.entry) ? payload.entry : [];
  for (const entry of entries) {
    const wabaId = isRecord(entry) ? usableId(entry.id) : null;
    if (!isRecord(entry) || wabaId === null || !Array.isArray(entry.changes)) continue;
    const numberless = entry.changes.some(
      (change) => isRecord(change) && !(isRecord(change.value) && isRecord(change.value.metadata)),
    );
    if (numberless) ids.add(wabaId);
  }
  return [...ids];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWhatsAppEnvelope(payload: unknown): boolean {
  return (
    typeof payload === 'object' &&
    payload !== null &&
    'object' in payload &&
    payload.object === 'whatsapp_business_account' &&
    'entry' in payload &&
    Array.isArray(payload.entry)
  );
}

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
