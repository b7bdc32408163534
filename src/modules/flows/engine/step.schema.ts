import { z } from 'zod';
import { clockTimeSchema, conditionSchema } from './condition.schema.ts';
import { localisedSchema } from './localised.ts';
import { sendContentSchema } from './send-content.schema.ts';

export const STEP_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const ASK_KINDS = ['text', 'free_text', 'number', 'date', 'time', 'phone', 'email', 'choice'] as const;
export type AskKind = (typeof ASK_KINDS)[number];

/** At most ten: WhatsApp lists hold ten rows, and a longer menu is a form, not a question. */
export const MAX_MENU_OPTIONS = 10;
const MAX_MINUTES = 60 * 24 * 366;

export const stepIdSchema = z.string().regex(STEP_ID, 'must be a step id (letters, digits, _ or -)');
const keySchema = z.string().regex(/^[A-Za-z0-9_]{1,64}$/, 'must be a name of letters, digits or _');
const minutesSchema = z
  .int({ error: 'must be a whole number of minutes' })
  .min(1, 'must be ≥ 1')
  .max(MAX_MINUTES, `must be ≤ ${MAX_MINUTES}`);

/** Where an answered question goes on, and where it goes when the patient cannot or does not answer. */
const questionExits = {
  retryPrompt: localisedSchema.optional(),
  maxAttempts: z
    .int({ error: 'must be a whole number' })
    .min(1, 'must be ≥ 1')
    .max(10, 'must be ≤ 10')
    .optional(),
  timeoutMinutes: minutesSchema.optional(),
  failure: stepIdSchema.optional(),
  timeout: stepIdSchema.optional(),
};

const choiceOption = {
  id: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be an id of letters, digits, _ . : or -'),
  title: localisedSchema,
  description: localisedSchema.optional(),
  /** Other words that pick this option ("oui", "yes"). */
  aliases: z.array(z.string().min(1, 'must not be empty')).optional(),
};

function uniqueOptionIds(options: readonly { id: string }[], ctx: z.RefinementCtx, prefix: string[]): void {
  const seen = new Set<string>();
  options.forEach((option, index) => {
    if (seen.has(option.id)) {
      ctx.addIssue({
        code: 'custom',
        path: [...prefix, index, 'id'],
        message: `duplicate option id ${option.id}`,
      });
    }
    seen.add(option.id);
  });
}

const sendStep = z.strictObject({
  type: z.literal('send'),
  message: sendContentSchema,
  next: stepIdSchema.optional(),
});

const askStep = z
  .strictObject({
    type: z.literal('ask'),
    kind: z.enum(ASK_KINDS, { error: `kind must be one of ${ASK_KINDS.join(', ')}` }),
    prompt: localisedSchema,
    saveAs: keySchema,
    /** number: the range accepted, and whether decimals are. */
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
    /** date: a birth date is in the past, an appointment in the future (today counts for both). */
    when: z.enum(['any', 'past', 'future'], { error: 'when must be any, past or future' }).optional(),
    /** phone: the country a national number ("06 12 34 56 78") belongs to; 33 (France) when absent. */
    defaultCountryCode: z
      .string()
      .regex(/^[1-9]\d{0,2}$/, 'must be a country calling code, e.g. 33')
      .optional(),
    /** choice: the options offered, rendered as buttons or a list when the channel can. */
    options: z
      .array(z.strictObject(choiceOption))
      .max(MAX_MENU_OPTIONS, 'must hold at most 10 options')
      .optional(),
    buttonLabel: localisedSchema.optional(),
    /** Pass each answer to the red-flag screen before anything else. */
    screen: z.boolean().optional(),
    next: stepIdSchema.optional(),
    ...questionExits,
  })
  .superRefine((step, ctx) => {
    if (step.kind === 'choice' && (step.options === undefined || step.options.length === 0)) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice needs at least one option' });
    }
    if (step.options !== undefined) uniqueOptionIds(step.options, ctx, ['options']);
    if (step.min !== undefined && step.max !== undefined && step.min > step.max) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'must be ≥ min' });
    }
  });

const menuStep = z
  .strictObject({
    type: z.literal('menu'),
    prompt: localisedSchema,
    options: z
      .array(z.strictObject({ ...choiceOption, next: stepIdSchema }))
      .min(1, 'must hold at least one option')
      .max(MAX_MENU_OPTIONS, 'must hold at most 10 options'),
    buttonLabel: localisedSchema.optional(),
    saveAs: keySchema.optional(),
    ...questionExits,
  })
  .superRefine((step, ctx) => uniqueOptionIds(step.options, ctx, ['options']));

const branchStep = z.strictObject({
  type: z.literal('branch'),
  cases: z.array(z.strictObject({ when: conditionSchema, next: stepIdSchema })),
  else: stepIdSchema,
});

const setFieldStep = z.strictObject({
  type: z.literal('set_field'),
  field: keySchema,
  value: z.string(),
  next: stepIdSchema.optional(),
});

const tagFields = {
  tag: z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
  next: stepIdSchema.optional(),
};
const addTagStep = z.strictObject({ type: z.literal('add_tag'), ...tagFields });
const removeTagStep = z.strictObject({ type: z.literal('remove_tag'), ...tagFields });

const assignTargetSchema = z.union(
  [
    z.strictObject({ team: z.string().min(1, 'must not be empty') }),
    z.strictObject({ agent: z.string().min(1, 'must not be empty') }),
    z.strictObject({ role: z.string().min(1, 'must not be empty') }),
  ],
  { error: 'target must be {team}, {agent} or {role}' },
);

const assignStep = z.strictObject({
  type: z.literal('assign'),
  target: assignTargetSchema,
  mode: z.enum(['round_robin', 'least_open'], { error: 'mode must be round_robin or least_open' }).optional(),
  onlineOnly: z.boolean().optional(),
  timeoutMinutes: minutesSchema.optional(),
  next: stepIdSchema.optional(),
  failure: stepIdSchema.optional(),
  timeout: stepIdSchema.optional(),
});

const httpStep = z.strictObject({
  type: z.literal('http'),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], {
    error: 'method must be GET, POST, PUT, PATCH or DELETE',
  }),
  url: z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL'),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.json().optional(),
  timeoutMs: z.int().min(100, 'must be ≥ 100').max(30_000, 'must be ≤ 30000').optional(),
  saveAs: keySchema,
  next: stepIdSchema.optional(),
  failure: stepIdSchema.optional(),
});

const waitStep = z
  .strictObject({
    type: z.literal('wait'),
    minutes: minutesSchema.optional(),
    until: clockTimeSchema.optional(),
    next: stepIdSchema.optional(),
  })
  .refine(
    (step) => (step.minutes === undefined) !== (step.until === undefined),
    'needs minutes or until, not both',
  );

const gotoStep = z.strictObject({ type: z.literal('goto'), next: stepIdSchema });
const startFlowStep = z.strictObject({ type: z.literal('start_flow'), flowKey: keySchema });
const handoffStep = z.strictObject({
  type: z.literal('handoff'),
  reason: z.string().optional(),
  note: localisedSchema.optional(),
  urgent: z.boolean().optional(),
});
const closeStep = z.strictObject({ type: z.literal('close') });
const endStep = z.strictObject({ type: z.literal('end') });

const csatStep = z.strictObject({
  type: z.literal('csat'),
  prompt: localisedSchema.optional(),
  buttonLabel: localisedSchema.optional(),
  askComment: z.boolean().optional(),
  commentPrompt: localisedSchema.optional(),
  commentTimeoutMinutes: minutesSchema.optional(),
  saveAs: keySchema.optional(),
  next: stepIdSchema.optional(),
  ...questionExits,
});

const noteStep = z.strictObject({
  type: z.literal('note'),
  text: localisedSchema,
  next: stepIdSchema.optional(),
});
const markUrgentStep = z.strictObject({
  type: z.literal('mark_urgent'),
  reason: z.string().optional(),
  next: stepIdSchema.optional(),
});

export const STEP_TYPES = [
  'send',
  'ask',
  'menu',
  'branch',
  'set_field',
  'add_tag',
  'remove_tag',
  'assign',
  'http',
  'wait',
  'goto',
  'start_flow',
  'handoff',
  'close',
  'end',
  'csat',
  'note',
  'mark_urgent',
] as const;

export const stepSchema = z.discriminatedUnion(
  'type',
  [
    sendStep,
    askStep,
    menuStep,
    branchStep,
    setFieldStep,
    addTagStep,
    removeTagStep,
    assignStep,
    httpStep,
    waitStep,
    gotoStep,
    startFlowStep,
    handoffStep,
    closeStep,
    endStep,
    csatStep,
    noteStep,
    markUrgentStep,
  ],
  { error: `type must be one of ${STEP_TYPES.join(', ')}` },
);

export type Step = z.infer<typeof stepSchema>;
export type StepType = Step['type'];
export type StepOf<T extends StepType> = Extract<Step, { type: T }>;
export type ChoiceOption = z.infer<z.ZodObject<typeof choiceOption>>;
export type AssignTarget = z.infer<typeof assignTargetSchema>;
