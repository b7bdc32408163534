import { z } from 'zod';
import { localisedSchema } from './localised.ts';
import {
  buttonLabelSchema,
  choiceOption,
  keySchema,
  MAX_MENU_OPTIONS,
  questionExits,
  stepIdSchema,
  uniqueOptionIds,
} from './step-fields.schema.ts';

/** A path as templates write it, from one of their roots: `vars.slots.options`, `answers.services`. */
const optionsPathSchema = z
  .string()
  .regex(
    /^(answers|vars|contact|org)(\.[A-Za-z0-9_-]+)+$/,
    'must be a path such as vars.slots.options (from answers, vars, contact or org)',
  );

/**
 * Options that each lead somewhere: fixed ones written in the flow, and (with `optionsFrom`) ones the
 * host put in a variable, such as free slots, shown first and all leading to `optionNext`.
 */
export const menuStepSchema = z
  .strictObject({
    type: z.literal('menu'),
    prompt: localisedSchema,
    options: z
      .array(z.strictObject({ ...choiceOption, next: stepIdSchema }))
      .min(1, 'must hold at least one option')
      .max(MAX_MENU_OPTIONS, 'must hold at most 10 options')
      .optional(),
    /** A list of {id, title, description?} in the patient's language, usually a host request's answer. */
    optionsFrom: optionsPathSchema.optional(),
    /** Where any option from `optionsFrom` leads; the chosen id is in `answers[saveAs]`. */
    optionNext: stepIdSchema.optional(),
    /** Where to go when there is no option at all to offer (no fixed ones, and none from the host). */
    empty: stepIdSchema.optional(),
    buttonLabel: buttonLabelSchema.optional(),
    saveAs: keySchema.optional(),
    ...questionExits,
  })
  .superRefine((step, ctx) => {
    if (step.options !== undefined) uniqueOptionIds(step.options, ctx, ['options']);
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (step.optionsFrom !== undefined) {
      if (step.optionNext === undefined) issue('optionNext', 'is required with optionsFrom');
      return;
    }
    if (step.options === undefined) issue('options', 'a menu needs options or optionsFrom');
    if (step.optionNext !== undefined) issue('optionNext', 'is only for a menu with optionsFrom');
    if (step.empty !== undefined) issue('empty', 'is only for a menu with optionsFrom');
  });
