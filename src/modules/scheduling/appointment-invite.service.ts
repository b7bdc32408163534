import type { DbOrTx } from '../../platform/db/db.ts';
import type { MediaStore } from '../../platform/media/media-store.ts';
import { fixedClock } from '../../platform/time/clock.ts';
import { findChannelAccount } from '../channel-accounts/channel-account.service.ts';
import { findConversation } from '../inbox/conversation.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import { insertMediaFile } from '../media/media.service.ts';
import { MEDIA_FILE_NAME_PURPOSE } from '../media/media-file-name.ts';
import { findOrgByRef } from '../orgs/org.service.ts';
import { type SubmissionDeps, submitOutboundMessage } from '../outbox/outbound-submission.service.ts';
import { appointmentRows } from './appointment.repository.ts';
import { appointmentInvite } from './availability/appointment-invite.ts';
import { SchedulingNotFoundError } from './scheduling-errors.ts';

/**
 * The `.ics` file sent to a patient after booking, in their language (French unless it is English):
 * "Rendez-vous : Consultation avec Dr Martin", the times, the place with its address. Throws
 * `SchedulingNotFoundError` when the appointment is not the clinic's. Comes with the appointment's patient
 * (for the audit trail of whoever downloads it).
 */
export async function appointmentInviteFor(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  appointmentId: string,
  language: string,
  now: Date,
): Promise<{ ics: string; contactId: string }> {
  const [row] = await appointmentRows(db, keyring, orgId, { ids: [appointmentId] });
  if (!row) throw new SchedulingNotFoundError('Appointment');
  const org = await findOrgByRef(db, orgId);
  const { appointment, location, type, practitionerName } = row;
  const english = language.toLowerCase().startsWith('en');
  const what = type ? (english ? type.name.en : type.name.fr) : english ? 'Appointment' : 'Rendez-vous';
  const summary = english
    ? `Appointment: ${what} with ${practitionerName}`
    : `Rendez-vous : ${what} avec ${practitionerName}`;
  const ics = appointmentInvite(
    {
      id: appointment.id,
      start: appointment.start.toISOString(),
      end: appointment.end.toISOString(),
      status: appointment.status,
      summary,
      location: { name: location.name, ...(location.address ? { address: location.address } : {}) },
      updatedAt: appointment.updatedAt.toISOString(),
    },
    {
      // Calendars want an organizer address; the clinic is named, and `.invalid` never receives mail.
      organizer: { name: org?.name ?? location.name, email: `${org?.slug ?? 'clinic'}@careline.invalid` },
      timeZone: location.timeZone,
      now: now.toISOString(),
    },
  );
  return { ics, contactId: appointment.contactId };
}

/**
 * WhatsApp accepts no text/calendar document: the invitation goes as plain text, and phones open the
 * .ics file by its name in their calendar app.
 */
const INVITE_MIME_TYPE = 'text/plain';

const INVITE_TEXTS = {
  fr: { fileName: 'rendez-vous.ics', caption: 'Ajoutez le rendez-vous à votre agenda' },
  en: { fileName: 'appointment.ics', caption: 'Add the appointment to your calendar' },
} as const;

/**
 * Sends the appointment's .ics in the conversation (after the chat booking's confirmation, or a staff
 * booking's), so the patient adds it to their calendar in one tap. Goes through the outbox like any
 * message: refused, not sent, when the conversation's window is closed.
 */
export async function sendAppointmentInvite(
  deps: {
    db: DbOrTx;
    keyring: Keyring;
    senders: SubmissionDeps['senders'];
    mediaStore: MediaStore;
    now: Date;
  },
  input: {
    orgId: string;
    conversationId: string;
    appointmentId: string;
    language: 'fr' | 'en';
    sentByFlowSessionId?: string;
  },
): Promise<void> {
  const { db, now } = deps;
  const { ics } = await appointmentInviteFor(
    db,
    deps.keyring,
    input.orgId,
    input.appointmentId,
    input.language,
    now,
  );
  const { fileName, caption } = INVITE_TEXTS[input.language];
  const stored = await deps.mediaStore.put({
    orgId: input.orgId,
    bytes: Buffer.from(ics, 'utf8'),
    mimeType: INVITE_MIME_TYPE,
    fileName,
  });
  const file = await insertMediaFile(db, {
    orgId: input.orgId,
    kind: 'document',
    mimeType: INVITE_MIME_TYPE,
    fileName: (await deps.keyring.clinic(db, input.orgId)).seal(fileName, MEDIA_FILE_NAME_PURPOSE),
    size: stored.size,
    sha256: stored.sha256,
    storageKey: stored.key,
    status: 'stored',
    storedAt: now,
  });
  // Messenger and Instagram attachments carry no caption: there the file's name says what it is.
  const shown = await captionLengthOn(db, deps.senders, input.orgId, input.conversationId);
  await submitOutboundMessage(
    { db, keyring: deps.keyring, senders: deps.senders, clock: fixedClock(now) },
    {
      orgId: input.orgId,
      conversationId: input.conversationId,
      message: {
        type: 'document',
        media: { mediaId: file.id },
        fileName,
        ...([...caption].length <= shown ? { caption } : {}),
      },
      sentByApiKeyId: null,
      ...(input.sentByFlowSessionId === undefined ? {} : { sentByFlowSessionId: input.sentByFlowSessionId }),
    },
  );
}

/** How long a caption the conversation's channel shows (its sender's capabilities); 0 when unknown. */
async function captionLengthOn(
  db: DbOrTx,
  senders: SubmissionDeps['senders'],
  orgId: string,
  conversationId: string,
): Promise<number> {
  const conversation = await findConversation(db, orgId, conversationId);
  const account = conversation
    ? await findChannelAccount(db, orgId, conversation.channelAccountId)
    : undefined;
  return (account && senders[account.type]?.capabilities.captionLength) ?? 0;
}
