import type { DbOrTx } from '../../platform/db/db.ts';
import type { ChannelAccount } from '../channel-accounts/channel-account.schema.ts';
import { patientLanguage } from '../flows/flow-host-context.ts';
import type { Conversation } from '../inbox/conversation.schema.ts';
import { conversationsOfContact } from '../inbox/conversation.service.ts';
import { openOrContinueConversation } from '../inbox/inbox.service.ts';
import type { SubmissionDeps } from '../outbox/outbound-submission.service.ts';
import { isWindowOpen } from '../outbox/window-policy.ts';
import type { AppointmentRow } from '../scheduling/appointment.service.ts';
import type { ReminderOutcome } from './reminder.repository.ts';
import type { Reminder } from './reminder.schema.ts';
import type { ClinicReminderContext } from './reminder-context.ts';
import { type ReminderDetails, reminderButtonsMessage, reminderTemplateMessage } from './reminder-message.ts';
import { lockLiveConversationsIfFree, type OutboundToQueue } from './reminder-outbox.ts';

/** What becomes of one claimed reminder in this pass. */
export type ReminderPlan =
  | { kind: 'finish'; outcome: ReminderOutcome }
  /** Its conversation is held by automation right now: the next pass takes it. */
  | { kind: 'postpone' }
  | { kind: 'send'; send: OutboundToQueue };

/**
 * Decides a claimed reminder: skipped with the reason when nobody may receive it (appointment no longer
 * booked or past, reminders off, no consent, no WhatsApp), else the message and the conversation it
 * goes to: buttons while the patient's 24-hour window is open, the approved template otherwise.
 * `locked` holds the batch's conversations already locked; others are looked up (and opened) here.
 */
export async function planReminderDelivery(
  tx: DbOrTx,
  senders: SubmissionDeps['senders'],
  context: ClinicReminderContext | undefined,
  reminder: Reminder,
  locked: ReadonlyMap<string, Conversation>,
  now: Date,
): Promise<ReminderPlan> {
  const skip = (reason: string): ReminderPlan => ({
    kind: 'finish',
    outcome: { id: reminder.id, status: 'skipped', reason, messageId: null },
  });
  const row = context?.appointments.get(reminder.appointmentId);
  if (!context || !row) return skip('appointment_missing');
  const { appointment } = row;
  if (appointment.status !== 'booked') return skip('appointment_not_booked');
  if (appointment.start <= now) return skip('appointment_passed');
  if (!context.settings.enabled) return skip('reminders_off');
  if (!context.consenting.has(appointment.contactId)) return skip('no_consent');
  const contact = context.contacts.get(appointment.contactId);
  if (!contact || !context.onWhatsApp.has(contact.id)) return skip('no_channel');

  const booked = appointment.conversationId ? locked.get(appointment.conversationId) : undefined;
  const conversation =
    booked && accountOf(context, booked) ? booked : await conversationFor(tx, context, row, now);
  if (conversation === 'busy') return { kind: 'postpone' };
  const account = conversation ? accountOf(context, conversation) : undefined;
  if (!conversation || !account) return skip('no_channel');

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
  const windowOpen = isWindowOpen(conversation.lastInboundAt, senders.whatsapp?.windowHours ?? null, now);
  const message = windowOpen
    ? reminderButtonsMessage(details)
    : reminderTemplateMessage(details, context.settings.templateName);
  return { kind: 'send', send: { account, conversation, message } };
}

function accountOf(context: ClinicReminderContext, conversation: Conversation): ChannelAccount | undefined {
  return context.accounts.find((a) => a.id === conversation.channelAccountId);
}

/**
 * Where a reminder goes when the conversation it was booked in is not at hand: the patient's latest
 * WhatsApp conversation while live, or a new one on that number (or the clinic's first number) once it
 * was closed. `busy` when automation holds the live conversation right now.
 */
async function conversationFor(
  tx: DbOrTx,
  context: ClinicReminderContext,
  row: AppointmentRow,
  now: Date,
): Promise<Conversation | 'busy' | null> {
  const orgId = context.org.id;
  const { contactId } = row.appointment;
  const latest = (await conversationsOfContact(tx, orgId, contactId, 20)).find((c) => accountOf(context, c));
  if (latest && latest.status !== 'closed') {
    return (await lockLiveConversationsIfFree(tx, orgId, [latest.id])).get(latest.id) ?? 'busy';
  }
  const accountId = latest?.channelAccountId ?? context.accounts[0]?.id;
  if (!accountId) return null;
  return openOrContinueConversation(tx, orgId, accountId, contactId, now, now);
}
