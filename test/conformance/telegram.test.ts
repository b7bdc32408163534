import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTelegramUpdate } from '../../src/channels/telegram/parse-telegram-update.ts';
import {
  classifyTelegramError,
  parseTelegramApiResponse,
} from '../../src/channels/telegram/telegram-error-policy.ts';
import { filesIn, locateCorpus, unexpectedEntries } from './corpus.ts';

/*
 * Replays Telegram payloads, each with a hand-checked `X.expected.json` (shape: shared/conformance/
 * MANIFEST.md). Two sets, as for WhatsApp: the project's own fixtures (fixtures/telegram/, written from
 * the Bot API documentation, always run) and the shared corpus of real payloads (../shared/conformance/
 * telegram/, run whenever it sits beside the repository). Files are read where they live.
 *
 * `inbound/` holds whole webhook `Update`s; `message-objects/` holds bare `Message` objects, wrapped here
 * as `{update_id, message}` as MANIFEST.md says (their expected files omit `updateId`); `api-responses/`
 * holds Bot API answers, read as `api_response` events and classified by the error policy.
 */

const FOLDERS = ['inbound', 'message-objects', 'api-responses'] as const;
type Folder = (typeof FOLDERS)[number];

const SHARED_CORPUS = new URL('../../../shared/conformance/telegram/', import.meta.url);
const OWN_FIXTURES = new URL('./fixtures/telegram/', import.meta.url);

/** Taps carry no date: the parse time stands in, fixed here. */
const RECEIVED_AT = new Date('2025-01-01T12:00:00.000Z');

/**
 * What the error policy must make of each refusal. A file not listed is still classified (it must not
 * throw and must say retry, fail or unknown), so a new fixture is tested before it is listed.
 */
const DISPOSITIONS: Readonly<Record<string, { disposition: string; reason?: string }>> = {
  'error-409-conflict-teloxide': { disposition: 'fail' },
  'error-bot-blocked-teloxide': { disposition: 'fail' },
  'error-migrate-to-chat-teloxide': { disposition: 'fail' },
  'error-retry-after-teloxide': { disposition: 'retry', reason: 'throttled_pair' },
  'error-400-chat-not-found': { disposition: 'fail' },
  'error-401-unauthorized': { disposition: 'fail', reason: 'token_invalid' },
  'error-403-bot-blocked': { disposition: 'fail' },
  'error-429-retry-after': { disposition: 'retry', reason: 'throttled_pair' },
};

interface Expected {
  events: unknown[];
}

const sharedCorpus = locateCorpus(SHARED_CORPUS, (line) => process.stdout.write(`${line}\n`), {
  name: 'Telegram',
  fixtures: 'fixtures/telegram',
});

describe('Telegram conformance: the project fixtures', () => {
  replay(OWN_FIXTURES);
});

if (sharedCorpus !== null) {
  describe('Telegram conformance: the shared corpus', () => {
    replay(sharedCorpus);
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
        const expected = readJson(root, folder, `${name}.expected.json`) as Expected;
        const events = eventsOf(folder, readJson(root, folder, `${name}.json`));
        expect(events).toHaveLength(expected.events.length);
        expect(events).toMatchObject(expected.events);
      });
    });
  }

  const refusals = filesIn(root, 'api-responses').payloads.filter(
    (name) => parseTelegramApiResponse(readJson(root, 'api-responses', `${name}.json`))?.ok === false,
  );
  if (refusals.length > 0) {
    describe('api-responses/ through the error policy', () => {
      it.each(refusals)('%s', (name) => {
        const answer = parseTelegramApiResponse(readJson(root, 'api-responses', `${name}.json`));
        if (answer === null) throw new Error(`${name} is not a Bot API answer`);
        const outcome = classifyTelegramError(answer.errorCode, answer);
        expect(['retry', 'fail', 'unknown']).toContain(outcome.disposition);
        const wanted = DISPOSITIONS[name];
        if (wanted !== undefined) expect(outcome).toMatchObject(wanted);
        if (answer.migrateToChatId !== null) expect(outcome.detail).toContain(String(answer.migrateToChatId));
      });
    });
  }
}

function eventsOf(folder: Folder, body: unknown): unknown[] {
  const receivedAt = () => RECEIVED_AT;
  switch (folder) {
    case 'inbound':
      return parseTelegramUpdate(body, receivedAt);
    case 'message-objects':
      return parseTelegramUpdate({ update_id: 1, message: body }, receivedAt);
    case 'api-responses':
      return [parseTelegramApiResponse(body)];
  }
}

function readJson(root: URL, folder: string, file: string): unknown {
  return JSON.parse(readFileSync(new URL(`${folder}/${file}`, root), 'utf8'));
}
