import type { DbOrTx } from '../../platform/db/db.ts';
import type { ChannelAccount } from '../channel-accounts/channel-account.schema.ts';
import { CHANNEL_TYPES, type ChannelType } from '../channel-accounts/channel-types.ts';
import { patientLanguage } from '../flows/flow-host-context.ts';
import { lockLiveConversationsIfFree } from '../inbox/bulk-outbound.service.ts';
import type { Conversation } from '../inbox/conversation.schema.ts';
import { conversationsOfContact } from '../inbox/conversation.service.ts';
import { openOrContinueConversation } from '../inbox/inbox.service.ts';
import type { SubmissionDeps } from '../outbox/outbound-submission.service.ts';
import type { MessageTemplate } from '../templates/template.schema.ts';
import { templateFinderOf } from '../templates/template.service.ts';
import { type LinePushQuotaReader, takeLinePush } from './line-push-quota.ts';
import type { ReminderOutcome } from './reminder.repository.ts';
import type { Reminder } from './reminder.schema.ts';
import {
  chooseReminderChannel,
  type ReminderBlockReason,
  type ReminderFallbackReason,
} from './reminder-channel.ts';
import {
  conversationsOn,
  liveConversationOn,
  type PatientChannels,
  reminderChannelOptions,
} from './reminder-channel-options.ts';
import type { ClinicReminderContext } from './reminder-context.ts';
import { type ReminderDetails, reminderButtonsMessage, reminderMessage } from './reminder-message.ts';
import type { OutboundToQueue } from './reminder-outbox.ts';

/** What becomes of one claimed reminder in this pass. */
export type ReminderPlan =
  | { kind: 'finish'; outcome: ReminderOutcome }
  /** Its conversation is held by automation right now: the next pass takes it. */
  | { kind: 'postpone' }
  | {
      kind: 'send';
      send: OutboundToQueue;
      channel: ChannelType;
      fallback?: { from: ChannelType; reason: ReminderFallbackReason } | undefined;
    };

/** What planning needs besides the batch's context. */
export interface ReminderDeliveryDeps {
  senders: SubmissionDeps['senders'];
  /** LINE's figures of an account's monthly push quota; without it LINE pushes are not counted. */
  lineQuota?: LinePushQuotaReader | undefined;
}

/**
 * Decides a claimed reminder: skipped with the reason when nobody may receive it (appointment no longer
 * booked or past, reminders off, no consent on any channel, no channel the clinic can reach the patient
 * on, or only channels whose window allows nothing automated now), else the message and the
 * conversation it goes to, on the channel `chooseReminderChannel` picks among those the patient agreed
 * to reminders on. `locked` holds the batch's conversations already locked; others are looked up (and
 * opened) here.
 */
export async function planReminderDelivery(
  tx: DbOrTx,
  deps: ReminderDeliveryDeps,
  context: ClinicReminderContext | undefined,
  reminder: Reminder,
  locked: ReadonlyMap<string, Conversation>,
  now: Date,
): Promise<ReminderPlan> {
  const { senders } = deps;
  const skip = (reason: string): ReminderPlan => ({
    kind: 'finish',
    outcome: { id: reminder.id, status: 'skipped', reason, messageId: null },
  });
  // It fell back already after its first channel failed it: the next channel takes it, or it failed.
  const fellBack = reminder.fallbackFrom !== null;
  const end = (reason: string): ReminderPlan =>
    fellBack
      ? {
          kind: 'finish',
          outcome: {
            id: reminder.id,
            status: 'failed',
            reason: reminder.fallbackReason ?? reason,
            messageId: null,
          },
        }
      : skip(reason);
  const row = context?.appointments.get(reminder.appointmentId);
  if (!context || !row) return skip('appointment_missing');
  const { appointment } = row;
  if (appointment.status !== 'booked') return skip('appointment_not_booked');
  if (appointment.start <= now) return skip('appointment_passed');
  if (!context.settings.enabled) return skip('reminders_off');
  const consents = context.consents.get(appointment.contactId);
  if (!consents || consents.size === 0) return skip('no_consent');
  const contact = context.contacts.get(appointment.contactId);
  if (!contact) return skip('no_channel');

  const details: ReminderDetails = {
    appointmentId: appointment.id,
    language: patientLanguage(contact, context.org),
    patientName: contact.displayName,
    start: appointment.start,
    timeZone: context.org.timeZone,
    practitionerName: row.practitionerName,
    locationName: row.location.name,
    locationAddress: row.location.address,
  };
  const reachable = new Set(
    [...consents].filter(
      (channel) =>
        senders[channel] !== undefined &&
        context.reachableOn.get(contact.id)?.has(channel) === true &&
        context.accounts.some((a) => a.type === channel),
    ),
  );
  const bookedAt = appointment.conversationId ? locked.get(appointment.conversationId) : undefined;
  const bookedOn = bookedAt ? channelOf(context, bookedAt) : undefined;
  // The patient's conversations order the channels and say where each window stands; not needed when
  // the one channel there is to choose is that of the conversation the appointment was booked in.
  const read =
    bookedAt && reachable.size === 1 && bookedOn !== undefined && reachable.has(bookedOn)
      ? [bookedAt]
      : (await conversationsOfContact(tx, context.org.id, contact.id, 20)).map((c) =>
          c.id === bookedAt?.id ? bookedAt : c,
        );
  const patient: PatientChannels = {
    consents,
    reachable,
    conversations: read.flatMap((conversation) => {
      const channel = channelOf(context, conversation);
      return channel ? [{ conversation, channel }] : [];
    }),
    preferred: bookedOn ? bookedAt : undefined,
    senders,
  };
  // The clinic's order, among the channels it has an account and a sender on.
  const order = context.settings.channelOrder.filter(
    (channel) => senders[channel] !== undefined && context.accounts.some((a) => a.type === channel),
  );
  const blocked = new Map<ChannelType, ReminderBlockReason>();
  if (reminder.fallbackFrom && isChannelType(reminder.fallbackFrom))
    blocked.set(reminder.fallbackFrom, blockReasonOf(reminder.fallbackReason));
  const options = reminderChannelOptions(patient);
  const buttons = reminderButtonsMessage(details);
  const templates = new Map<string, Promise<MessageTemplate | undefined>>();
  // Each pass either settles the channel or blocks one more: it ends within the number of channels.
  for (;;) {
    const choice = chooseReminderChannel(options, buttons, now, { order, blocked, fellBack });
    if (choice.kind === 'skip') return end(choice.reason);
    const { channel } = choice;
    const planned = accountFor(context, patient, channel);
    const message = reminderMessage(details, choice.form, context.settings.templateName);
    const sender = senders[channel];
    if (channel === 'line' && planned && deps.lineQuota) {
      if (!(await takeLinePush(tx, deps.lineQuota, planned, now))) {
        blocked.set(channel, 'line_quota_reached');
        continue;
      }
    }
    if (choice.form === 'template' && planned && sender) {
      const refused = await sender.validate(planned, message, templateFinderOf(tx, planned, templates));
      if (refused.length > 0) {
        blocked.set(channel, 'template_unavailable');
        continue;
      }
    }
    const conversation = await conversationFor(tx, context, patient, contact.id, channel, now);
    if (conversation === 'busy') return { kind: 'postpone' };
    const account = conversation ? accountOf(context, conversation) : undefined;
    if (!conversation || !account) return end('no_channel');
    return { kind: 'send', send: { account, conversation, message }, channel, fallback: choice.fallback };
  }
}

const BLOCK_REASONS: readonly string[] = [
  'template_unavailable',
  'not_on_whatsapp',
  'line_quota_reached',
  'send_failed',
] satisfies ReminderBlockReason[];

function blockReasonOf(reason: string | null): ReminderBlockReason {
  return reason !== null && BLOCK_REASONS.includes(reason) ? (reason as ReminderBlockReason) : 'send_failed';
}

function isChannelType(value: string): value is ChannelType {
  return (CHANNEL_TYPES as readonly string[]).includes(value);
}

/** The account a message on this channel would go from, as `conversationFor` picks it (nothing opened). */
function accountFor(
  context: ClinicReminderContext,
  patient: PatientChannels,
  channel: ChannelType,
): ChannelAccount | undefined {
  const [latest] = conversationsOn(patient, channel);
  const conversation = liveConversationOn(patient, channel) ?? latest;
  return (
    (conversation ? accountOf(context, conversation) : undefined) ??
    context.accounts.find((a) => a.type === channel)
  );
}

function accountOf(context: ClinicReminderContext, conversation: Conversation): ChannelAccount | undefined {
  return context.accounts.find((a) => a.id === conversation.channelAccountId);
}

function channelOf(context: ClinicReminderContext, conversation: Conversation): ChannelType | undefined {
  return accountOf(context, conversation)?.type;
}

/**
 * Where a reminder goes on the channel chosen: the conversation the appointment was booked in when it
 * is on that channel and live (already locked), else the patient's latest conversation there while
 * live (`busy` when automation holds it right now), or a new one on its account (or the clinic's first
 * account of the channel) once it was closed.
 */
async function conversationFor(
  tx: DbOrTx,
  context: ClinicReminderContext,
  patient: PatientChannels,
  contactId: string,
  channel: ChannelType,
  now: Date,
): Promise<Conversation | 'busy' | null> {
  const orgId = context.org.id;
  const live = liveConversationOn(patient, channel);
  if (live && live.id === patient.preferred?.id) return live;
  if (live) return (await lockLiveConversationsIfFree(tx, orgId, [live.id])).get(live.id) ?? 'busy';
  const [latest] = conversationsOn(patient, channel);
  const accountId = latest?.channelAccountId ?? context.accounts.find((a) => a.type === channel)?.id;
  if (!accountId) return null;
  return openOrContinueConversation(tx, orgId, accountId, contactId, now, now);
}
