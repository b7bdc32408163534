import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import { testKeyring } from '../../../test/support/test-keyring.ts';
import { jobs, reminderPolicies, reminders } from '../../db-schema.ts';
import type { DbHandle } from '../../platform/db/create-db.ts';
import { updateAppointment } from '../scheduling/appointment.repository.ts';
import { cancelAppointment } from '../scheduling/appointment.service.ts';
import { reminderDispatchQueue } from './reminder-dispatch-queue.ts';
import { cancelPendingReminders, planReminders } from './reminder-schedule.service.ts';
import {
  addReminderPatient,
  bookedAppointment,
  type ReminderClinic,
  seedReminderClinic,
} from './reminders.test-support.ts';
import { schedulingReminders } from './scheduling-reminders.ts';

// Monday 1 December 2025, noon in Paris; the appointment is Thursday 4 December, 10:00 in Paris.
const NOW = new Date('2025-12-01T11:00:00Z');
const THURSDAY_10H = new Date('2025-12-04T09:00:00Z');

describe.each(TEST_ENGINES)('planning reminders (%s)', (engine) => {
  let handle: DbHandle;
  let clinic: ReminderClinic;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    clinic = await seedReminderClinic(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function rowsOf(appointmentId: string) {
    return handle.db
      .select()
      .from(reminders)
      .where(eq(reminders.appointmentId, appointmentId))
      .orderBy(asc(reminders.offsetMinutes));
  }

  async function newAppointment(start = THURSDAY_10H) {
    const { contact } = await addReminderPatient(handle.db, testKeyring, clinic);
    return bookedAppointment(handle.db, clinic, contact.id, start);
  }

  test('one reminder per offset, each with a dispatch run at its time; planning twice changes nothing', async () => {
    const appointment = await newAppointment();
    await planReminders(handle.db, appointment, NOW);
    const first = await rowsOf(appointment.id);
    expect(first.map((r) => [r.offsetMinutes, r.status, r.dueAt.toISOString()])).toEqual([
      [120, 'scheduled', '2025-12-04T07:00:00.000Z'],
      [2880, 'scheduled', '2025-12-02T09:00:00.000Z'],
    ]);
    const runs = await handle.db
      .select({ runAt: jobs.runAt })
      .from(jobs)
      .where(eq(jobs.queue, reminderDispatchQueue.name));
    expect(runs.map((r) => r.runAt.toISOString())).toEqual(
      expect.arrayContaining(['2025-12-04T07:00:00.000Z', '2025-12-02T09:00:00.000Z']),
    );

    await planReminders(handle.db, appointment, new Date(NOW.getTime() + 60_000));
    expect(await rowsOf(appointment.id)).toEqual(first);
    const runsAfter = await handle.db
      .select({ id: jobs.id })
      .from(jobs)
      .where(eq(jobs.queue, reminderDispatchQueue.name));
    expect(runsAfter).toHaveLength(runs.length);
  });

  test('moving the appointment re-plans its reminders; moving it close skips the one now too late', async () => {
    const appointment = await newAppointment();
    await planReminders(handle.db, appointment, NOW);
    // Friday 08:30 in Paris: 2 h before is 06:30 (night) → Thursday 19:59; 48 h before is Wednesday 08:30.
    const friday = await updateAppointment(handle.db, clinic.org.id, appointment.id, {
      start: new Date('2025-12-05T07:30:00Z'),
      updatedAt: NOW,
    });
    if (!friday) throw new Error('no appointment');
    await planReminders(handle.db, friday, NOW);
    expect(
      (await rowsOf(appointment.id)).map((r) => [r.offsetMinutes, r.status, r.dueAt.toISOString()]),
    ).toEqual([
      [120, 'scheduled', '2025-12-04T18:59:00.000Z'],
      [2880, 'scheduled', '2025-12-03T07:30:00.000Z'],
    ]);
    // Moved to Tuesday 10:00: 48 h before is already past.
    const tuesday = await updateAppointment(handle.db, clinic.org.id, appointment.id, {
      start: new Date('2025-12-02T09:00:00Z'),
      updatedAt: NOW,
    });
    if (!tuesday) throw new Error('no appointment');
    await planReminders(handle.db, tuesday, NOW);
    expect((await rowsOf(appointment.id)).map((r) => [r.offsetMinutes, r.status, r.reason])).toEqual([
      [120, 'scheduled', null],
      [2880, 'skipped', 'too_late'],
    ]);
  });

  test('cancelling the appointment cancels its waiting reminders and only those', async () => {
    const appointment = await newAppointment();
    await planReminders(handle.db, appointment, NOW);
    await handle.db
      .update(reminders)
      .set({ status: 'sent', sentAt: NOW })
      .where(and(eq(reminders.appointmentId, appointment.id), eq(reminders.offsetMinutes, 2880)));
    await cancelAppointment(handle.db, schedulingReminders, clinic.org.id, appointment.id, {
      by: 'staff',
      now: NOW,
    });
    expect((await rowsOf(appointment.id)).map((r) => [r.offsetMinutes, r.status])).toEqual([
      [120, 'cancelled'],
      [2880, 'sent'],
    ]);
    // Nothing left to cancel: a second call changes nothing.
    await cancelPendingReminders(handle.db, clinic.org.id, appointment.id);
    expect((await rowsOf(appointment.id)).map((r) => r.status)).toEqual(['cancelled', 'sent']);
  });

  test('a clinic’s own policy: its offsets and quiet hours; switched off, nothing waits', async () => {
    await handle.db.insert(reminderPolicies).values({
      orgId: clinic.org.id,
      offsetsMinutes: [1440],
      quietStart: '21:00',
      quietEnd: '09:00',
    });
    // Thursday 08:30 in Paris: 24 h before is Wednesday 08:30, quiet until 09:00 → Tuesday 20:59.
    const appointment = await newAppointment(new Date('2025-12-04T07:30:00Z'));
    await planReminders(handle.db, appointment, NOW);
    expect((await rowsOf(appointment.id)).map((r) => [r.offsetMinutes, r.dueAt.toISOString()])).toEqual([
      [1440, '2025-12-02T19:59:00.000Z'],
    ]);
    await handle.db
      .update(reminderPolicies)
      .set({ enabled: false })
      .where(eq(reminderPolicies.orgId, clinic.org.id));
    await planReminders(handle.db, appointment, NOW);
    expect((await rowsOf(appointment.id)).map((r) => r.status)).toEqual(['cancelled']);
    await handle.db.delete(reminderPolicies).where(eq(reminderPolicies.orgId, clinic.org.id));
  });
});
