import { describe, expect, it } from 'vitest';
import { decodeFormFields } from '../../src/channels/form-fields.ts';
import { parseSmsWebhook } from '../../src/channels/sms/parse-sms-webhook.ts';
import { countSmsSegments } from '../../src/channels/sms/sms-segments.ts';
import { classifyTwilioError, parseTwilioError } from '../../src/channels/sms/twilio-error-policy.ts';
import { corpusCases, corpusFolderProblems, unexpectedEntries } from './corpus.ts';

/*
 * Replays Twilio Messaging webhooks and REST error bodies, each with a hand-checked `X.expected.json`.
 * There is no shared SMS corpus: these are the project's own fixtures (fixtures/sms/), written from
 * Twilio's documentation ("TwiML for Programmable Messaging" request parameters, "Outbound message
 * status in status callbacks", the error dictionary). A webhook is kept as Twilio puts it on the wire,
 * the form-encoded body as one JSON string, and read as the route reads it. Expected events are a
 * subset match (a key present must match, null included); a patient's text also says how many SMS
 * it counts as.
 */

const FOLDERS = ['inbound', 'statuses', 'api-responses'] as const;
const OWN_FIXTURES = new URL('./fixtures/sms/', import.meta.url);
/** Twilio's inbound webhooks carry no time: the events are dated when read. */
const NOW = new Date('2025-03-04T08:30:00.000Z');

interface ExpectedEvents {
  events: Record<string, unknown>[];
  segments?: { encoding: string; segments: number };
}

interface ExpectedError {
  httpStatus: number;
  error: Record<string, unknown>;
  outcome: Record<string, unknown>;
}

describe('SMS conformance: the project fixtures (fixtures/sms/)', () => {
  it('holds only folders this test replays, each with fixtures and their expected files, nothing else', () => {
    expect(unexpectedEntries(OWN_FIXTURES, FOLDERS)).toEqual([]);
    expect(FOLDERS.flatMap((folder) => corpusFolderProblems(OWN_FIXTURES, folder))).toEqual([]);
  });

  const cases = corpusCases(OWN_FIXTURES, FOLDERS);
  const webhooks = cases.filter((item) => item.folder !== 'api-responses');
  it.each(webhooks.map((item) => [`${item.folder}/${item.name}`, item] as const))('%s', (_label, item) => {
    if (typeof item.body !== 'string')
      throw new Error('a webhook fixture is its form-encoded body, as a string');
    const expected = item.expected as ExpectedEvents;
    const events = parseSmsWebhook(decodeFormFields(item.body), { now: NOW });
    expect(events).toHaveLength(expected.events.length);
    expect(events).toMatchObject(expected.events);
    if (expected.segments) {
      const [event] = events;
      const text = event?.kind === 'message' ? (event.text ?? '') : '';
      expect(countSmsSegments(text)).toMatchObject(expected.segments);
    }
  });

  const refusals = cases.filter((item) => item.folder === 'api-responses');
  it.each(refusals.map((item) => [`api-responses/${item.name}`, item] as const))(
    '%s through the error policy',
    (_label, item) => {
      const expected = item.expected as ExpectedError;
      const error = parseTwilioError(item.body);
      expect(error).toEqual(expected.error);
      if (error === null) return;
      expect(classifyTwilioError(expected.httpStatus, error)).toMatchObject(expected.outcome);
    },
  );
});
