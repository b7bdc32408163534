import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { outboundMessageSchema } from '../../../channels/outbound-message.ts';
import { checkWhatsAppLimits } from '../../../channels/whatsapp/whatsapp-limits.ts';
import {
  advance,
  type FlowContext,
  type FlowDefinition,
  type FlowSession,
  flowInputSchema,
  flowSessionSchema,
  formatFlowIssue,
  type ScreenAnswer,
  SESSION_STATUSES,
  stepSchema,
  validateFlow,
} from './index.ts';

// Each JSON file in spec/<step type>/ is a flow, the inputs a patient and the host feed it, and what must
// come out. A new file is picked up by itself; a failure names the file and the step (counted from 0).
// As in goflow, every step type has its folder, holding at least one file whose flow uses that type: a
// step type added to the schema without a specification fails here.

const SPEC_DIR = join(import.meta.dirname, 'spec');

const specSchema = z.strictObject({
  description: z.string().min(1),
  flow: z.unknown(),
  context: z.record(z.string(), z.unknown()).optional(),
  steps: z
    .array(
      z.strictObject({
        input: flowInputSchema,
        now: z.iso.datetime().optional(),
        context: z.record(z.string(), z.unknown()).optional(),
        expect: z.strictObject({
          /** Each listed in order, as many as produced; each a subset of the effect (unless exact). */
          effects: z.array(z.record(z.string(), z.unknown())),
          exact: z.boolean().optional(),
          status: z.enum(SESSION_STATUSES).optional(),
          answers: z.record(z.string(), z.unknown()).optional(),
          vars: z.record(z.string(), z.unknown()).optional(),
          session: z.record(z.string(), z.unknown()).optional(),
          ignored: z.string().optional(),
        }),
      }),
    )
    .min(1),
});

/** Flags what a triage nurse would: chest pain and breathing trouble. Pure, as `screen` must be. */
const fakeScreen: ScreenAnswer = (text) => {
  const lower = text.toLowerCase();
  for (const [word, category] of [
    ['poitrine', 'chest_pain'],
    ['chest pain', 'chest_pain'],
    ['respirer', 'breathing'],
  ] as const) {
    if (lower.includes(word)) return { flagged: true, category, matched: word };
  }
  return { flagged: false };
};

const DEFAULT_CONTEXT: Omit<FlowContext, 'screen'> = {
  now: '2027-03-01T08:00:00.000Z',
  org: {
    name: 'Cabinet Dupont',
    timeZone: 'Europe/Paris',
    defaultLanguage: 'fr',
    businessHours: {
      weekly: {
        mon: [
          { from: '09:00', to: '12:00' },
          { from: '14:00', to: '18:00' },
        ],
        tue: [{ from: '09:00', to: '18:00' }],
        wed: [{ from: '09:00', to: '18:00' }],
        thu: [{ from: '09:00', to: '18:00' }],
        fri: [{ from: '09:00', to: '18:00' }],
        sat: [{ from: '09:00', to: '12:00' }],
      },
      closedDates: ['2027-11-01', '2027-12-25'],
    },
  },
  contact: { firstName: 'Camille', lastName: 'Martin', language: 'fr', fields: {}, tags: [] },
  channel: {
    kind: 'whatsapp',
    capabilities: { buttons: 3, listRows: 10, buttonTitleMax: 20, rowTitleMax: 24 },
  },
};

/** Read from the schema itself, so that a type added there is missed here until it has its folder. */
const STEP_TYPES: readonly string[] = stepSchema.options.flatMap((option) => [...option.shape.type.values]);

/** Every specification file, as `<step type>/<name>.json`. */
const files = readdirSync(SPEC_DIR, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.json'))
  .map((path) => path.split(sep).join('/'))
  .sort();

describe('flow engine specification (spec/<step type>/*.json)', () => {
  test('the folder holds specification files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test.each(STEP_TYPES)('step type %s has a specification file', (type) => {
    expect(
      files.filter((file) => folderOf(file) === type).length,
      `step type ${type} has no specification: add a flow using it as spec/${type}/<what it specifies>.json`,
    ).toBeGreaterThan(0);
  });

  test.each(files)('%s', (file) => {
    const spec = specSchema.parse(JSON.parse(readFileSync(join(SPEC_DIR, file), 'utf8')));
    const validation = validateFlow(spec.flow);
    if (!validation.ok) {
      throw new Error(`${file}: invalid flow: ${validation.issues.map(formatFlowIssue).join('; ')}`);
    }
    const flow = validation.flow;
    const type = folderOf(file);
    expect(STEP_TYPES, `${file}: not in spec/<step type>/`).toContain(type);
    expect(
      Object.values(flow.steps).some((step) => step.type === type),
      `${file}: filed under ${type}, its flow has no ${type} step`,
    ).toBe(true);
    let session: FlowSession | null = null;
    let now = DEFAULT_CONTEXT.now;
    spec.steps.forEach((step, index) => {
      const where = `${file} step ${index} (${step.input.kind})`;
      now = step.now ?? now;
      const context = contextFor(spec.context, step.context, now);
      session = replay(flow, session, step, context, where);
    });
  });
});

/** The step type a file specifies: the folder it sits in (`wait/minutes.json` → `wait`). */
function folderOf(file: string): string {
  const slash = file.indexOf('/');
  return slash === -1 ? '' : file.slice(0, slash);
}

function replay(
  flow: FlowDefinition,
  session: FlowSession | null,
  step: z.infer<typeof specSchema>['steps'][number],
  context: FlowContext,
  where: string,
): FlowSession {
  const before = structuredClone(session);
  const result = advance(flow, session, step.input, context);
  expect(session, `${where}: advance must not modify the session passed in`).toEqual(before);
  expect(advance(flow, before, step.input, context), `${where}: advance must be deterministic`).toEqual(
    result,
  );

  const { expect: expected } = step;
  if (expected.exact === true) expect(result.effects, `${where}: effects`).toEqual(expected.effects);
  else expect(result.effects, `${where}: effects`).toMatchObject(expected.effects);
  if (expected.status !== undefined) expect(result.session.status, `${where}: status`).toBe(expected.status);
  if (expected.answers !== undefined)
    expect(result.session.answers, `${where}: answers`).toEqual(expected.answers);
  if (expected.vars !== undefined) expect(result.session.vars, `${where}: vars`).toMatchObject(expected.vars);
  if (expected.session !== undefined)
    expect(result.session, `${where}: session`).toMatchObject(expected.session);
  expect(result.ignored, `${where}: ignored`).toBe(expected.ignored);

  // What every result must be, whatever the flow: storable JSON, and messages the channel would accept.
  expect(flowSessionSchema.safeParse(result.session).error, `${where}: session shape`).toBeUndefined();
  expect(JSON.parse(JSON.stringify(result.session)), `${where}: session is plain JSON`).toEqual(
    result.session,
  );
  for (const effect of result.effects) {
    if (effect.type !== 'send') continue;
    expect(
      outboundMessageSchema.safeParse(effect.message).error,
      `${where}: outbound message`,
    ).toBeUndefined();
    if (context.channel.kind === 'whatsapp') {
      expect(checkWhatsAppLimits(effect.message), `${where}: WhatsApp limits`).toEqual([]);
    }
  }
  return result.session;
}

/**
 * The default context, with the file's overrides, then the step's, merged key by key; lists are replaced
 * and null removes a key (`"contact": {"language": null}` is a contact of unknown language).
 */
function contextFor(
  fileOverrides: Record<string, unknown> | undefined,
  stepOverrides: Record<string, unknown> | undefined,
  now: string,
): FlowContext {
  const merged = deepMerge(deepMerge(DEFAULT_CONTEXT, fileOverrides ?? {}), stepOverrides ?? {});
  return { ...(merged as Omit<FlowContext, 'screen'>), now, screen: fakeScreen };
}

function deepMerge(base: unknown, overrides: unknown): unknown {
  if (!isRecord(base) || !isRecord(overrides)) return overrides === undefined ? base : overrides;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === null) delete merged[key];
    else merged[key] = deepMerge(base[key], value);
  }
  return merged;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
