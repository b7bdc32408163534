import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestCareline, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { call, getJson, type PageJson } from './inbox-support.ts';

describe.each(TEST_ENGINES)('inbox: canned replies (%s)', (engine) => {
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

  async function shortcuts(clinicOf: TestClinic, query = ''): Promise<string[]> {
    return (await getJson<PageJson>(env, clinicOf, `/canned-replies${query}`)).data.map((r) =>
      String(r.shortcut),
    );
  }

  test('saved, found by the start of their shortcut, and deleted', async () => {
    const created = await call(env, clinic, 'POST', '/canned-replies', {
      shortcut: 'rdv',
      text: 'Pour prendre rendez-vous, répondez avec le jour qui vous convient.',
      language: 'FR',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      shortcut: 'rdv',
      text: 'Pour prendre rendez-vous, répondez avec le jour qui vous convient.',
      language: 'fr',
      created_by_user_id: null,
      created_at: expect.any(String),
    });
    for (const shortcut of ['rdv-annule', 'resultats', 'a_b', 'axb']) {
      expect(
        (await call(env, clinic, 'POST', '/canned-replies', { shortcut, text: `Texte ${shortcut}` })).status,
      ).toBe(201);
    }
    expect(await shortcuts(clinic)).toEqual(['a_b', 'axb', 'rdv', 'rdv-annule', 'resultats']);
    expect(await shortcuts(clinic, '?q=rdv')).toEqual(['rdv', 'rdv-annule']);
    expect(await shortcuts(clinic, '?q=%2Fr')).toEqual(['rdv', 'rdv-annule', 'resultats']);
    // "_" is a character, not a wildcard.
    expect(await shortcuts(clinic, '?q=a_')).toEqual(['a_b']);
    expect(await shortcuts(clinic, '?q=zzz')).toEqual([]);
    expect(await shortcuts(other)).toEqual([]);

    const removed = await call(env, clinic, 'DELETE', `/canned-replies/${created.body.id}`);
    expect(removed.status).toBe(204);
    expect(await shortcuts(clinic, '?q=rdv')).toEqual(['rdv-annule']);
    expect((await call(env, clinic, 'DELETE', `/canned-replies/${created.body.id}`)).status).toBe(404);
  });

  test('pages in shortcut order with a cursor', async () => {
    for (const shortcut of ['p1', 'p2', 'p3'])
      await call(env, clinic, 'POST', '/canned-replies', { shortcut, text: shortcut });
    const first = await getJson<PageJson>(env, clinic, '/canned-replies?q=p&limit=2');
    expect(first.data.map((r) => r.shortcut)).toEqual(['p1', 'p2']);
    const second = await getJson<PageJson>(
      env,
      clinic,
      `/canned-replies?q=p&limit=2&cursor=${first.next_cursor}`,
    );
    expect(second.data.map((r) => r.shortcut)).toEqual(['p3']);
    expect(second.next_cursor).toBeNull();
    const bad = await call(env, clinic, 'GET', '/canned-replies?cursor=!!!');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'query.cursor' })]);
  });

  test('a shortcut is unique per clinic, and every field is checked', async () => {
    await call(env, clinic, 'POST', '/canned-replies', {
      shortcut: 'horaires',
      text: 'Ouvert de 8 h à 19 h.',
    });
    const duplicate = await call(env, clinic, 'POST', '/canned-replies', {
      shortcut: 'horaires',
      text: 'Autre',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.errors).toEqual([{ field: 'body.shortcut', message: 'is already taken' }]);
    expect(
      (await call(env, other, 'POST', '/canned-replies', { shortcut: 'horaires', text: 'Pasteur' })).status,
    ).toBe(201);

    const cases: [Record<string, unknown>, string][] = [
      [{ shortcut: 'Horaires', text: 'x' }, 'body.shortcut'],
      [{ shortcut: 'a b', text: 'x' }, 'body.shortcut'],
      [{ shortcut: 'x'.repeat(33), text: 'x' }, 'body.shortcut'],
      [{ shortcut: '', text: 'x' }, 'body.shortcut'],
      [{ shortcut: 'ok', text: 'x'.repeat(4097) }, 'body.text'],
      [{ shortcut: 'ok', text: '  ' }, 'body.text'],
      [{ shortcut: 'ok', text: 'x', language: 'français' }, 'body.language'],
    ];
    for (const [body, field] of cases) {
      const response = await call(env, clinic, 'POST', '/canned-replies', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.errors, JSON.stringify(body)).toEqual([expect.objectContaining({ field })]);
    }
  });

  test('another clinic’s canned reply cannot be deleted', async () => {
    const theirs = await call(env, other, 'POST', '/canned-replies', {
      shortcut: 'secret',
      text: 'Pasteur seulement',
    });
    expect((await call(env, clinic, 'DELETE', `/canned-replies/${theirs.body.id}`)).status).toBe(404);
    expect(await shortcuts(other, '?q=secret')).toEqual(['secret']);
  });
});
