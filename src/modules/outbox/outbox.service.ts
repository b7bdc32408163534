import type { SendOutcome } from '../../channels/channel.ts';
import { type OutboundMessage, outboundMessageSchema } from '../../channels/outbound-message.ts';
import type { Db } from '../../platform/db/db.ts';
import type { QueueJob } from '../../platform/jobs/define-queue.ts';
import { DeferJob } from '../../platform/jobs/job-worker.ts';
import { raiseAlert } from '../alerts/alert.service.ts';
import type { ChannelAccount } from '../channel-accounts/channel-account.schema.ts';
import { findChannelAccount } from '../channel-accounts/channel-account.service.ts';
import { CHANNEL_NAMES } from '../channel-accounts/channel-types.ts';
import type { ContactIdentity } from '../contacts/contact.schema.ts';
import { identitiesOfContacts } from '../contacts/contact.service.ts';
import type { Conversation } from '../inbox/conversation.schema.ts';
import { findConversation } from '../inbox/conversation.service.ts';
import type { Message, MessageStatus } from '../inbox/message.schema.ts';
import {
  claimInterruptedSend,
  findMessage,
  setMessagesExternalIds,
  setMessagesStatus,
  updateMessageStatus,
} from '../inbox/message.service.ts';
import { applyReaction } from '../inbox/message-changes.service.ts';
import { openOneMessage } from '../inbox/message-sealing.ts';
import type { Keyring } from '../keys/keyring.ts';
import { templateFinderOf } from '../templates/template.service.ts';
import type { ChannelSender } from './channel-sender.ts';
import { applyEarlyReceiptsOf } from './delivery-receipt.service.ts';
import {
  awaitEchoOfUnansweredSend,
  noteSecondId,
  waitForInterruptedSend,
} from './interrupted-send.service.ts';
import { notifyOutboundFailure } from './outbound-failure.ts';
import type { OutboxDeps } from './outbox-deps.ts';
import type { OutboxSendPayload } from './outbox-queue.ts';
import type { SendPacer } from './pacing/send-pacer.ts';
import { MediaUploadError, providerMediaIdsFor } from './provider-media.ts';
import { windowVerdict, writtenByPerson } from './window-policy.ts';

/** The pacer said not yet: which limit, and how long until a send would be allowed. */
/** A claimed `outbox.send` job. */
export type SendJob = QueueJob<OutboxSendPayload>;

export class SendPaced extends DeferJob {
  override name = 'SendPaced';
  readonly limit: 'number_rate' | 'pair_rate';
  readonly waitMs: number;

  constructor(limit: 'number_rate' | 'pair_rate', waitMs: number, now: Date) {
    super(new Date(now.getTime() + waitMs), `paced: ${limit}`);
    this.limit = limit;
    this.waitMs = waitMs;
  }
}

/** A passing fault: the job queue tries again with backoff. */
export class SendRetryLater extends Error {
  override name = 'SendRetryLater';
}

/** What a send needs besides the message; one query each here, preloaded for a whole batch. */
export interface SendLookups {
  conversation(orgId: string, id: string): Promise<Conversation | undefined>;
  account(orgId: string, id: string): Promise<ChannelAccount | undefined>;
  /** The patient's identities, oldest first. */
  identities(orgId: string, contactId: string): Promise<ContactIdentity[]>;
}

/** A message that passed every check and holds its pacing slot: only the call is left. */
export interface PlannedSend {
  message: Message;
  outbound: OutboundMessage;
  account: ChannelAccount;
  sender: ChannelSender;
  recipient: ContactIdentity;
  providerMediaIds: Record<string, string>;
  targetExternalId: string | undefined;
  /** A person's reply after Messenger's 24-hour window: sent tagged `HUMAN_AGENT`. */
  humanAgentTag: boolean;
}

function lookupsFrom(db: Db, keyring: Keyring): SendLookups {
  return {
    conversation: (orgId, id) => findConversation(db, orgId, id),
    account: (orgId, id) => findChannelAccount(db, orgId, id),
    identities: (orgId, contactId) => identitiesOfContacts(db, keyring, orgId, [contactId]),
  };
}

/**
 * Sends one queued message through its channel. Runs as a job, so it survives restarts. Everything
 * that can change between queuing and sending (the window, a template paused) is checked again here.
 */
export async function sendQueuedMessage(deps: OutboxDeps, job: SendJob): Promise<void> {
  const message = await openOneMessage(
    deps.db,
    deps.keyring,
    await findMessage(deps.db, job.payload.orgId, job.payload.messageId),
  );
  if (message?.status !== 'queued' && message?.status !== 'sending') return;
  if (message.status === 'sending') {
    await waitForInterruptedSend(deps, message);
    // No echo came: Meta did not take it. The last attempt does not call again, since a call that
    // ends unknown once more would leave the message waiting for good: it fails, with the reason.
    if (job.attempts >= job.maxAttempts) return fail(deps, message, UNANSWERED, 'provider_unreachable');
  }
  const planned = await planSend(deps, job, message, lookupsFrom(deps.db, deps.keyring));
  if (!planned) return;
  if (!(await claimForSending(deps, message))) return;
  const outcome = await callProvider(planned);
  if (outcome.ok) return accepted(deps, planned, outcome.externalId);
  return handleRefusal(deps, job, planned, outcome);
}

/**
 * The decision to call, taken atomically: a queued message becomes `sending`; an interrupted one is
 * taken only as it was read (still `sending`, no provider id, the same sending time). False when an
 * echo adopted its id, or another run took it, in between: then nothing is sent.
 */
async function claimForSending(deps: OutboxDeps, message: Message): Promise<boolean> {
  if (message.status === 'queued')
    return (await markSending(deps.db, [message.id], deps.clock.now())).has(message.id);
  const claimed = await claimInterruptedSend(deps.db, message.id, message.statusAt, deps.clock.now());
  if (!claimed)
    deps.logger.info({ messageId: message.id }, 'interrupted send settled by its echo: not sent again');
  else
    deps.logger.warn(
      { messageId: message.id },
      'interrupted or unanswered send not echoed in time: sending it again',
    );
  return claimed;
}

/**
 * Every check before the call, then a pacing slot. Undefined when the message was settled instead
 * (refused or failed, with its reason); throws DeferJob when pacing says later. The patient reads
 * messages in the order they were written: the queue hands out a conversation's sends one at a time,
 * in message order (sendSequenceOf), so there is nothing to check about order here.
 */
export async function planSend(
  deps: OutboxDeps,
  job: SendJob,
  message: Message,
  lookups: SendLookups,
): Promise<PlannedSend | undefined> {
  const { db } = deps;
  const now = deps.clock.now();
  const orgId = message.orgId;
  const parsed = outboundMessageSchema.safeParse(message.content?.outbound);
  if (!parsed.success) return refuse(deps, message, 'invalid', 'The stored message can no longer be read');
  const outbound = parsed.data;

  const conversation = await lookups.conversation(orgId, message.conversationId);
  const account = await lookups.account(orgId, message.channelAccountId);
  const sender = account ? deps.senders[account.type] : undefined;
  if (!conversation || !account || !sender)
    return refuse(deps, message, 'invalid', 'The channel can no longer send');
  const identities = await lookups.identities(orgId, conversation.contactId);
  const recipient = identities.filter((i) => i.channelType === account.type).at(-1);
  if (!recipient) return refuse(deps, message, 'invalid', `The patient has no ${account.type} identity`);

  const window = windowVerdict(
    sender.windowOf?.(account) ?? sender.window,
    conversation.lastInboundAt,
    {
      template: outbound.type === 'template',
      byPerson: writtenByPerson(message),
    },
    now,
    CHANNEL_NAMES[account.type],
  );
  if (!window.send) return refuse(deps, message, 'window_closed', window.detail);
  const violations = await sender.validate(account, outbound, templateFinderOf(db, account));
  if (violations.length > 0) {
    const reason = outbound.type === 'template' ? 'template_invalid' : 'invalid';
    return refuse(deps, message, reason, violations.map((v) => `${v.field}: ${v.limit}`).join('; '));
  }

  let providerMediaIds: Record<string, string>;
  try {
    providerMediaIds = await providerMediaIdsFor(deps, account, sender, outbound);
  } catch (error) {
    if (!(error instanceof MediaUploadError)) throw error;
    if (error.disposition === 'retry' && job.attempts < job.maxAttempts)
      throw new SendRetryLater(error.message);
    return fail(deps, message, { code: null, title: error.message, detail: null }, 'media_unavailable');
  }

  applyConfiguredRate(deps.pacer, account);
  const pace = deps.pacer.reserve({
    numberKey: account.id,
    recipientKey: recipient.id,
    kind: job.priority === 0 ? 'reply' : 'bulk',
  });
  if (!pace.ok) throw new SendPaced(pace.reason, pace.retryAfterMs, now);
  const targetExternalId =
    typeof message.content?.targetExternalId === 'string' ? message.content.targetExternalId : undefined;
  return {
    message,
    outbound,
    account,
    sender,
    recipient,
    providerMediaIds,
    targetExternalId,
    humanAgentTag: window.humanAgentTag,
  };
}

/**
 * The idempotency mark on queued messages: from here on, a crash leaves `sending`, which the next run
 * reconciles. Answers the ids marked; the others were settled meanwhile and must not be sent.
 */
export async function markSending(db: Db, messageIds: readonly string[], now: Date): Promise<Set<string>> {
  return new Set(await setMessagesStatus(db, messageIds, ['queued'], 'sending', now));
}

/** Never rejects: a sender that throws may have called already, so that is an `unknown` outcome. */
export async function callProvider(planned: PlannedSend): Promise<SendOutcome> {
  const { account, recipient, outbound, message, providerMediaIds, targetExternalId } = planned;
  try {
    return await planned.sender.send(account, recipient, outbound, {
      correlationId: message.id,
      replyToExternalId: message.replyToExternalId,
      providerMediaIds,
      ...(targetExternalId ? { targetExternalId } : {}),
      ...(planned.humanAgentTag ? { humanAgentTag: true } : {}),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      disposition: 'unknown',
      code: null,
      title: `The send broke: ${reason}`,
      detail: null,
    };
  }
}

/** The provider took it: its id is stored, with any receipt that raced ahead of this answer. */
export async function accepted(deps: OutboxDeps, planned: PlannedSend, externalId: string): Promise<void> {
  const { account, message, outbound, targetExternalId } = planned;
  const reactionEmoji = outbound.type === 'reaction' ? outbound.emoji : null;
  await deps.db.transaction(async (tx) => {
    const stored = await setMessagesExternalIds(tx, [{ id: message.id, externalId }]);
    if (stored.length === 0) await noteSecondId(tx, deps.logger, message.id, externalId);
    await applyEarlyReceiptsOf(tx, [{ channelAccountId: account.id, externalId }]);
    if (reactionEmoji !== null && targetExternalId) {
      await applyReaction(tx, {
        channelAccountId: account.id,
        targetExternalId,
        direction: 'outbound',
        emoji: reactionEmoji === '' ? null : reactionEmoji,
        externalId,
        at: deps.clock.now(),
      });
    }
  });
}

/**
 * The provider said no: wait, retry, or fail for good, as its code calls for. Or it may have said yes
 * unheard: then the message stays `sending` until its status echo, or the lack of one, settles it.
 */
export async function handleRefusal(
  deps: OutboxDeps,
  job: SendJob,
  planned: PlannedSend,
  outcome: Extract<SendOutcome, { ok: false }>,
): Promise<void> {
  const { account, message } = planned;
  if (outcome.disposition === 'unknown') return awaitEchoOfUnansweredSend(deps, job, message, outcome.title);
  const recipientId = planned.recipient.id;
  const backToQueue = () =>
    updateMessageStatus(deps.db, { id: message.id }, ['sending'], { status: 'queued', at: deps.clock.now() });
  switch (outcome.reason) {
    case 'throttled_number':
      deps.pacer.penalise(account.id, 1000);
      await backToQueue();
      throw new DeferJob(new Date(deps.clock.nowMs() + 1000), `throttled by the provider (${outcome.code})`);
    case 'throttled_pair':
      deps.pacer.penalise({ numberKey: account.id, recipientKey: recipientId }, 6000);
      await backToQueue();
      throw new DeferJob(new Date(deps.clock.nowMs() + 6000), `pair rate limit (${outcome.code})`);
    case 'token_invalid':
      await raiseAlert(
        deps.db,
        {
          orgId: account.orgId,
          channelAccountId: account.id,
          kind: 'channel_token_invalid',
          detail: `${account.name}: the access token was refused (${outcome.code}); nothing can be sent until it is replaced`,
        },
        deps.clock.now(),
      );
      deps.logger.error(
        { channelAccountId: account.id, errorCode: outcome.code },
        'channel access token refused',
      );
      return fail(deps, message, outcome, 'token_invalid');
    case 'window_closed':
      return fail(deps, message, outcome, 'window_closed');
    default:
      if (outcome.disposition === 'retry' && job.attempts < job.maxAttempts) {
        await backToQueue();
        throw new SendRetryLater(`${outcome.code ?? 'transport'}: ${outcome.title}`);
      }
      return fail(deps, message, outcome, 'provider_refused');
  }
}

const IN_FLIGHT: MessageStatus[] = ['queued', 'sending'];

const UNANSWERED = {
  code: null,
  title: 'WhatsApp neither answered nor reported this message in any attempt: it was not sent',
  detail: null,
};

const configuredRates = new WeakMap<SendPacer, Map<string, number>>();

/** A number upgraded by Meta (80 → 1,000 msg/s) gets its rate; set once, so penalties are not undone. */
function applyConfiguredRate(pacer: SendPacer, account: ChannelAccount): void {
  const rate = account.settings.messagesPerSecond;
  if (rate === undefined) return;
  const known = configuredRates.get(pacer) ?? new Map<string, number>();
  configuredRates.set(pacer, known);
  if (known.get(account.id) === rate) return;
  pacer.setNumberRate(account.id, rate);
  known.set(account.id, rate);
}

/** Careline's own refusal: nothing was sent. */
export async function refuse(
  deps: OutboxDeps,
  message: Message,
  reason: string,
  detail: string,
): Promise<undefined> {
  deps.logger.warn({ messageId: message.id, reason }, 'outbound message refused');
  await updateMessageStatus(deps.db, { id: message.id }, IN_FLIGHT, {
    status: 'refused',
    at: deps.clock.now(),
    failureReason: reason,
    errorCode: null,
    errorTitle: detail,
    errorDetail: null,
  });
}

/** The provider refused: failed with its code and words. */
async function fail(
  deps: OutboxDeps,
  message: Message,
  error: { code: number | null; title: string; detail: string | null },
  reason: string,
): Promise<undefined> {
  deps.logger.warn({ messageId: message.id, errorCode: error.code, reason }, 'outbound message failed');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const failed = await updateMessageStatus(tx, { id: message.id }, IN_FLIGHT, {
      status: 'failed',
      at: now,
      failureReason: reason,
      errorCode: error.code,
      errorTitle: error.title,
      errorDetail: error.detail,
    });
    if (failed)
      await notifyOutboundFailure(
        tx,
        {
          orgId: message.orgId,
          messageId: message.id,
          channelAccountId: message.channelAccountId,
          errorCode: error.code,
          errorTitle: error.title,
        },
        now,
      );
  });
}
