import { z } from 'zod';
import { FLOW_LANGUAGES, localisedSchema } from './localised.ts';
import { STEP_ID, stepIdSchema, stepSchema } from './step.schema.ts';

const flowSettingsSchema = z.strictObject({
  /** A session silent for this long is over: the next message starts afresh instead of answering it. */
  sessionTimeoutMinutes: z
    .int({ error: 'must be a whole number of minutes' })
    .min(1, 'must be ≥ 1')
    .optional(),
  /** Where a red flag raised by a screened answer sends the patient, at once (usually a handoff). */
  onRedFlag: stepIdSchema.optional(),
  /** The session's language when the contact's is unknown; the clinic's default when absent. */
  defaultLanguage: z.enum(FLOW_LANGUAGES, { error: 'must be fr or en' }).optional(),
});

/**
 * A flow as admins edit it and as it is stored: versioned JSON. A published version never changes, so
 * a session started on version 3 finishes on version 3.
 */
export const flowDefinitionSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9_-]{1,64}$/, 'must be a key of lower-case letters, digits, _ or -'),
  version: z.int({ error: 'must be a whole number' }).min(1, 'must be ≥ 1'),
  name: localisedSchema,
  description: localisedSchema.optional(),
  start: stepIdSchema,
  steps: z
    .record(z.string().regex(STEP_ID, 'step ids are letters, digits, _ or -'), stepSchema)
    .refine((steps) => Object.keys(steps).length > 0, 'must hold at least one step'),
  settings: flowSettingsSchema.optional(),
});

export type FlowDefinition = z.infer<typeof flowDefinitionSchema>;
export type FlowSettings = z.infer<typeof flowSettingsSchema>;
