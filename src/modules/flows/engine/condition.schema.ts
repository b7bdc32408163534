import { z } from 'zod';
import type { Channel } from '../../../channels/inbound-event.ts';
import { FLOW_LANGUAGES, type FlowLanguage } from './localised.ts';

export const FLOW_CHANNELS = [
  'whatsapp',
  'messenger',
  'line',
  'viber',
  'telegram',
] as const satisfies readonly Channel[];
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const VALUE_OPERATORS = [
  'eq',
  'neq',
  'in',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'exists',
  'missing',
] as const;
export type ValueOperator = (typeof VALUE_OPERATORS)[number];
export type Scalar = string | number | boolean;

/** A test on a stored value: `exists` and `missing` need no `value`, `in` needs a list. */
interface ValueTest {
  op: ValueOperator;
  value?: Scalar | Scalar[];
}

/** What a `branch` step can ask about the conversation, the patient, and the clinic's clock. */
export type Condition =
  | ({ type: 'answer'; key: string } & ValueTest)
  | ({ type: 'var'; path: string } & ValueTest)
  | ({ type: 'contact_field'; field: string } & ValueTest)
  | { type: 'tag'; tag: string; op: 'has' | 'lacks' }
  | { type: 'channel'; in: Channel[] }
  | { type: 'language'; in: FlowLanguage[] }
  | { type: 'time_of_day'; from: string; to: string }
  | { type: 'day_of_week'; in: Weekday[] }
  | { type: 'business_hours'; is: 'open' | 'closed' }
  | { type: 'all'; conditions: Condition[] }
  | { type: 'any'; conditions: Condition[] }
  | { type: 'not'; condition: Condition };

/** "HH:MM" on a 24-hour clock, as clinics write opening hours. */
export const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM (00:00–23:59)');

const nameSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be a name of letters, digits, _ . or -');
const scalarSchema = z.union([z.string(), z.number(), z.boolean()], {
  error: 'must be a text, number or boolean',
});

const valueTest = {
  op: z.enum(VALUE_OPERATORS, { error: `op must be one of ${VALUE_OPERATORS.join(', ')}` }),
  value: z.union([scalarSchema, z.array(scalarSchema)]).optional(),
};

function checkValueTest(test: ValueTest, ctx: z.RefinementCtx): void {
  if (test.op === 'exists' || test.op === 'missing') return;
  if (test.value === undefined) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: `is required with op ${test.op}` });
  } else if (test.op === 'in' && !Array.isArray(test.value)) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: 'must be a list with op in' });
  }
}

const nonEmptyList = <T extends z.ZodType>(item: T) => z.array(item).min(1, 'must hold at least one value');

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion(
    'type',
    [
      z
        .strictObject({ type: z.literal('answer'), key: nameSchema, ...valueTest })
        .superRefine(checkValueTest),
      z.strictObject({ type: z.literal('var'), path: nameSchema, ...valueTest }).superRefine(checkValueTest),
      z
        .strictObject({ type: z.literal('contact_field'), field: nameSchema, ...valueTest })
        .superRefine(checkValueTest),
      z.strictObject({
        type: z.literal('tag'),
        tag: z.string().min(1, 'must not be empty'),
        op: z.enum(['has', 'lacks'], { error: 'op must be has or lacks' }),
      }),
      z.strictObject({ type: z.literal('channel'), in: nonEmptyList(z.enum(FLOW_CHANNELS)) }),
      z.strictObject({ type: z.literal('language'), in: nonEmptyList(z.enum(FLOW_LANGUAGES)) }),
      z.strictObject({ type: z.literal('time_of_day'), from: clockTimeSchema, to: clockTimeSchema }),
      z.strictObject({ type: z.literal('day_of_week'), in: nonEmptyList(z.enum(WEEKDAYS)) }),
      z.strictObject({
        type: z.literal('business_hours'),
        is: z.enum(['open', 'closed'], { error: 'is must be open or closed' }),
      }),
      z.strictObject({ type: z.literal('all'), conditions: nonEmptyList(conditionSchema) }),
      z.strictObject({ type: z.literal('any'), conditions: nonEmptyList(conditionSchema) }),
      z.strictObject({ type: z.literal('not'), condition: conditionSchema }),
    ],
    {
      error:
        'type must be one of answer, var, contact_field, tag, channel, language, time_of_day, day_of_week, ' +
        'business_hours, all, any, not',
    },
  ),
);
