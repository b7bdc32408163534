import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REMINDER_CONSENT_QUESTION } from '../../src/modules/consent/consent-texts.ts';
import {
  book,
  patient,
  phoneReceived,
  type ReminderWorld,
  reminderRow,
  startReminderWorld,
  timeComes,
  writes,
} from '../../src/modules/reminders/reminders-e2e.test-support.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { call, type Json, newPhone } from './inbox-support.ts';

interface ConsentsJson {
  current: Array<{ channel: string; purpose: string; state: string; record: Json | null }>;
  history: Json[];
}

describe.each(TEST_ENGINES)('patients’ consent to reminders (%s)', (engine) => {
  let world: ReminderWorld;

  beforeAll(async () => {
    world = await startReminderWorld(engine);
  });
  afterAll(async () => {
    await world?.env.close();
  });

  async function consentsOf(contactId: string): Promise<ConsentsJson> {
    const response = await call(world.env, world.clinic, 'GET', `/contacts/${contactId}/consents`);
    expect(response.status).toBe(200);
    return response.body as unknown as ConsentsJson;
  }

  const whatsapp = (consents: ConsentsJson) =>
    Object.fromEntries(
      consents.current.filter((c) => c.channel === 'whatsapp').map((c) => [c.purpose, c.state]),
    );

  test('STOP withdraws everything and says how to undo it; the next reminder is skipped; START brings reminders back', async () => {
    const phone = newPhone();
    const { contactId, conversationId } = await patient(world, phone);
    const appointment = await book(world, contactId, conversationId);

    const stopWamid = await writes(world, phone, 'Stop !');
    const [stopped] = await phoneReceived(world, phone, 1);
    expect(stopped?.text).toBe(
      'C’est noté : Centre Belleville ne vous enverra plus de messages automatiques sur WhatsApp (rappels de rendez-vous, informations). Vous pouvez toujours nous écrire ici. Pour recevoir de nouveau les rappels, répondez START.',
    );
    const afterStop = await consentsOf(contactId);
    expect(whatsapp(afterStop)).toEqual({
      appointment_reminders: 'withdrawn',
      health_information: 'withdrawn',
      pharmacy_notifications: 'withdrawn',
      marketing: 'withdrawn',
    });
    const stopRecord = afterStop.current.find((c) => c.purpose === 'appointment_reminders')?.record;
    expect(stopRecord).toMatchObject({ method: 'keyword', text_shown: 'Stop !', granted: false });
    const stopMessage = await call(
      world.env,
      world.clinic,
      'GET',
      `/conversations/${conversationId}/messages`,
    );
    const stored = (stopMessage.body.data as Json[]).find((m) => m.external_id === stopWamid);
    expect(stopRecord?.message_id).toBe(stored?.id);
    // The ledger keeps the agreement given before, under the withdrawal.
    expect(afterStop.history.map((r) => [r.purpose, r.granted, r.method])).toEqual(
      expect.arrayContaining([['appointment_reminders', true, 'staff']]),
    );

    await timeComes(world, appointment.id, 2880);
    expect(await reminderRow(world, appointment.id, 2880)).toMatchObject({
      status: 'skipped',
      reason: 'no_consent',
    });
    expect(await phoneReceived(world, phone, 1)).toHaveLength(1);

    await writes(world, phone, 'START');
    const [, restarted] = await phoneReceived(world, phone, 2);
    expect(restarted?.text).toBe(
      'C’est noté : vous recevrez de nouveau les rappels de vos rendez-vous chez Centre Belleville sur WhatsApp. Pour les arrêter, répondez STOP RAPPELS.',
    );
    expect(whatsapp(await consentsOf(contactId))).toEqual({
      appointment_reminders: 'granted',
      health_information: 'withdrawn',
      pharmacy_notifications: 'withdrawn',
      marketing: 'withdrawn',
    });

    await timeComes(world, appointment.id, 120);
    const [, , reminder] = await phoneReceived(world, phone, 3);
    expect(reminder?.type).toBe('interactive');
    expect(await reminderRow(world, appointment.id, 120)).toMatchObject({ status: 'sent' });
  });

  test('STOP RAPPELS during a flow wins over the flow, which goes on afterwards', async () => {
    const created = await call(world.env, world.clinic, 'POST', '/flows', {
      key: 'questionnaire',
      definition: {
        key: 'questionnaire',
        version: 1,
        name: { fr: 'Questionnaire', en: 'Questionnaire' },
        start: 'age',
        steps: {
          age: { type: 'ask', kind: 'number', prompt: 'Quel âge avez-vous ?', saveAs: 'age', next: 'thanks' },
          thanks: {
            type: 'send',
            message: { type: 'text', text: 'Merci, {{answers.age}} ans.' },
            next: 'done',
          },
          done: { type: 'end' },
        },
      },
      triggers: [{ kind: 'keyword', match: 'exact', words: { fr: ['questionnaire'], en: [] } }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const phone = newPhone();
    const { contactId } = await patient(world, phone, { consent: false });

    await writes(world, phone, 'questionnaire');
    const [question] = await phoneReceived(world, phone, 1);
    expect(question?.text).toBe('Quel âge avez-vous ?');

    await writes(world, phone, 'STOP RAPPELS');
    const [, stopped] = await phoneReceived(world, phone, 2);
    expect(stopped?.text).toBe(
      'C’est noté : vous ne recevrez plus de rappels de rendez-vous de Centre Belleville sur WhatsApp. Pour les recevoir de nouveau, répondez START.',
    );
    expect(whatsapp(await consentsOf(contactId))).toMatchObject({
      appointment_reminders: 'withdrawn',
      marketing: 'unknown',
    });

    await writes(world, phone, '42');
    const received = await phoneReceived(world, phone, 3);
    expect(received.map((r) => r.text)).toEqual(['Quel âge avez-vous ?', stopped?.text, 'Merci, 42 ans.']);
  });

  test('the staff records a consent given at the desk, in the patient’s exact words; another clinic’s patient is not found', async () => {
    const { contactId } = await patient(world, newPhone(), { consent: false });
    const missing = await call(world.env, world.clinic, 'POST', `/contacts/${contactId}/consents`, {
      purpose: 'appointment_reminders',
      granted: true,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'body.text_shown' })]);

    const recorded = await call(world.env, world.clinic, 'POST', `/contacts/${contactId}/consents`, {
      purpose: 'appointment_reminders',
      granted: true,
      text_shown: REMINDER_CONSENT_QUESTION.fr,
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      channel: 'whatsapp',
      purpose: 'appointment_reminders',
      granted: true,
      method: 'staff',
      text_shown: 'Acceptez-vous de recevoir des rappels par WhatsApp\u202F?',
      recorded_by_user_id: null,
    });
    const consents = await consentsOf(contactId);
    expect(whatsapp(consents)).toMatchObject({ appointment_reminders: 'granted', marketing: 'unknown' });
    expect(consents.history).toHaveLength(1);

    const other = await world.env.addClinic('Autre cabinet');
    const foreign = await call(world.env, other, 'GET', `/contacts/${contactId}/consents`);
    expect(foreign.status).toBe(404);
    const foreignWrite = await call(world.env, other, 'POST', `/contacts/${contactId}/consents`, {
      purpose: 'marketing',
      granted: true,
      text_shown: 'Oui',
    });
    expect(foreignWrite.status).toBe(404);
  });

  test('the consents and the reminders report are in the OpenAPI document', async () => {
    const response = await world.env.api(world.clinic.apiKey, '/api/v1/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, Json> };
    expect(Object.keys(document.paths['/api/v1/contacts/{id}/consents'] ?? {}).sort()).toEqual([
      'get',
      'post',
    ]);
    expect(document.paths['/api/v1/reports/reminders']).toHaveProperty('get');
  });
});
