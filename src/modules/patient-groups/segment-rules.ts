import { z } from 'zod';
import { CHANNEL_TYPES } from '../channel-accounts/channel-types.ts';

/**
 * A dynamic group's definition: rules on what Careline knows of a patient, combined with `all` (and)
 * or `any` (or), with one level of nested rules. Stored as given (snake_case JSON) in
 * `patient_groups.definition`; evaluated whenever the group is used (segment-audience.ts).
 */

const isoDate = z.iso.date().describe('A date, YYYY-MM-DD, on the clinic’s calendar');
const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const APPOINTMENT_WINDOWS = [
  'next_7_days',
  'this_week',
  'next_week',
  'next_30_days',
  'dates',
] as const;
export type AppointmentWindow = (typeof APPOINTMENT_WINDOWS)[number];

const tagRule = z
  .object({
    type: z.literal('tag'),
    op: z.enum(['has', 'has_not']).describe('Whether the patient has the tag, or has not'),
    tag: text(64).describe('The tag, as shown on the patient (case does not matter)'),
  })
  .strict();

const customFieldRule = z
  .object({
    type: z.literal('custom_field'),
    key: text(64).describe('The custom field’s name (case does not matter)'),
    op: z.enum(['equals', 'contains', 'is_set']),
    value: text(200)
      .optional()
      .describe('What the value equals or contains (case and accents do not matter); not for is_set'),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (rule.op !== 'is_set' && rule.value === undefined)
      ctx.addIssue({ code: 'custom', path: ['value'], message: `is required with op ${rule.op}` });
    if (rule.op === 'is_set' && rule.value !== undefined)
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'must be left out with op is_set' });
  });

const ageRule = z
  .object({
    type: z.literal('age'),
    min: z.number().int().min(0).max(130).optional().describe('At least this many years old'),
    max: z.number().int().min(0).max(130).optional().describe('At most this many years old'),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (rule.min === undefined && rule.max === undefined)
      ctx.addIssue({ code: 'custom', path: ['min'], message: 'min or max is required' });
    if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max)
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'must not be below min' });
  });

const languageRule = z
  .object({
    type: z.literal('language'),
    language: z
      .string()
      .max(35, { error: 'must be at most 35 characters', abort: true })
      .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'must be a BCP 47 language tag (fr, en-GB)')
      .describe('The patient’s language; fr also matches fr-CA. Patients without one have the clinic’s'),
  })
  .strict();

const channelRule = z
  .object({
    type: z.literal('channel'),
    channel: z.enum(CHANNEL_TYPES).describe('Patients Careline can reach on this channel'),
  })
  .strict();

const appointmentRule = z
  .object({
    type: z.literal('appointment'),
    practitioner_id: z.uuid().optional().describe('With this practitioner; any when left out'),
    appointment_type_id: z.uuid().optional().describe('Of this appointment type; any when left out'),
    window: z
      .enum(APPOINTMENT_WINDOWS)
      .describe('When, on the clinic’s calendar: weeks start on Monday; `dates` takes from and to'),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (rule.window !== 'dates') {
      for (const key of ['from', 'to'] as const) {
        if (rule[key] !== undefined)
          ctx.addIssue({ code: 'custom', path: [key], message: 'is only for window dates' });
      }
      return;
    }
    for (const key of ['from', 'to'] as const) {
      if (rule[key] === undefined)
        ctx.addIssue({ code: 'custom', path: [key], message: 'is required with window dates' });
    }
    if (rule.from && rule.to && rule.from > rule.to)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  });

const noShowRule = z
  .object({
    type: z.literal('no_show'),
    months: z.number().int().min(1).max(60).describe('Missed an appointment in the last this many months'),
  })
  .strict();

const intakeComplaintRule = z
  .object({
    type: z.literal('intake_complaint'),
    contains: text(100).describe('Words of the complaint the patient gave (case and accents do not matter)'),
    flow_key: text(64).optional().describe('The intake flow; symptom_intake when left out'),
    months: z.number().int().min(1).max(60).optional().describe('Answered in the last this many months'),
  })
  .strict();

export const segmentLeafRule = z.discriminatedUnion('type', [
  tagRule,
  customFieldRule,
  ageRule,
  languageRule,
  channelRule,
  appointmentRule,
  noShowRule,
  intakeComplaintRule,
]);
export type SegmentLeafRule = z.infer<typeof segmentLeafRule>;

const MATCH = z.enum(['all', 'any']).describe('all: every rule holds; any: at least one does');

const nestedRules = z
  .object({
    type: z.literal('group'),
    match: MATCH,
    rules: z.array(segmentLeafRule).min(1).max(20),
  })
  .strict();

export const segmentRule = z.discriminatedUnion('type', [
  tagRule,
  customFieldRule,
  ageRule,
  languageRule,
  channelRule,
  appointmentRule,
  noShowRule,
  intakeComplaintRule,
  nestedRules,
]);
export type SegmentRule = z.infer<typeof segmentRule>;

export const segmentDefinition = z
  .object({
    match: MATCH,
    rules: z.array(segmentRule).min(1, 'must hold at least one rule').max(30),
  })
  .strict()
  .meta({ id: 'SegmentDefinition' });
export type SegmentDefinition = z.infer<typeof segmentDefinition>;

/** Every leaf rule with its path inside the definition (`rules.2.rules.0`), for errors naming it. */
export function leafRulesOf(definition: SegmentDefinition): Array<{ rule: SegmentLeafRule; path: string }> {
  return definition.rules.flatMap((rule, index) =>
    rule.type === 'group'
      ? rule.rules.map((leaf, inner) => ({ rule: leaf, path: `rules.${index}.rules.${inner}` }))
      : [{ rule, path: `rules.${index}` }],
  );
}
