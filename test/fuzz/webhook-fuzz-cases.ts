import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { signMetaPayload } from '../../src/channels/whatsapp/webhook-signature.ts';
import { businessWebhook, messagesWebhook } from '../support/meta-webhooks.ts';
import { HOSTILE_NUMBERS, HOSTILE_STRINGS, HUGE_STRINGS, WRONG_TYPES } from './hostile-values.ts';
import { leaves, removeAt, setAt } from './json-paths.ts';
import { deeplyNested, jsonText } from './json-text.ts';
import { isRecord } from './openapi-operations.ts';
import type { SeededRandom } from './seeded-random.ts';

export interface WhatsAppNumber {
  phoneNumberId: string;
  wabaId: string;
  appSecret: string;
}

export interface WebhookCase {
  label: string;
  body: string;
  /** X-Hub-Signature-256 of the body with the number's app secret: every case passes the signature. */
  signature: string;
}

const PROJECT_FIXTURES = new URL('../conformance/fixtures/whatsapp/', import.meta.url);
const SHARED_CORPUS = new URL('../../../shared/conformance/whatsapp/', import.meta.url);

type Json = Record<string, unknown>;
type Mutation = (payload: Json, random: SeededRandom) => string;

/**
 * `count` validly signed webhooks, each a real-looking delivery (the conformance fixtures, the shared
 * corpus when it is there, and Careline's own shapes) with one thing broken: NULs and other hostile
 * text, huge ids, wrong types, missing fields, unknown types, wrong shapes, duplicated entries.
 */
export function webhookCases(number: WhatsAppNumber, random: SeededRandom, count: number): WebhookCase[] {
  const seeds = seedPayloads(number);
  const offset = random.int(MUTATIONS.length);
  return Array.from({ length: count }, (_, i) => {
    const [seedName, seed] = random.pick(seeds);
    const payload = readdress(structuredClone(seed), number, random);
    const mutate = MUTATIONS[(offset + i) % MUTATIONS.length] as Mutation;
    const what = mutate(payload, random);
    const body = jsonText(payload);
    return { label: `${seedName}: ${what}`, body, signature: signMetaPayload(body, number.appSecret) };
  });
}

const MUTATIONS: Mutation[] = [
  (payload, random) => replaceLeaf(payload, random, 'string', () => random.pick(HOSTILE_STRINGS)),
  (payload, random) =>
    replaceLeaf(payload, random, 'string', () => ({
      label: 'NUL inside',
      value: `a\u0000${random.int(1e6)}`,
    })),
  (payload, random) =>
    replaceLeaf(payload, random, 'id', () => {
      const huge = random.pick(HUGE_STRINGS);
      return random.chance(0.5)
        ? { label: huge.label, value: huge.value() }
        : { label: '100,000 digits', value: '9'.repeat(100_000) };
    }),
  (payload, random) => replaceLeaf(payload, random, 'any', () => random.pick(WRONG_TYPES)),
  (payload, random) => replaceLeaf(payload, random, 'number', () => random.pick(HOSTILE_NUMBERS)),
  (payload, random) =>
    replaceLeaf(payload, random, 'any', () => ({
      label: '100,000 nested arrays',
      value: deeplyNested(100_000),
    })),
  (payload, random) => {
    const slots = leaves(payload).filter(({ path }) => path.length > 1);
    const slot = slots.length > 0 ? random.pick(slots) : undefined;
    if (!slot) return 'nothing to remove';
    removeAt(payload, slot.path);
    return `${slot.path.join('.')}: missing`;
  },
  (payload, random) => {
    const typed = leaves(payload).filter(({ path }) => path.at(-1) === 'type' || path.at(-1) === 'status');
    const slot = typed.length > 0 ? random.pick(typed) : undefined;
    const unknown = random.pick(['fuzz_unknown', '', 'TEXT', 'constructor', '__proto__', 'text\u0000']);
    if (!slot) return 'no type to change';
    setAt(payload, slot.path, unknown);
    return `${slot.path.join('.')}: unknown type ${JSON.stringify(unknown)}`;
  },
  (payload, random) => {
    const lists = leaves(payload).filter(({ value }) => Array.isArray(value) && value.length > 0);
    const slot = lists.length > 0 ? random.pick(lists) : undefined;
    if (!slot || !Array.isArray(slot.value)) return 'nothing to duplicate';
    const times = random.pick([2, 3, 200]);
    const first = slot.value[0];
    slot.value.push(...Array.from({ length: times - 1 }, () => structuredClone(first)));
    return `${slot.path.join('.')}: first element ×${times}`;
  },
  (payload, random) => {
    const shapes: Array<[string, unknown]> = [
      ['entry[] of scalars', [1, 'x', null, true]],
      ['changes not a list', [{ id: '1', changes: { field: 'messages' } }]],
      ['value null', [{ id: '1', changes: [{ field: 'messages', value: null }] }]],
      [
        'messages an object',
        [{ id: '1', changes: [{ field: 'messages', value: { messages: { id: 'x' } } }] }],
      ],
      ['empty entry[]', []],
      ['field unknown', [{ id: '1', changes: [{ field: 'fuzz', value: {} }] }]],
    ];
    const [label, entry] = random.pick(shapes);
    const entries = Array.isArray(payload.entry) ? payload.entry : [];
    payload.entry = [...entries, ...(Array.isArray(entry) ? entry : [entry])];
    return `wrong shape: ${label}`;
  },
];

/** The payloads mutations start from, by name. */
function seedPayloads(number: WhatsAppNumber): Array<[string, Json]> {
  const seeds: Array<[string, Json]> = [];
  for (const root of [PROJECT_FIXTURES, SHARED_CORPUS]) {
    for (const folder of ['inbound', 'statuses', 'other']) {
      const url = new URL(`${folder}/`, root);
      if (!existsSync(url)) continue;
      for (const name of readdirSync(url).sort()) {
        if (!name.endsWith('.json') || name.endsWith('.expected.json')) continue;
        const payload: unknown = JSON.parse(readFileSync(new URL(name, url), 'utf8'));
        if (isRecord(payload)) seeds.push([`${folder}/${name}`, payload]);
      }
    }
  }
  const from = '33612990000';
  const own: Array<[string, string]> = [
    [
      'own/text',
      messagesWebhook(number.phoneNumberId, {
        contacts: [{ profile: { name: 'Fuzz' }, wa_id: from }],
        messages: [{ from, id: 'wamid.x', timestamp: '1', type: 'text', text: { body: 'Bonjour' } }],
      }),
    ],
    [
      'own/reaction',
      messagesWebhook(number.phoneNumberId, {
        messages: [
          {
            from,
            id: 'wamid.x',
            timestamp: '1',
            type: 'reaction',
            reaction: { message_id: 'wamid.y', emoji: '👍' },
          },
        ],
      }),
    ],
    [
      'own/list reply',
      messagesWebhook(number.phoneNumberId, {
        messages: [
          {
            from,
            id: 'wamid.x',
            timestamp: '1',
            type: 'interactive',
            interactive: {
              type: 'list_reply',
              list_reply: { id: 'slot-1', title: 'Lundi', description: '9 h' },
            },
          },
        ],
      }),
    ],
    [
      'own/failed status',
      messagesWebhook(number.phoneNumberId, {
        statuses: [
          {
            id: 'wamid.x',
            status: 'failed',
            timestamp: '1',
            recipient_id: from,
            errors: [{ code: 131026, title: 'Message undeliverable', error_data: { details: 'x' } }],
          },
        ],
      }),
    ],
    [
      'own/template status',
      businessWebhook(number.wabaId, 'message_template_status_update', {
        event: 'APPROVED',
        message_template_id: 123,
        message_template_name: 'rappel',
        message_template_language: 'fr',
      }),
    ],
  ];
  for (const [name, text] of own) seeds.push([name, JSON.parse(text) as Json]);
  return seeds;
}

/**
 * Points a payload at the fuzzed number, from a patient of the fuzz (never the one the final check
 * uses), with fresh message ids (a replayed id would be dropped as a duplicate before anything is
 * parsed) and loopback URLs only.
 */
function readdress(payload: Json, number: WhatsAppNumber, random: SeededRandom): Json {
  const patient = `3361299${String(random.int(10_000)).padStart(4, '0')}`;
  const now = String(Math.floor(Date.now() / 1000));
  const visit = (value: unknown, key: string, depth: number): unknown => {
    if (Array.isArray(value)) return value.map((item) => visit(item, key, depth + 1));
    if (isRecord(value)) {
      for (const [k, v] of Object.entries(value)) value[k] = visit(v, k, depth + 1);
      if (depth === 2 && 'changes' in value) value.id = number.wabaId;
      return value;
    }
    if (typeof value !== 'string' && typeof value !== 'number') return value;
    if (key === 'phone_number_id') return number.phoneNumberId;
    if (key === 'display_phone_number') return '33180000000';
    if (['from', 'wa_id', 'recipient_id'].includes(key)) return patient;
    if (key === 'timestamp') return now;
    if (typeof value === 'string' && value.startsWith('wamid')) return `wamid.FUZZ${random.uuid()}`;
    if (typeof value === 'string' && /^https?:/i.test(value)) return 'http://127.0.0.1:9/fuzz';
    return value;
  };
  return visit(payload, '', 0) as Json;
}

/** Fields under `changes`, where the parser reads; the envelope's `object` stays, or nothing is parsed. */
function replaceLeaf(
  payload: Json,
  random: SeededRandom,
  kind: 'string' | 'number' | 'id' | 'any',
  make: () => { label: string; value: unknown },
): string {
  const inside = leaves(payload).filter(
    ({ path }) => path.includes('changes') && !path.includes('phone_number_id') && path.at(-1) !== 'field',
  );
  const fitting = inside.filter(({ path, value }) => {
    if (kind === 'string') return typeof value === 'string';
    if (kind === 'number') return path.at(-1) === 'timestamp' || typeof value === 'number';
    if (kind === 'id')
      return ['id', 'from', 'wa_id', 'recipient_id', 'message_id'].includes(String(path.at(-1)));
    return true;
  });
  const candidates = fitting.length > 0 ? fitting : inside;
  const { label, value } = make();
  if (candidates.length === 0) return 'no field to change';
  const { path } = random.pick(candidates);
  setAt(payload, path, value);
  return `${path.join('.')}: ${label}`;
}
