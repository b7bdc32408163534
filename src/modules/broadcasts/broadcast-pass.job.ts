import type { OutboundMessage } from '../../channels/channel.ts';
import type { Db, DbOrTx } from '../../platform/db/db.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { ChannelAccount } from '../channel-accounts/channel-account.schema.ts';
import { listChannelAccountsOfOrg } from '../channel-accounts/channel-account.service.ts';
import type { ChannelType } from '../channel-accounts/channel-types.ts';
import { latestConsentWordsOf } from '../consent/consent.service.ts';
import type { Contact } from '../contacts/contact.schema.ts';
import { findContactsByIds, identitiesOfContacts } from '../contacts/contact.service.ts';
import { patientLanguage } from '../flows/flow-host-context.ts';
import { lockLiveConversationsIfFree } from '../inbox/bulk-outbound.service.ts';
import type { Conversation } from '../inbox/conversation.schema.ts';
import { conversationsOfContacts } from '../inbox/conversation.service.ts';
import { conversationPairKey, openOrContinueConversations } from '../inbox/inbox.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { Org } from '../orgs/org.schema.ts';
import { findOrgByRef } from '../orgs/org.service.ts';
import type { SubmissionDeps } from '../outbox/outbound-submission.service.ts';
import { groupAudiencePage } from '../patient-groups/patient-group.service.ts';
import { type OutboundToQueue, queueOutboundMessages } from '../reminders/reminder-outbox.ts';
import {
  claimDueRecipients,
  insertRecipients,
  lockBroadcast,
  messagesInOutbox,
  nextPendingDueAt,
  type RecipientOutcome,
  recordRecipientOutcomes,
  updateBroadcast,
} from './broadcast.repository.ts';
import type { Broadcast, BroadcastRecipient } from './broadcast.schema.ts';
import {
  type BroadcastChannelOption,
  broadcastLanguageFor,
  broadcastMessage,
  chooseBroadcastChannel,
} from './broadcast-delivery.ts';
import { BROADCAST_SEND_PRIORITY, enqueueBroadcastPass } from './broadcast-queue.ts';
import { outsideQuietHours, patientTimeZone } from './broadcast-time-zone.ts';

export interface BroadcastDeps {
  db: Db;
  clock: Clock;
  keyring: Keyring;
  senders: SubmissionDeps['senders'];
  /** Wakes the workers: the messages queued go out now, not at the next poll. */
  wake?: () => void;
}

/**
 * Patients of the audience taken in per pass, and patients decided per pass. A batch is decided with a
 * fixed number of statements (set-based), so a pass of 500 takes a fraction of a second on PostgreSQL
 * and passes chained back to back stay ahead of the number's 1,000 msg/s; larger batches would hold the
 * batch's conversations locked longer (a patient of the audience answering waits for the pass).
 */
const AUDIENCE_PAGE = 1000;
const SEND_BATCH = 500;
/** How often a broadcast whose patients are all decided looks whether the outbox has sent everything. */
const OUTBOX_CHECK_MS = 2000;
/** A conversation held by automation right now is tried again this much later. */
const BUSY_RETRY_MS = 30_000;

/**
 * One pass of a broadcast, in one transaction: the broadcast's row is locked (a cancellation waits
 * for the pass, and the pass sees it), a page of the group's audience is taken in, then a batch of
 * patients whose turn has come are decided together — deferred to the end of their quiet hours, skipped
 * with the reason, or their message stored `queued` in their conversation with its outbox job — and the
 * next pass is queued: now while there is more, at the next deferred patient's time, or none once done.
 */
export async function runBroadcastPass(
  deps: BroadcastDeps,
  payload: { orgId: string; broadcastId: string },
): Promise<void> {
  const queued = await deps.db.transaction(async (tx) => {
    const broadcast = await lockBroadcast(tx, payload.orgId, payload.broadcastId);
    if (!broadcast || broadcast.status === 'cancelled' || broadcast.status === 'completed') return 0;
    const now = deps.clock.now();
    if (broadcast.sendAt > now) {
      await enqueueBroadcastPass(tx, broadcast, broadcast.passes + 1, broadcast.sendAt);
      await updateBroadcast(tx, broadcast.orgId, broadcast.id, {});
      return 0;
    }
    const org = await findOrgByRef(tx, broadcast.orgId);
    if (!org) return 0;
    let audienceDoneAt = broadcast.audienceDoneAt;
    let audienceCursor = broadcast.audienceCursor;
    if (!audienceDoneAt) {
      const page = await groupAudiencePage(
        tx,
        {
          orgId: broadcast.orgId,
          groupId: broadcast.groupId,
          afterContactId: audienceCursor,
          limit: AUDIENCE_PAGE,
        },
        { keyring: deps.keyring, clock: deps.clock },
      );
      await insertRecipients(tx, broadcast, page, now);
      audienceCursor = page.at(-1) ?? audienceCursor;
      if (page.length < AUDIENCE_PAGE) audienceDoneAt = now;
    }
    const due = await claimDueRecipients(tx, broadcast, now, SEND_BATCH);
    const outcomes = await decide(tx, deps, org, broadcast, due, now);
    await recordRecipientOutcomes(tx, broadcast.orgId, outcomes, now);
    const nextDue = audienceDoneAt ? await nextPendingDueAt(tx, broadcast) : now;
    // Every patient decided: it stays `sending` (and can still be cancelled) until the outbox has
    // handed its last message to the channel; a pass looks again a little later.
    const stillInOutbox =
      audienceDoneAt !== null && nextDue === null ? await messagesInOutbox(tx, broadcast) : 0;
    const next = stillInOutbox > 0 ? new Date(now.getTime() + OUTBOX_CHECK_MS) : nextDue;
    const done = audienceDoneAt !== null && next === null;
    const pass = broadcast.passes + 1;
    await updateBroadcast(tx, broadcast.orgId, broadcast.id, {
      status: done ? 'completed' : 'sending',
      audienceCursor,
      audienceDoneAt,
      startedAt: broadcast.startedAt ?? now,
      ...(done ? { completedAt: now } : {}),
      updatedAt: now,
    });
    if (!done) await enqueueBroadcastPass(tx, broadcast, pass, next && next > now ? next : new Date(0));
    return outcomes.filter((o) => o.kind === 'queued').length;
  });
  if (queued > 0) deps.wake?.();
}

/** What becomes of each claimed recipient in this pass. */
async function decide(
  tx: DbOrTx,
  deps: BroadcastDeps,
  org: Org,
  broadcast: Broadcast,
  due: readonly BroadcastRecipient[],
  now: Date,
): Promise<RecipientOutcome[]> {
  if (due.length === 0) return [];
  const contactIds = due.map((r) => r.contactId);
  const contacts = new Map(
    (await findContactsByIds(tx, deps.keyring, org.id, contactIds)).map((c) => [c.id, c]),
  );
  const reachableOn = new Map<string, Set<ChannelType>>();
  for (const identity of await identitiesOfContacts(tx, deps.keyring, org.id, contactIds)) {
    const on = reachableOn.get(identity.contactId) ?? new Set<ChannelType>();
    on.add(identity.channelType);
    reachableOn.set(identity.contactId, on);
  }
  const words = await latestConsentWordsOf(tx, org.id, contactIds, 'health_information');
  const accounts = [...(await listChannelAccountsOfOrg(tx, org.id))].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
  );
  const quiet = { start: broadcast.quietStart, end: broadcast.quietEnd };
  const conversationsByContact = await conversationsOfContacts(tx, org.id, contactIds, 20);

  const outcomes: RecipientOutcome[] = [];
  const toQueue: {
    recipient: BroadcastRecipient;
    send: OutboundToQueue;
    channel: ChannelType;
    language: string;
  }[] = [];
  const chosen: {
    recipient: BroadcastRecipient;
    contact: Contact;
    message: OutboundMessage;
    channel: ChannelType;
    language: string;
    target: ConversationTarget;
  }[] = [];
  for (const recipient of due) {
    const skip = (
      reason: Extract<RecipientOutcome, { kind: 'skip' }>['reason'],
      channel: string | null = null,
    ) => outcomes.push({ id: recipient.id, kind: 'skip', reason, channel });
    const contact = contacts.get(recipient.contactId);
    if (!contact) {
      skip('no_channel');
      continue;
    }
    // Quiet hours on the patient's own clock: deferred to their end, never skipped.
    const allowedAt = outsideQuietHours(now, patientTimeZone(contact, org.timeZone), quiet);
    if (allowedAt > now) {
      outcomes.push({ id: recipient.id, kind: 'defer', dueAt: allowedAt });
      continue;
    }
    const language = broadcastLanguageFor(
      broadcast.content,
      patientLanguage(contact, org),
      broadcast.defaultLanguage,
    );
    const item = broadcast.content[language];
    if (!item) {
      skip('template_unavailable');
      continue;
    }
    const withChannel = (conversationsByContact.get(contact.id) ?? []).flatMap((conversation) => {
      const account = accounts.find((a) => a.id === conversation.channelAccountId);
      return account ? [{ conversation, account }] : [];
    });
    const options = channelOptions(deps, accounts, withChannel, reachableOn.get(contact.id));
    const choice = chooseBroadcastChannel(words.get(contact.id), options, item, now);
    if (choice.kind === 'skip') {
      skip(choice.reason);
      continue;
    }
    const message = broadcastMessage(item, choice.form, {
      displayName: contact.displayName,
      clinicName: org.name,
    });
    if (!message) {
      skip('template_unavailable', choice.channel);
      continue;
    }
    const target = conversationTarget(accounts, withChannel, choice.channel);
    if (!target) {
      skip('no_channel', choice.channel);
      continue;
    }
    chosen.push({ recipient, contact, message, channel: choice.channel, language, target });
  }

  // The conversations, for the whole batch at once: the live ones locked (a patient's automation holding
  // one: that patient is tried again a little later), the missing ones opened in one statement.
  const locked = await lockLiveConversationsIfFree(
    tx,
    org.id,
    chosen.flatMap((c) => (c.target.kind === 'live' ? [c.target.conversationId] : [])),
  );
  const opened = await openOrContinueConversations(
    tx,
    org.id,
    chosen.flatMap((c) =>
      c.target.kind === 'open' ? [{ channelAccountId: c.target.accountId, contactId: c.contact.id }] : [],
    ),
    now,
    now,
  );
  for (const { recipient, contact, message, channel, language, target } of chosen) {
    const conversation =
      target.kind === 'live'
        ? locked.get(target.conversationId)
        : opened.get(conversationPairKey(target.accountId, contact.id));
    if (!conversation && target.kind === 'live') {
      outcomes.push({ id: recipient.id, kind: 'defer', dueAt: new Date(now.getTime() + BUSY_RETRY_MS) });
      continue;
    }
    const account = conversation ? accounts.find((a) => a.id === conversation.channelAccountId) : undefined;
    if (!conversation || !account) {
      outcomes.push({ id: recipient.id, kind: 'skip', reason: 'no_channel', channel });
      continue;
    }
    toQueue.push({ recipient, send: { account, conversation, message }, channel, language });
  }
  const results = await queueOutboundMessages(
    tx,
    deps,
    toQueue.map((q) => q.send),
    now,
    BROADCAST_SEND_PRIORITY,
  );
  toQueue.forEach((q, i) => {
    const result = results[i];
    if (result?.ok) {
      outcomes.push({
        id: q.recipient.id,
        kind: 'queued',
        channel: q.channel,
        conversationId: q.send.conversation.id,
        messageId: result.messageId,
        language: q.language,
      });
    } else {
      // The registry refused the template (paused, rejected, missing in that language), or a limit.
      const reason = q.send.message.type === 'template' ? 'template_unavailable' : 'refused';
      outcomes.push({ id: q.recipient.id, kind: 'skip', reason, channel: q.channel });
    }
  });
  return outcomes;
}

/** Every channel of the clinic, as the choice weighs it for one patient. */
function channelOptions(
  deps: BroadcastDeps,
  accounts: readonly ChannelAccount[],
  conversations: ReadonlyArray<{ conversation: Conversation; account: ChannelAccount }>,
  reachable: ReadonlySet<ChannelType> | undefined,
): BroadcastChannelOption[] {
  const types = [...new Set(accounts.map((a) => a.type))];
  return types.map((channel) => {
    const on = conversations.filter((c) => c.account.type === channel);
    const live = on[0] && on[0].conversation.status !== 'closed' ? on[0] : undefined;
    const account = live?.account ?? on[0]?.account ?? accounts.find((a) => a.type === channel);
    const sender = deps.senders[channel];
    return {
      channel,
      reach:
        sender && account && reachable?.has(channel)
          ? { window: sender.windowOf?.(account) ?? sender.window, templates: sender.capabilities.templates }
          : null,
      windowFrom: live?.conversation.lastInboundAt ?? null,
      lastWroteAt: latest(on.map((c) => c.conversation.lastInboundAt)),
      lastMessageAt: on[0]?.conversation.lastMessageAt ?? null,
    };
  });
}

function latest(dates: ReadonlyArray<Date | null>): Date | null {
  return dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);
}

type ConversationTarget = { kind: 'live'; conversationId: string } | { kind: 'open'; accountId: string };

/**
 * The conversation the message goes to: the patient's latest on that channel while it is live (locked
 * for the batch; deferred while automation holds it), else a new one on its account (or the clinic's
 * first of the channel); null when the clinic has no account there.
 */
function conversationTarget(
  accounts: readonly ChannelAccount[],
  conversations: ReadonlyArray<{ conversation: Conversation; account: ChannelAccount }>,
  channel: ChannelType,
): ConversationTarget | null {
  const on = conversations.filter((c) => c.account.type === channel);
  const [latestOn] = on;
  if (latestOn && latestOn.conversation.status !== 'closed')
    return { kind: 'live', conversationId: latestOn.conversation.id };
  const accountId = latestOn?.account.id ?? accounts.find((a) => a.type === channel)?.id;
  return accountId ? { kind: 'open', accountId } : null;
}
