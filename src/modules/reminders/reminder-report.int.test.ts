import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import { testKeyring } from '../../../test/support/test-keyring.ts';
import { reminders } from '../../db-schema.ts';
import type { DbHandle } from '../../platform/db/create-db.ts';
import { updateAppointment } from '../scheduling/appointment.repository.ts';
import { insertPractitioner } from '../scheduling/practitioner.repository.ts';
import type { AppointmentStatus } from '../scheduling/scheduling.schema.ts';
import { reminderReport } from './reminder-report.service.ts';
import {
  addReminderPatient,
  bookedAppointment,
  type ReminderClinic,
  seedReminderClinic,
} from './reminders.test-support.ts';

const NOW = new Date('2025-12-20T12:00:00Z');
const DECEMBER = { from: new Date('2025-12-01T00:00:00Z'), to: new Date('2026-01-01T00:00:00Z'), now: NOW };

describe.each(TEST_ENGINES)('the reminders report (%s)', (engine) => {
  let handle: DbHandle;
  let clinic: ReminderClinic;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    clinic = await seedReminderClinic(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  /** A December appointment that ended as `status`, with a reminder answered (or not). */
  async function appointment(
    status: AppointmentStatus,
    answer: 'confirmed' | 'cancelled' | null,
    options: { start?: Date; practitionerId?: string } = {},
  ) {
    const { contact } = await addReminderPatient(handle.db, testKeyring, clinic);
    const start = options.start ?? new Date('2025-12-10T09:00:00Z');
    const booked = await bookedAppointment(
      handle.db,
      {
        ...clinic,
        practitioner: { ...clinic.practitioner, id: options.practitionerId ?? clinic.practitioner.id },
      },
      contact.id,
      start,
    );
    await updateAppointment(handle.db, clinic.org.id, booked.id, { status, updatedAt: NOW });
    await handle.db.insert(reminders).values({
      orgId: clinic.org.id,
      appointmentId: booked.id,
      offsetMinutes: 2880,
      dueAt: new Date(start.getTime() - 48 * 3_600_000),
      status: 'sent',
      sentAt: new Date(start.getTime() - 48 * 3_600_000),
      response: answer,
      respondedAt: answer ? new Date(start.getTime() - 47 * 3_600_000) : null,
    });
  }

  test('reminders sent and answered; no-shows per practitioner with and without a confirmed reminder', async () => {
    const other = await insertPractitioner(handle.db, {
      orgId: clinic.org.id,
      name: 'Dr Alain Petit',
      specialty: 'general_practice',
    });
    // Dr Roux: 2 confirmed (1 no-show), 2 unconfirmed (1 no-show), 1 cancelled from the reminder.
    await appointment('fulfilled', 'confirmed');
    await appointment('noshow', 'confirmed');
    await appointment('noshow', null);
    await appointment('booked', null);
    await appointment('cancelled', 'cancelled');
    // Dr Petit: one appointment, attended; one still to come (after "now"): not counted yet.
    await appointment('fulfilled', null, { practitionerId: other.id });
    await appointment('booked', 'confirmed', {
      practitionerId: other.id,
      start: new Date('2025-12-28T09:00:00Z'),
    });
    // November: outside the period.
    await appointment('noshow', null, { start: new Date('2025-11-20T09:00:00Z') });

    // Christmas (still to come): one reminder not sent for want of consent, one held because the only
    // channel the patient agreed on was Messenger, past its window.
    const { contact } = await addReminderPatient(handle.db, testKeyring, clinic);
    const christmas = new Date('2025-12-25T09:00:00Z');
    const held = await bookedAppointment(handle.db, clinic, contact.id, christmas);
    for (const [offsetMinutes, reason] of [
      [2880, 'no_consent'],
      [120, 'channel_window_closed'],
    ] as const) {
      await handle.db.insert(reminders).values({
        orgId: clinic.org.id,
        appointmentId: held.id,
        offsetMinutes,
        dueAt: new Date(christmas.getTime() - offsetMinutes * 60_000),
        status: 'skipped',
        reason,
      });
    }

    const report = await reminderReport(handle.db, clinic.org.id, DECEMBER);
    expect(report.reminders).toEqual({
      sent: 7,
      confirmed: 3,
      cancelled: 1,
      rescheduled: 0,
      skippedNoConsent: 1,
      skippedWindowClosed: 1,
      skippedLineQuota: 0,
      sentByChannel: expect.any(Array),
      fallbacks: [],
    });
    expect(report.practitioners).toEqual([
      {
        practitionerId: other.id,
        name: 'Dr Alain Petit',
        appointments: 1,
        noShows: 0,
        noShowRate: 0,
        withConfirmedReminder: { appointments: 0, noShows: 0, noShowRate: null },
        withoutConfirmedReminder: { appointments: 1, noShows: 0, noShowRate: 0 },
      },
      {
        practitionerId: clinic.practitioner.id,
        name: 'Dr Hélène Roux',
        appointments: 4,
        noShows: 2,
        noShowRate: 0.5,
        withConfirmedReminder: { appointments: 2, noShows: 1, noShowRate: 0.5 },
        withoutConfirmedReminder: { appointments: 2, noShows: 1, noShowRate: 0.5 },
      },
    ]);
  });
});
