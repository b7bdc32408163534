import type { DbOrTx } from '../../platform/db/db.ts';
import type { ChannelAccount } from '../channel-accounts/channel-account.schema.ts';
import { findChannelAccount } from '../channel-accounts/channel-account.service.ts';
import type { ContactIdentity } from '../contacts/contact.schema.ts';
import { identitiesOfContacts } from '../contacts/contact.service.ts';
import type { Conversation } from '../inbox/conversation.schema.ts';
import { findConversationsByIds } from '../inbox/conversation.service.ts';
import type { Message } from '../inbox/message.schema.ts';
import { findMessagesByIds, setMessagesExternalIds } from '../inbox/message.service.ts';
import { openMessages } from '../inbox/message-sealing.ts';
import type { Keyring } from '../keys/keyring.ts';
import { applyEarlyReceiptsOf } from './delivery-receipt.service.ts';
import {
  callProvider,
  handleRefusal,
  markSending,
  type PlannedSend,
  planSend,
  type SendJob,
  type SendLookups,
  SendPaced,
  sendQueuedMessage,
} from './outbox.service.ts';
import type { OutboxDeps } from './outbox-deps.ts';

/**
 * Sends a claimed batch of queued messages: the messages, their conversations, the patients'
 * identities and the numbers are loaded with one query each, every message is checked and paced as
 * `sendQueuedMessage` does, the survivors are marked `sending` together, called in parallel, and their
 * provider ids stored in one transaction. A few queries per batch instead of ten per message is what
 * lets one number reach Meta's 1,000 messages per second. Unusual sends (an interrupted one waiting for
 * its echo, a reaction) take the one-by-one path. Answers the error of each job that did not succeed.
 */
export async function sendQueuedMessages(
  deps: OutboxDeps,
  jobs: readonly SendJob[],
): Promise<Map<number, unknown>> {
  const errors = new Map<number, unknown>();
  const messages = new Map(
    (
      await openMessages(
        deps.db,
        deps.keyring,
        await findMessagesByIds(
          deps.db,
          jobs.map((job) => job.payload.messageId),
        ),
      )
    ).map((m) => [m.id, m]),
  );
  const fresh: { job: SendJob; message: Message }[] = [];
  const oneByOne: SendJob[] = [];
  for (const job of jobs) {
    const message = messages.get(job.payload.messageId);
    if (!message || message.orgId !== job.payload.orgId) continue;
    if (message.status === 'sending' || isReaction(message)) oneByOne.push(job);
    else if (message.status === 'queued') fresh.push({ job, message });
  }

  const lookups = await preload(
    deps.db,
    deps.keyring,
    fresh.map((f) => f.message),
  );
  const waves: Promise<Accepted[]>[] = oneByOne.map((job) =>
    sendQueuedMessage(deps, job).then(
      () => [],
      (error: unknown) => {
        errors.set(job.id, error);
        return [];
      },
    ),
  );
  // The number's bucket empties mid-batch at full rate: the rest wait here for their turn, keeping
  // their place, rather than going back to the queue behind everything queued since. Only that
  // number's messages wait: another number's (another clinic's) in the batch go in this wave.
  let pending = fresh;
  let waited = 0;
  while (pending.length > 0) {
    const wave: { job: SendJob; send: PlannedSend }[] = [];
    const later: typeof pending = [];
    const pacedNumbers = new Set<string>();
    let waitMs = 0;
    for (const item of pending) {
      if (pacedNumbers.has(item.message.channelAccountId)) {
        later.push(item);
        continue;
      }
      try {
        const send = await planSend(deps, item.job, item.message, lookups);
        if (send) wave.push({ job: item.job, send });
      } catch (error) {
        const shortWait =
          error instanceof SendPaced &&
          error.limit === 'number_rate' &&
          waited + error.waitMs <= MAX_PACING_WAIT_MS;
        if (shortWait) {
          waitMs = waitMs === 0 ? error.waitMs : Math.min(waitMs, error.waitMs);
          pacedNumbers.add(item.message.channelAccountId);
          later.push(item);
        } else errors.set(item.job.id, error);
      }
    }
    waves.push(sendWave(deps, wave, errors));
    pending = later;
    if (waitMs > 0) {
      await sleep(waitMs);
      waited += waitMs;
    }
  }
  await storeAccepted(deps, (await Promise.all(waves)).flat());
  return errors;
}

/** How long a batch waits in all for its number's tokens before leaving the rest to the queue. */
const MAX_PACING_WAIT_MS = 2000;

interface Accepted {
  id: string;
  externalId: string;
  accountId: string;
}

/**
 * Marks the wave `sending`, calls the provider for each in parallel, settles the refusals. One mark for
 * the wave, not one per call: the calls all leave in the tick after it, so a mark per call would cost a
 * query per message and narrow nothing. What a crash leaves `sending` without having reached Meta (a
 * call still connecting) waits the echo window either way (`npm run bench -- send-crash` counts them).
 * A call that may have reached Meta unanswered stays `sending` the same way (`handleRefusal`); one
 * that certainly did not goes back to the queue for a quick retry. Neither costs the others a query.
 */
async function sendWave(
  deps: OutboxDeps,
  wave: readonly { job: SendJob; send: PlannedSend }[],
  errors: Map<number, unknown>,
): Promise<Accepted[]> {
  if (wave.length === 0) return [];
  const marked = await markSending(
    deps.db,
    wave.map((p) => p.send.message.id),
    deps.clock.now(),
  );
  const calls = wave.filter((p) => marked.has(p.send.message.id));
  const outcomes = await Promise.all(calls.map((p) => callProvider(p.send)));
  const taken: Accepted[] = [];
  for (const [i, { job, send }] of calls.entries()) {
    const outcome = outcomes[i];
    if (outcome === undefined) continue;
    if (outcome.ok) {
      taken.push({ id: send.message.id, externalId: outcome.externalId, accountId: send.account.id });
      continue;
    }
    await handleRefusal(deps, job, send, outcome).catch((error: unknown) => errors.set(job.id, error));
  }
  return taken;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function storeAccepted(deps: OutboxDeps, taken: readonly Accepted[]): Promise<void> {
  if (taken.length === 0) return;
  await deps.db.transaction(async (tx) => {
    await setMessagesExternalIds(tx, taken);
    await applyEarlyReceiptsOf(
      tx,
      taken.map((t) => ({ channelAccountId: t.accountId, externalId: t.externalId })),
    );
  });
}

/** Lookups answered from memory: what the batch's messages need, loaded once. */
async function preload(db: DbOrTx, keyring: Keyring, messages: readonly Message[]): Promise<SendLookups> {
  const conversations = new Map<string, Conversation>();
  const identities = new Map<string, ContactIdentity[]>();
  const accounts = new Map<string, ChannelAccount | undefined>();
  for (const [orgId, ofOrg] of groupBy(messages, (m) => m.orgId)) {
    const found = await findConversationsByIds(
      db,
      orgId,
      ofOrg.map((m) => m.conversationId),
    );
    for (const c of found) conversations.set(c.id, c);
    const patients = await identitiesOfContacts(db, keyring, orgId, [
      ...new Set(found.map((c) => c.contactId)),
    ]);
    for (const [contactId, ofContact] of groupBy(patients, (i) => i.contactId))
      identities.set(contactId, ofContact);
    for (const accountId of new Set(ofOrg.map((m) => m.channelAccountId)))
      accounts.set(accountId, await findChannelAccount(db, orgId, accountId));
  }
  return {
    conversation: async (orgId, id) => {
      const c = conversations.get(id);
      return c?.orgId === orgId ? c : undefined;
    },
    account: async (orgId, id) => {
      const a = accounts.get(id);
      return a?.orgId === orgId ? a : undefined;
    },
    identities: async (orgId, contactId) =>
      (identities.get(contactId) ?? []).filter((i) => i.orgId === orgId),
  };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}

function isReaction(message: Message): boolean {
  const outbound = message.content?.outbound;
  return (
    typeof outbound === 'object' && outbound !== null && 'type' in outbound && outbound.type === 'reaction'
  );
}
