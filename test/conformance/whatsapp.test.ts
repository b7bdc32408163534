import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGraphResponse } from '../../src/channels/whatsapp/parse-graph-response.ts';
import { parseWhatsAppWebhook } from '../../src/channels/whatsapp/parse-webhook.ts';
import { CORPUS_FOLDERS, type CorpusFolder, filesIn, locateCorpus, unexpectedEntries } from './corpus.ts';

/*
 * Replays WhatsApp payloads, each with a hand-checked `X.expected.json` (the shape is specified in
 * shared/conformance/MANIFEST.md). Two sets: the project's own fixtures (fixtures/whatsapp/, always run,
 * so a fresh clone tests something) and the shared corpus of real payloads from permissively licensed
 * SDKs (../shared/conformance/whatsapp/, run whenever it sits beside the repository, as it does in CI).
 * Files are read where they live, so a fixture added to a folder is tested without touching this file.
 * Expected events are a subset match: a key present must match exactly (null included), a key absent is
 * not asserted.
 */

const SHARED_CORPUS = new URL('../../../shared/conformance/whatsapp/', import.meta.url);
const OWN_FIXTURES = new URL('./fixtures/whatsapp/', import.meta.url);

interface Expected {
  events: unknown[];
  notes?: string[];
}

const sharedCorpus = locateCorpus(SHARED_CORPUS, (line) => process.stdout.write(`${line}\n`));

describe('WhatsApp conformance: the project fixtures', () => {
  replay(OWN_FIXTURES);
});

if (sharedCorpus !== null) {
  describe('WhatsApp conformance: the shared corpus', () => {
    replay(sharedCorpus);
  });
}

function replay(root: URL): void {
  it('holds only folders this test replays', () => {
    expect(unexpectedEntries(root)).toEqual([]);
  });

  it.each(CORPUS_FOLDERS)('%s/ has fixtures, each with its expected file and no stray file', (folder) => {
    const files = filesIn(root, folder);
    expect(files.payloads.length, `no fixture in ${new URL(`${folder}/`, root).pathname}`).toBeGreaterThan(0);
    expect(files.payloads.filter((name) => !files.expected.includes(name))).toEqual([]);
    expect(files.expected.filter((name) => !files.payloads.includes(name))).toEqual([]);
    expect(files.stray).toEqual([]);
  });

  for (const folder of CORPUS_FOLDERS) {
    const names = filesIn(root, folder).payloads;
    if (names.length === 0) continue;
    describe(`${folder}/`, () => {
      it.each(names)('%s', (name) => {
        const expected = readExpected(root, folder, name);
        const events = eventsOf(folder, readJson(root, folder, `${name}.json`));
        expect(events).toHaveLength(expected.events.length);
        expect(events).toMatchObject(expected.events);
      });
    });
  }
}

function eventsOf(folder: CorpusFolder, body: unknown): unknown[] {
  if (folder !== 'graph-responses') return parseWhatsAppWebhook(body);
  // The HTTP status is not part of the corpus; Graph answers errors with a 4xx and an `error` object.
  const status = typeof body === 'object' && body !== null && 'error' in body ? 400 : 200;
  return [parseGraphResponse(status, body)];
}

function readJson(root: URL, folder: string, file: string): unknown {
  return JSON.parse(readFileSync(new URL(`${folder}/${file}`, root), 'utf8'));
}

function readExpected(root: URL, folder: string, name: string): Expected {
  return readJson(root, folder, `${name}.expected.json`) as Expected;
}
