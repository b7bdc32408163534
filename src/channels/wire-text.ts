import { z } from 'zod';
import { toStorableText } from '../platform/text/storable-text.ts';

/*
 * The text fields of providers' webhook bodies, as the channels' wire schemas read them: bounded before
 * anything else reads them, and without what PostgreSQL cannot store (U+0000, lone surrogates).
 */

/** A patient's text: refused when longer than `max` (more than any message of the channel). */
export function boundedText(max: number) {
  return z.string().max(max, `is longer than ${max} characters`).transform(toStorableText);
}

/** Optional short text (names, titles, file names): absent, of another type or empty reads as null; cut at `max`. */
export function optionalShortText(max: number) {
  return z
    .unknown()
    .optional()
    .transform((value) =>
      typeof value === 'string' && value !== '' ? toStorableText(value.slice(0, max)) : null,
    );
}

/** A provider's name for a kind of thing (an event or message type): a name, or `unknown`. */
export function wireName(what: string) {
  return z
    .string()
    .regex(/^[A-Za-z0-9_]{1,64}$/, `is not ${what}`)
    .catch('unknown');
}
