import { z } from 'zod';
import { keySchema, minutesSchema, stepIdSchema } from './step-fields.schema.ts';

/**
 * Asks the host to carry out a named operation it knows (`find_slots`, `book_slot`) and waits for its
 * answer, which is kept under `vars[saveAs]`. A refusal names a code, which `cases` can route on.
 */
export const requestStepSchema = z.strictObject({
  type: z.literal('request'),
  operation: z.string().regex(/^[a-z_]{1,40}$/, 'must be an operation name of a-z and _ (at most 40)'),
  /** Rendered like an http body: a text that is one `{{…}}` and nothing else keeps the value's type. */
  params: z.record(z.string(), z.json()).optional(),
  saveAs: keySchema,
  /** Without an answer by then, the step leaves by `timeout` (else `failure`). */
  timeoutMinutes: minutesSchema.optional(),
  next: stepIdSchema.optional(),
  failure: stepIdSchema.optional(),
  timeout: stepIdSchema.optional(),
  /** Where a refusal goes, by its code (`taken`, `none`); other codes go to `failure`. */
  cases: z.record(keySchema, stepIdSchema).optional(),
});
