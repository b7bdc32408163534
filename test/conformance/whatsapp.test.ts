import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGraphResponse } from '../../src/channels/whatsapp/parse-graph-response.ts';
import { parseWhatsAppWebhook } from '../../src/channels/whatsapp/parse-webhook.ts';

/*
 * Replays the shared conformance corpus (real payloads from permissively licensed SDKs, each with a
 * hand-checked `X.expected.json`; see shared/conformance/MANIFEST.md). Files are read where they live,
 * so a fixture added to a folder is tested without touching this file. Expected events are a subset
 * match: a key present must match exactly (null included), a key absent is not asserted.
 */

const CORPUS = new URL('../../../shared/conformance/whatsapp/', import.meta.url);
const WEBHOOK_FOLDERS = ['inbound', 'statuses', 'other'];
const GRAPH_FOLDER = 'graph-responses';

interface Expected {
  events: unknown[];
  notes?: string[];
}

function fixturesIn(folder: string): string[] {
  return readdirSync(new URL(`${folder}/`, CORPUS))
    .filter((name) => name.endsWith('.json') && !name.endsWith('.expected.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}

function hasExpected(folder: string, name: string): boolean {
  return readdirSync(new URL(`${folder}/`, CORPUS)).includes(`${name}.expected.json`);
}

function readJson(folder: string, file: string): unknown {
  return JSON.parse(readFileSync(new URL(`${folder}/${file}`, CORPUS), 'utf8'));
}

function readExpected(folder: string, name: string): Expected {
  return readJson(folder, `${name}.expected.json`) as Expected;
}

describe('WhatsApp conformance corpus', () => {
  it.each([...WEBHOOK_FOLDERS, GRAPH_FOLDER])('%s/ has fixtures, each with an expected file', (folder) => {
    const names = fixturesIn(folder);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => !hasExpected(folder, name))).toEqual([]);
  });

  for (const folder of WEBHOOK_FOLDERS) {
    describe(`${folder}/`, () => {
      const names = fixturesIn(folder).filter((name) => hasExpected(folder, name));
      it.each(names)('%s', (name) => {
        const expected = readExpected(folder, name);
        const events = parseWhatsAppWebhook(readJson(folder, `${name}.json`));
        expect(events).toHaveLength(expected.events.length);
        expect(events).toMatchObject(expected.events);
      });
    });
  }

  describe(`${GRAPH_FOLDER}/`, () => {
    const names = fixturesIn(GRAPH_FOLDER).filter((name) => hasExpected(GRAPH_FOLDER, name));
    it.each(names)('%s', (name) => {
      const expected = readExpected(GRAPH_FOLDER, name);
      const body = readJson(GRAPH_FOLDER, `${name}.json`);
      // The HTTP status is not part of the corpus; Graph answers errors with a 4xx and an `error` object.
      const status = typeof body === 'object' && body !== null && 'error' in body ? 400 : 200;
      const events = [parseGraphResponse(status, body)];
      expect(events).toHaveLength(expected.events.length);
      expect(events).toMatchObject(expected.events);
    });
  });
});
