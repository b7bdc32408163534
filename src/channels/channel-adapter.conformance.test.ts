import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  HOSTILE_NUMBERS,
  HOSTILE_STRINGS,
  HUGE_STRINGS,
  WRONG_TYPES,
} from '../../test/fuzz/hostile-values.ts';
import { isPlainObject, type JsonPath, leaves, removeAt, setAt } from '../../test/fuzz/json-paths.ts';
import { deeplyNested, JsonEntries, jsonText, RawJson } from '../../test/fuzz/json-text.ts';
import { createChannelAdapters } from '../channel-adapters.ts';
import type { AdapterFixture } from './adapter-fixture.test-support.ts';
import type { ChannelAdapter, WebhookRequest } from './channel-adapter.ts';
import { inboundEventProblems } from './inbound-event.shape.test-support.ts';
import type { InboundEvent } from './inbound-event.ts';
import { type OutboundMessage, type OutboundMessageType, outboundMessageSchema } from './outbound-message.ts';

/*
 * One suite for every adapter on the channel port (channel-adapter.ts), as Hono runs one test suite
 * against every runtime adapter: it goes over the registry (src/channel-adapters.ts), so an adapter
 * registered there is tested here without a line added, and the suite fails until the adapter's folder
 * supplies its fixture (adapter-fixture.test-support.ts says what one holds). Per-adapter specifics live
 * in the fixtures; every assertion here holds for all adapters alike:
 *
 * - verify accepts a delivery signed as the provider signs it, refuses a missing, altered or foreign
 *   signature (and a body altered after signing, where the provider signs the body), never throws;
 * - parse never throws, whatever the body (not JSON's types, deeply nested, NULs, 1 MB strings, every
 *   field of a sample missing or of another type), and returns channel-neutral events only: of the
 *   InboundEvent shape, storable, JSON, of its own channel, their reasons quoting nothing a patient wrote;
 * - parse is deterministic and leaves the body alone; a sample's messages have an id, a sender and a time;
 * - accountKeys finds the sample's account; the account schemas accept the fixture account and name a
 *   missing or blank secret;
 * - check accepts a message at each limit the capabilities state (and the shared outbound schema takes it
 *   too) and refuses one past it, or of a type the adapter cannot send;
 * - capabilities and window policy are consistent with each other and with the port.
 */

// --- The fixtures -------------------------------------------------------------------------------------

/** Every `adapterFixtures` export of a `<name>.adapter-fixture.test-support.ts` in a channel's folder. */
async function findFixtures(): Promise<{
  files: string[];
  withoutExport: string[];
  fixtures: AdapterFixture[];
}> {
  const root = new URL('./', import.meta.url);
  const files = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((folder) =>
      readdirSync(new URL(`${folder.name}/`, root))
        .filter((name) => name.endsWith(FIXTURE_SUFFIX))
        .map((name) => `${folder.name}/${name}`),
    )
    .sort();
  const withoutExport: string[] = [];
  const fixtures: AdapterFixture[] = [];
  for (const file of files) {
    const module: { adapterFixtures?: readonly AdapterFixture[] } = await import(new URL(file, root).href);
    if (module.adapterFixtures === undefined) withoutExport.push(file);
    else fixtures.push(...module.adapterFixtures);
  }
  return { files, withoutExport, fixtures };
}

// --- Capabilities -------------------------------------------------------------------------------------

const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'] as const;

function capabilityTests(adapter: ChannelAdapter): void {
  const { capabilities: shows, window } = adapter;
  const positive = (value: number) => Number.isSafeInteger(value) && value > 0;

  it('states positive whole limits', () => {
    expect(positive(shows.textLength), 'textLength').toBe(true);
    // 0: the channel carries no caption at all.
    expect(Number.isSafeInteger(shows.captionLength) && shows.captionLength >= 0, 'captionLength').toBe(true);
    for (const [name, limits] of Object.entries({
      buttons: shows.buttons,
      quickReplies: shows.quickReplies,
    })) {
      if (limits === null) continue;
      for (const [key, value] of Object.entries(limits)) expect(positive(value), `${name}.${key}`).toBe(true);
    }
    if (shows.list !== null) {
      const { rowDescriptionLength, ...rest } = shows.list;
      for (const [key, value] of Object.entries(rest)) expect(positive(value), `list.${key}`).toBe(true);
      expect(Number.isSafeInteger(rowDescriptionLength) && rowDescriptionLength >= 0).toBe(true);
    }
    for (const [kind, media] of Object.entries(shows.media)) {
      expect(positive(media.maxBytes), `media.${kind}.maxBytes`).toBe(true);
      if (media.mimeTypes !== null) {
        expect(media.mimeTypes.length, `media.${kind}.mimeTypes`).toBeGreaterThan(0);
        for (const type of media.mimeTypes) expect(type).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
      }
    }
  });

  it('sends at least one type, each a type of the outbound message, once', () => {
    expect(shows.outboundTypes.length).toBeGreaterThan(0);
    expect(new Set(shows.outboundTypes).size).toBe(shows.outboundTypes.length);
    for (const type of shows.outboundTypes) expect(OUTBOUND_TYPES).toContain(type);
  });

  it('states limits for what it sends, and says alike what its flags and types say', () => {
    const sends = (type: OutboundMessageType) => shows.outboundTypes.includes(type);
    if (sends('buttons')) expect(shows.buttons, 'buttons are sent but have no limits').not.toBeNull();
    for (const type of MEDIA_TYPES) {
      if (sends(type)) expect(shows.media[type], `${type} is sent but has no media limits`).toBeDefined();
    }
    expect(sends('template'), 'templates and the template type').toBe(shows.templates);
    expect(sends('reaction'), 'reactions and the reaction type').toBe(shows.reactions);
    expect(adapter.outbound.markRead !== undefined, 'readReceipts and markRead').toBe(shows.readReceipts);
  });

  it('has a well-formed window policy', () => {
    if (window.kind === 'none') return;
    expect(window.kind).toBe('session');
    expect(positive(window.hours), 'hours').toBe(true);
    expect(['templates', 'human_agent_tag', 'nothing']).toContain(window.after);
    if (window.after === 'human_agent_tag') expect(window.tagHours).toBeGreaterThan(window.hours);
    // After the window, templates: then the channel has them.
    if (window.after === 'templates') expect(shows.templates).toBe(true);
  });
}

// --- Account schemas ----------------------------------------------------------------------------------

function accountSchemaTests(adapter: ChannelAdapter, fixture: AdapterFixture): void {
  const { settings, secrets } = adapter.accountSchemas;
  const secretsRecord = fixture.account.secrets as Record<string, unknown>;

  it('accept the fixture account', () => {
    expect(settings.safeParse(fixture.account.settings).error).toBeUndefined();
    expect(secrets.safeParse(fixture.account.secrets).error).toBeUndefined();
  });

  it('accept settings that also hold Careline’s own (the default team, read receipts)', () => {
    const withOwn = {
      ...(fixture.account.settings as object),
      defaultTeamId: '6f1c2e3d-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
      markAsRead: false,
    };
    expect(settings.safeParse(withOwn).error).toBeUndefined();
  });

  it.each(Object.keys(secretsRecord))('refuse the secrets without %s, naming it', (key) => {
    const { [key]: _left, ...rest } = secretsRecord;
    const result = secrets.safeParse(rest);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual([key]);
  });

  it.each(Object.keys(secretsRecord))('refuse a blank %s, naming it', (key) => {
    const result = secrets.safeParse({ ...secretsRecord, [key]: '' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual([key]);
  });
}

// --- Verify and handshake -----------------------------------------------------------------------------

/** The same secrets, each string changed: another account's, or a guess. */
function otherSecrets(secrets: unknown): unknown {
  return Object.fromEntries(
    Object.entries(secrets as Record<string, unknown>).map(([key, value]) => [
      key,
      typeof value === 'string' ? `${value}x` : value,
    ]),
  );
}

function blankSecrets(secrets: unknown): unknown {
  return Object.fromEntries(
    Object.entries(secrets as Record<string, unknown>).map(([key, value]) => [
      key,
      typeof value === 'string' ? '' : value,
    ]),
  );
}

/** The text with its last character changed (or one added to an empty one). */
function alteredText(text: string): string {
  if (text === '') return 'x';
  const last = text.at(-1);
  return `${text.slice(0, -1)}${last === '0' ? '1' : '0'}`;
}

function verifyTests(adapter: ChannelAdapter, fixture: AdapterFixture): void {
  const secrets = fixture.account.secrets;
  const [firstName, firstSample] = Object.entries(fixture.samples)[0] ?? [];
  const body = Buffer.from(jsonText(firstSample));
  const headers = fixture.sign(body, secrets);
  const verify = (request: WebhookRequest, with_ = secrets) =>
    adapter.webhook.verify({ ...request, url: request.url ?? fixture.webhookUrl }, with_);

  it.each(Object.keys(fixture.samples))('accepts the sample "%s" signed as the provider signs it', (name) => {
    const raw = Buffer.from(jsonText(fixture.samples[name]));
    expect(verify({ headers: fixture.sign(raw, secrets), rawBody: raw })).toEqual({ ok: true });
  });

  it('accepts the signed headers whatever the case of their names', () => {
    const upper = Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name.toUpperCase(), value]),
    );
    expect(verify({ headers: upper, rawBody: body })).toEqual({ ok: true });
  });

  const refusals: Array<[string, WebhookRequest, unknown]> = [
    ['no header at all', { headers: {}, rawBody: body }, secrets],
    [
      'signed with other secrets',
      { headers: fixture.sign(body, otherSecrets(secrets)), rawBody: body },
      secrets,
    ],
    ['checked with other secrets', { headers, rawBody: body }, otherSecrets(secrets)],
    [
      'blank secrets, the request signed with them too',
      { headers: fixture.sign(body, blankSecrets(secrets)), rawBody: body },
      blankSecrets(secrets),
    ],
  ];
  for (const [name, value] of Object.entries(headers)) {
    const { [name]: _left, ...others } = headers;
    refusals.push([`without ${name}`, { headers: others, rawBody: body }, secrets]);
    refusals.push([
      `${name} altered`,
      { headers: { ...headers, [name]: alteredText(value) }, rawBody: body },
      secrets,
    ]);
    const hostile = {
      empty: '',
      blank: '   ',
      NUL: '\u0000',
      'non-ASCII': 'é€😀',
      '100,000 characters': 'f'.repeat(100_000),
      'its first half': value.slice(0, Math.floor(value.length / 2)),
      'itself twice': `${value}${value}`,
      'itself, then a comma and itself': `${value},${value}`,
    };
    for (const [label, hostileValue] of Object.entries(hostile)) {
      refusals.push([
        `${name}: ${label}`,
        { headers: { ...headers, [name]: hostileValue }, rawBody: body },
        secrets,
      ]);
    }
  }

  it.each(refusals)('refuses a request with %s, saying why', (_label, request, with_) => {
    const verdict = verify(request, with_);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.reason).not.toBe('');
  });

  if (fixture.signsBody) {
    it.each([
      ['a byte appended', Buffer.concat([body, Buffer.from(' ')])],
      ['a byte changed', Buffer.from(alteredText(body.toString('utf8')))],
      ['an empty body', Buffer.alloc(0)],
      ['another sample', Buffer.from(jsonText(Object.values(fixture.samples)[1] ?? {}))],
    ])(`refuses the sample "${firstName}" with %s after signing`, (_label, changed) => {
      expect(verify({ headers, rawBody: changed }).ok).toBe(false);
    });
  } else {
    it('does not sign the body, as its fixture says: a changed body with the right secret passes', () => {
      expect(verify({ headers, rawBody: Buffer.concat([body, Buffer.from(' ')]) })).toEqual({ ok: true });
    });
  }
}

function handshakeTests(adapter: ChannelAdapter, fixture: AdapterFixture): void {
  const handshake = adapter.webhook.handshake;
  if (handshake === undefined) {
    it('has none, and its fixture describes none', () => {
      expect(fixture.handshake).toBeUndefined();
    });
    return;
  }
  const given = fixture.handshake?.(fixture.account.secrets);

  it('is described by its fixture', () => {
    expect(
      given,
      'the adapter answers a handshake: its fixture must say what the provider sends',
    ).toBeDefined();
  });
  if (given === undefined) return;
  const { query, answer } = given;
  const secrets = fixture.account.secrets;

  it('answers the provider’s query for the account', () => {
    expect(handshake(query, secrets)).toBe(answer);
  });

  it('refuses the query with other secrets, blank secrets, or nothing', () => {
    expect(handshake(query, otherSecrets(secrets))).toBeNull();
    expect(handshake(query, blankSecrets(secrets))).toBeNull();
    expect(handshake({}, secrets)).toBeNull();
  });

  it.each(Object.keys(query))('refuses the query without %s, or with it altered', (key) => {
    const { [key]: _left, ...rest } = query;
    expect(handshake(rest, secrets)).toBeNull();
    const altered = handshake({ ...query, [key]: alteredText(query[key] ?? '') }, secrets);
    // Altering the challenge changes what is echoed; anything else refuses.
    if (altered !== null) expect(altered).not.toBe(answer);
  });

  it.each(Object.keys(query))('never echoes markup, control characters or a huge %s', (key) => {
    for (const hostile of [
      '<script>alert(1)</script>',
      'a\u0000b',
      'a\r\nSet-Cookie: x=1',
      'x'.repeat(100_000),
    ]) {
      const echoed = handshake({ ...query, [key]: hostile }, secrets);
      expect(echoed === null || echoed === answer, JSON.stringify(hostile.slice(0, 40))).toBe(true);
    }
  });
}

// --- Parse and accountKeys ----------------------------------------------------------------------------

/** Strings of a body that read as words (a space, 8 characters or more): what a reason must not quote. */
function freeTexts(body: unknown): string[] {
  const texts: string[] = [];
  const pending: Array<[unknown, number]> = [[body, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [value, depth] = next;
    if (typeof value === 'string' && value.length >= 8 && /\s/.test(value.trim())) texts.push(value);
    else if (typeof value === 'object' && value !== null && depth < 64) {
      for (const item of Object.values(value)) pending.push([item, depth + 1]);
    }
  }
  return texts;
}

/** What is wrong with what parse and accountKeys made of `body`, or [] when nothing is. */
function outputProblems(adapter: ChannelAdapter, body: unknown): string[] {
  let events: InboundEvent[];
  let keys: string[];
  try {
    events = adapter.webhook.parse(body);
  } catch (error) {
    return [
      `parse threw ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : 'something'}`,
    ];
  }
  try {
    keys = adapter.webhook.accountKeys(body);
  } catch (error) {
    return [`accountKeys threw ${error instanceof Error ? error.name : 'something'}`];
  }
  const problems: string[] = [];
  if (!Array.isArray(keys) || keys.some((key) => typeof key !== 'string' || key === '')) {
    problems.push('accountKeys returned something else than a list of ids');
  }
  if (!Array.isArray(events)) return [...problems, 'parse returned no list'];
  const quoted = freeTexts(body);
  // A list of 10,000 items reads as 10,000 events of one making: the first and last 50 stand for them.
  const checked = events.length > 100 ? [...events.slice(0, 50), ...events.slice(-50)] : events;
  checked.forEach((event, at) => {
    const i = at < 50 ? at : events.length - checked.length + at;
    for (const problem of inboundEventProblems(event)) problems.push(`events[${i}] ${problem}`);
    if (event.channel !== adapter.channel)
      problems.push(`events[${i}] is of channel ${String(event.channel)}`);
    if (event.kind === 'other' && quoted.some((text) => `${event.reason} ${event.rawType}`.includes(text))) {
      problems.push(`events[${i}] quotes the body in its reason`);
    }
  });
  return problems;
}

function sampleTests(adapter: ChannelAdapter, fixture: AdapterFixture): void {
  const samples = Object.entries(fixture.samples);

  it('has samples, which hold a patient’s message', () => {
    expect(samples.length).toBeGreaterThan(0);
    const kinds = samples.flatMap(([, body]) => adapter.webhook.parse(body).map((event) => event.kind));
    expect(kinds).toContain('message');
  });

  describe.each(samples)('the sample "%s"', (_name, body) => {
    const events = adapter.webhook.parse(body);

    it('reads as channel-neutral events of this channel, none of them `other`', () => {
      expect(outputProblems(adapter, body)).toEqual([]);
      expect(events.length).toBeGreaterThan(0);
      expect(events.filter((event) => event.kind === 'other')).toEqual([]);
    });

    it('gives each message an id, a sender and the time it was sent', () => {
      for (const event of events) {
        if (event.kind !== 'message') continue;
        expect(event.externalId).toMatch(/\S/);
        expect(event.from.id).toMatch(/\S/);
        expect(new Date(event.timestamp).toISOString()).toBe(event.timestamp);
      }
    });

    it('reads the same twice, and as the JSON text the provider sends, without changing the body', () => {
      const before = structuredClone(body);
      expect(adapter.webhook.parse(body)).toEqual(events);
      expect(adapter.webhook.parse(JSON.parse(jsonText(body)))).toEqual(events);
      expect(body).toEqual(before);
    });

    it('names the fixture account, if any: its events are for it', () => {
      const keys = adapter.webhook.accountKeys(body);
      if (adapter.webhook.routing === 'body') expect(keys).toContain(fixture.account.externalId);
      else expect(keys, 'a path-routed delivery names no account').toEqual([]);
      // The ingest reader keeps the events whose accountId is null or the account's.
      for (const event of events) expect([null, fixture.account.externalId]).toContain(event.accountId);
    });
  });
}

/** Bodies no provider sends: parse and accountKeys take them all without throwing. */
function hostileBodies(samples: readonly unknown[]): Array<[string, unknown]> {
  const sample = samples[0];
  const depth = 100_000;
  return [
    ['undefined', undefined],
    ['the empty string', ''],
    ['NUL', '\u0000'],
    ['1 MB of NULs', '\u0000'.repeat(1024 * 1024)],
    ...WRONG_TYPES.map(({ label, value }): [string, unknown] => [label, JSON.parse(jsonText(value))]),
    ['100,000 nested arrays', JSON.parse(deeplyNested(depth).text)],
    ['100,000 nested objects', JSON.parse(`${'{"a":'.repeat(depth)}null${'}'.repeat(depth)}`)],
    ['the samples in an array', samples],
    ['a sample under __proto__', JSON.parse(jsonText(new JsonEntries([['__proto__', sample]])))],
    ['a sample holding itself under a __proto__ key', withProtoKeys(sample)],
    ['a sample whose lists hold their first item 20 times', withRepeatedItems(sample, 20)],
  ];
}

function withProtoKeys(sample: unknown): unknown {
  if (!isPlainObject(sample)) return sample;
  return JSON.parse(jsonText(new JsonEntries([...Object.entries(sample), ['__proto__', { ...sample }]])));
}

function withRepeatedItems(sample: unknown, times: number): unknown {
  const copy = structuredClone(sample);
  for (const { value } of leaves(copy)) {
    if (Array.isArray(value) && value.length > 0)
      value.push(...Array.from({ length: times - 1 }, () => value[0]));
  }
  return copy;
}

interface Mutation {
  label: string;
  /** The value put at the path; without one, the key is removed. */
  value?: unknown;
}

const ONE_MB_STRINGS = HUGE_STRINGS.map(({ label, value }) => ({ label, value: value() }));
/** Names every object inherits: a lookup table indexed by a body's string finds a function there. */
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'].map((name) => ({
  label: `"${name}"`,
  value: name,
}));
const NESTED = { label: '10,000 nested arrays', value: deeplyNested(10_000) };

/** A list where a field was: 10,000 items where a list was, 1,000 elsewhere (the suite stays quick). */
const LONG_LIST = { label: '10,000 elements', value: Array.from({ length: 10_000 }, (_, i) => i) };
const LIST = { label: '1,000 elements', value: Array.from({ length: 1000 }, (_, i) => i) };
const OTHER_TYPES = WRONG_TYPES.filter(({ value }) => !Array.isArray(value) || value.length < 1000);

/** Every change made to a field: missing, each other JSON type, nested; hostile text or numbers by its type. */
function mutationsOf(value: unknown): Mutation[] {
  const changes: Mutation[] = [
    { label: 'missing' },
    ...OTHER_TYPES,
    Array.isArray(value) ? LONG_LIST : LIST,
    NESTED,
  ];
  if (typeof value === 'string') changes.push(...HOSTILE_STRINGS, ...PROTOTYPE_NAMES, ...ONE_MB_STRINGS);
  if (typeof value === 'number') {
    changes.push(...HOSTILE_NUMBERS, { label: 'as a string', value: String(value) });
  }
  return changes;
}

/**
 * The sample with the value at `path` replaced (or removed), as the provider's JSON would parse: what
 * only JSON text can hold (`1e400`, a `__proto__` key, deep nesting) goes through the text.
 */
function mutated(sample: unknown, path: JsonPath, mutation: Mutation): unknown {
  const copy = structuredClone(sample);
  if (!('value' in mutation)) {
    removeAt(copy, path);
    return copy;
  }
  setAt(copy, path, mutation.value);
  const textOnly = mutation.value instanceof RawJson || mutation.value instanceof JsonEntries;
  return textOnly ? JSON.parse(jsonText(copy)) : copy;
}

function hostileBodyTests(adapter: ChannelAdapter, fixture: AdapterFixture): void {
  const samples = Object.values(fixture.samples);

  it.each(hostileBodies(samples))('takes %s', (_label, body) => {
    expect(outputProblems(adapter, body)).toEqual([]);
  });

  it.each(Object.entries(fixture.samples))(
    'takes the sample "%s" with each of its fields missing, of another type, hostile or huge',
    (_name, sample) => {
      const failures: string[] = [];
      let cases = 0;
      for (const { path, value } of leaves(sample)) {
        for (const mutation of mutationsOf(value)) {
          cases += 1;
          const problems = outputProblems(adapter, mutated(sample, path, mutation));
          for (const problem of problems) {
            failures.push(`${path.join('.')}: ${mutation.label}: ${problem}`);
          }
        }
      }
      expect(cases).toBeGreaterThan(0);
      expect(failures.slice(0, 20), `${failures.length} failures in ${cases} cases`).toEqual([]);
    },
  );
}

// --- Outbound check -----------------------------------------------------------------------------------

type Of<T extends OutboundMessageType> = Extract<OutboundMessage, { type: T }>;

/** A plain message of each type: nothing in it near any channel's limit. */
const PLAIN: { [T in OutboundMessageType]: Of<T> } = {
  text: { type: 'text', text: 'Bonjour, votre rendez-vous est confirmé.' },
  image: { type: 'image', media: { mediaId: 'media-1' } },
  video: { type: 'video', media: { mediaId: 'media-2' } },
  audio: { type: 'audio', media: { mediaId: 'media-3' } },
  document: { type: 'document', media: { mediaId: 'media-4' }, fileName: 'ordonnance.pdf' },
  sticker: { type: 'sticker', media: { mediaId: 'media-5' } },
  location: { type: 'location', latitude: 48.8566, longitude: 2.3522, name: 'Cabinet' },
  contacts: {
    type: 'contacts',
    contacts: [{ name: { formattedName: 'Cabinet' }, phones: [{ phone: '+33180000000' }] }],
  },
  reaction: { type: 'reaction', targetMessageId: 'message-1', targetExternalId: '321', emoji: '👍' },
  buttons: {
    type: 'buttons',
    body: 'Venez-vous lundi ?',
    buttons: [
      { id: 'yes', title: 'Oui' },
      { id: 'no', title: 'Non' },
    ],
  },
  list: {
    type: 'list',
    body: 'Quel jour ?',
    buttonLabel: 'Choisir',
    sections: [
      {
        rows: [
          { id: 'mon', title: 'Lundi' },
          { id: 'tue', title: 'Mardi' },
        ],
      },
    ],
  },
  ctaUrl: {
    type: 'ctaUrl',
    body: 'Votre dossier',
    displayText: 'Ouvrir',
    url: 'https://example.org/dossier',
  },
  template: { type: 'template', name: 'rappel', language: 'fr' },
};

/** `length` characters of `fill`, ending with `tag` so that ids at the limit still differ. */
function sized(length: number, tag = '', fill = 'a'): string {
  return `${fill.repeat(Math.max(length - tag.length, 0))}${tag}`.slice(-length);
}

/** The limits flows draw a menu list with: the channel's list, else its quick replies. */
function menuListLimits(adapter: ChannelAdapter) {
  const { list, quickReplies } = adapter.capabilities;
  if (list !== null) return { rows: list.rows, titleLength: list.rowTitleLength, idLength: null };
  if (quickReplies !== null) {
    return { rows: quickReplies.max, titleLength: quickReplies.titleLength, idLength: quickReplies.idLength };
  }
  return null;
}

function listOf(rows: number, title: (i: number) => string, id: (i: number) => string): Of<'list'> {
  const all = Array.from({ length: rows }, (_, i) => ({ id: id(i), title: title(i) }));
  const sections = [];
  // The outbound schema takes at most 10 rows a section.
  for (let i = 0; i < all.length; i += 10) sections.push({ rows: all.slice(i, i + 10) });
  return { ...PLAIN.list, sections };
}

/** Every outbound type (PLAIN has one message of each, or it does not compile). */
const OUTBOUND_TYPES = Object.keys(PLAIN) as OutboundMessageType[];

function checkTests(adapter: ChannelAdapter): void {
  const shows = adapter.capabilities;
  const check = (message: OutboundMessage) => adapter.outbound.check(message);
  const sends = (type: OutboundMessageType) => shows.outboundTypes.includes(type);
  const fields = (message: OutboundMessage) => check(message).map((violation) => violation.field);
  /** At a limit: the API takes it (the shared schema) and so does the channel. */
  const acceptedAtLimit = (message: OutboundMessage) => {
    expect(outboundMessageSchema.safeParse(message).error?.issues ?? []).toEqual([]);
    expect(check(message)).toEqual([]);
  };

  it('has a plain message of every type that the outbound schema takes', () => {
    for (const message of Object.values(PLAIN))
      expect(outboundMessageSchema.safeParse(message).error).toBeUndefined();
  });

  it.each(OUTBOUND_TYPES)('accepts a plain %s if it sends the type, else refuses it by type', (type) => {
    const violations = check(PLAIN[type]);
    for (const violation of violations) {
      expect(violation.field).toMatch(/\S/);
      expect(violation.limit).toMatch(/\S/);
    }
    if (sends(type)) expect(violations).toEqual([]);
    else expect(violations.map((violation) => violation.field)).toContain('type');
  });

  // A limit is checked only where the channel sends the type: one that does not is refused by type above,
  // and a test registered for it would only show up as skipped.
  if (sends('text'))
    it('accepts a text of textLength characters, refuses one more', () => {
      acceptedAtLimit({ type: 'text', text: sized(shows.textLength) });
      expect(fields({ type: 'text', text: sized(shows.textLength + 1) })).toContain('text');
    });

  it.each(['image', 'video', 'document'] as const)(
    'takes a %s caption of captionLength characters, not one more (if it sends the type)',
    (type) => {
      if (!sends(type)) return;
      if (shows.captionLength > 0) acceptedAtLimit({ ...PLAIN[type], caption: sized(shows.captionLength) });
      expect(fields({ ...PLAIN[type], caption: sized(shows.captionLength + 1) })).toContain('caption');
    },
  );

  const buttonLimits = sends('buttons') ? shows.buttons : null;
  if (buttonLimits !== null)
    it('accepts buttons.max buttons at every length limit, refuses one more of each', () => {
      const limits = buttonLimits;
      if (limits === null) return;
      const buttons = (count: number, titleLength: number, idLength: number) =>
        Array.from({ length: count }, (_, i) => ({
          id: sized(idLength, `-${i}`),
          // Distinct titles, as WhatsApp requires: the same length, told apart by their end.
          title: sized(titleLength, `${i}`),
        }));
      const message = (
        count: number,
        titleLength = limits.titleLength,
        idLength = limits.idLength,
      ): Of<'buttons'> => ({
        ...PLAIN.buttons,
        buttons: buttons(count, titleLength, idLength),
      });
      acceptedAtLimit(message(limits.max));
      expect(fields(message(limits.max + 1))).toContain('buttons');
      expect(fields(message(1, limits.titleLength + 1))).toContain('buttons[0].title');
      expect(fields(message(1, limits.titleLength, limits.idLength + 1))).toContain('buttons[0].id');
    });

  const listLimits = sends('list') ? menuListLimits(adapter) : null;
  if (listLimits !== null)
    it('accepts a menu list at the limits flows draw it with, refuses one more row, or a longer title or id', () => {
      const limits = listLimits;
      if (limits === null) return;
      const idLength = limits.idLength ?? 8;
      const title = (length: number) => () => sized(length);
      const id = (length: number) => (i: number) => sized(length, `-${i}`);
      acceptedAtLimit(listOf(limits.rows, title(limits.titleLength), id(idLength)));
      expect(
        fields(listOf(limits.rows + 1, title(8), id(8))).some((field) => field.startsWith('sections')),
      ).toBe(true);
      expect(fields(listOf(1, title(limits.titleLength + 1), id(8)))).toContain('sections[0].rows[0].title');
      if (limits.idLength !== null) {
        expect(fields(listOf(1, title(8), id(limits.idLength + 1)))).toContain('sections[0].rows[0].id');
      }
    });
}

// --- The suite, over the registry ---------------------------------------------------------------------

const NOW = new Date('2025-01-06T09:00:00.000Z');
const FIXTURE_SUFFIX = '.adapter-fixture.test-support.ts';

const registry: ReadonlyArray<[string, ChannelAdapter]> = Object.entries(
  createChannelAdapters({ now: () => NOW }),
);
const found = await findFixtures();

describe('the adapter registry and the fixtures', () => {
  it('registers adapters, each channel once', () => {
    const channels = registry.map(([, adapter]) => adapter.channel);
    expect(channels.length).toBeGreaterThan(0);
    expect(new Set(channels).size).toBe(channels.length);
    for (const [name, adapter] of registry) expect(adapter.channel).toBe(name);
  });

  it('finds fixture files that export their fixtures', () => {
    expect(found.files.length).toBeGreaterThan(0);
    expect(found.withoutExport, `export adapterFixtures from these files`).toEqual([]);
  });

  it('holds no fixture for an adapter that is not registered, and one per channel at most', () => {
    const registered = registry.map(([, adapter]) => adapter.channel);
    const channels = found.fixtures.map((fixture) => fixture.channel);
    expect(channels.filter((channel) => !registered.includes(channel))).toEqual([]);
    expect(new Set(channels).size).toBe(channels.length);
  });
});

describe.each(registry)('the %s adapter', (_name, adapter) => {
  const fixture = found.fixtures.find((candidate) => candidate.channel === adapter.channel);

  it('has a fixture in its folder', () => {
    expect(
      fixture,
      `no fixture for ${adapter.channel}: export adapterFixtures from src/channels/<folder>/<name>${FIXTURE_SUFFIX}`,
    ).toBeDefined();
  });
  if (fixture === undefined) return;

  describe('capabilities and window', () => capabilityTests(adapter));
  describe('account schemas', () => accountSchemaTests(adapter, fixture));
  describe('webhook verify', () => verifyTests(adapter, fixture));
  describe('webhook handshake', () => handshakeTests(adapter, fixture));
  describe('parse and accountKeys on the samples', () => sampleTests(adapter, fixture));
  describe('parse and accountKeys on hostile bodies', () => hostileBodyTests(adapter, fixture));
  describe('outbound check', () => checkTests(adapter));
});
