import { currentConsent, recordConsent } from '../consent/consent.service.ts';
import { REMINDER_CONSENT_QUESTION } from '../consent/consent-texts.ts';
import type { JsonValue } from '../flows/engine/index.ts';
import type { ConversationScope, HostOperation, HostOperationResult } from '../flows/flow-runtime-deps.ts';
import { cancelAppointment } from './appointment.service.ts';
import { getAppointment, upcomingAppointmentsOf } from './appointment-agenda.service.ts';
import { sendAppointmentInvite } from './appointment-invite.service.ts';
import type { AppointmentReminders } from './appointment-reminders.ts';
import { listAppointmentTypes } from './appointment-type.service.ts';
import { parseTimePreference } from './availability/time-preference.ts';
import { bookAppointment } from './booking.service.ts';
import { bookingTexts, slotDescription } from './booking-texts.ts';
import { type CareNeed, careNeedOf, suitablePractitioners, typeForReason } from './care-need.ts';
import { dayAndTime, shortDayAndTime } from './patient-wording.ts';
import { listPractitioners } from './practitioner.service.ts';
import { practitionersOffering } from './practitioners-offering.ts';
import type { AppointmentType, Practitioner } from './scheduling.schema.ts';
import {
  AppointmentStatusConflictError,
  SchedulingNotFoundError,
  SlotTakenError,
  SlotUnavailableError,
} from './scheduling-errors.ts';
import { findSlots } from './slot-search.service.ts';

/** A list holds ten rows; one stays for "another time". */
const SLOTS_OFFERED = 9;

/**
 * What the booking flow asks of Careline: the clinic's practitioners, free slots matching what the
 * patient wrote, booking one (no double booking: the scheduling module decides), the patient's consent
 * to reminders, the invitation file, and the patient's appointments to cancel. `reminders` is what
 * booking and cancelling do to the appointment's reminders (the reminders' own, wired in app.ts).
 */
export function bookingOperations(reminders: AppointmentReminders): Readonly<Record<string, HostOperation>> {
  return {
    list_practitioners: async (scope, params, session) => {
      const booking = await bookingKind(scope, reminders, params);
      if (!booking) return { ok: false, code: 'none' };
      const offering = await offeringPractitioners(scope, booking.type);
      // Those who suit the patient's reason come first; the others stay choosable by name.
      const suitable = new Set(suitablePractitioners(offering, booking.need).map((p) => p.id));
      const practitioners = [...offering].sort(
        (a, b) => Number(suitable.has(b.id)) - Number(suitable.has(a.id)),
      );
      if (practitioners.length === 0) return { ok: false, code: 'none' };
      return {
        ok: true,
        data: {
          options: practitioners.slice(0, SLOTS_OFFERED).map((p) => ({
            id: p.id,
            title: p.name.slice(0, 24),
            description: bookingTexts[session.language].specialty(p.specialty),
          })),
        },
      };
    },

    find_slots: async (scope, params, session) => {
      const texts = bookingTexts[session.language];
      const booking = await bookingKind(scope, reminders, params);
      if (!booking) return { ok: false, code: 'none' };
      const { type } = booking;
      const wanted = text(params.preference);
      const preference = wanted
        ? parseTimePreference(wanted, {
            now: scope.now.toISOString(),
            timeZone: scope.org.timeZone,
            language: session.language,
            horizonDays: type.horizonDays,
          })
        : ({ kind: 'asap' } as const);
      if (!preference) return { ok: false, code: 'unparsed' };
      const practitionerId = text(params.practitioner);
      const found = await findSlots(scope.tx, scope.org.id, {
        appointmentTypeId: type.id,
        ...(practitionerId && practitionerId !== 'any'
          ? { practitionerId }
          : { practitionerIds: await anyoneFor(scope, booking) }),
        preference,
        limit: SLOTS_OFFERED,
        now: scope.now,
        excludeStarts: list(params.exclude),
      });
      if (found.slots.length === 0) return { ok: false, code: 'none' };
      return {
        ok: true,
        data: {
          heading: found.matchedPreference ? texts.slotsHeading : texts.nearestHeading(wanted ?? ''),
          options: found.slots.map((slot) => ({
            id: [slot.start, slot.practitionerId, slot.locationId, type.id].join('|'),
            title: shortDayAndTime(new Date(slot.start), slot.timeZone, session.language),
            description: slotDescription(slot.practitionerName, slot.locationName),
          })),
        },
      };
    },

    book_slot: async (scope, params, session) => {
      const [start, practitionerId, locationId, appointmentTypeId] = (text(params.slot) ?? '').split('|');
      if (!start || !practitionerId || !locationId || !appointmentTypeId) return { ok: false, code: 'taken' };
      const reschedule = text(params.reschedule);
      try {
        const appointment = await scope.tx.transaction((savepoint) =>
          bookAppointment(savepoint, scope.deps.keyring, reminders, scope.org.id, {
            contactId: scope.contact.id,
            practitionerId,
            locationId,
            appointmentTypeId,
            start,
            reason: text(params.reason) ?? null,
            source: 'chat',
            conversationId: scope.conversation.id,
            ...(reschedule ? { rescheduleOf: reschedule } : {}),
            now: scope.now,
          }),
        );
        return {
          ok: true,
          data: await describeAppointment(scope, reminders, appointment.id, session.language),
        };
      } catch (error) {
        // Someone else took it meanwhile (or it no longer fits the schedule): the patient picks again.
        if (error instanceof SlotTakenError || error instanceof SlotUnavailableError)
          return { ok: false, code: 'taken' };
        if (error instanceof AppointmentStatusConflictError || error instanceof SchedulingNotFoundError) {
          return { ok: false, code: 'not_movable' };
        }
        throw error;
      }
    },

    consent_status: async (scope) => {
      const consent = await currentConsent(
        scope.tx,
        scope.org.id,
        scope.contact.id,
        scope.channel,
        'appointment_reminders',
      );
      return { ok: true, data: { granted: consent?.granted ?? false, asked: consent !== null } };
    },

    record_consent: async (scope, params, session) => {
      const granted = text(params.answer) === 'yes';
      await recordConsent(scope.tx, scope.deps.keyring, {
        orgId: scope.org.id,
        contactId: scope.contact.id,
        channel: scope.channel,
        purpose: 'appointment_reminders',
        granted,
        method: 'chat',
        textShown: questionShown(params.question, session.language),
        at: scope.now,
      });
      return { ok: true, data: { granted } };
    },

    send_invite: async (scope, params, session) => sendInvite(scope, text(params.appointment), session),

    my_appointments: async (scope, _params, session) => {
      const upcoming = await upcomingOf(scope, reminders);
      if (upcoming.length === 0) return { ok: false, code: 'none' };
      return {
        ok: true,
        data: {
          options: upcoming.slice(0, SLOTS_OFFERED).map((row) => ({
            id: row.appointment.id,
            title: shortDayAndTime(row.appointment.start, row.location.timeZone, session.language),
            description: slotDescription(row.practitionerName, row.location.name),
          })),
        },
      };
    },

    cancel_appointment: async (scope, params, session) => {
      const id = text(params.appointment);
      if (!id) return { ok: false, code: 'not_found' };
      const mine = (await upcomingOf(scope, reminders)).some((row) => row.appointment.id === id);
      // Only the patient's own appointments: an id typed into a flow cannot cancel someone else's.
      if (!mine) return { ok: false, code: 'not_found' };
      const details = await describeAppointment(scope, reminders, id, session.language);
      await cancelAppointment(scope.tx, reminders, scope.org.id, id, { by: 'patient', now: scope.now });
      return { ok: true, data: details };
    },
  };
}

/**
 * What is being booked: the type the patient's reason names (else the consultation), or, when moving
 * an appointment, that appointment's type and reason; and what the reason says of the patient's need.
 */
async function bookingKind(
  scope: ConversationScope,
  reminders: AppointmentReminders,
  params: { [key: string]: JsonValue },
): Promise<{ type: AppointmentType; need: CareNeed } | undefined> {
  const types = (await listAppointmentTypes(scope.tx, scope.org.id)).filter((t) => t.active);
  const moved = await movedAppointment(scope, reminders, text(params.reschedule));
  const reason = moved?.reason ?? text(params.reason) ?? null;
  const type =
    types.find((t) => t.id === moved?.appointmentTypeId) ??
    typeForReason(types, reason, types.find((t) => t.key === 'consultation') ?? types[0]);
  return type ? { type, need: careNeedOf(reason, type) } : undefined;
}

async function movedAppointment(
  scope: ConversationScope,
  reminders: AppointmentReminders,
  id: string | undefined,
) {
  if (!id) return undefined;
  const upcoming = await upcomingOf(scope, reminders);
  return upcoming.find((row) => row.appointment.id === id)?.appointment;
}

/** The patient's appointments still to come, soonest first. */
async function upcomingOf(scope: ConversationScope, reminders: AppointmentReminders) {
  return upcomingAppointmentsOf(
    scope.tx,
    scope.deps.keyring,
    reminders,
    scope.org.id,
    scope.contact.id,
    scope.now,
  );
}

async function offeringPractitioners(
  scope: ConversationScope,
  type: AppointmentType,
): Promise<Practitioner[]> {
  return practitionersOffering(type, await listPractitioners(scope.tx, scope.org.id), {});
}

/**
 * "Anyone" is anyone who offers the type and suits the patient: not the paediatrician for an adult's
 * flu jab, not the dermatologist for a blood-pressure check.
 */
async function anyoneFor(
  scope: ConversationScope,
  booking: { type: AppointmentType; need: CareNeed },
): Promise<string[]> {
  return suitablePractitioners(await offeringPractitioners(scope, booking.type), booking.need).map(
    (p) => p.id,
  );
}

/** What the confirmation says: when, with whom, where. */
async function describeAppointment(
  scope: ConversationScope,
  reminders: AppointmentReminders,
  appointmentId: string,
  language: 'fr' | 'en',
): Promise<{ [key: string]: JsonValue }> {
  const { appointment, location, practitionerName } = await getAppointment(
    scope.tx,
    scope.deps.keyring,
    reminders,
    scope.org.id,
    appointmentId,
    scope.now,
  );
  return {
    id: appointment.id,
    when: dayAndTime(appointment.start, location.timeZone, language),
    who: practitionerName,
    where: [location.name, location.address].filter(Boolean).join(', '),
  };
}

/** The appointment as an .ics document in the chat, so the patient adds it to their calendar in one tap. */
async function sendInvite(
  scope: ConversationScope,
  appointmentId: string | undefined,
  session: { id: string; language: 'fr' | 'en' },
): Promise<HostOperationResult> {
  const store = scope.deps.mediaStore;
  if (!appointmentId || !store) return { ok: false, code: 'unavailable' };
  await sendAppointmentInvite(
    {
      db: scope.tx,
      keyring: scope.deps.keyring,
      senders: scope.deps.senders,
      mediaStore: store,
      now: scope.now,
    },
    {
      orgId: scope.org.id,
      conversationId: scope.conversation.id,
      appointmentId,
      language: session.language,
      sentByFlowSessionId: session.id,
    },
  );
  return { ok: true };
}

function text(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function list(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * The consent question as the flow showed it, handed back by the flow (`{fr, en}`, rendered as its prompt
 * was: « par Telegram »). A booking flow installed before the question named the app passes none: it
 * showed the WhatsApp words, and those are what the ledger keeps.
 */
function questionShown(value: JsonValue | undefined, language: 'fr' | 'en'): string {
  const shown =
    value !== null && typeof value === 'object' && !Array.isArray(value) ? value[language] : undefined;
  return typeof shown === 'string' && shown.trim() !== '' ? shown : REMINDER_CONSENT_QUESTION[language];
}
