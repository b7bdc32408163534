import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestCareline, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { addStaff, call, getJson, type Json, type PageJson } from './inbox-support.ts';
import { signIn } from './settings-support.ts';

describe.each(TEST_ENGINES)('settings: saved replies (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let other: TestClinic;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Clinique des Lilas');
    other = await env.addClinic('Cabinet Pasteur');
  });
  afterAll(async () => {
    await env?.close();
  });

  async function save(shortcut: string, text = `Texte ${shortcut}`): Promise<Json> {
    const created = await call(env, clinic, 'POST', '/canned-replies', { shortcut, text });
    expect(created.status).toBe(201);
    return created.body;
  }

  test('a saved reply’s shortcut, text and language are edited; the composer finds it by its new shortcut', async () => {
    const reply = await save('horaires', 'Nous sommes ouverts de 8 h à 18 h.');
    const edited = await call(env, clinic, 'PATCH', `/canned-replies/${reply.id}`, {
      shortcut: 'ouverture',
      text: '  Nous sommes ouverts de 8 h à 19 h.  ',
      language: 'FR',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toEqual({
      ...reply,
      shortcut: 'ouverture',
      text: 'Nous sommes ouverts de 8 h à 19 h.',
      language: 'fr',
    });
    const found = await getJson<PageJson>(env, clinic, '/canned-replies?q=/ouv');
    expect(found.data).toEqual([edited.body]);
    expect((await getJson<PageJson>(env, clinic, '/canned-replies?q=horaires')).data).toEqual([]);

    const anyLanguage = await call(env, clinic, 'PATCH', `/canned-replies/${reply.id}`, { language: null });
    expect(anyLanguage.body).toMatchObject({ shortcut: 'ouverture', language: null });
  });

  test('a shortcut another reply has is a conflict; bad input names its field', async () => {
    await save('rdv');
    const reply = await save('annulation');
    const taken = await call(env, clinic, 'PATCH', `/canned-replies/${reply.id}`, { shortcut: 'rdv' });
    expect(taken.status).toBe(409);
    expect(taken.body.errors).toEqual([{ field: 'body.shortcut', message: 'is already taken' }]);
    for (const [body, field] of [
      [{ shortcut: 'Avec Espace' }, 'body.shortcut'],
      [{ shortcut: 'x'.repeat(33) }, 'body.shortcut'],
      [{ text: '   ' }, 'body.text'],
      [{ language: 'pas une langue' }, 'body.language'],
    ] as const) {
      const refused = await call(env, clinic, 'PATCH', `/canned-replies/${reply.id}`, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field })]);
    }
    expect((await call(env, clinic, 'PATCH', `/canned-replies/${reply.id}`, {})).status).toBe(400);
    expect(await getJson(env, clinic, '/canned-replies?q=annulation')).toMatchObject({
      data: [{ id: reply.id, shortcut: 'annulation', text: 'Texte annulation' }],
    });
  });

  test('another clinic’s saved reply is not found, and its shortcuts are its own', async () => {
    const reply = await save('resultats');
    const theirs = await call(env, other, 'PATCH', `/canned-replies/${reply.id}`, { text: 'Volé' });
    expect(theirs.status).toBe(404);
    expect(
      (await call(env, clinic, 'PATCH', `/canned-replies/${crypto.randomUUID()}`, { text: 'X' })).status,
    ).toBe(404);
    const same = await call(env, other, 'POST', '/canned-replies', {
      shortcut: 'resultats',
      text: 'Les nôtres',
    });
    expect(same.status).toBe(201);
  });

  test('agents use saved replies but only administrators write them', async () => {
    const reply = await save('bienvenue');
    const agent = await addStaff(env, clinic, { name: 'Agent Pressé' });
    const browser = await signIn(env, agent.email);
    const listed = await browser.call('GET', '/canned-replies?q=bien');
    expect(listed.status).toBe(200);
    expect((listed.body.data as Json[]).map((r) => r.id)).toEqual([reply.id]);

    expect((await browser.call('POST', '/canned-replies', { shortcut: 'agent', text: 'Non' })).status).toBe(
      403,
    );
    expect((await browser.call('PATCH', `/canned-replies/${reply.id}`, { text: 'Non' })).status).toBe(403);
    expect((await browser.call('DELETE', `/canned-replies/${reply.id}`)).status).toBe(403);
    expect(await getJson(env, clinic, '/canned-replies?q=bien')).toMatchObject({
      data: [{ id: reply.id, text: 'Texte bienvenue' }],
    });

    const admin = await addStaff(env, clinic, { name: 'Admin Soigneuse', role: 'admin' });
    const adminBrowser = await signIn(env, admin.email);
    const created = await adminBrowser.call('POST', '/canned-replies', {
      shortcut: 'merci',
      text: 'Merci !',
    });
    expect(created.status).toBe(201);
    expect(created.body.created_by_user_id).toBe(admin.id);
    expect((await adminBrowser.call('DELETE', `/canned-replies/${created.body.id}`)).status).toBe(204);
  });
});
