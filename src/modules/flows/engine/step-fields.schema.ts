import { z } from 'zod';
import { localisedSchema } from './localised.ts';

// The fields several step types share, kept apart so each step's schema file stays small.

export const STEP_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** At most ten: WhatsApp lists hold ten rows, and a longer menu is a form, not a question. */
export const MAX_MENU_OPTIONS = 10;
const MAX_MINUTES = 60 * 24 * 366;
/** WhatsApp refuses a list whose button label is longer. */
const MAX_BUTTON_LABEL = 20;

export const stepIdSchema = z.string().regex(STEP_ID, 'must be a step id (letters, digits, _ or -)');
export const keySchema = z.string().regex(/^[A-Za-z0-9_]{1,64}$/, 'must be a name of letters, digits or _');
export const minutesSchema = z
  .int({ error: 'must be a whole number of minutes' })
  .min(1, 'must be ≥ 1')
  .max(MAX_MINUTES, `must be ≤ ${MAX_MINUTES}`);

/** The text of the button that opens a list, in each language. */
export const buttonLabelSchema = localisedSchema.refine(
  (label) =>
    (typeof label === 'string' ? [label] : [label.fr ?? '', label.en ?? '']).every(
      (text) => [...text].length <= MAX_BUTTON_LABEL,
    ),
  `must be at most ${MAX_BUTTON_LABEL} characters`,
);

/** Where an answered question goes on, and where it goes when the patient cannot or does not answer. */
export const questionExits = {
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

export const choiceOption = {
  id: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be an id of letters, digits, _ . : or -'),
  title: localisedSchema,
  description: localisedSchema.optional(),
  /** Other words that pick this option ("oui", "yes"). */
  aliases: z.array(z.string().min(1, 'must not be empty')).optional(),
};

export function uniqueOptionIds(
  options: readonly { id: string }[],
  ctx: z.RefinementCtx,
  prefix: string[],
): void {
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
