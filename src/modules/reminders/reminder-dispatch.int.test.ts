import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import { testKeyring } from '../../../test/support/test-keyring.ts';
import { conversations, jobs, messages, reminders } from '../../db-schema.ts';
import type { DbHandle } from '../../platform/db/create-db.ts';
import { fixedClock } from '../../platform/time/clock.ts';
import { recordConsent } from '../consent/consent.service.ts';
import { openOneMessage } from '../inbox/message-sealing.ts';
import { outboxSendQueue } from '../outbox/outbox-queue.ts';
import { dispatchDueReminders, dispatchReminderBatch } from './reminder-dispatch.service.ts';
import { planReminders } from './reminder-schedule.service.ts';
import {
  addReminderPatient,
  bookedAppointment,
  type ReminderClinic,
  seedReminderClinic,
  senders,
} from './reminders.test-support.ts';

// Planned on Monday 1 December 2025; the appointments are on Thursday 4 December at 10:00 in Paris,
// so their 48 h reminders are due on Tuesday at 10:00 (09:00 UTC).
const PLANNED = new Date('2025-12-01T11:00:00Z');
const APPOINTMENT = new Date('2025-12-04T09:00:00Z');
const TUESDAY_AFTER_10H = new Date('2025-12-02T09:00:30Z');

describe.each(TEST_ENGINES)('sending due reminders (%s)', (engine) => {
  let handle: DbHandle;
  let clinic: ReminderClinic;
  const deps = () => ({ db: handle.db, keyring: testKeyring, senders, clock: fixedClock(TUESDAY_AFTER_10H) });

  beforeAll(async () => {
    handle = await openTestDb(engine);
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function planFor(options: Parameters<typeof addReminderPatient>[3]) {
    const patient = await addReminderPatient(handle.db, testKeyring, clinic, options);
    const appointment = await bookedAppointment(
      handle.db,
      clinic,
      patient.contact.id,
      APPOINTMENT,
      patient.conversationId,
    );
    await planReminders(handle.db, appointment, PLANNED);
    return { ...patient, appointment };
  }

  async function reminderOf(appointmentId: string, offset = 2880) {
    const [row] = await handle.db
      .select()
      .from(reminders)
      .where(and(eq(reminders.appointmentId, appointmentId), eq(reminders.offsetMinutes, offset)));
    return row;
  }

  /** A message as the inbox reads it (opened with the patient's key). */
  async function messageOf(id: string | null | undefined) {
    const [row] = await handle.db
      .select()
      .from(messages)
      .where(eq(messages.id, id ?? '00000000-0000-0000-0000-000000000000'));
    return openOneMessage(handle.db, testKeyring, row);
  }

  test('buttons inside the window, the template outside, a new conversation when there is none; each marked sent with its outbox job', async () => {
    clinic = await seedReminderClinic(handle.db);
    const inWindow = await planFor({ lastInboundAt: new Date('2025-12-02T08:00:00Z') });
    const windowClosed = await planFor({ lastInboundAt: null, language: 'en-GB', name: 'Paul Smith' });
    const noConversation = await planFor({});

    const summary = await dispatchDueReminders(deps());
    expect(summary).toMatchObject({ sent: 3, skipped: 0, failed: 0, moreDue: false });

    const buttons = await reminderOf(inWindow.appointment.id);
    expect(buttons).toMatchObject({ status: 'sent', sentAt: TUESDAY_AFTER_10H, reason: null });
    const buttonsMessage = await messageOf(buttons?.messageId);
    expect(buttonsMessage).toMatchObject({
      conversationId: inWindow.conversationId,
      status: 'queued',
      type: 'buttons',
    });
    expect(buttonsMessage?.content).toMatchObject({
      outbound: {
        body: expect.stringContaining('jeudi 4 décembre à 10 h avec Dr Hélène Roux, Centre Belleville'),
        buttons: [
          { id: `reminder:confirm:${inWindow.appointment.id}`, title: 'Confirmer' },
          { title: 'Annuler' },
          { title: 'Déplacer' },
        ],
      },
    });

    const template = await messageOf((await reminderOf(windowClosed.appointment.id))?.messageId);
    expect(template).toMatchObject({ conversationId: windowClosed.conversationId, status: 'queued' });
    expect(template?.content).toMatchObject({
      outbound: {
        type: 'template',
        name: 'rappel_rendez_vous',
        language: 'en',
        components: {
          body: ['Paul', 'Thursday 4 December', '10:00 am', 'Dr Hélène Roux', expect.any(String)],
        },
      },
    });

    const opened = await messageOf((await reminderOf(noConversation.appointment.id))?.messageId);
    const [conversation] = await handle.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, opened?.conversationId ?? ''));
    expect(conversation).toMatchObject({ contactId: noConversation.contact.id, status: 'open' });
    expect(opened?.content).toMatchObject({ outbound: { type: 'template', language: 'fr' } });

    const ids = [buttonsMessage?.id, template?.id, opened?.id].flatMap((id) => (id ? [id] : []));
    const [queued] = await handle.db
      .select({ n: count() })
      .from(jobs)
      .where(and(eq(jobs.queue, outboxSendQueue.name), inArray(jobs.dedupeKey, ids)));
    expect(queued?.n).toBe(3);
    // Nothing is due any more: a second pass finds nothing to send.
    expect(await dispatchDueReminders(deps())).toMatchObject({ sent: 0, skipped: 0 });
  });

  test('no consent, consent withdrawn, or no WhatsApp: skipped with the reason, nothing queued', async () => {
    clinic = await seedReminderClinic(handle.db);
    const never = await planFor({ consent: false, lastInboundAt: null });
    const withdrawn = await planFor({ lastInboundAt: null });
    await recordConsent(handle.db, testKeyring, {
      orgId: clinic.org.id,
      contactId: withdrawn.contact.id,
      channel: 'whatsapp',
      purpose: 'appointment_reminders',
      granted: false,
      method: 'keyword',
      textShown: 'STOP',
    });
    const before = await handle.db.select({ n: count() }).from(messages);
    expect(await dispatchDueReminders(deps())).toMatchObject({ sent: 0, skipped: 2 });
    for (const { appointment } of [never, withdrawn]) {
      expect(await reminderOf(appointment.id)).toMatchObject({
        status: 'skipped',
        reason: 'no_consent',
        messageId: null,
      });
    }
    expect(await handle.db.select({ n: count() }).from(messages)).toEqual(before);
    // The 2 h reminder waits: skipping one offset says nothing about the next.
    expect(await reminderOf(never.appointment.id, 120)).toMatchObject({ status: 'scheduled' });
  });

  test('dispatchers racing over the same due reminders send each exactly once', async () => {
    clinic = await seedReminderClinic(handle.db);
    const planned = [];
    for (let i = 0; i < 20; i += 1)
      planned.push(await planFor({ lastInboundAt: null, name: `Patient ${i}` }));
    const appointmentIds = planned.map((p) => p.appointment.id);
    // Three reminders each (the policy's two offsets plus one more): 60 due at once, in batches of 7.
    for (const { appointment } of planned) {
      await handle.db.insert(reminders).values({
        orgId: clinic.org.id,
        appointmentId: appointment.id,
        offsetMinutes: 2000,
        dueAt: new Date('2025-12-02T08:00:00Z'),
      });
    }
    await handle.db
      .update(reminders)
      .set({ dueAt: new Date('2025-12-02T09:00:00Z') })
      .where(and(inArray(reminders.appointmentId, appointmentIds), eq(reminders.offsetMinutes, 120)));

    const summaries = await Promise.all(
      [1, 2, 3].map(() => dispatchDueReminders(deps(), { batchSize: 7, budgetMs: 60_000 })),
    );
    expect(summaries.reduce((sum, s) => sum + s.sent, 0)).toBe(60);

    const rows = await handle.db
      .select()
      .from(reminders)
      .where(inArray(reminders.appointmentId, appointmentIds));
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(60);
    expect(new Set(rows.map((r) => r.messageId)).size).toBe(60);
    const sent = await handle.db
      .select({ conversationId: messages.conversationId, n: count() })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(and(eq(conversations.orgId, clinic.org.id), eq(messages.direction, 'outbound')))
      .groupBy(messages.conversationId);
    expect(sent).toHaveLength(20);
    expect(sent.every((c) => c.n === 3)).toBe(true);
  });
});

describe.each(TEST_ENGINES.filter((e) => e === 'postgres'))(
  'a reminder and automation at once (%s)',
  (engine) => {
    let handle: DbHandle;

    beforeAll(async () => {
      handle = await openTestDb(engine);
    });
    afterAll(async () => {
      await handle?.close();
    });

    test('a conversation held by automation postpones its reminder instead of waiting for it', async () => {
      const clinic = await seedReminderClinic(handle.db);
      const patient = await addReminderPatient(handle.db, testKeyring, clinic, {
        lastInboundAt: new Date('2025-12-02T08:00:00Z'),
      });
      const appointment = await bookedAppointment(
        handle.db,
        clinic,
        patient.contact.id,
        APPOINTMENT,
        patient.conversationId,
      );
      await planReminders(handle.db, appointment, PLANNED);
      const deps = { db: handle.db, keyring: testKeyring, senders, clock: fixedClock(TUESDAY_AFTER_10H) };

      const whileHeld = await handle.db.transaction(async (tx) => {
        await tx
          .select()
          .from(conversations)
          .where(eq(conversations.id, patient.conversationId ?? ''))
          .for('update');
        return dispatchReminderBatch(deps);
      });
      expect(whileHeld).toMatchObject({ claimed: 1, finished: [], postponed: 1 });

      const after = await dispatchReminderBatch(deps);
      expect(after.finished).toEqual([expect.objectContaining({ status: 'sent' })]);
    });
  },
);
