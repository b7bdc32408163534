import { describe, expect, it } from 'vitest';
import { casesFor } from './api-fuzz-cases.ts';
import { operationsOf } from './openapi-operations.ts';
import { routesOfPrintedTree } from './printed-routes.ts';
import { KnownIds } from './schema-sample.ts';
import { SeededRandom } from './seeded-random.ts';

const uuid = { type: 'string', format: 'uuid' };
const document = {
  openapi: '3.1.0',
  paths: {
    '/api/v1/teams/{id}': {
      patch: {
        parameters: [{ in: 'path', name: 'id', required: true, schema: uuid }],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { name: { type: 'string', maxLength: 80 }, capacity: { type: 'integer' } },
                required: ['name'],
              },
            },
          },
        },
      },
    },
    '/api/v1/search': {
      get: { parameters: [{ in: 'query', name: 'q', required: true, schema: { type: 'string' } }] },
    },
  },
};

function cases(seed: number, count: number) {
  const [operation] = operationsOf(document);
  if (!operation) throw new Error('no operation read');
  return casesFor(operation, { document, random: new SeededRandom(seed), ids: new KnownIds() }, count);
}

describe('fuzz cases', () => {
  it('the same seed gives the same requests, so a failure can be replayed from its seed', () => {
    const replay = (seed: number) =>
      cases(seed, 30).map(
        ({ label, request }) => `${label} ${request.target} ${String(request.body).slice(0, 500)}`,
      );
    expect(replay(42)).toEqual(replay(42));
    expect(replay(42)).not.toEqual(replay(43));
  });

  it('an operation with a path parameter and a JSON body gets every kind of breakage once there are cases enough', () => {
    const labels = cases(7, 25).map(({ label }) => label);
    for (const expected of [
      /^well-formed request$/,
      /^path id: /,
      /^body\.\w+: missing$/,
      /^body: invalid JSON/,
      /^body: empty/,
      /^body: sent as /,
      /^body: [\d,]+ levels of /,
      /^body: invalid UTF-8 bytes/,
      /^body: extra key /,
      /^body\.\w+: 1 MB/,
    ]) {
      expect(
        labels.some((label) => expected.test(label)),
        `no case matching ${expected}`,
      ).toBe(true);
    }
  });

  it('reads the routes of Fastify’s printed tree with their full paths, in the OpenAPI spelling', () => {
    const printed = [
      '├── /health (GET, HEAD)',
      '├── /api/v1/contacts (GET, HEAD)',
      '│   └── /:id (GET, HEAD, PATCH)',
      '│       └── /consents (GET, HEAD, POST)',
      '└── /api/v1/calendar/:practitionerId.ics (GET, HEAD)',
    ].join('\n');
    expect(routesOfPrintedTree(printed)).toEqual([
      'GET /health',
      'GET /api/v1/contacts',
      'GET /api/v1/contacts/{id}',
      'PATCH /api/v1/contacts/{id}',
      'GET /api/v1/contacts/{id}/consents',
      'POST /api/v1/contacts/{id}/consents',
      'GET /api/v1/calendar/{practitionerId}.ics',
    ]);
  });
});
