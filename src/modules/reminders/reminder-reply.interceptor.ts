import { replyInConversation } from '../consent/interceptor-reply.ts';
import { patientLanguage } from '../flows/flow-host-context.ts';
import type { ConversationScope } from '../flows/flow-runtime.service.ts';
import type { InboundInterceptor, InterceptorOutcome } from '../flows/inbound-interceptor.ts';
import { findMessage, inboundMessagesAfter } from '../inbox/message.repository.ts';
import type { Message } from '../inbox/message.schema.ts';
import { findAppointment } from '../scheduling/appointment.repository.ts';
import { cancelAppointment, confirmAppointment } from '../scheduling/appointment.service.ts';
import { findPractitioner } from '../scheduling/practitioner.repository.ts';
import type { Appointment } from '../scheduling/scheduling.schema.ts';
import { AppointmentStatusConflictError } from '../scheduling/scheduling-errors.ts';
import { latestUnansweredReminderOf, recordReminderResponse } from './reminder.repository.ts';
import type { Reminder } from './reminder.schema.ts';
import { parseReminderButtonId, type ReminderAction } from './reminder-message.ts';
import { type ReminderReplyOutcome, reminderReplyText } from './reminder-reply-texts.ts';
import { typedReminderAction } from './reminder-typed-answer.ts';

/** How long after a reminder a typed "oui" still answers it. */
const TYPED_ANSWER_HOURS = 24;

/**
 * A tap on a reminder's Confirm / Cancel / Reschedule (an interactive reply button or the template's
 * quick reply: both arrive with the button's id in `content.reply.id`), or the same typed as the first
 * message after a reminder. Confirm and Cancel are done here and answered; Reschedule hands over to
 * the booking flow. An appointment already cancelled or past gets a polite word instead.
 */
export const reminderReplyInterceptor: InboundInterceptor = async (scope, message) => {
  if (message.direction !== 'inbound') return 'pass';
  const tapped = parseReminderButtonId(replyIdOf(message) ?? '');
  if (tapped) return answerReminder(scope, tapped.appointmentId, tapped.action);
  const typed = typedReminderAction(message.text);
  if (!typed) return 'pass';
  const since = new Date(scope.now.getTime() - TYPED_ANSWER_HOURS * 3_600_000);
  const reminder = await latestUnansweredReminderOf(scope.tx, scope.org.id, scope.contact.id, since);
  if (!reminder || !(await answersReminder(scope, reminder, message))) return 'pass';
  return answerReminder(scope, reminder.appointmentId, typed);
};

async function answerReminder(
  scope: ConversationScope,
  appointmentId: string,
  action: ReminderAction,
): Promise<InterceptorOutcome> {
  const { tx, org, now } = scope;
  const appointment = await findAppointment(tx, org.id, appointmentId);
  // A button of another patient's appointment (a forwarded message) is not this patient's to use.
  if (!appointment || appointment.contactId !== scope.contact.id) {
    await reply(scope, 'unknown', null);
    return 'handled';
  }
  const standing = standingOf(appointment, now);
  if (standing !== 'open') {
    await reply(scope, standing, appointment);
    return 'handled';
  }
  try {
    switch (action) {
      case 'confirm':
        await confirmAppointment(tx, org.id, appointment.id, now);
        await recordReminderResponse(tx, org.id, appointment.id, 'confirmed', now);
        await reply(scope, 'confirmed', appointment);
        return 'handled';
      case 'cancel':
        // Frees the slot and cancels the reminders still waiting, in this transaction.
        await cancelAppointment(tx, org.id, appointment.id, { by: 'patient', now });
        await recordReminderResponse(tx, org.id, appointment.id, 'cancelled', now);
        await reply(scope, 'cancelled', appointment);
        return 'handled';
      case 'reschedule':
        await recordReminderResponse(tx, org.id, appointment.id, 'reschedule', now);
        return { startFlow: 'booking', trigger: { rescheduleAppointmentId: appointment.id } };
    }
  } catch (error) {
    // Changed by the staff between our read and our write: say what it has become.
    if (!(error instanceof AppointmentStatusConflictError)) throw error;
    await reply(scope, error.current === 'cancelled' ? 'already_cancelled' : 'past', appointment);
    return 'handled';
  }
}

function standingOf(appointment: Appointment, now: Date): 'open' | 'already_cancelled' | 'past' {
  if (appointment.status === 'cancelled') return 'already_cancelled';
  if (appointment.status !== 'booked' && appointment.status !== 'proposed') return 'past';
  return appointment.start <= now ? 'past' : 'open';
}

async function reply(
  scope: ConversationScope,
  outcome: ReminderReplyOutcome,
  appointment: Appointment | null,
): Promise<void> {
  const practitioner = appointment
    ? await findPractitioner(scope.tx, scope.org.id, appointment.practitionerId)
    : undefined;
  const text = reminderReplyText(
    outcome,
    patientLanguage(scope.contact, scope.org),
    appointment && practitioner
      ? { start: appointment.start, timeZone: scope.org.timeZone, practitionerName: practitioner.name }
      : null,
  );
  await replyInConversation(scope, { type: 'text', text });
}

/** Whether the message is the patient's first word in this conversation since the reminder went out. */
async function answersReminder(
  scope: ConversationScope,
  reminder: Reminder,
  message: Message,
): Promise<boolean> {
  if (!reminder.messageId) return false;
  const sent = await findMessage(scope.tx, scope.org.id, reminder.messageId);
  if (sent?.conversationId !== scope.conversation.id) return false;
  const [first] = await inboundMessagesAfter(scope.tx, scope.org.id, scope.conversation.id, sent.seq, 1);
  return first?.id === message.id;
}

function replyIdOf(message: Message): string | undefined {
  const reply = message.content?.reply;
  if (typeof reply !== 'object' || reply === null || !('id' in reply)) return undefined;
  return typeof reply.id === 'string' ? reply.id : undefined;
}
