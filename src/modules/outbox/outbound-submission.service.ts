import type { LimitViolation, OutboundMessage } from '../../channels/channel.ts';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { ChannelType } from '../channel-accounts/channel-account.schema.ts';
import { findChannelAccount } from '../channel-accounts/channel-account.service.ts';
import { CHANNEL_NAMES } from '../channel-accounts/channel-types.ts';
import { findConversation, touchConversation } from '../inbox/conversation.service.ts';
import { ConversationNotFoundError } from '../inbox/inbox.service.ts';
import type { Message } from '../inbox/message.schema.ts';
import { findMessage, insertMessageIfNew } from '../inbox/message.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import { mediaReferenceViolations } from '../media/media-reference.service.ts';
import { templateFinderOf } from '../templates/template.service.ts';
import type { ChannelSender } from './channel-sender.ts';
import { outboundText } from './outbound-text.ts';
import { outboxSendQueue, sendSequenceOf } from './outbox-queue.ts';
import { windowVerdict, writtenByPerson } from './window-policy.ts';

/** The message cannot be sent as it is: each violation names the field and the limit. */
export class OutboundValidationError extends Error {
  readonly violations: LimitViolation[];

  constructor(violations: LimitViolation[]) {
    super(violations.map((v) => `${v.field}: ${v.limit}`).join('; '));
    this.violations = violations;
    this.name = 'OutboundValidationError';
  }
}

export type Submission =
  | { outcome: 'queued'; message: Message }
  | { outcome: 'refused'; message: Message; reason: 'window_closed'; detail: string };

export interface SubmissionDeps {
  /** A transaction too: automation sends inside the transaction that moves its session on. */
  db: DbOrTx;
  /** Seals the message with the patient's key. */
  keyring: Keyring;
  senders: Partial<Record<ChannelType, ChannelSender>>;
  clock: Clock;
}

/**
 * An agent's (or an integration's) message to a patient. Checked against the channel's limits and
 * templates first (nothing stored if it could never be sent); refused and stored as such when the
 * channel's window does not let it go (it never "looks sent"): what may go after the window depends on
 * the channel and on who wrote it (window-policy.ts); otherwise stored as queued with its outbox job in
 * one transaction, so it is sent even if the process dies right after.
 */
export async function submitOutboundMessage(
  deps: SubmissionDeps,
  input: {
    orgId: string;
    conversationId: string;
    message: OutboundMessage;
    sentByApiKeyId: string | null;
    /**
     * The signed-in member of the care team who wrote it: a person's reply, which Messenger and Instagram
     * accept for 7 days after the patient's last message. Null for automation and API keys.
     */
    authorUserId?: string | null;
    /** Automation sending: the flow session, so the agent sees who wrote and agents' replies pause it. */
    sentByFlowSessionId?: string;
    priority?: number;
  },
): Promise<Submission> {
  const { db } = deps;
  const now = deps.clock.now();
  const conversation = await findConversation(db, input.orgId, input.conversationId);
  if (!conversation) throw new ConversationNotFoundError();
  const account = await findChannelAccount(db, input.orgId, conversation.channelAccountId);
  const sender = account ? deps.senders[account.type] : undefined;
  if (!account || !sender) {
    throw new OutboundValidationError([{ field: 'conversation', limit: 'its channel cannot send messages' }]);
  }
  const message = input.message;
  const violations = await sender.validate(account, message, templateFinderOf(db, account));
  const replyTo = await referencedMessage(
    db,
    input.orgId,
    conversation.id,
    message.replyToMessageId,
    'replyToMessageId',
  );
  const target =
    message.type === 'reaction' && !message.targetExternalId
      ? await referencedMessage(db, input.orgId, conversation.id, message.targetMessageId, 'targetMessageId')
      : undefined;
  const problems = [
    ...violations,
    ...(await mediaReferenceViolations(db, input.orgId, message)),
    ...(replyTo.violation ? [replyTo.violation] : []),
    ...(target?.violation ? [target.violation] : []),
  ];
  if (problems.length > 0) throw new OutboundValidationError(problems);

  const author = {
    authorUserId: input.sentByFlowSessionId ? null : (input.authorUserId ?? null),
    sentByFlowSessionId: input.sentByFlowSessionId ?? null,
  };
  const verdict = windowVerdict(
    sender.windowOf?.(account) ?? sender.window,
    conversation.lastInboundAt,
    { template: message.type === 'template', byPerson: writtenByPerson(author) },
    now,
    CHANNEL_NAMES[account.type],
  );
  return db.transaction(async (tx) => {
    const stored = await insertMessageIfNew(tx, deps.keyring, {
      contactId: conversation.contactId,
      values: {
        orgId: input.orgId,
        conversationId: conversation.id,
        channelAccountId: account.id,
        direction: 'outbound',
        type: message.type,
        text: outboundText(message),
        content: {
          outbound: message,
          ...(target?.externalId ? { targetExternalId: target.externalId } : {}),
        },
        replyToExternalId: replyTo.externalId ?? null,
        status: verdict.send ? 'queued' : 'refused',
        failureReason: verdict.send ? null : 'window_closed',
        errorTitle: verdict.send ? null : verdict.detail,
        statusAt: now,
        occurredAt: now,
        sentByApiKeyId: input.sentByApiKeyId,
        ...author,
      },
    });
    if (!stored) throw new Error('insert into messages returned nothing');
    await touchConversation(tx, conversation.id, now, 'outbound', now);
    if (!verdict.send)
      return { outcome: 'refused', message: stored, reason: 'window_closed', detail: verdict.detail };
    await outboxSendQueue.enqueue(
      tx,
      { messageId: stored.id, orgId: input.orgId, conversationId: stored.conversationId },
      {
        orgId: input.orgId,
        // Replies to a waiting patient go before bulk traffic.
        priority: input.priority ?? 0,
        dedupeKey: stored.id,
        sequence: sendSequenceOf(stored),
      },
    );
    return { outcome: 'queued', message: stored };
  });
}

/** A message this one points at, in the same conversation, by Careline id or by the provider's id. */
async function referencedMessage(
  db: DbOrTx,
  orgId: string,
  conversationId: string,
  id: string | undefined,
  field: string,
): Promise<{ externalId?: string; violation?: LimitViolation }> {
  if (id === undefined) return {};
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
  const message = isUuid ? await findMessage(db, orgId, id) : undefined;
  if (message && message.conversationId === conversationId && message.externalId)
    return { externalId: message.externalId };
  if (!isUuid) return { externalId: id };
  return { violation: { field, limit: 'must be a message of this conversation that reached the patient' } };
}
