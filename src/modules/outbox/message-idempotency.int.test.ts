import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../../../test/support/test-careline.ts';
import { TEST_ENGINES } from '../../../test/support/test-db.ts';
import { apiKeys, conversations, idempotencyKeys } from '../../db-schema.ts';
import { createApiKey } from '../auth/api-key.service.ts';
import { claimKey } from './idempotency-key.repository.ts';
import { requestFingerprint } from './idempotency-key-header.ts';

describe.each(TEST_ENGINES)('sending a message with an Idempotency-Key (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let conversationId: string;
  let patient = 0;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Centre médical Oberkampf');
    conversationId = await newConversation();
  });
  afterAll(async () => {
    await env?.close();
  });

  /** A patient writes: a conversation of its own, its window open. */
  async function newConversation(): Promise<string> {
    patient += 1;
    const from = `+3361515${String(patient).padStart(4, '0')}`;
    await env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from,
      name: `Patient ${patient}`,
      text: 'Bonjour',
    });
    return eventually(async () => {
      const page = (await (await env.api(clinic.apiKey, '/api/v1/conversations?limit=100')).json()) as {
        data: Array<{ id: string; contact: { phone: string | null } }>;
      };
      return page.data.find((c) => c.contact.phone === from)?.id;
    });
  }

  async function post(
    body: unknown,
    key: string | undefined,
    options: { apiKey?: string; conversation?: string } = {},
  ): Promise<{ status: number; text: string; headers: Headers }> {
    const response = await fetch(
      `${env.url}/api/v1/conversations/${options.conversation ?? conversationId}/messages`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.apiKey ?? clinic.apiKey}`,
          'content-type': 'application/json',
          ...(key === undefined ? {} : { 'idempotency-key': key }),
        },
        body: JSON.stringify(body),
      },
    );
    return { status: response.status, text: await response.text(), headers: response.headers };
  }

  async function outboundTexts(conversation = conversationId): Promise<string[]> {
    const page = (await (
      await env.api(clinic.apiKey, `/api/v1/conversations/${conversation}/messages?limit=100`)
    ).json()) as { data: Array<{ direction: string; text: string | null }> };
    return page.data.filter((m) => m.direction === 'outbound').map((m) => String(m.text));
  }

  function sendsOf(text: string) {
    return env.simulator.simulator
      .sends(clinic.number.phoneNumberId)
      .filter((s) => (s.request as { text?: { body?: string } }).text?.body === text);
  }

  it('the same Idempotency-Key and body replay the first answer', async () => {
    const key = randomUUID();
    const body = { type: 'text', text: 'Votre rendez-vous est confirmé' };
    const first = await post(body, `"${key}"`);
    // The client's retry, after a timeout it could not tell from a failure; the same body, keys reordered.
    const retry = await post({ text: body.text, type: 'text' }, `"${key}"`);
    const bare = await post(body, key);
    expect(first.status).toBe(202);
    expect(retry.status).toBe(202);
    expect(retry.text, 'the first answer, byte for byte').toBe(first.text);
    expect(bare.text, 'the quoted and bare forms are one key').toBe(first.text);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    await env.settle();
    expect((await outboundTexts()).filter((t) => t === body.text)).toHaveLength(1);
    // The kept answer repeats the message: the database holds it sealed, as it holds the message.
    const kept = await env.handle.db.select().from(idempotencyKeys);
    expect(kept.length).toBeGreaterThan(0);
    expect(JSON.stringify(kept)).not.toContain('confirm');
    expect(sendsOf(body.text), 'the patient gets it once').toHaveLength(1);
  });

  it('the same Idempotency-Key with another body is refused with 422', async () => {
    const key = randomUUID();
    const first = await post({ type: 'text', text: 'Prenez 1 comprimé le matin' }, key);
    const other = await post({ type: 'text', text: 'Prenez 2 comprimés le soir' }, key);
    const elsewhere = await post({ type: 'text', text: 'Prenez 1 comprimé le matin' }, key, {
      conversation: await newConversation(),
    });
    expect(first.status).toBe(202);
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.parse(other.text)).toMatchObject({
      status: 422,
      errors: [{ field: 'headers.idempotency-key', message: 'was already used with another request' }],
    });
    expect(elsewhere.status, 'the same body to another patient is another request').toBe(422);
    await env.settle();
    expect(await outboundTexts()).not.toContain('Prenez 2 comprimés le soir');
    expect(sendsOf('Prenez 2 comprimés le soir')).toHaveLength(0);
  });

  it('a request still in progress with the same Idempotency-Key is answered 409', async () => {
    const key = randomUUID();
    const body = { type: 'text', text: 'Le cabinet sera fermé lundi' };
    const [apiKey] = await env.handle.db.select().from(apiKeys).where(eq(apiKeys.orgId, clinic.org.id));
    if (!apiKey) throw new Error('the clinic has no API key');
    // The first request with this key holds it: its transaction has not committed yet.
    await claimKey(
      env.handle.db,
      { orgId: clinic.org.id, principal: `api_key:${apiKey.id}`, key },
      requestFingerprint({ route: 'POST /conversations/:id/messages', conversationId, body }),
      randomUUID(),
      30_000,
    );
    const second = await post(body, key);
    expect(second.status).toBe(409);
    expect(JSON.parse(second.text)).toMatchObject({ errors: [{ field: 'headers.idempotency-key' }] });
    expect(await outboundTexts()).not.toContain(body.text);
  });

  it('an Idempotency-Key belongs to its API key: another key of the clinic sends its own message', async () => {
    const key = randomUUID();
    const body = { type: 'text', text: 'Pensez à votre carte Vitale' };
    const other = await createApiKey(env.handle.db, clinic.org.id, 'second integration');
    expect((await post(body, key)).status).toBe(202);
    const theirs = await post(body, key, { apiKey: other.key });
    expect(theirs.status).toBe(202);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect((await outboundTexts()).filter((t) => t === body.text)).toHaveLength(2);
  });

  it('a request refused before anything was stored frees its Idempotency-Key', async () => {
    const key = randomUUID();
    const refused = await post({ type: 'text', text: 'x'.repeat(5000) }, key);
    expect(refused.status).toBe(400);
    const fixed = await post({ type: 'text', text: 'Message corrigé' }, key);
    expect(fixed.status).toBe(202);
  });

  it('a refusal for a closed window is replayed like an acceptance', async () => {
    const conversation = await newConversation();
    await env.handle.db
      .update(conversations)
      .set({ lastInboundAt: new Date(Date.now() - 48 * 3600_000) })
      .where(eq(conversations.id, conversation));
    const key = randomUUID();
    const body = { type: 'text', text: 'Trop tard pour ce message' };
    const first = await post(body, key, { conversation });
    const retry = await post(body, key, { conversation });
    expect(first.status).toBe(422);
    expect(JSON.parse(first.text)).toMatchObject({ failure_reason: 'window_closed' });
    expect(retry.status).toBe(422);
    expect(retry.text).toBe(first.text);
    expect(await outboundTexts(conversation)).toEqual([body.text]);
  });

  it('an Idempotency-Key too long or not printable ASCII is refused with 400 naming the header', async () => {
    const body = { type: 'text', text: 'Clé invalide' };
    for (const key of ['k'.repeat(256), '"unterminated', 'clé-accentuée', '""']) {
      const answer = await post(body, key);
      expect(answer.status, key).toBe(400);
      expect(JSON.parse(answer.text), key).toMatchObject({
        errors: [expect.objectContaining({ field: 'headers.idempotency-key' })],
      });
    }
    expect(await outboundTexts()).not.toContain(body.text);
  });

  it('the OpenAPI document describes the Idempotency-Key header and its answers', async () => {
    const document = (await (await fetch(`${env.url}/api/v1/openapi.json`)).json()) as {
      paths: Record<
        string,
        { post?: { parameters?: Array<{ in: string; name: string }>; responses: Record<string, unknown> } }
      >;
    };
    const operation = document.paths['/api/v1/conversations/{id}/messages']?.post;
    expect(operation?.parameters).toContainEqual(
      expect.objectContaining({ in: 'header', name: 'idempotency-key' }),
    );
    expect(Object.keys(operation?.responses ?? {})).toEqual(expect.arrayContaining(['202', '409', '422']));
  });
});
