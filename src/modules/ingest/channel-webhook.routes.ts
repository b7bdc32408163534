import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import type { ChannelInbound, WebhookRequest } from '../../channels/channel-adapter.ts';
import type { InboundEvent } from '../../channels/inbound-event.ts';
import { decodeWebhookBody } from '../../channels/webhook-body.ts';
import { journalWebhook } from '../../channels/webhook-journal.repository.ts';
import { channelWebhookQueue } from '../../channels/webhook-queues.ts';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Db, DbOrTx } from '../../platform/db/db.ts';
import { HttpProblem } from '../../platform/http/problem.ts';
import type { ChannelAccount, ChannelType } from '../channel-accounts/channel-account.schema.ts';
import {
  findChannelAccountForWebhook,
  findChannelAccountsByExternalIds,
  findChannelAccountsBySetting,
  listChannelAccountsOfType,
} from '../channel-accounts/channel-account.service.ts';
import type { SecretsOf } from '../channel-accounts/channel-secrets.ts';
import type { Keyring } from '../keys/keyring.ts';

export interface ChannelWebhookDeps {
  db: Db;
  cipher: FieldCipher;
  /** Opens the sealed secrets (kept in memory by the vault, so a signature check stays a hash). */
  secretsOf: SecretsOf;
  /** Names a patient in the job queue by a blind-index hash: their id is never stored in clear. */
  keyring: Keyring;
  adapters: readonly ChannelInbound[];
  onJournaled: () => void;
  /**
   * How Careline is reached from outside: the URL a provider was given, which Twilio's signature
   * covers. Without it, a request is taken to be for the URL it reached.
   */
  publicUrl?: () => string;
}

/** Twilio's webhooks are a few kilobytes (ten media URLs at most); a form far larger is not Twilio's. */
const MAX_FORM_BYTES = 64 * 1024;

/** Meta batches a few pages at most into one delivery; more is someone else's traffic. */
const MAX_ACCOUNTS_PER_DELIVERY = 20;

/** A patient's words are stored before any outbound backlog (see the WhatsApp route). */
const PATIENT_MESSAGE_PRIORITY = -1;

/**
 * One webhook route per channel on the port, the same for all: check the provider's signature or
 * secret on the raw bytes, journal the delivery durably (encrypted), and only then answer 200 — providers
 * retry anything else. The ingest job applies it afterwards. Telegram's updates name no bot, so its
 * URL carries the account (`/webhooks/telegram/{channelAccountId}`); Meta's name their page or
 * Instagram account inside the body (`/webhooks/messenger`, `/webhooks/instagram`).
 */
export function channelWebhookRoutes(deps: ChannelWebhookDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // The signature covers the exact bytes, so this scope keeps the body raw.
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
      done(null, body),
    );
    // Twilio posts forms; only a channel that says so reads them (formBodyOf), the others still refuse.
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'buffer', bodyLimit: MAX_FORM_BYTES },
      (_request, body, done) => done(null, new FormBody(Buffer.isBuffer(body) ? body : Buffer.from(body))),
    );

    for (const adapter of deps.adapters) {
      const type = adapter.channel as ChannelType;
      const secretsOf = async (account: ChannelAccount): Promise<unknown> => {
        const parsed = adapter.accountSchemas.secrets.safeParse(await deps.secretsOf(account));
        return parsed.success ? parsed.data : undefined;
      };
      const verified = async (request: WebhookRequest, account: ChannelAccount): Promise<string | null> => {
        const secrets = await secretsOf(account);
        if (secrets === undefined) return 'the channel’s secrets are incomplete';
        const verdict = adapter.webhook.verify(request, secrets);
        return verdict.ok ? null : verdict.reason;
      };

      if (adapter.webhook.routing === 'path') {
        app.post(
          `/webhooks/${type}/:channelAccountId`,
          {
            schema: {
              hide: true,
              params: z.object({
                channelAccountId: z.uuid({ error: 'params.channelAccountId: not a uuid' }),
              }),
            },
          },
          async (request, reply) => {
            const raw = rawBodyOf(request.body, adapter);
            const account = await findChannelAccountForWebhook(
              deps.db,
              type,
              request.params.channelAccountId,
            );
            if (!account) throw new HttpProblem(404, `No ${type} channel at this address`);
            const url = `${(deps.publicUrl?.() ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '')}${request.url}`;
            const refusal = await verified(
              { headers: headersOf(request.headers), rawBody: raw, url },
              account,
            );
            if (refusal !== null) throw new HttpProblem(401, refusal);
            const { events } = parsedDelivery(adapter, raw);
            const stored = await journal(deps, account, raw, events);
            if (stored > 0) deps.onJournaled();
            // Only once the delivery is stored: the answer tells the provider it was received.
            const answer = adapter.webhook.answer?.(events, account) ?? null;
            const acknowledgement = adapter.webhook.acknowledgement;
            if (answer === null && acknowledgement)
              return reply.code(200).type(acknowledgement.contentType).send(acknowledgement.body);
            return reply.code(200).send(answer ?? { received: true, stored });
          },
        );
        continue;
      }

      app.get(
        `/webhooks/${type}`,
        {
          schema: {
            hide: true,
            querystring: z.record(z.string(), z.string().max(1000)),
          },
        },
        async (request, reply) => {
          const accounts = await listChannelAccountsOfType(deps.db, type);
          for (const account of accounts) {
            const secrets = await secretsOf(account);
            const challenge =
              secrets === undefined ? null : adapter.webhook.handshake?.(request.query, secrets);
            if (challenge !== null && challenge !== undefined)
              return reply.type('text/plain').send(challenge);
          }
          throw new HttpProblem(403, `The verify token matches no ${type} channel`);
        },
      );

      const accountsOf = accountsFinder(deps.db, adapter);
      app.post(`/webhooks/${type}`, { schema: { hide: true } }, async (request, reply) => {
        const raw = rawBodyOf(request.body, adapter);
        const unsigned = adapter.webhook.unsigned?.({ headers: headersOf(request.headers), rawBody: raw });
        if (unsigned) throw new HttpProblem(401, unsigned);
        const { body, events } = parsedDelivery(adapter, raw);
        const foreign = adapter.webhook.foreign?.(body);
        if (foreign) throw HttpProblem.badField(foreign.field, foreign.message);
        const keys = adapter.webhook.accountKeys(body);
        const groupKeys = adapter.webhook.accountGroups?.keys(body) ?? [];
        // Anyone can post here, and these ids are looked up before the signature can be checked.
        if (keys.length + groupKeys.length > MAX_ACCOUNTS_PER_DELIVERY)
          throw HttpProblem.badField('body.entry', `names more than ${MAX_ACCOUNTS_PER_DELIVERY} accounts`);
        const accounts = await accountsOf(keys, groupKeys);
        const unknown = keys.filter((key) => !accounts.some((account) => account.externalId === key));
        if (unknown.length > 0)
          request.log.warn(
            { channel: type, accounts: unknown.length },
            'webhook for unknown accounts ignored',
          );
        if (accounts.length === 0) return reply.code(200).send({ received: true, stored: 0 });
        const request_ = { headers: headersOf(request.headers), rawBody: raw };
        const refusals = await Promise.all(accounts.map((account) => verified(request_, account)));
        const trusted = accounts.filter((_account, i) => refusals[i] === null);
        if (trusted.length === 0) throw new HttpProblem(401, refusals.find((r) => r !== null) ?? 'refused');
        const stored =
          trusted.length === 1 && trusted[0]
            ? await journal(deps, trusted[0], raw, events)
            : await deps.db.transaction(async (tx) => {
                let count = 0;
                for (const account of trusted)
                  count += await journal({ ...deps, db: tx }, account, raw, events);
                return count;
              });
        if (stored > 0) deps.onJournaled();
        return reply.code(200).send({ received: true, stored });
      });
    }
  };
}

/**
 * The accounts a delivery names, by their own ids and by their group's (a WhatsApp business account).
 * Meta posts many deliveries a second to one number and each needs that number's app secret: the
 * accounts of a set of ids are remembered for a second, so a busy number costs one lookup a second, not
 * one a request; a changed secret or a removed number applies within that second. The cache is filled
 * before the signature is checked, so it is bounded by size as well as count.
 */
function accountsFinder(db: Db, adapter: ChannelInbound) {
  const type = adapter.channel as ChannelType;
  const groups = adapter.webhook.accountGroups;
  const remembered = new LRUCache<string, ChannelAccount[]>({
    max: 10_000,
    ttl: 1000,
    maxSize: 1_000_000,
    sizeCalculation: (_accounts, key) => key.length + 1,
  });
  const byKeys = async (keys: readonly string[]): Promise<ChannelAccount[]> => {
    const cacheKey = [...keys].sort().join(',');
    const known = remembered.get(cacheKey);
    if (known) return known;
    const found = await findChannelAccountsByExternalIds(db, type, keys);
    remembered.set(cacheKey, found);
    return found;
  };
  return async (keys: readonly string[], groupKeys: readonly string[]): Promise<ChannelAccount[]> => {
    const named = await byKeys(keys);
    if (!groups || groupKeys.length === 0) return named;
    const ofGroups = await findChannelAccountsBySetting(db, type, groups.setting, groupKeys);
    return [...named, ...ofGroups.filter((account) => !named.some((other) => other.id === account.id))];
  };
}

/** A form body, told apart from JSON bytes so that a channel reads only the encoding it says it has. */
class FormBody {
  readonly bytes: Buffer;
  constructor(bytes: Buffer) {
    this.bytes = bytes;
  }
}

function rawBodyOf(body: unknown, adapter: ChannelInbound): Buffer {
  if (adapter.webhook.encoding === 'form') {
    if (!(body instanceof FormBody))
      throw new HttpProblem(415, 'Send the webhook as application/x-www-form-urlencoded');
    return body.bytes;
  }
  if (!Buffer.isBuffer(body)) throw new HttpProblem(415, 'Send the webhook as application/json');
  return body;
}

function headersOf(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string | undefined> {
  const flat: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) flat[name] = Array.isArray(value) ? value[0] : value;
  return flat;
}

/**
 * The delivery read now for its accounts and its sender (the job reads it again from the journal); a body
 * that is not a JSON object is a 400.
 */
function parsedDelivery(adapter: ChannelInbound, raw: Buffer): { body: object; events: InboundEvent[] } {
  let body: unknown;
  try {
    body = decodeWebhookBody(raw, adapter.webhook);
  } catch {
    throw new HttpProblem(400, 'The body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw HttpProblem.badField('body', 'expected a JSON object');
  return { body, events: adapter.webhook.parse(body) };
}

/**
 * Journals the delivery for one account. A patient's messages are applied one after the other, in the
 * order the provider delivered them, keyed by a blind-index hash of who wrote.
 */
async function journal(
  deps: { db: DbOrTx; cipher: FieldCipher; keyring: Keyring },
  account: ChannelAccount,
  raw: Buffer,
  events: readonly InboundEvent[],
): Promise<number> {
  const first = events.find(
    (event) =>
      event.kind === 'message' && (event.accountId === null || event.accountId === account.externalId),
  );
  const sender = first?.kind === 'message' ? first.from.id : null;
  const senderKey = sender
    ? (await deps.keyring.blindIndex(deps.db, account.orgId)).hash('sender', sender)
    : null;
  const id = await journalWebhook(deps.db, deps.cipher, account, raw, {
    queue: channelWebhookQueue,
    priority: sender ? PATIENT_MESSAGE_PRIORITY : 0,
    maxAttempts: 10,
    sequenceKey: senderKey ? `${channelWebhookQueue.name}:${account.id}:${senderKey}` : null,
  });
  return id === undefined ? 0 : 1;
}
