import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestCareline, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { call, getJson, newPhone, patientWrites } from './inbox-support.ts';

describe.each(TEST_ENGINES)('inbox: opening, parking and closing conversations (%s)', (engine) => {
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

  test('open → pending → closed → open: closed_at follows, and closing ends the wait', async () => {
    const { conversation } = await patientWrites(env, clinic, newPhone(), 'Bonjour');
    const path = `/conversations/${conversation.id}/status`;
    expect(conversation.waiting_since).not.toBeNull();

    const pending = await call(env, clinic, 'POST', path, { status: 'pending' });
    expect(pending.status).toBe(200);
    expect(pending.body).toMatchObject({ id: conversation.id, status: 'pending', closed_at: null });

    const before = Date.now();
    const closed = await call(env, clinic, 'POST', path, { status: 'closed' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', waiting_since: null });
    expect(Date.parse(String(closed.body.closed_at))).toBeGreaterThanOrEqual(before - 1000);

    const again = await call(env, clinic, 'POST', path, { status: 'closed' });
    expect(again.body.closed_at).toBe(closed.body.closed_at);

    const reopened = await call(env, clinic, 'POST', path, { status: 'open' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'open', closed_at: null });
    expect((await getJson(env, clinic, `/conversations/${conversation.id}`)).status).toBe('open');
  });

  test('a closed conversation is not reopened while the patient has a newer live one (409)', async () => {
    const phone = newPhone();
    const { conversation: old } = await patientWrites(env, clinic, phone, 'Première demande');
    await call(env, clinic, 'POST', `/conversations/${old.id}/status`, { status: 'closed' });
    const { conversation: current } = await patientWrites(env, clinic, phone, 'Autre chose');
    expect(current.id).not.toBe(old.id);

    const refused = await call(env, clinic, 'POST', `/conversations/${old.id}/status`, { status: 'open' });
    expect(refused.status).toBe(409);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      status: 409,
      live_conversation_id: current.id,
      errors: [{ field: 'body.status' }],
    });
    const pending = await call(env, clinic, 'POST', `/conversations/${old.id}/status`, { status: 'pending' });
    expect(pending.status).toBe(409);
    expect((await getJson(env, clinic, `/conversations/${old.id}`)).status).toBe('closed');

    // Once the newer one is closed, the old one can be reopened.
    await call(env, clinic, 'POST', `/conversations/${current.id}/status`, { status: 'closed' });
    const reopened = await call(env, clinic, 'POST', `/conversations/${old.id}/status`, { status: 'open' });
    expect(reopened.status).toBe(200);
  });

  test('a bad status is a 400 naming the field; another clinic’s conversation is not found', async () => {
    const { conversation } = await patientWrites(env, clinic, newPhone(), 'Bonjour');
    const bad = await call(env, clinic, 'POST', `/conversations/${conversation.id}/status`, {
      status: 'done',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'body.status' })]);
    const foreign = await call(env, other, 'POST', `/conversations/${conversation.id}/status`, {
      status: 'closed',
    });
    expect(foreign.status).toBe(404);
    expect((await getJson(env, clinic, `/conversations/${conversation.id}`)).status).toBe('open');
  });
});
