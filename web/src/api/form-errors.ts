import type { TFunction } from 'i18next';
import { describeError } from './describe-error.ts';
import { ApiError } from './http-client.ts';

/** A refused save, split for a form: messages beside the fields the server named, the rest above. */
export interface FormErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  general: string | null;
}

export const NO_ERRORS: FormErrors<never> = { fields: {}, general: null };

/**
 * Puts each message the server gave for `body.<field>` beside that field. `conflicts` says, in the
 * interface language, what a 409 on a field means ("this e-mail already has an account").
 */
export function formErrorsOf<F extends string>(
  error: unknown,
  fields: readonly F[],
  t: TFunction,
  conflicts: Partial<Record<F, string>> = {},
): FormErrors<F> {
  if (!(error instanceof ApiError)) return { fields: {}, general: describeError(error, t) };
  const found: Partial<Record<F, string>> = {};
  for (const field of fields) {
    const message = error.fieldMessage(field);
    if (message !== undefined) found[field] = error.status === 409 ? (conflicts[field] ?? message) : message;
  }
  const named = Object.keys(found).length > 0;
  return { fields: found, general: named ? null : describeError(error, t) };
}

/** The errors left once the person changes a field: its own message goes, the others stay. */
export function withoutField<F extends string>(errors: FormErrors<F>, field: F): FormErrors<F> {
  if (errors.fields[field] === undefined) return errors;
  const fields: Partial<Record<F, string>> = { ...errors.fields };
  delete fields[field];
  return { ...errors, fields };
}
