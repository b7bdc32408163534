import { Temporal } from 'temporal-polyfill';
import { recordConsent } from '../modules/consent/consent.service.ts';
import { REMINDER_CONSENT_QUESTION } from '../modules/consent/consent-texts.ts';
import { resolveSenderContact } from '../modules/contacts/contact.service.ts';
import type { Keyring } from '../modules/keys/keyring.ts';
import { DEFAULT_REMINDER_SETTINGS } from '../modules/reminders/reminder-policy.ts';
import { planReminders } from '../modules/reminders/reminder-schedule.service.ts';
import { insertAppointment } from '../modules/scheduling/appointment.repository.ts';
import type { Appointment } from '../modules/scheduling/scheduling.schema.ts';
import type { DbOrTx } from '../platform/db/db.ts';
import type { DemoAgenda } from './demo-scheduling.ts';

/** A number from the range ARCEP keeps for fiction (06 39 98 xx xx): it can never reach a real person. */
export const DEMO_PATIENT = { name: 'Camille Laurent', phone: '+33639980012' } as const;

/** How long after the first start the demo reminder falls due: 5 minutes, then up to the next 5-minute mark. */
export const DEMO_REMINDER_LEAD_MINUTES = 5;

const MINUTES_PER_DAY = 1440;

/**
 * A patient with a consultation placed so that its first reminder (the clinic's longest offset, 48 hours
 * by default) falls due a few minutes after the first start: the newcomer sees a reminder go out without
 * touching the rules. The time is placed by hand rather than booked as a slot, because a slot 48 hours
 * and 5 minutes ahead exists only during working hours. The patient agreed to reminders at the desk; she
 * has never written, so the reminder goes as the approved template.
 */
export async function seedDemoReminder(
  db: DbOrTx,
  input: { orgId: string; agenda: DemoAgenda; adminId: string; now: Date; keyring: Keyring },
): Promise<Appointment> {
  const { orgId, agenda, adminId, now, keyring } = input;
  const { contactId } = await resolveSenderContact(
    db,
    keyring,
    orgId,
    'whatsapp',
    {
      externalId: DEMO_PATIENT.phone.slice(1),
      phone: DEMO_PATIENT.phone,
      scopedId: null,
      parentScopedId: null,
      username: null,
      profileName: DEMO_PATIENT.name,
    },
    input.now,
  );
  await recordConsent(db, keyring, {
    orgId,
    contactId,
    channel: 'whatsapp',
    purpose: 'appointment_reminders',
    granted: true,
    method: 'staff',
    textShown: REMINDER_CONSENT_QUESTION.fr,
    recordedByUserId: adminId,
    at: now,
  });
  const start = demoAppointmentStart(now, agenda.timeZone);
  const appointment = await insertAppointment(db, keyring, {
    orgId,
    contactId,
    practitionerId: agenda.generalPractitionerId,
    locationId: agenda.locationId,
    appointmentTypeId: agenda.consultationTypeId,
    status: 'booked',
    start,
    end: new Date(start.getTime() + agenda.consultationMinutes * 60_000),
    reason: 'Suivi de tension artérielle',
    source: 'staff',
    createdByUserId: adminId,
    createdAt: now,
    updatedAt: now,
  });
  await planReminders(db, appointment, now);
  return appointment;
}

/**
 * The longest reminder offset after the moment the reminder should go: that moment is `now` plus the
 * lead, rounded up to a 5-minute mark so the appointment reads "10:35", not "10:33". Days are counted
 * on the clinic's calendar, as the reminder planner counts them.
 */
export function demoAppointmentStart(now: Date, timeZone: string): Date {
  const step = 5 * 60_000;
  const remindAt = Math.ceil((now.getTime() + DEMO_REMINDER_LEAD_MINUTES * 60_000) / step) * step;
  const offset = Math.max(...DEFAULT_REMINDER_SETTINGS.offsetsMinutes);
  const start = Temporal.Instant.fromEpochMilliseconds(remindAt)
    .toZonedDateTimeISO(timeZone)
    .add({ days: Math.floor(offset / MINUTES_PER_DAY), minutes: offset % MINUTES_PER_DAY });
  return new Date(start.epochMilliseconds);
}
