import { z } from 'zod';
import { clockTimeSchema, conditionSchema } from './condition.schema.ts';
import { localisedSchema } from './localised.ts';
import { menuStepSchema } from './menu-step.schema.ts';
import { requestStepSchema } from './request-step.schema.ts';
import { sendContentSchema } from './send-content.schema.ts';
import {
  buttonLabelSchema,
  choiceOption,
  keySchema,
  MAX_MENU_OPTIONS,
  minutesSchema,
  questionExits,
  stepIdSchema,
  uniqueOptionIds,
} from './step-fields.schema.ts';

export { MAX_MENU_OPTIONS, STEP_ID, stepIdSchema } from './step-fields.schema.ts';
export const ASK_KINDS = ['text', 'free_text', 'number', 'date', 'time', 'phone', 'email', 'choice'] as const;
export type AskKind = (typeof ASK_KINDS)[number];

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
    buttonLabel: buttonLabelSchema.optional(),
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
  buttonLabel: buttonLabelSchema.optional(),
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
  /** Holds what the patient told (intake answers): only roles allowed medical notes read it. */
  medical: z.boolean().optional(),
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
  'request',
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
    menuStepSchema,
    branchStep,
    setFieldStep,
    addTagStep,
    removeTagStep,
    assignStep,
    httpStep,
    requestStepSchema,
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
