import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { conversations } from '../../src/db-schema.ts';
import {
  nextSlot,
  patient,
  phoneReceived,
  type ReminderWorld,
  startReminderWorld,
} from '../../src/modules/reminders/reminders-e2e.test-support.ts';
import { appointmentWhen } from '../../src/modules/scheduling/patient-wording.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { call, type Json, newPhone } from './inbox-support.ts';

const plain = (text: string | undefined) => (text ?? '').replace(/[\u00A0\u202F]/g, ' ');

describe.each(TEST_ENGINES)('a booking made by the staff reaches the patient (%s)', (engine) => {
  let world: ReminderWorld;

  beforeAll(async () => {
    world = await startReminderWorld(engine);
  });
  afterAll(async () => {
    await world?.env.close();
  });

  async function deskBooks(contactId: string): Promise<{ status: number; body: Json; start: string }> {
    const start = nextSlot();
    const booked = await call(world.env, world.clinic, 'POST', '/appointments', {
      contact_id: contactId,
      practitioner_id: world.practitioner.id,
      location_id: world.location.id,
      appointment_type_id: world.type.id,
      start,
    });
    return { ...booked, start };
  }

  async function windowCloses(conversationId: string): Promise<void> {
    await world.env.handle.db
      .update(conversations)
      .set({ lastInboundAt: new Date(Date.now() - 25 * 3_600_000) })
      .where(eq(conversations.id, conversationId));
  }

  test('while the patient’s window is open: the confirmation, then the .ics', async () => {
    const phone = newPhone();
    const { contactId } = await patient(world, phone, { consent: false });
    const booked = await deskBooks(contactId);
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect(booked.body.patient_notice).toEqual({ status: 'sent', as: 'message', channel: 'whatsapp' });

    const [confirmation, invite] = await phoneReceived(world, phone, 2);
    const { date, time } = appointmentWhen(new Date(booked.start), 'Europe/Paris', 'fr');
    expect(plain(confirmation?.text)).toBe(
      `Votre rendez-vous est réservé ✅ ${date} à ${time} avec Dr Émilie Martin, Cabinet Voltaire, 12 boulevard Voltaire, 75011 Paris.\n` +
        'Pour l’annuler ou le déplacer, écrivez « annuler rendez-vous » ou « déplacer rendez-vous ».',
    );
    expect(confirmation?.text).toContain('«\u00A0annuler rendez-vous\u00A0»');
    expect(invite?.request).toMatchObject({
      type: 'document',
      document: { filename: 'rendez-vous.ics', caption: 'Ajoutez le rendez-vous à votre agenda' },
    });
  });

  test('window closed, reminders agreed: the approved template with the day, time and place', async () => {
    const sim = world.env.simulator.simulator;
    const phone = newPhone();
    const { contactId, conversationId } = await patient(world, phone, { name: 'Paul Smith' });
    await windowCloses(conversationId);
    sim.setBehaviour({ enforceServiceWindow: true }, world.clinic.number.phoneNumberId);
    try {
      const booked = await deskBooks(contactId);
      expect(booked.body.patient_notice).toEqual({ status: 'sent', as: 'template', channel: 'whatsapp' });
      const [notice] = await phoneReceived(world, phone, 1);
      const { date, time } = appointmentWhen(new Date(booked.start), 'Europe/Paris', 'fr');
      expect(notice?.request).toMatchObject({
        type: 'template',
        template: {
          name: 'rappel_rendez_vous',
          components: [
            {
              type: 'body',
              parameters: [
                { text: 'Paul' },
                { text: date },
                { text: time },
                { text: 'Dr Émilie Martin' },
                {},
              ],
            },
            {},
            {},
            {},
          ],
        },
      });
    } finally {
      sim.setBehaviour({ enforceServiceWindow: false }, world.clinic.number.phoneNumberId);
    }
  });

  test('window closed and no agreement: nothing is sent, and the staff are told why', async () => {
    const phone = newPhone();
    const { contactId, conversationId } = await patient(world, phone, { consent: false });
    await windowCloses(conversationId);
    const booked = await deskBooks(contactId);
    expect(booked.status).toBe(201);
    expect(booked.body.patient_notice).toEqual({ status: 'not_sent', reason: 'no_consent' });
    await world.env.settle();
    expect(await phoneReceived(world, phone, 0)).toEqual([]);
  });
});
