import { describe, expect, it } from 'vitest';
import { parseViberWebhook } from '../../src/channels/viber/parse-viber-webhook.ts';
import { readViberJson } from '../../src/channels/viber/read-viber-json.ts';
import { classifyViberStatus, parseViberApiResponse } from '../../src/channels/viber/viber-error-policy.ts';
import { corpusCases, corpusFolderProblems, locateCorpus, unexpectedEntries } from './corpus.ts';

/*
 * Replays Viber callbacks and REST Bot API answers, each with a hand-checked `X.expected.json` (shape:
 * shared/conformance/MANIFEST.md). Two sets, as for LINE: the project's own fixtures (fixtures/viber/,
 * written from the REST Bot API reference, always run) and the shared corpus of real payloads
 * (../shared/conformance/viber/, run whenever it sits beside the repository). Files are read where they
 * live, with readViberJson as Careline reads a delivery: a `message_token` beyond 2^53 keeps its digits.
 * Expected events are a subset match (a key present must match, null included).
 */

const FOLDERS = ['inbound', 'statuses', 'api-responses'] as const;

const SHARED_CORPUS = new URL('../../../shared/conformance/viber/', import.meta.url);
const OWN_FIXTURES = new URL('./fixtures/viber/', import.meta.url);

interface Expected {
  events: Record<string, unknown>[];
}

/** What the error policy must make of each refusal; a refusal not listed is still classified. */
const DISPOSITIONS: Readonly<Record<string, { disposition: string; reason?: string }>> = {
  'send-not-subscribed': { disposition: 'fail' },
  'send-invalid-token': { disposition: 'fail', reason: 'token_invalid' },
  'send-rate-limited': { disposition: 'retry', reason: 'throttled_number' },
  'send-free-quota-used': { disposition: 'fail' },
};

const sharedCorpus = locateCorpus(SHARED_CORPUS, (line) => process.stdout.write(`${line}\n`), {
  name: 'Viber',
  fixtures: 'fixtures/viber',
});

describe('Viber conformance: the project fixtures', () => {
  replay(OWN_FIXTURES);
});

if (sharedCorpus !== null) {
  describe('Viber conformance: the shared corpus', () => {
    replay(sharedCorpus);
  });
}

function replay(root: URL): void {
  it('holds only folders this test replays, each with fixtures and their expected files, nothing else', () => {
    expect(unexpectedEntries(root, FOLDERS)).toEqual([]);
    expect(FOLDERS.flatMap((folder) => corpusFolderProblems(root, folder))).toEqual([]);
  });

  const cases = corpusCases(root, FOLDERS, readViberJson);
  it.each(cases.map((item) => [`${item.folder}/${item.name}`, item] as const))('%s', (_label, item) => {
    const expected = item.expected as Expected;
    const events =
      item.folder === 'api-responses' ? [parseViberApiResponse(item.body)] : parseViberWebhook(item.body);
    expect(events).toHaveLength(expected.events.length);
    expect(events).toMatchObject(expected.events);
  });

  const refusals = cases.filter(
    (item) => item.folder === 'api-responses' && parseViberApiResponse(item.body)?.ok === false,
  );
  if (refusals.length === 0) return;
  describe('refusals through the error policy', () => {
    it.each(refusals.map((item) => [item.name, item.body] as const))('%s', (name, body) => {
      const answer = parseViberApiResponse(body);
      if (answer === null) throw new Error(`${name} is not a Viber answer`);
      const outcome = classifyViberStatus(answer);
      expect(['retry', 'fail', 'unknown']).toContain(outcome.disposition);
      expect(outcome.code).toBe(answer.status);
      const wanted = DISPOSITIONS[name];
      if (wanted !== undefined) expect(outcome).toMatchObject(wanted);
    });
  });
}
