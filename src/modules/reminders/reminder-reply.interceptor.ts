import { replyInConversation } from '../consent/interceptor-reply.ts';
import { patientLanguage } from '../flows/flow-host-context.ts';
import type {
  ConversationScope,
  InboundInterceptor,
  InterceptorOutcome,
} from '../flows/flow-runtime-deps.ts';
import type { Message } from '../inbox/message.schema.ts';
import { findMessage, inboundMessagesAfter } from '../inbox/message.service.ts';
import {
  cancelAppointment,
  confirmAppointment,
  findAppointment,
  findReplacement,
} from '../scheduling/appointment.service.ts';
import { findPractitioner } from '../scheduling/practitioner.service.ts';
import type { Appointment } from '../scheduling/scheduling.schema.ts';
import { AppointmentStatusConflictError } from '../scheduling/scheduling-errors.ts';
import {
  latestUnansweredReminderOf,
  recordReminderResponse,
  reminderMessageSeq,
  reminderSentAfter,
  repliedMessageSeq,
} from './reminder.repository.ts';
import type { Reminder } from './reminder.schema.ts';
import type { ReminderAction } from './reminder-action.ts';
import {
  type CheckedAction,
  parseReminderButtonId,
  parseReminderCheckId,
  reminderCheckButtonId,
} from './reminder-message.ts';
import { CHECK_ANSWERS, type ReminderReplyOutcome, reminderReplyText } from './reminder-reply-texts.ts';
import { typedReminderAction } from './reminder-typed-answer.ts';
import { schedulingReminders } from './scheduling-reminders.ts';

/** How long after a reminder a typed "oui" still answers it. */
const TYPED_ANSWER_HOURS = 24;
/** Moves of moves: a chain longer than this is not followed further. */
const MAX_MOVES_FOLLOWED = 20;

/**
 * A tap on a reminder's Confirm / Cancel / Reschedule (an interactive reply button or the template's
 * quick reply: both arrive with the button's id in `content.reply.id`), or the same typed as the first
 * message after a reminder. Confirm and Cancel are done here and answered; Reschedule hands over to
 * the booking flow. An appointment already cancelled or past gets a polite word instead.
 *
 * A button can be tapped days later, on a reminder the patient no longer has in mind. So Cancel is done
 * at once only from the latest reminder of an appointment that has not moved since; otherwise the
 * patient is asked first, with the appointment's current day and time, and Yes cancels. Confirm of an
 * appointment that has moved since asks the same way: nobody confirms a time they have not seen.
 */
export const reminderReplyInterceptor: InboundInterceptor = async (scope, message) => {
  if (message.direction !== 'inbound') return 'pass';
  const replyId = replyIdOf(message) ?? '';
  const check = parseReminderCheckId(replyId);
  if (check) return answerCheck(scope, check.appointmentId, check.action, check.answer);
  const tapped = parseReminderButtonId(replyId);
  if (tapped) {
    const seq = message.replyToExternalId
      ? await repliedMessageSeq(scope.tx, scope.org.id, scope.conversation.id, message.replyToExternalId)
      : undefined;
    return answerReminder(scope, tapped.appointmentId, tapped.action, seq);
  }
  const typed = typedReminderAction(message.text);
  if (!typed) return 'pass';
  const since = new Date(scope.now.getTime() - TYPED_ANSWER_HOURS * 3_600_000);
  const reminder = await latestUnansweredReminderOf(scope.tx, scope.org.id, scope.contact.id, since);
  if (!reminder || !(await answersReminder(scope, reminder, message))) return 'pass';
  const seq = await reminderMessageSeq(scope.tx, scope.org.id, reminder);
  return answerReminder(scope, reminder.appointmentId, typed, seq);
};

/**
 * `answeredSeq`: where the reminder answered stands among the messages (undefined when unknown, as
 * when the tap came without the message it replies to).
 */
async function answerReminder(
  scope: ConversationScope,
  appointmentId: string,
  action: ReminderAction,
  answeredSeq: number | undefined,
): Promise<InterceptorOutcome> {
  const found = await patientsAppointment(scope, appointmentId);
  if (!found) return replied(scope, 'unknown', null);
  const { current, moved } = found;
  const standing = standingOf(current, scope.now);
  if (standing !== 'open') return replied(scope, standing, current);
  switch (action) {
    case 'confirm':
      // The same time as the reminder showed, however old: confirming it is what the patient means.
      return moved ? ask(scope, current, 'confirm') : act(scope, current, 'confirm');
    case 'cancel': {
      const outdated =
        moved ||
        answeredSeq === undefined ||
        (await reminderSentAfter(scope.tx, scope.org.id, current.id, answeredSeq));
      return outdated ? ask(scope, current, 'cancel') : act(scope, current, 'cancel');
    }
    case 'reschedule':
      await recordReminderResponse(scope.tx, scope.org.id, current.id, 'reschedule', scope.now);
      return { startFlow: 'booking', trigger: { rescheduleAppointmentId: current.id } };
  }
}

/** Yes or No to "do you really want to cancel / confirm…?". */
async function answerCheck(
  scope: ConversationScope,
  appointmentId: string,
  action: CheckedAction,
  answer: 'yes' | 'no',
): Promise<InterceptorOutcome> {
  const found = await patientsAppointment(scope, appointmentId);
  if (!found) return replied(scope, 'unknown', null);
  const { current, moved } = found;
  const standing = standingOf(current, scope.now);
  if (standing !== 'open') return replied(scope, standing, current);
  // Moved again since the question: the patient has not seen this time either.
  if (moved) return ask(scope, current, action);
  if (answer === 'no') return replied(scope, action === 'cancel' ? 'kept' : 'not_confirmed', current);
  return act(scope, current, action);
}

async function act(
  scope: ConversationScope,
  appointment: Appointment,
  action: CheckedAction,
): Promise<InterceptorOutcome> {
  const { tx, org, now } = scope;
  try {
    if (action === 'confirm') {
      await confirmAppointment(tx, org.id, appointment.id, now);
      await recordReminderResponse(tx, org.id, appointment.id, 'confirmed', now);
      return replied(scope, 'confirmed', appointment);
    }
    // Frees the slot and cancels the reminders still waiting, in this transaction.
    await cancelAppointment(tx, schedulingReminders, org.id, appointment.id, { by: 'patient', now });
    await recordReminderResponse(tx, org.id, appointment.id, 'cancelled', now);
    return replied(scope, 'cancelled', appointment);
  } catch (error) {
    // Changed by the staff between our read and our write: say what it has become.
    if (!(error instanceof AppointmentStatusConflictError)) throw error;
    return replied(scope, error.current === 'cancelled' ? 'already_cancelled' : 'past', appointment);
  }
}

/** Asks before acting, naming the appointment as it stands now, with Yes / No buttons. */
async function ask(
  scope: ConversationScope,
  appointment: Appointment,
  action: CheckedAction,
): Promise<InterceptorOutcome> {
  const language = patientLanguage(scope.contact, scope.org);
  const question = await textFor(
    scope,
    action === 'cancel' ? 'ask_cancel' : 'ask_confirm_moved',
    appointment,
  );
  await replyInConversation(scope, {
    type: 'buttons',
    body: question,
    buttons: (['yes', 'no'] as const).map((answer) => ({
      id: reminderCheckButtonId(appointment.id, action, answer),
      title: CHECK_ANSWERS[language][answer],
    })),
  });
  return 'handled';
}

/**
 * The patient's appointment behind a button, followed through its moves to the one that stands now.
 * Undefined for another patient's appointment (a forwarded message is not this patient's to use).
 */
async function patientsAppointment(
  scope: ConversationScope,
  appointmentId: string,
): Promise<{ current: Appointment; moved: boolean } | undefined> {
  const tapped = await findAppointment(scope.tx, scope.org.id, appointmentId);
  if (!tapped || tapped.contactId !== scope.contact.id) return undefined;
  let current = tapped;
  for (let hop = 0; hop < MAX_MOVES_FOLLOWED && current.status === 'cancelled'; hop += 1) {
    const replacement = await findReplacement(scope.tx, scope.org.id, current);
    if (!replacement) break;
    current = replacement;
  }
  return { current, moved: current.id !== tapped.id };
}

function standingOf(appointment: Appointment, now: Date): 'open' | 'already_cancelled' | 'past' {
  if (appointment.status === 'cancelled') return 'already_cancelled';
  if (appointment.status !== 'booked' && appointment.status !== 'proposed') return 'past';
  return appointment.start <= now ? 'past' : 'open';
}

async function replied(
  scope: ConversationScope,
  outcome: ReminderReplyOutcome,
  appointment: Appointment | null,
): Promise<InterceptorOutcome> {
  await replyInConversation(scope, { type: 'text', text: await textFor(scope, outcome, appointment) });
  return 'handled';
}

async function textFor(
  scope: ConversationScope,
  outcome: ReminderReplyOutcome,
  appointment: Appointment | null,
): Promise<string> {
  const practitioner = appointment
    ? await findPractitioner(scope.tx, scope.org.id, appointment.practitionerId)
    : undefined;
  return reminderReplyText(
    outcome,
    patientLanguage(scope.contact, scope.org),
    appointment && practitioner
      ? { start: appointment.start, timeZone: scope.org.timeZone, practitionerName: practitioner.name }
      : null,
  );
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
