import { randomUUID } from 'node:crypto';
import type { OutboundMessage } from '../../channels/channel.ts';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { ChannelAccount } from '../channel-accounts/channel-account.schema.ts';
import { insertSealedMessages, touchConversationsSentTo } from '../inbox/bulk-outbound.service.ts';
import type { Conversation } from '../inbox/conversation.schema.ts';
import { sealMessages } from '../inbox/message-sealing.ts';
import type { SubmissionDeps } from '../outbox/outbound-submission.service.ts';
import { outboundText } from '../outbox/outbound-text.ts';
import { outboxSendQueue, sendSequenceOf } from '../outbox/outbox-queue.ts';
import { type AccountTemplateFinder, templateFinderOf } from '../templates/template.service.ts';

// The outbox's submission (outbound-submission.service.ts) for a whole batch at once. The reminders'
// benchmark decided it: one message at a time costs about nine round trips and ~4 ms of CPU per
// reminder, far from 1,000 reminders/s on two cores; a batch costs four statements. It keeps the
// submission's rules (channel limits and template registry checked before anything is stored; a
// message stored `queued` with its outbox job in the caller's transaction) and belongs in the outbox
// module beside `submitOutboundMessage` (with the inbox's bulk helpers, bulk-outbound.service.ts).

export interface OutboundToQueue {
  account: ChannelAccount;
  /** A live conversation the caller holds locked; free-form messages only while its window is open. */
  conversation: Conversation;
  message: OutboundMessage;
}

export type QueueResult = { ok: true; messageId: string } | { ok: false; problems: string };

/** Reminders go after the patients' replies (bulk pacing in the outbox). */
const REMINDER_SEND_PRIORITY = 5;
const SEND_ATTEMPTS = 8;

/**
 * Checks each message as the outbox would, then stores the valid ones as `queued` with their outbox
 * jobs, in four statements for the batch; results are in the order given.
 */
export async function queueOutboundMessages(
  tx: DbOrTx,
  deps: Pick<SubmissionDeps, 'senders' | 'keyring'>,
  items: readonly OutboundToQueue[],
  now: Date,
  /** The outbox's priority (larger goes later): reminders by default; broadcasts pass a larger one. */
  priority: number = REMINDER_SEND_PRIORITY,
): Promise<QueueResult[]> {
  const templates = new Map<string, ReturnType<AccountTemplateFinder>>();
  const results: QueueResult[] = [];
  for (const { account, message } of items) {
    const sender = deps.senders[account.type];
    if (!sender) {
      results.push({ ok: false, problems: 'its channel cannot send messages' });
      continue;
    }
    const violations = await sender.validate(account, message, templateFinderOf(tx, account, templates));
    results.push(
      violations.length > 0
        ? { ok: false, problems: violations.map((v) => `${v.field}: ${v.limit}`).join('; ') }
        : { ok: true, messageId: randomUUID() },
    );
  }
  const queued = items.flatMap((item, i) => {
    const result = results[i];
    return result?.ok ? [{ ...item, id: result.messageId }] : [];
  });
  if (queued.length === 0) return results;

  const plain = queued.map(({ id, account, conversation, message }) => ({
    contactId: conversation.contactId,
    values: {
      id,
      orgId: account.orgId,
      conversationId: conversation.id,
      channelAccountId: account.id,
      direction: 'outbound' as const,
      type: message.type,
      text: outboundText(message),
      content: { outbound: message },
      status: 'queued' as const,
      statusAt: now,
      occurredAt: now,
    },
  }));
  // Sealed with each patient's key, the batch's texts stemmed for the blind index in one query.
  const rows = await sealMessages(tx, deps.keyring, plain);
  const seqOf = await insertSealedMessages(tx, rows);
  await touchConversationsSentTo(
    tx,
    queued.map((q) => q.conversation.id),
    now,
  );
  await outboxSendQueue.enqueueMany(
    tx,
    queued.map(({ id, account, conversation }) => ({
      payload: { messageId: id, orgId: account.orgId, conversationId: conversation.id },
      options: {
        orgId: account.orgId,
        runAt: now,
        priority,
        maxAttempts: SEND_ATTEMPTS,
        dedupeKey: id,
        sequence: sendSequenceOf({ conversationId: conversation.id, seq: seqOfInserted(seqOf, id) }),
      },
    })),
  );
  return results;
}

function seqOfInserted(seqOf: ReadonlyMap<string, number>, id: string): number {
  const seq = seqOf.get(id);
  if (seq === undefined) throw new Error(`message ${id} was not inserted`);
  return seq;
}
