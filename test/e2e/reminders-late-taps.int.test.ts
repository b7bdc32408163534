import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  appointmentRow,
  book,
  nextSlot,
  patient,
  phoneReceived,
  type Received,
  type ReminderWorld,
  startReminderWorld,
  tapButton,
  timeComes,
} from '../../src/modules/reminders/reminders-e2e.test-support.ts';
import { appointmentWhen } from '../../src/modules/scheduling/patient-wording.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { call, type Json, newPhone } from './inbox-support.ts';

/** What the phone shows, the no-break spaces of French typography read as spaces. */
const plain = (text: string | undefined) => (text ?? '').replace(/[\u00A0\u202F]/g, ' ');

function buttonsOf(message: Received | undefined): Array<{ id: string; title: string }> {
  const interactive = message?.request.interactive as Json | undefined;
  const buttons = (interactive?.action as Json | undefined)?.buttons as
    | Array<{ reply: { id: string; title: string } }>
    | undefined;
  return (buttons ?? []).map((b) => b.reply);
}

describe.each(TEST_ENGINES)('a reminder button tapped late (%s)', (engine) => {
  let world: ReminderWorld;

  beforeAll(async () => {
    world = await startReminderWorld(engine);
  });
  afterAll(async () => {
    await world?.env.close();
  });

  const when = (start: Date) => {
    const { date, time } = appointmentWhen(start, 'Europe/Paris', 'fr');
    return `${date} à ${time}`;
  };

  test('Cancel on an older reminder asks first; No keeps the appointment, Yes cancels it', async () => {
    const phone = newPhone();
    const { contactId, conversationId } = await patient(world, phone);
    const appointment = await book(world, contactId, conversationId);
    await timeComes(world, appointment.id, 2880);
    await timeComes(world, appointment.id, 120);
    const [first, latest] = await phoneReceived(world, phone, 2);
    if (!first || !latest) throw new Error('two reminders expected');

    await tapButton(world, phone, first, 1);
    const question = (await phoneReceived(world, phone, 3))[2];
    expect(plain(question?.text)).toBe(
      `Vous voulez bien annuler votre rendez-vous du ${when(appointment.start)} avec Dr Émilie Martin ?`,
    );
    expect(question?.text).toContain('Martin\u202F?');
    expect(buttonsOf(question).map((b) => b.title)).toEqual(['Oui', 'Non']);
    expect(await appointmentRow(world, appointment.id)).toMatchObject({ status: 'booked' });

    await tapButton(world, phone, question as Received, 1);
    const kept = (await phoneReceived(world, phone, 4))[3];
    expect(plain(kept?.text)).toMatch(/^D’accord, votre rendez-vous du .+ est maintenu\.$/);
    expect(await appointmentRow(world, appointment.id)).toMatchObject({ status: 'booked' });

    await tapButton(world, phone, first, 1);
    const again = (await phoneReceived(world, phone, 5))[4];
    await tapButton(world, phone, again as Received, 0);
    const done = (await phoneReceived(world, phone, 6))[5];
    expect(plain(done?.text)).toMatch(/^Votre rendez-vous du .+ avec Dr Émilie Martin est annulé\./);
    expect(await appointmentRow(world, appointment.id)).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'patient',
    });
  });

  test('Cancel on the latest reminder still cancels at once', async () => {
    const phone = newPhone();
    const { contactId, conversationId } = await patient(world, phone);
    const appointment = await book(world, contactId, conversationId);
    await timeComes(world, appointment.id, 2880);
    await timeComes(world, appointment.id, 120);
    const [, latest] = await phoneReceived(world, phone, 2);
    await tapButton(world, phone, latest as Received, 1);
    const [, , answer] = await phoneReceived(world, phone, 3);
    expect(plain(answer?.text)).toMatch(/^Votre rendez-vous du .+ est annulé\./);
    expect(await appointmentRow(world, appointment.id)).toMatchObject({ status: 'cancelled' });
  });

  test('Confirm on a reminder of an appointment the staff moved since: the new time is shown and confirmed only on Yes', async () => {
    const phone = newPhone();
    const { contactId, conversationId } = await patient(world, phone);
    const appointment = await book(world, contactId, conversationId);
    await timeComes(world, appointment.id, 2880);
    const [reminder] = await phoneReceived(world, phone, 1);
    const moved = await call(world.env, world.clinic, 'POST', `/appointments/${appointment.id}/move`, {
      start: nextSlot(),
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(201);
    const newId = String(moved.body.id);
    const newStart = new Date(String(moved.body.start));
    await world.env.settle();
    const before = (await phoneReceived(world, phone, 1)).length;

    await tapButton(world, phone, reminder as Received, 0);
    const question = (await phoneReceived(world, phone, before + 1))[before];
    expect(plain(question?.text)).toBe(
      `Votre rendez-vous a été déplacé : il a lieu le ${when(newStart)} avec Dr Émilie Martin. Vous confirmez votre venue ?`,
    );
    expect((await appointmentRow(world, newId))?.confirmedAt).toBeNull();

    await tapButton(world, phone, question as Received, 0);
    const thanks = (await phoneReceived(world, phone, before + 2))[before + 1];
    expect(plain(thanks?.text)).toContain(`nous vous attendons le ${when(newStart)}`);
    expect((await appointmentRow(world, newId))?.confirmedAt).toBeInstanceOf(Date);
    expect(await appointmentRow(world, appointment.id)).toMatchObject({
      status: 'cancelled',
      confirmedAt: null,
    });
  });

  test('Cancel on a reminder of a moved appointment asks about the new time, and Yes cancels the new one', async () => {
    const phone = newPhone();
    const { contactId, conversationId } = await patient(world, phone);
    const appointment = await book(world, contactId, conversationId);
    await timeComes(world, appointment.id, 2880);
    const [reminder] = await phoneReceived(world, phone, 1);
    const moved = await call(world.env, world.clinic, 'POST', `/appointments/${appointment.id}/move`, {
      start: nextSlot(),
    });
    const newId = String(moved.body.id);
    await world.env.settle();
    const before = (await phoneReceived(world, phone, 1)).length;

    await tapButton(world, phone, reminder as Received, 1);
    const question = (await phoneReceived(world, phone, before + 1))[before];
    expect(plain(question?.text)).toContain(
      `annuler votre rendez-vous du ${when(new Date(String(moved.body.start)))}`,
    );
    expect(await appointmentRow(world, newId)).toMatchObject({ status: 'booked' });
    await tapButton(world, phone, question as Received, 0);
    await phoneReceived(world, phone, before + 2);
    expect(await appointmentRow(world, newId)).toMatchObject({ status: 'cancelled', cancelledBy: 'patient' });
  });
});
