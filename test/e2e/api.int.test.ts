import { isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiKeys } from '../../src/db-schema.ts';
import { createApiKey } from '../../src/modules/auth/api-key.service.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';

interface Json {
  [key: string]: unknown;
}
interface PageJson {
  data: Json[];
  next_cursor: string | null;
}

describe.each(TEST_ENGINES)('REST API v1 (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Maison de santé du Port');
    for (const [i, name] of ['Alice', 'Bruno', 'Chloé'].entries()) {
      await env.simulator.simulator.patientSends({
        phoneNumberId: clinic.number.phoneNumberId,
        from: `+3361000000${i}`,
        name,
        text: `Bonjour, c’est ${name}`,
      });
    }
    await eventually(async () => {
      const page = (await (await env.api(clinic.apiKey, '/api/v1/conversations')).json()) as PageJson;
      return page.data.length === 3 ? true : undefined;
    });
  });
  afterAll(async () => {
    await env?.close();
  });

  test('every patient route needs a live API key', async () => {
    for (const path of ['/api/v1/contacts', '/api/v1/conversations']) {
      const anonymous = await fetch(`${env.url}${path}`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toContain('Bearer');
      expect((await env.api('cl_not-a-real-key', path)).status).toBe(401);
    }
    const { key, record } = await createApiKey(env.handle.db, clinic.org.id, 'to revoke');
    expect((await env.api(key, '/api/v1/contacts')).status).toBe(200);
    await env.handle.db.update(apiKeys).set({ revokedAt: new Date() }).where(isNotNull(apiKeys.id));
    expect((await env.api(key, '/api/v1/contacts')).status).toBe(401);
    expect(record.keyHash).not.toContain(key.slice(3));
    // Un-revoke the clinic's main key for the other tests.
    await env.handle.db.update(apiKeys).set({ revokedAt: null }).where(isNotNull(apiKeys.id));
  });

  test('lists are paginated with a cursor, newest activity first, without overlap', async () => {
    const first = (await (await env.api(clinic.apiKey, '/api/v1/conversations?limit=2')).json()) as PageJson;
    expect(first.data).toHaveLength(2);
    expect(first.next_cursor).toEqual(expect.any(String));
    const second = (await (
      await env.api(clinic.apiKey, `/api/v1/conversations?limit=2&cursor=${first.next_cursor}`)
    ).json()) as PageJson;
    expect(second.data).toHaveLength(1);
    expect(second.next_cursor).toBeNull();
    const ids = [...first.data, ...second.data].map((c) => c.id);
    expect(new Set(ids).size).toBe(3);
    const times = [...first.data, ...second.data].map((c) => String(c.last_message_at));
    expect(times).toEqual([...times].sort().reverse());

    const contacts = (await (await env.api(clinic.apiKey, '/api/v1/contacts?limit=1')).json()) as PageJson;
    expect(contacts.data).toHaveLength(1);
    expect(contacts.next_cursor).not.toBeNull();
  });

  test('bad query parameters are 400 problems naming the parameter', async () => {
    const badCursor = await env.api(clinic.apiKey, '/api/v1/conversations?cursor=garbage');
    expect(badCursor.status).toBe(400);
    expect(badCursor.headers.get('content-type')).toContain('application/problem+json');
    expect(await badCursor.json()).toMatchObject({ status: 400, errors: [{ field: 'query.cursor' }] });
    const badLimit = await env.api(clinic.apiKey, '/api/v1/conversations?limit=0');
    expect(await badLimit.json()).toMatchObject({ status: 400, errors: [{ field: 'query.limit' }] });
    const badPhone = await env.api(clinic.apiKey, '/api/v1/contacts?phone=12');
    expect(await badPhone.json()).toMatchObject({ status: 400, errors: [{ field: 'query.phone' }] });
  });

  test('a message body over WhatsApp’s limit is refused before anything is stored', async () => {
    const page = (await (await env.api(clinic.apiKey, '/api/v1/conversations?limit=1')).json()) as PageJson;
    const response = await env.api(clinic.apiKey, `/api/v1/conversations/${page.data[0]?.id}/messages`, {
      method: 'POST',
      body: { type: 'text', text: 'x'.repeat(4097) },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ field: 'body.text' }] });
    const notJson = await fetch(`${env.url}/api/v1/conversations/${page.data[0]?.id}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${clinic.apiKey}`, 'content-type': 'application/json' },
      body: '{"type":',
    });
    expect(notJson.status).toBe(400);
  });

  test('the limits the composer reads are the ones a send is checked against', async () => {
    expect((await fetch(`${env.url}/api/v1/limits`)).status).toBe(401);
    const limits = (await (await env.api(clinic.apiKey, '/api/v1/limits')).json()) as {
      data: Array<{ channel: string; text_length: number; buttons: { max: number; title_length: number } }>;
    };
    const whatsapp = limits.data.find((l) => l.channel === 'whatsapp');
    expect(whatsapp).toMatchObject({ text_length: 4096, buttons: { max: 3, title_length: 20 } });
    // Every channel on the port is listed too, from its adapter's capabilities: the composer counts for it.
    const of = (channel: string) => limits.data.find((l) => l.channel === channel);
    expect(of('telegram')).toMatchObject({ text_length: 4096, buttons: { max: 8, title_length: 64 } });
    expect(of('messenger')).toMatchObject({ text_length: 2000, buttons: { max: 3, title_length: 20 } });
    expect(of('instagram')).toMatchObject({ text_length: 1000 });
    const page = (await (await env.api(clinic.apiKey, '/api/v1/conversations?limit=1')).json()) as PageJson;
    const send = (body: unknown) =>
      env.api(clinic.apiKey, `/api/v1/conversations/${page.data[0]?.id}/messages`, { method: 'POST', body });
    // Emoji are one character each for WhatsApp, two UTF-16 units for JavaScript: the count is Meta's.
    const tooLong = await send({ type: 'text', text: '😀'.repeat((whatsapp?.text_length ?? 0) + 1) });
    expect(await tooLong.json()).toMatchObject({ status: 400, errors: [{ field: 'body.text' }] });
    const buttons = Array.from({ length: (whatsapp?.buttons.max ?? 0) + 1 }, (_, i) => ({
      id: `b${i}`,
      title: `Choix ${i}`,
    }));
    const tooMany = await send({ type: 'buttons', body: 'Votre choix ?', buttons });
    expect(await tooMany.json()).toMatchObject({ status: 400, errors: [{ field: 'body.buttons' }] });
  });

  test('the OpenAPI 3.1 document is generated from the request schemas', async () => {
    const response = await fetch(`${env.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, Json>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/contacts',
        '/api/v1/conversations',
        '/api/v1/conversations/{id}',
        '/api/v1/conversations/{id}/messages',
      ]),
    );
    const post = JSON.stringify(doc.paths['/api/v1/conversations/{id}/messages']?.post);
    expect(post).toContain('#/components/schemas/OutboundMessage');
    const schemas = JSON.stringify((doc as { components?: unknown }).components);
    for (const kind of [
      'OutboundTextMessage',
      'OutboundListMessage',
      'OutboundTemplateMessage',
      'replyToMessageId',
    ]) {
      expect(schemas).toContain(kind);
    }
    expect(JSON.stringify(doc)).not.toContain('/webhooks/whatsapp');
  });
});
