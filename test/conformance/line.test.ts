import { describe, expect, it } from 'vitest';
import { classifyLineError, parseLineErrorResponse } from '../../src/channels/line/line-error-policy.ts';
import { parseLineWebhook } from '../../src/channels/line/parse-line-webhook.ts';
import {
  corpusCases,
  corpusFolderProblems,
  locateCorpus,
  readCorpusJson,
  unexpectedEntries,
} from './corpus.ts';

/*
 * Replays LINE webhook bodies and Messaging API error bodies, each with a hand-checked `X.expected.json`
 * (shape: shared/conformance/MANIFEST.md). Two sets, as for Telegram: the project's own fixtures
 * (fixtures/line/, written from the Messaging API reference, always run) and the shared corpus of real
 * payloads (../shared/conformance/line/, run whenever it sits beside the repository). Files are read where
 * they live; expected events are a subset match (a key present must match, null included).
 */

const FOLDERS = ['inbound', 'api-responses'] as const;

const SHARED_CORPUS = new URL('../../../shared/conformance/line/', import.meta.url);
const OWN_FIXTURES = new URL('./fixtures/line/', import.meta.url);

interface Expected {
  events: Record<string, unknown>[];
}

/** What the port says a message without a person is: nobody Careline could answer, so not a message. */
const NO_USER_ID = {
  kind: 'other',
  rawType: 'message',
  reason: 'message without a user id',
  fromPatient: true,
  externalId: '325708',
};

/**
 * Where the parser knowingly differs from a corpus file, by `folder/file#event`. The corpus keeps a
 * message whose source names no user (a group member who has not shared their id, an unknown source
 * type) as a message from `id: null`; the port's sender always has an id, and Careline could neither
 * file such a message under a patient nor answer it, so it is an `other` event, reported as a patient's.
 * A postback has no message id; the corpus expects `externalId: null`, the parser gives the event's
 * `webhookEventId` (LINE's key to tell redeliveries apart) where there is one.
 */
const KNOWN_DIVERGENCES: Readonly<Record<string, { corpus: Record<string, unknown>; ours: object }>> = {
  'inbound/text-group-standby-java#0': { corpus: { kind: 'message', from: { id: null } }, ours: NO_USER_ID },
  'inbound/unknown-event-and-message-java#1': {
    corpus: { kind: 'message', from: { id: null } },
    ours: { ...NO_USER_ID, conversation: { type: 'unknownunknownuknown', id: null } },
  },
  'inbound/batch-28-events-python#1': {
    corpus: { kind: 'message', from: { id: null } },
    ours: { ...NO_USER_ID, conversation: { type: 'room', id: 'Ra8dbf4673c4c812cd491258042226c99' } },
  },
  ...Object.fromEntries(
    [10, 16, 17, 18].map((i) => [
      `inbound/batch-28-events-python#${i}`,
      { corpus: { externalId: null }, ours: { externalId: 'testwebhookeventid' } },
    ]),
  ),
};

/**
 * What the error policy must make of each refusal, with the HTTP status LINE answers it with. A file not
 * listed is still classified (as a 400), so a new fixture is tested before it is listed.
 */
const DISPOSITIONS: Readonly<Record<string, { status: number; disposition: string; reason?: string }>> = {
  'error-invalid-reply-token-python': { status: 400, disposition: 'fail' },
  'error-with-details-python': { status: 400, disposition: 'fail' },
  'error-400-invalid-reply-token': { status: 400, disposition: 'fail' },
  'error-400-text-too-long': { status: 400, disposition: 'fail' },
  'error-401-invalid-token': { status: 401, disposition: 'fail', reason: 'token_invalid' },
  'error-429-monthly-limit': { status: 429, disposition: 'fail' },
  'error-429-rate-limit': { status: 429, disposition: 'retry', reason: 'throttled_number' },
};

const sharedCorpus = locateCorpus(SHARED_CORPUS, (line) => process.stdout.write(`${line}\n`), {
  name: 'LINE',
  fixtures: 'fixtures/line',
});

describe('LINE conformance: the project fixtures', () => {
  replay(OWN_FIXTURES);
});

if (sharedCorpus !== null) {
  describe('LINE conformance: the shared corpus', () => {
    replay(sharedCorpus);

    it.each(Object.entries(KNOWN_DIVERGENCES))('%s still needs its divergence', (name, divergence) => {
      const [file = '', index = '0'] = name.split('#');
      const [folder = '', base = ''] = file.split('/');
      const expected = readCorpusJson(sharedCorpus, folder, `${base}.expected.json`) as Expected;
      expect(expected.events[Number(index)]).toMatchObject(divergence.corpus);
    });
  });
}

function replay(root: URL): void {
  it('holds only folders this test replays, each with fixtures and their expected files, nothing else', () => {
    expect(unexpectedEntries(root, FOLDERS)).toEqual([]);
    expect(FOLDERS.flatMap((folder) => corpusFolderProblems(root, folder))).toEqual([]);
  });

  const cases = corpusCases(root, FOLDERS);
  it.each(cases.map((item) => [`${item.folder}/${item.name}`, item] as const))('%s', (label, item) => {
    const expected = withDivergences(label, item.expected as Expected);
    const events =
      item.folder === 'inbound' ? parseLineWebhook(item.body) : [parseLineErrorResponse(item.body)];
    expect(events).toHaveLength(expected.events.length);
    expect(events).toMatchObject(expected.events);
  });

  const refusals = cases.filter((item) => item.folder === 'api-responses');
  describe('api-responses/ through the error policy', () => {
    it.each(refusals.map((item) => [item.name, item.body] as const))('%s', (name, body) => {
      const answer = parseLineErrorResponse(body);
      if (answer === null) throw new Error(`${name} is not a Messaging API error body`);
      const wanted = DISPOSITIONS[name];
      const outcome = classifyLineError(wanted?.status ?? 400, answer);
      expect(['retry', 'fail', 'unknown']).toContain(outcome.disposition);
      if (wanted !== undefined) {
        const { status: _status, ...disposition } = wanted;
        expect(outcome).toMatchObject(disposition);
      }
      for (const detail of answer.details) expect(outcome.detail).toContain(detail.property ?? '');
    });
  });
}

/** The expected events with each divergence's own values in place of the corpus's. */
function withDivergences(name: string, expected: Expected): Expected {
  return {
    events: expected.events.map((event, i) => {
      const divergence = KNOWN_DIVERGENCES[`${name}#${i}`];
      if (divergence === undefined) return event;
      if ('kind' in divergence.ours)
        return { channel: event.channel, accountId: event.accountId, ...divergence.ours };
      return { ...event, ...divergence.ours };
    }),
  };
}
