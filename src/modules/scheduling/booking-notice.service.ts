import type { Logger } from 'pino';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { MediaStore } from '../../platform/media/media-store.ts';
import { fixedClock } from '../../platform/time/clock.ts';
import type { ChannelAccount } from '../channel-accounts/channel-account.schema.ts';
import { listChannelAccountsOfOrg } from '../channel-accounts/channel-account.service.ts';
import { currentConsent } from '../consent/consent.service.ts';
import { findContact, identitiesOfContacts } from '../contacts/contact.service.ts';
import { patientLanguage } from '../flows/flow-host-context.ts';
import type { Conversation } from '../inbox/conversation.schema.ts';
import { conversationsOfContact, findConversation } from '../inbox/conversation.service.ts';
import { openOrContinueConversation } from '../inbox/inbox.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import { findOrgByRef } from '../orgs/org.service.ts';
import {
  OutboundValidationError,
  type SubmissionDeps,
  submitOutboundMessage,
} from '../outbox/outbound-submission.service.ts';
import { isWindowOpen } from '../outbox/window-policy.ts';
import { reminderTemplateMessage } from '../reminders/reminder-message.ts';
import { reminderSettingsOf } from '../reminders/reminder-policy.ts';
import { findReminderPolicy } from '../reminders/reminder-schedule.service.ts';
import { type AppointmentRow, appointmentRows } from './appointment.repository.ts';
import { sendAppointmentInvite } from './appointment-invite.service.ts';
import { dayAndTime, frenchSpacing } from './patient-wording.ts';

/** Whether the patient was told of a booking the staff made, and if not, why (shown to the staff). */
export type BookingNotice =
  | { status: 'sent'; as: 'message' | 'template' }
  | {
      status: 'not_sent';
      /** `no_whatsapp`: no WhatsApp number known; `no_consent`: the 24-hour window is closed and the
       * patient has not agreed to appointment messages; `template_unavailable`: the reminder template is
       * not approved; `refused`: the outbox refused it. */
      reason: 'no_whatsapp' | 'no_consent' | 'template_unavailable' | 'refused';
    };

export interface BookingNoticeDeps {
  db: DbOrTx;
  keyring: Keyring;
  senders: SubmissionDeps['senders'];
  mediaStore?: MediaStore;
  logger: Logger;
}

/**
 * Tells the patient of an appointment the staff booked for them, on WhatsApp, by the rules the chat
 * booking follows. While the patient's 24-hour window is open they are in a conversation with us, as
 * when they book by chat: the confirmation (when, with whom, where) and the .ics go as messages. Once
 * it has closed, only a patient who agreed to appointment messages (the reminders' consent) is written
 * to, and only with the approved reminder template, which names the same day, time and place (an .ics
 * cannot go outside the window). Never throws for the patient's sake: the booking stands either way.
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
  if (!row || !org || !contact) return { status: 'not_sent', reason: 'no_whatsapp' };
  const identities = await identitiesOfContacts(deps.db, deps.keyring, orgId, [contact.id]);
  const accounts = (await listChannelAccountsOfOrg(deps.db, orgId))
    .filter((a) => a.type === 'whatsapp')
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  if (!identities.some((i) => i.channelType === 'whatsapp') || accounts.length === 0) {
    return { status: 'not_sent', reason: 'no_whatsapp' };
  }
  const language = patientLanguage(contact, org);
  const live = await liveConversation(deps.db, orgId, row, accounts);
  const windowHours = deps.senders.whatsapp?.windowHours ?? null;
  if (live && isWindowOpen(live.lastInboundAt, windowHours, now)) {
    await submitOutboundMessage(
      { db: deps.db, keyring: deps.keyring, senders: deps.senders, clock: fixedClock(now) },
      {
        orgId,
        conversationId: live.id,
        message: { type: 'text', text: confirmationText(row, language) },
        sentByApiKeyId: null,
      },
    );
    if (deps.mediaStore) {
      await sendAppointmentInvite(
        { db: deps.db, keyring: deps.keyring, senders: deps.senders, mediaStore: deps.mediaStore, now },
        { orgId, conversationId: live.id, appointmentId, language },
      );
    }
    return { status: 'sent', as: 'message' };
  }
  const consent = await currentConsent(deps.db, orgId, contact.id, 'whatsapp', 'appointment_reminders');
  if (!consent?.granted) return { status: 'not_sent', reason: 'no_consent' };
  const templateName = reminderSettingsOf(await findReminderPolicy(deps.db, orgId)).templateName;
  const message = reminderTemplateMessage(
    {
      appointmentId,
      language,
      patientName: contact.displayName,
      start: row.appointment.start,
      timeZone: row.location.timeZone,
      practitionerName: row.practitionerName,
      locationName: row.location.name,
      locationAddress: row.location.address,
    },
    templateName,
  );
  try {
    // In a savepoint: a template Meta has not approved leaves no empty conversation behind.
    const outcome = await deps.db.transaction(async (tx) => {
      const accountId = live?.channelAccountId ?? accounts[0]?.id ?? '';
      const conversation =
        live ?? (await openOrContinueConversation(tx, orgId, accountId, contact.id, now, now));
      const submission = await submitOutboundMessage(
        { db: tx, keyring: deps.keyring, senders: deps.senders, clock: fixedClock(now) },
        { orgId, conversationId: conversation.id, message, sentByApiKeyId: null },
      );
      return submission.outcome;
    });
    return outcome === 'queued'
      ? { status: 'sent', as: 'template' }
      : { status: 'not_sent', reason: 'refused' };
  } catch (error) {
    if (!(error instanceof OutboundValidationError)) throw error;
    deps.logger.warn({ problems: error.message }, 'a booking notice template cannot be sent');
    return { status: 'not_sent', reason: 'template_unavailable' };
  }
}

/** The conversation the booking names, else the patient's latest WhatsApp one, while not closed. */
async function liveConversation(
  db: DbOrTx,
  orgId: string,
  row: AppointmentRow,
  accounts: readonly ChannelAccount[],
): Promise<Conversation | undefined> {
  const onWhatsApp = (c: Conversation | undefined) =>
    c !== undefined && c.status !== 'closed' && accounts.some((a) => a.id === c.channelAccountId);
  const named = row.appointment.conversationId
    ? await findConversation(db, orgId, row.appointment.conversationId)
    : undefined;
  if (onWhatsApp(named)) return named;
  const [latest] = (await conversationsOfContact(db, orgId, row.appointment.contactId, 20)).filter((c) =>
    accounts.some((a) => a.id === c.channelAccountId),
  );
  return onWhatsApp(latest) ? latest : undefined;
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
