import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestCareline, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { call, getJson, type Json, type PageJson, patientWrites } from './inbox-support.ts';

describe.each(TEST_ENGINES)('inbox: the contact panel (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let other: TestClinic;
  let contactId: string;
  let conversationIds: string[];

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Clinique des Lilas');
    other = await env.addClinic('Cabinet Pasteur');
    const first = await patientWrites(env, clinic, '+33612345678', 'Bonjour', 'Marie Curie');
    await call(env, clinic, 'POST', `/conversations/${first.conversation.id}/status`, { status: 'closed' });
    const second = await patientWrites(env, clinic, '+33612345678', 'Re-bonjour', 'Marie Curie');
    contactId = String((first.conversation.contact as Json).id);
    conversationIds = [String(second.conversation.id), String(first.conversation.id)];
  });
  afterAll(async () => {
    await env?.close();
  });

  test('one patient: identities, profile and conversations, most recent first', async () => {
    const panel = await getJson(env, clinic, `/contacts/${contactId}`);
    expect(panel).toMatchObject({
      id: contactId,
      display_name: 'Marie Curie',
      phone: '+33612345678',
      language: null,
      tags: [],
      custom_fields: {},
      identities: [
        {
          channel: 'whatsapp',
          external_id: '33612345678',
          phone: '+33612345678',
          profile_name: 'Marie Curie',
        },
      ],
    });
    expect((panel.conversations as Json[]).map((c) => [c.id, c.status])).toEqual([
      [conversationIds[0], 'open'],
      [conversationIds[1], 'closed'],
    ]);
    expect((panel.conversations as Json[])[0]).toEqual({
      id: conversationIds[0],
      status: 'open',
      last_message_at: expect.any(String),
    });
    // The list carries the same profile fields.
    const list = await getJson<PageJson>(env, clinic, '/contacts');
    expect(list.data[0]).toMatchObject({ id: contactId, language: null, tags: [], custom_fields: {} });
  });

  test('the care team renames a patient', async () => {
    const renamed = await call(env, clinic, 'PATCH', `/contacts/${contactId}`, {
      display_name: '  Marie Skłodowska  ',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      id: contactId,
      display_name: 'Marie Skłodowska',
      phone: '+33612345678',
    });
    const conversation = await getJson(env, clinic, `/conversations/${conversationIds[0]}`);
    expect(conversation.contact).toMatchObject({ display_name: 'Marie Skłodowska' });
    const cleared = await call(env, clinic, 'PATCH', `/contacts/${contactId}`, { display_name: null });
    expect(cleared.body.display_name).toBeNull();
  });

  test('profile changes are checked field by field', async () => {
    const cases: [Json, string][] = [
      [{ tags: Array.from({ length: 21 }, (_, i) => `tag${i}`) }, 'body.tags'],
      [{ tags: ['x'.repeat(41)] }, 'body.tags.0'],
      [{ tags: ['diabète', 'Diabète'] }, 'body.tags'],
      [{ custom_fields: { ['k'.repeat(41)]: 'v' } }, `body.custom_fields.${'k'.repeat(41)}`],
      [{ custom_fields: { mutuelle: 'x'.repeat(501) } }, 'body.custom_fields.mutuelle'],
      [{ language: 'french' }, 'body.language'],
      [{ language: 'en_GB' }, 'body.language'],
      [{ display_name: '' }, 'body.display_name'],
      [{}, 'body'],
    ];
    for (const [body, field] of cases) {
      const response = await call(env, clinic, 'PATCH', `/contacts/${contactId}`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.errors, JSON.stringify(body)).toEqual([expect.objectContaining({ field })]);
    }
  });

  test('language, tags and custom fields are kept, and a later change replaces only what it names', async () => {
    const saved = await call(env, clinic, 'PATCH', `/contacts/${contactId}`, {
      language: 'fr',
      tags: ['diabète', 'suivi'],
      custom_fields: { mutuelle: 'MGEN', médecin_traitant: 'Dr Martin' },
    });
    expect(saved.status).toBe(200);
    expect(await getJson(env, clinic, `/contacts/${contactId}`)).toMatchObject({
      language: 'fr',
      tags: ['diabète', 'suivi'],
      custom_fields: { mutuelle: 'MGEN', médecin_traitant: 'Dr Martin' },
    });
    await call(env, clinic, 'PATCH', `/contacts/${contactId}`, { custom_fields: { mutuelle: 'Harmonie' } });
    const after = await getJson(env, clinic, `/contacts/${contactId}`);
    expect(after).toMatchObject({ language: 'fr', tags: ['diabète', 'suivi'] });
    expect(after.custom_fields).toEqual({ mutuelle: 'Harmonie' });
    await call(env, clinic, 'PATCH', `/contacts/${contactId}`, { language: null, tags: [] });
    expect(await getJson(env, clinic, `/contacts/${contactId}`)).toMatchObject({ language: null, tags: [] });
  });

  test('another clinic’s patient is not found', async () => {
    expect((await call(env, other, 'GET', `/contacts/${contactId}`)).status).toBe(404);
    const patch = await call(env, other, 'PATCH', `/contacts/${contactId}`, { display_name: 'Intrus' });
    expect(patch.status).toBe(404);
    expect((await call(env, clinic, 'GET', `/contacts/${crypto.randomUUID()}`)).status).toBe(404);
    const notAnId = await call(env, clinic, 'GET', '/contacts/marie');
    expect(notAnId.body.errors).toEqual([expect.objectContaining({ field: 'params.id' })]);
  });
});
