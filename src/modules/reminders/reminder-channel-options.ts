import type { ChannelType } from '../channel-accounts/channel-types.ts';
import type { Conversation } from '../inbox/conversation.schema.ts';
import type { ChannelSender } from '../outbox/channel-sender.ts';
import type { ReminderChannelOption } from './reminder-channel.ts';

/** What is known of one patient's channels, for a reminder or a booking notice. */
export interface PatientChannels {
  /** Where their latest word on appointment reminders is yes. */
  consents: ReadonlySet<ChannelType>;
  /** Where the clinic can write to them: an account of the channel, a sender for it, and their id there. */
  reachable: ReadonlySet<ChannelType>;
  /** Their conversations, latest first, each with its channel. */
  conversations: ReadonlyArray<{ conversation: Conversation; channel: ChannelType }>;
  /** A live conversation to prefer on its channel: the one the appointment was booked in. */
  preferred?: Conversation | undefined;
  senders: Partial<Record<ChannelType, Pick<ChannelSender, 'window' | 'capabilities'>>>;
}

/** The patient's conversations on one channel, latest first. */
export function conversationsOn(patient: PatientChannels, channel: ChannelType): Conversation[] {
  return patient.conversations.filter((c) => c.channel === channel).map((c) => c.conversation);
}

/**
 * The conversation a message goes to on a channel while one is live: the preferred one when it is on
 * that channel, else the latest there unless it was closed (a new one would then be opened).
 */
export function liveConversationOn(patient: PatientChannels, channel: ChannelType): Conversation | undefined {
  const on = conversationsOn(patient, channel);
  const { preferred } = patient;
  if (preferred && on.some((c) => c.id === preferred.id)) return preferred;
  const [latest] = on;
  return latest && latest.status !== 'closed' ? latest : undefined;
}

/** Every channel the patient agreed on, as `chooseReminderChannel` weighs it. */
export function reminderChannelOptions(patient: PatientChannels): ReminderChannelOption[] {
  return [...patient.consents].map((channel): ReminderChannelOption => {
    const sender = patient.senders[channel];
    const on = conversationsOn(patient, channel);
    return {
      channel,
      consented: true,
      reach:
        sender && patient.reachable.has(channel)
          ? { window: sender.window, capabilities: sender.capabilities }
          : null,
      lastWroteAt: latest(on.map((c) => c.lastInboundAt)),
      lastMessageAt: on[0]?.lastMessageAt ?? null,
      windowFrom: liveConversationOn(patient, channel)?.lastInboundAt ?? null,
    };
  });
}

function latest(dates: ReadonlyArray<Date | null>): Date | null {
  return dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);
}
