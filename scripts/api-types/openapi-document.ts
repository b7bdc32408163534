/**
 * Careline's OpenAPI document as `GET /api/v1/openapi.json` serves it, read without a network: the app
 * is built on an in-memory PGlite and asked through Fastify's `inject`, so no port is opened.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { buildCareline } from '../../src/app.ts';
import { FieldCipher } from '../../src/platform/crypto/field-cipher.ts';
import { createDb } from '../../src/platform/db/create-db.ts';
import { LocalEncryptedMediaStore } from '../../src/platform/media/local-encrypted-media-store.ts';

export interface OpenApiDocument {
  components: { schemas: Record<string, object> };
}

export async function loadOpenApiDocument(): Promise<OpenApiDocument> {
  const handle = await createDb({ engine: 'pglite' });
  const mediaDir = mkdtempSync(join(tmpdir(), 'careline-openapi-'));
  try {
    await handle.migrate();
    const fieldCipher = FieldCipher.forKey(randomBytes(32));
    const careline = await buildCareline({
      db: handle.db,
      engine: 'pglite',
      logger: pino({ level: 'silent' }),
      // Never called: the document is read before anything is sent.
      whatsapp: { graphUrl: 'http://127.0.0.1:9', apiVersion: 'v25.0' },
      mediaStore: new LocalEncryptedMediaStore({ root: mediaDir, cipher: fieldCipher }),
      fieldCipher,
      webDistDir: false,
    });
    try {
      const response = await careline.http.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      if (response.statusCode !== 200) {
        throw new Error(`GET /api/v1/openapi.json answered ${response.statusCode}: ${response.body}`);
      }
      return parseDocument(response.json());
    } finally {
      await careline.close();
    }
  } finally {
    await handle.close();
    rmSync(mediaDir, { recursive: true, force: true });
  }
}

function parseDocument(body: unknown): OpenApiDocument {
  if (typeof body === 'object' && body !== null && 'components' in body) {
    const { components } = body;
    if (typeof components === 'object' && components !== null && 'schemas' in components) {
      const { schemas } = components;
      if (typeof schemas === 'object' && schemas !== null) {
        return { components: { schemas: Object.fromEntries(Object.entries(schemas)) } };
      }
    }
  }
  throw new Error('the OpenAPI document has no components.schemas');
}
