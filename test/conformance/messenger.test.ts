import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MetaMessagingChannel } from '../../src/channels/messenger/meta-messaging-channel.ts';
import { parseMessengerWebhook } from '../../src/channels/messenger/parse-messenger-webhook.ts';
import { filesIn, locateCorpus, unexpectedEntries } from './corpus.ts';

/*
 * Replays Messenger and Instagram webhook bodies, each with a hand-checked `X.expected.json` (shape in
 * shared/conformance/MANIFEST.md). Two sets: the project's own fixtures (fixtures/messenger/, written
 * from Meta's documented shapes, Instagram ones included; always run) and the shared corpus of real
 * payloads (../shared/conformance/messenger/, run whenever it sits beside the repository). Files are
 * read where they live; expected events are a subset match (a key present must match, null included).
 * The channel a body is parsed as comes from its `object`: `page` is Messenger, `instagram` Instagram.
 */

const SHARED_CORPUS = new URL('../../../shared/conformance/messenger/', import.meta.url);
const OWN_FIXTURES = new URL('./fixtures/messenger/', import.meta.url);
const FOLDERS = ['inbound', 'statuses'] as const;

interface Expected {
  events: Record<string, unknown>[];
}

/**
 * Where the parser knowingly differs from a corpus file. The legacy delivery receipt has no time, and
 * the corpus expects `timestamp: null`; the port's `StatusEvent.timestamp` cannot be null (the outbox
 * stores it as the time of the status), so the parser takes the entry's time: Meta sent the receipt
 * then, so the delivery happened by then.
 */
const KNOWN_DIVERGENCES: Readonly<Record<string, { key: string; corpus: unknown; ours: unknown }>> = {
  'statuses/delivery-botman': { key: 'timestamp', corpus: null, ours: '2016-11-27T20:44:47.271Z' },
};

const sharedCorpus = locateCorpus(SHARED_CORPUS, (line) => process.stdout.write(`${line}\n`), {
  name: 'Messenger',
  fixtures: 'fixtures/messenger',
});

describe('Messenger conformance: the project fixtures', () => {
  replay(OWN_FIXTURES);
});

if (sharedCorpus !== null) {
  describe('Messenger conformance: the shared corpus', () => {
    replay(sharedCorpus);

    it.each(Object.entries(KNOWN_DIVERGENCES))('%s still needs its divergence', (name, divergence) => {
      const [folder = '', file = ''] = name.split('/');
      expect(readExpected(sharedCorpus, folder, file).events[0]?.[divergence.key]).toEqual(divergence.corpus);
    });
  });
}

function replay(root: URL): void {
  it('holds only folders this test replays', () => {
    expect(unexpectedEntries(root, FOLDERS)).toEqual([]);
  });

  it.each(FOLDERS)('%s/ has fixtures, each with its expected file and no stray file', (folder) => {
    const files = filesIn(root, folder);
    expect(files.payloads.length, `no fixture in ${new URL(`${folder}/`, root).pathname}`).toBeGreaterThan(0);
    expect(files.payloads.filter((name) => !files.expected.includes(name))).toEqual([]);
    expect(files.expected.filter((name) => !files.payloads.includes(name))).toEqual([]);
    expect(files.stray).toEqual([]);
  });

  for (const folder of FOLDERS) {
    const names = filesIn(root, folder).payloads;
    if (names.length === 0) continue;
    describe(`${folder}/`, () => {
      it.each(names)('%s', (name) => {
        const expected = withDivergences(`${folder}/${name}`, readExpected(root, folder, name));
        const body = readJson(root, folder, `${name}.json`);
        const events = parseMessengerWebhook(body, channelOf(body));
        expect(events).toHaveLength(expected.events.length);
        expect(events).toMatchObject(expected.events);
      });
    });
  }
}

function withDivergences(name: string, expected: Expected): Expected {
  const divergence = KNOWN_DIVERGENCES[name];
  if (divergence === undefined) return expected;
  return { events: expected.events.map((event) => ({ ...event, [divergence.key]: divergence.ours })) };
}

function channelOf(body: unknown): MetaMessagingChannel {
  const object = typeof body === 'object' && body !== null && 'object' in body ? body.object : null;
  return object === 'instagram' ? 'instagram' : 'messenger';
}

function readJson(root: URL, folder: string, file: string): unknown {
  return JSON.parse(readFileSync(new URL(`${folder}/${file}`, root), 'utf8'));
}

function readExpected(root: URL, folder: string, name: string): Expected {
  return readJson(root, folder, `${name}.expected.json`) as Expected;
}
