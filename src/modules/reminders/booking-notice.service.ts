import { frenchSpacing } from '../../platform/text/french-spacing.ts';
import { fixedClock } from '../../platform/time/clock.ts';
import type { ChannelAccount } from '../channel-accounts/channel-account.schema.ts';
import { listChannelAccountsOfOrg } from '../channel-accounts/channel-account.service.ts';
import type { ChannelType } from '../channel-accounts/channel-types.ts';
import { consentingChannelsOf } from '../consent/consent.service.ts';
import { findContact, identitiesOfContacts } from '../contacts/contact.service.ts';
import { patientLanguage } from '../flows/flow-host-context.ts';
import type { Conversation } from '../inbox/conversation.schema.ts';
import { conversationsOfContact, findConversation } from '../inbox/conversation.service.ts';
import { openOrContinueConversation } from '../inbox/inbox.service.ts';
import { findOrgByRef } from '../orgs/org.service.ts';
import {
  OutboundValidationError,
  type SubmissionDeps,
  submitOutboundMessage,
} from '../outbox/outbound-submission.service.ts';
import { isWindowOpen } from '../outbox/window-policy.ts';
import { type AppointmentRow, appointmentRows } from '../scheduling/appointment.service.ts';
import { sendAppointmentInvite } from '../scheduling/appointment-invite.service.ts';
import {
  BOOKING_NOTICE_REFUSALS,
  type BookingNotice,
  type BookingNoticeDeps,
  type BookingNoticeRefusal,
} from '../scheduling/appointment-reminders.ts';
import { dayAndTime } from '../scheduling/patient-wording.ts';
import { findReminderPolicy } from './reminder.repository.ts';
import {
  chooseReminderChannel,
  type ReminderBlockReason,
  type ReminderChannelChoice,
  type ReminderSkipReason,
} from './reminder-channel.ts';
import {
  conversationsOn,
  liveConversationOn,
  type PatientChannels,
  reminderChannelOptions,
} from './reminder-channel-options.ts';
import { type ReminderDetails, reminderButtonsMessage, reminderTemplateMessage } from './reminder-message.ts';
import { reminderSettingsOf } from './reminder-policy.ts';

/**
 * How long after the patient's last message they count as being in a conversation with the clinic: the
 * channel's window, or 24 hours where it has none (Telegram) — no window does not make a patient who
 * wrote a week ago someone who is talking with us.
 */
const IN_CONVERSATION_HOURS = 24;

/**
 * Tells the patient of an appointment the staff booked for them, by the rules the chat booking and the
 * reminders follow, on whichever channel fits. While the patient is in a conversation with us (they
 * wrote within the channel's window, 24 hours on Telegram) in the conversation the booking names or in
 * their latest live one, the confirmation (when, with whom, where) and the .ics go there as messages, as
 * when they book by chat. Otherwise only a patient who agreed to appointment messages (the reminders'
 * consent) is written to, on the channel a reminder would take (reminder-channel.ts: the one of their
 * most recent conversation among those they agreed on, where its rules allow an automated message):
 * the confirmation and the .ics where free-form messages may go (Telegram), the approved reminder
 * template on WhatsApp outside its window (it names the same day, time and place; an .ics cannot go
 * there), nothing on Messenger or Instagram once their window has closed. Never throws for the
 * patient's sake: the booking stands either way.
 */
export async function noticeOfStaffBooking(
  deps: BookingNoticeDeps,
  orgId: string,
  appointmentId: string,
  now: Date,
): Promise<BookingNotice> {
  // One transaction: each message is stored with its sending job, or nothing is.
  return deps.db.transaction((tx) => notice({ ...deps, db: tx }, orgId, appointmentId, now));
}

async function notice(
  deps: BookingNoticeDeps,
  orgId: string,
  appointmentId: string,
  now: Date,
): Promise<BookingNotice> {
  const [row] = await appointmentRows(deps.db, deps.keyring, orgId, { ids: [appointmentId] });
  const org = await findOrgByRef(deps.db, orgId);
  const contact = row
    ? await findContact(deps.db, deps.keyring, orgId, row.appointment.contactId)
    : undefined;
  if (!row || !org || !contact) return { status: 'not_sent', reason: 'no_channel' };
  const identities = await identitiesOfContacts(deps.db, deps.keyring, orgId, [contact.id]);
  const accounts = (await listChannelAccountsOfOrg(deps.db, orgId)).sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
  );
  const reachable = new Set(
    identities
      .map((i) => i.channelType)
      .filter((channel) => deps.senders[channel] && accounts.some((a) => a.type === channel)),
  );
  if (reachable.size === 0) return { status: 'not_sent', reason: 'no_channel' };
  const channelOf = (c: Conversation) => accounts.find((a) => a.id === c.channelAccountId)?.type;
  const onReachable = (c: Conversation | undefined): c is Conversation => {
    const channel = c ? channelOf(c) : undefined;
    return channel !== undefined && reachable.has(channel);
  };
  const language = patientLanguage(contact, org);
  const named = row.appointment.conversationId
    ? await findConversation(deps.db, orgId, row.appointment.conversationId)
    : undefined;
  const conversations = (await conversationsOfContact(deps.db, orgId, contact.id, 20)).filter(onReachable);
  const [latest] = conversations;
  const live = [named, latest].find((c) => onReachable(c) && c.status !== 'closed');
  if (live && inConversation(deps.senders, live, channelOf(live), now)) {
    await sendConfirmation(deps, orgId, live, channelOf(live), row, language, now);
    return { status: 'sent', as: 'message', channel: channelOf(live) ?? 'whatsapp' };
  }

  const consents = (await consentingChannelsOf(deps.db, orgId, [contact.id], 'appointment_reminders')).get(
    contact.id,
  );
  const patient: PatientChannels = {
    consents: consents ?? new Set(),
    reachable,
    conversations: conversations.flatMap((conversation) => {
      const channel = channelOf(conversation);
      return channel ? [{ conversation, channel }] : [];
    }),
    preferred: live,
    senders: deps.senders,
  };
  const details: ReminderDetails = {
    appointmentId,
    language,
    patientName: contact.displayName,
    start: row.appointment.start,
    timeZone: row.location.timeZone,
    practitionerName: row.practitionerName,
    locationName: row.location.name,
    locationAddress: row.location.address,
  };
  const settings = reminderSettingsOf(await findReminderPolicy(deps.db, orgId));
  // The clinic's order, as for reminders: when the template cannot go on the first channel, the next
  // channel the patient agreed on takes the notice (once).
  const order = settings.channelOrder.filter((channel) => reachable.has(channel));
  const blocked = new Map<ChannelType, ReminderBlockReason>();
  const options = reminderChannelOptions(patient);
  for (;;) {
    const choice = chooseReminderChannel(options, reminderButtonsMessage(details), now, { order, blocked });
    if (choice.kind === 'skip') return { status: 'not_sent', reason: refusalOf(choice.reason) };
    const sent = await noticeOn(
      deps,
      orgId,
      patient,
      accounts,
      row,
      details,
      settings.templateName,
      choice,
      now,
    );
    if (sent.status === 'not_sent' && sent.reason === 'template_unavailable' && blocked.size === 0) {
      blocked.set(choice.channel, 'template_unavailable');
      continue;
    }
    return sent;
  }
}

const REFUSALS: readonly string[] = BOOKING_NOTICE_REFUSALS;

function refusalOf(reason: ReminderSkipReason): BookingNoticeRefusal {
  return REFUSALS.includes(reason) ? (reason as BookingNoticeRefusal) : 'refused';
}

/** The notice on the channel chosen: the confirmation as messages, or the reminder template. */
async function noticeOn(
  deps: BookingNoticeDeps,
  orgId: string,
  patient: PatientChannels,
  accounts: readonly ChannelAccount[],
  row: AppointmentRow,
  details: ReminderDetails,
  templateName: string,
  choice: Extract<ReminderChannelChoice, { kind: 'send' }>,
  now: Date,
): Promise<BookingNotice> {
  const { channel } = choice;
  const target = liveConversationOn(patient, channel);
  const contactId = row.appointment.contactId;
  const accountId =
    target?.channelAccountId ??
    conversationsOn(patient, channel)[0]?.channelAccountId ??
    accounts.find((a) => a.type === channel)?.id;
  if (!accountId) return { status: 'not_sent', reason: 'no_channel' };
  if (choice.form !== 'template') {
    const conversation =
      target ?? (await openOrContinueConversation(deps.db, orgId, accountId, contactId, now, now));
    await sendConfirmation(deps, orgId, conversation, channel, row, details.language, now);
    return { status: 'sent', as: 'message', channel };
  }
  const message = reminderTemplateMessage(details, templateName);
  try {
    // In a savepoint: a template Meta has not approved leaves no empty conversation behind.
    const outcome = await deps.db.transaction(async (tx) => {
      const conversation =
        target ?? (await openOrContinueConversation(tx, orgId, accountId, contactId, now, now));
      const submission = await submitOutboundMessage(
        { db: tx, keyring: deps.keyring, senders: deps.senders, clock: fixedClock(now) },
        { orgId, conversationId: conversation.id, message, sentByApiKeyId: null },
      );
      return submission.outcome;
    });
    return outcome === 'queued'
      ? { status: 'sent', as: 'template', channel }
      : { status: 'not_sent', reason: 'refused' };
  } catch (error) {
    if (!(error instanceof OutboundValidationError)) throw error;
    deps.logger.warn({ problems: error.message }, 'a booking notice template cannot be sent');
    return { status: 'not_sent', reason: 'template_unavailable' };
  }
}

/** Whether the patient wrote in this conversation recently enough to count as talking with us. */
function inConversation(
  senders: SubmissionDeps['senders'],
  conversation: Conversation,
  channel: ChannelType | undefined,
  now: Date,
): boolean {
  const window = channel ? senders[channel]?.window : undefined;
  if (!window) return false;
  const hours = window.kind === 'none' ? IN_CONVERSATION_HOURS : window.hours;
  return isWindowOpen(conversation.lastInboundAt, hours, now);
}

/** The confirmation and the .ics, as messages in the conversation. */
async function sendConfirmation(
  deps: BookingNoticeDeps,
  orgId: string,
  conversation: Conversation,
  channel: ChannelType | undefined,
  row: AppointmentRow,
  language: 'fr' | 'en',
  now: Date,
): Promise<void> {
  await submitOutboundMessage(
    { db: deps.db, keyring: deps.keyring, senders: deps.senders, clock: fixedClock(now) },
    {
      orgId,
      conversationId: conversation.id,
      message: { type: 'text', text: confirmationText(row, language) },
      sentByApiKeyId: null,
    },
  );
  // The .ics where the channel takes documents (LINE does not: the confirmation's words are enough there).
  const documents = channel ? deps.senders[channel]?.capabilities.outboundTypes.includes('document') : false;
  if (deps.mediaStore && documents) {
    await sendAppointmentInvite(
      { db: deps.db, keyring: deps.keyring, senders: deps.senders, mediaStore: deps.mediaStore, now },
      { orgId, conversationId: conversation.id, appointmentId: row.appointment.id, language },
    );
  }
}

/** The words of the chat booking's confirmation, for a booking the patient did not make themselves. */
function confirmationText(row: AppointmentRow, language: 'fr' | 'en'): string {
  const when = dayAndTime(row.appointment.start, row.location.timeZone, language);
  const where = [row.location.name, row.location.address].filter(Boolean).join(', ');
  const who = row.practitionerName;
  return language === 'fr'
    ? frenchSpacing(
        `Votre rendez-vous est réservé ✅ ${when} avec ${who}, ${where}.\nPour l’annuler ou le déplacer, écrivez « annuler rendez-vous » ou « déplacer rendez-vous ».`,
      )
    : `Your appointment is booked ✅ ${when} with ${who}, ${where}.\nTo cancel or move it, write “cancel appointment” or “move appointment”.`;
}
