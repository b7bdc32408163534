import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestCareline, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { call, type Json, patientWrites } from './inbox-support.ts';

/*
 * An outside audit found that U+0000 in any API string (body, query or path) gave a 500 (36 of the 38
 * API 5xx it found), and that one reaction whose emoji was a 100 kB string could take the process down.
 * PostgreSQL cannot store U+0000 nor an unpaired surrogate: the API refuses both at its edge, naming
 * the field, and bounds every string before any other work.
 */
describe.each(TEST_ENGINES)('hostile characters and unbounded strings at the API (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let conversationId: string;
  let wamid: string;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Cabinet du Parc');
    const written = await patientWrites(env, clinic, '+33612340001', 'Bonjour');
    conversationId = String(written.conversation.id);
    wamid = written.wamid;
  });
  afterAll(async () => {
    await env?.close();
  });

  const NUL = '\u0000';

  async function expectRefused(
    method: string,
    path: string,
    body: unknown,
    field: string,
  ): Promise<{ status: number; body: Json }> {
    const answer = await call(env, clinic, method, path, body);
    expect({ path, status: answer.status }).toEqual({ path, status: 400 });
    expect(answer.contentType).toContain('application/problem+json');
    expect(answer.body.errors).toEqual([{ field, message: expect.stringContaining('U+0000') }]);
    return answer;
  }

  test('a NUL in any JSON body field is a 400 naming the field, never a 500', async () => {
    const cases: Array<[string, string, Json, string]> = [
      ['POST', `/conversations/${conversationId}/notes`, { text: `note${NUL}` }, 'body.text'],
      ['POST', `/conversations/${conversationId}/messages`, { type: 'text', text: `a${NUL}b` }, 'body.text'],
      ['POST', '/teams', { name: `Accueil${NUL}` }, 'body.name'],
      ['POST', '/canned-replies', { shortcut: 'rdv', text: `x${NUL}`, language: null }, 'body.text'],
      ['POST', `/conversations/${conversationId}/automation`, { flow_key: `triage${NUL}` }, 'body.flow_key'],
    ];
    for (const [method, path, body, field] of cases) await expectRefused(method, path, body, field);
  });

  test('a NUL deep in a body, or in a key, is named by its path', async () => {
    await expectRefused(
      'POST',
      `/conversations/${conversationId}/messages`,
      {
        type: 'buttons',
        body: 'Votre choix ?',
        buttons: [
          { id: 'yes', title: 'Oui' },
          { id: 'no', title: `Non${NUL}` },
        ],
      },
      'body.buttons.1.title',
    );
    await expectRefused(
      'PATCH',
      '/contacts/00000000-0000-4000-8000-000000000000',
      {
        custom_fields: { [`allergie${NUL}`]: 'pénicilline' },
      },
      'body.custom_fields.allergie',
    );
  });

  test('a NUL in a query parameter is a 400 naming it, never a 500', async () => {
    await expectRefused('GET', '/search?q=%00', undefined, 'query.q');
    await expectRefused('GET', '/templates?status=APPROVED%00', undefined, 'query.status');
  });

  test('a NUL in a path parameter is a 400 naming it', async () => {
    await expectRefused('GET', '/calendar/%00.ics?token=x', undefined, 'params.practitionerId');
  });

  test('a NUL in an uploaded file’s name is a 400 naming it, never a 500', async () => {
    const boundary = 'careline-test-boundary';
    const body =
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''scan%00.pdf\r\n` +
      `Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--${boundary}--\r\n`;
    const response = await fetch(`${env.url}/api/v1/media`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${clinic.apiKey}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      body,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Json).errors).toEqual([
      { field: 'body.file.filename', message: expect.stringContaining('U+0000') },
    ]);
  });

  test('an unpaired surrogate is refused the same way, never stored altered', async () => {
    await expectRefused(
      'POST',
      `/conversations/${conversationId}/notes`,
      { text: 'Merci \ud83d' },
      'body.text',
    );
  });

  test('a reaction emoji of 100,000 characters is refused at once, whatever it is made of', async () => {
    const hostile = {
      // One grapheme: every 👍 joined to the next by a zero-width joiner.
      joined: `👍${'\u200d👍'.repeat(33_333)}`,
      modifiers: `👍${'🏽'.repeat(50_000)}`,
      letters: 'a'.repeat(100_000),
    };
    for (const [shape, emoji] of Object.entries(hostile)) {
      const started = performance.now();
      const answer = await call(env, clinic, 'POST', `/conversations/${conversationId}/messages`, {
        type: 'reaction',
        targetMessageId: wamid,
        emoji,
      });
      expect({ shape, status: answer.status }).toEqual({ shape, status: 400 });
      expect(answer.body.errors).toEqual([{ field: 'body.emoji', message: 'emoji must be one emoji' }]);
      expect(performance.now() - started).toBeLessThan(2000);
    }
    const joinedPair = await call(env, clinic, 'POST', `/conversations/${conversationId}/messages`, {
      type: 'reaction',
      targetMessageId: wamid,
      emoji: '👍👍',
    });
    expect(joinedPair.status).toBe(400);
    const one = await call(env, clinic, 'POST', `/conversations/${conversationId}/messages`, {
      type: 'reaction',
      targetMessageId: wamid,
      emoji: '👩🏽‍⚕️',
    });
    expect(one.status).toBe(202);
  });

  test('every string and list in the API’s request schemas has a maximum', async () => {
    const document = (await (await fetch(`${env.url}/api/v1/openapi.json`)).json()) as OpenApiDocument;
    expect(unboundedRequestFields(document)).toEqual([]);
  });
});

interface OpenApiDocument {
  paths: Record<string, Record<string, Json>>;
  components?: { schemas?: Record<string, Json> };
}

/** Formats whose values zod checks against a fixed-size pattern: bounded without a maxLength. */
const FIXED_SIZE_FORMATS = new Set(['uuid', 'date', 'date-time', 'time']);

/** Every request parameter, body field or list item that takes a string or a list of any length. */
function unboundedRequestFields(document: OpenApiDocument): string[] {
  const found: string[] = [];
  const components = document.components?.schemas ?? {};
  const visit = (schema: unknown, where: string, seen: ReadonlySet<string>): void => {
    if (!isJson(schema)) return;
    if (typeof schema.$ref === 'string') {
      const name = schema.$ref.split('/').at(-1) ?? '';
      if (!seen.has(name)) visit(components[name], where, new Set([...seen, name]));
      return;
    }
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const fixed = 'enum' in schema || 'const' in schema || FIXED_SIZE_FORMATS.has(String(schema.format));
    if (types.includes('string') && !fixed && schema.maxLength === undefined) found.push(where);
    if (types.includes('array') && schema.maxItems === undefined) found.push(`${where}[]`);
    if (isJson(schema.properties)) {
      for (const [key, property] of Object.entries(schema.properties))
        visit(property, `${where}.${key}`, seen);
    }
    visit(schema.items, `${where}[]`, seen);
    visit(schema.additionalProperties, `${where}.*`, seen);
    visit(schema.propertyNames, `${where}.<key>`, seen);
    for (const keyword of ['anyOf', 'oneOf', 'allOf']) {
      const variants = schema[keyword];
      if (Array.isArray(variants)) for (const variant of variants) visit(variant, where, seen);
    }
  };
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const where = `${method.toUpperCase()} ${path}`;
      const parameters = Array.isArray(operation.parameters) ? operation.parameters : [];
      for (const parameter of parameters) {
        if (isJson(parameter))
          visit(parameter.schema, `${where} ${parameter.in}.${parameter.name}`, new Set());
      }
      const content = isJson(operation.requestBody) ? operation.requestBody.content : undefined;
      if (isJson(content)) {
        for (const media of Object.values(content)) {
          if (isJson(media)) visit(media.schema, `${where} body`, new Set());
        }
      }
    }
  }
  return found;
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
