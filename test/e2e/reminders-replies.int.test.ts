import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { conversations, flowSessions, flows } from '../../src/db-schema.ts';
import { findSession } from '../../src/modules/flows/flow.repository.ts';
import {
  appointmentRow,
  book,
  patient,
  phoneReceived,
  type ReminderWorld,
  reminderRow,
  startReminderWorld,
  tapButton,
  tapQuickReply,
  timeComes,
  writes,
} from '../../src/modules/reminders/reminders-e2e.test-support.ts';
import { eventually } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { call, type Json, newPhone } from './inbox-support.ts';

describe.each(TEST_ENGINES)('appointment reminders through the simulator (%s)', (engine) => {
  let world: ReminderWorld;

  beforeAll(async () => {
    world = await startReminderWorld(engine);
  });
  afterAll(async () => {
    await world?.env.close();
  });

  test('48 h before, the reminder reaches the phone with three buttons; Cancel frees the slot and the 2 h reminder never goes', async () => {
    const phone = newPhone();
    const { contactId, conversationId } = await patient(world, phone);
    const appointment = await book(world, contactId, conversationId);

    await timeComes(world, appointment.id, 2880);
    const [reminder] = await phoneReceived(world, phone, 1);
    expect(reminder?.request).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: {
          text: expect.stringMatching(
            /^Bonjour Chloé, nous vous rappelons votre rendez-vous du .+ avec Dr Émilie Martin, Cabinet Voltaire, 12 boulevard Voltaire, 75011 Paris\./,
          ),
        },
        action: {
          buttons: [
            { type: 'reply', reply: { id: `reminder:confirm:${appointment.id}`, title: 'Confirmer' } },
            { type: 'reply', reply: { id: `reminder:cancel:${appointment.id}`, title: 'Annuler' } },
            { type: 'reply', reply: { id: `reminder:reschedule:${appointment.id}`, title: 'Déplacer' } },
          ],
        },
      },
    });
    expect(await reminderRow(world, appointment.id, 2880)).toMatchObject({ status: 'sent' });

    if (!reminder) throw new Error('no reminder');
    await tapButton(world, phone, reminder, 1);
    const [, answer] = await phoneReceived(world, phone, 2);
    expect(answer?.text).toMatch(/^Votre rendez-vous du .+ avec Dr Émilie Martin est annulé\./);
    expect(await appointmentRow(world, appointment.id)).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'patient',
    });
    expect(await reminderRow(world, appointment.id, 120)).toMatchObject({ status: 'cancelled' });
    expect(await reminderRow(world, appointment.id, 2880)).toMatchObject({ response: 'cancelled' });

    // The slot is free: another patient books the very same time.
    const other = await patient(world, newPhone(), { name: 'Paul' });
    await expect(
      book(world, other.contactId, other.conversationId, appointment.start.toISOString()),
    ).resolves.toMatchObject({
      status: 'booked',
    });

    // The 2 h mark passes: nothing more reaches the patient.
    await timeComes(world, appointment.id, 120);
    expect(await reminderRow(world, appointment.id, 120)).toMatchObject({
      status: 'cancelled',
      messageId: null,
    });

    // Tapping Confirm on the old reminder now: a polite word, the appointment stays cancelled.
    await tapButton(world, phone, reminder, 0);
    const received = await phoneReceived(world, phone, 3);
    expect(received).toHaveLength(3);
    expect(received[2]?.text).toMatch(/^Ce rendez-vous du .+ était déjà annulé\./);
    expect(await appointmentRow(world, appointment.id)).toMatchObject({
      status: 'cancelled',
      confirmedAt: null,
    });
  });

  test('Confirm confirms the appointment and thanks the patient; the report counts it', async () => {
    const phone = newPhone();
    const { contactId, conversationId } = await patient(world, phone);
    const appointment = await book(world, contactId, conversationId);
    await timeComes(world, appointment.id, 2880);
    const [reminder] = await phoneReceived(world, phone, 1);
    if (!reminder) throw new Error('no reminder');

    await tapButton(world, phone, reminder, 0);
    const [, thanks] = await phoneReceived(world, phone, 2);
    expect(thanks?.text).toMatch(
      /^Merci, c’est noté\u00A0: nous vous attendons le .+ avec Dr Émilie Martin\. À bientôt\u202F!$/,
    );
    const confirmed = await appointmentRow(world, appointment.id);
    expect(confirmed?.status).toBe('booked');
    expect(confirmed?.confirmedAt).toBeInstanceOf(Date);

    const report = await call(world.env, world.clinic, 'GET', '/reports/reminders');
    expect(report.status).toBe(200);
    expect(report.body.reminders).toMatchObject({ confirmed: 1 });
    expect((report.body.reminders as Json).sent).toBeGreaterThanOrEqual(2);
  });

  test('"Oui" typed right after a reminder confirms it too', async () => {
    const phone = newPhone();
    const { contactId, conversationId } = await patient(world, phone);
    const appointment = await book(world, contactId, conversationId);
    await timeComes(world, appointment.id, 2880);
    await phoneReceived(world, phone, 1);

    await writes(world, phone, 'Oui !');
    const [, thanks] = await phoneReceived(world, phone, 2);
    expect(thanks?.text).toContain('nous vous attendons');
    expect((await appointmentRow(world, appointment.id))?.confirmedAt).toBeInstanceOf(Date);
  });

  test('Reschedule hands over to the booking flow with the appointment to move', async () => {
    const created = await call(world.env, world.clinic, 'POST', '/flows', {
      key: 'booking',
      definition: {
        key: 'booking',
        version: 1,
        name: { fr: 'Rendez-vous', en: 'Booking' },
        start: 'ask',
        steps: {
          ask: {
            type: 'send',
            message: { type: 'text', text: 'Quel jour vous conviendrait ?' },
            next: 'done',
          },
          done: { type: 'end' },
        },
      },
      triggers: [{ kind: 'flow' }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const phone = newPhone();
    const { contactId, conversationId } = await patient(world, phone);
    const appointment = await book(world, contactId, conversationId);
    await timeComes(world, appointment.id, 2880);
    const [reminder] = await phoneReceived(world, phone, 1);
    if (!reminder) throw new Error('no reminder');

    await tapButton(world, phone, reminder, 2);
    const [, question] = await phoneReceived(world, phone, 2);
    expect(question?.text).toBe('Quel jour vous conviendrait ?');
    const [row] = await world.env.handle.db
      .select({ id: flowSessions.id, orgId: flowSessions.orgId })
      .from(flowSessions)
      .innerJoin(flows, eq(flows.id, flowSessions.flowId))
      .where(and(eq(flows.key, 'booking'), eq(flowSessions.conversationId, conversationId)));
    // The state is sealed at rest: read it as Careline does.
    const session =
      row && (await findSession(world.env.handle.db, world.env.careline.keyring, row.orgId, row.id));
    expect(session?.state?.vars.trigger).toMatchObject({ rescheduleAppointmentId: appointment.id });
    // Moving is the booking flow's business: the appointment stands until a new time is booked.
    expect(await appointmentRow(world, appointment.id)).toMatchObject({ status: 'booked' });
    expect(await reminderRow(world, appointment.id, 2880)).toMatchObject({ response: 'reschedule' });
  });

  test('outside the 24-hour window the approved template goes out, Meta accepts it, and its quick reply works', async () => {
    const sim = world.env.simulator.simulator;
    const phone = newPhone();
    const { contactId, conversationId } = await patient(world, phone, { name: 'Paul Smith' });
    await world.env.handle.db
      .update(conversations)
      .set({ lastInboundAt: new Date(Date.now() - 25 * 3_600_000) })
      .where(eq(conversations.id, conversationId));
    sim.setBehaviour({ enforceServiceWindow: true }, world.clinic.number.phoneNumberId);
    try {
      const appointment = await book(world, contactId, conversationId);
      await timeComes(world, appointment.id, 2880);
      const [reminder] = await phoneReceived(world, phone, 1);
      expect(reminder?.request).toMatchObject({
        type: 'template',
        template: {
          name: 'rappel_rendez_vous',
          language: { code: 'fr' },
          components: [
            {
              type: 'body',
              parameters: [{ type: 'text', text: 'Paul' }, {}, {}, { text: 'Dr Émilie Martin' }, {}],
            },
            {
              type: 'button',
              sub_type: 'quick_reply',
              index: '0',
              parameters: [{ payload: `reminder:confirm:${appointment.id}` }],
            },
            { type: 'button', sub_type: 'quick_reply', index: '1' },
            { type: 'button', sub_type: 'quick_reply', index: '2' },
          ],
        },
      });
      // Meta (the simulator) took it: it has a wamid and reaches the phone.
      await eventually(async () =>
        ['delivered', 'read'].includes(sim.message(reminder?.wamid ?? '')?.status ?? '') ? true : undefined,
      );
      expect(reminder?.text).toMatch(/^Bonjour Paul, nous vous rappelons votre rendez-vous du /);

      if (!reminder) throw new Error('no reminder');
      await tapQuickReply(world, phone, reminder, 0, 'Confirmer');
      const [, thanks] = await phoneReceived(world, phone, 2);
      expect(thanks?.text).toContain('nous vous attendons');
      expect((await appointmentRow(world, appointment.id))?.confirmedAt).toBeInstanceOf(Date);
    } finally {
      sim.setBehaviour({ enforceServiceWindow: false }, world.clinic.number.phoneNumberId);
    }
  });

  test('a patient who never agreed to reminders gets none: skipped, nothing sent', async () => {
    const phone = newPhone();
    const { contactId, conversationId } = await patient(world, phone, { consent: false });
    const appointment = await book(world, contactId, conversationId);
    await timeComes(world, appointment.id, 2880);
    expect(await reminderRow(world, appointment.id, 2880)).toMatchObject({
      status: 'skipped',
      reason: 'no_consent',
      messageId: null,
    });
    expect(await phoneReceived(world, phone, 0)).toEqual([]);
  });
});
