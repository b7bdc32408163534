import { z } from 'zod';

const words = z.array(z.string().trim().min(1, 'must not be empty').max(60)).max(50);

/**
 * What starts a flow; the engine's definition does not hold it, since the same flow can be started by
 * a keyword in one clinic and only by the API in another. Keywords are matched ignoring case, accents and
 * punctuation, in both languages (patients mix them): `exact` is the whole message, `contains` a word or
 * phrase within it.
 */
export const flowTriggerSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('keyword'),
      match: z.enum(['exact', 'contains'], { error: 'match must be exact or contains' }),
      words: z.strictObject({ fr: words.default([]), en: words.default([]) }),
    }),
    z.strictObject({ kind: z.literal('new_conversation') }),
    z.strictObject({ kind: z.literal('outside_business_hours') }),
    z.strictObject({ kind: z.literal('conversation_closed') }),
    z.strictObject({ kind: z.literal('api') }),
    z.strictObject({ kind: z.literal('flow') }),
  ],
  {
    error:
      'kind must be one of keyword, new_conversation, outside_business_hours, conversation_closed, api, flow',
  },
);

export type FlowTrigger = z.infer<typeof flowTriggerSchema>;
export type FlowTriggerKind = FlowTrigger['kind'];
