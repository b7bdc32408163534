import { z } from 'zod';
import { toStorableText } from '../../platform/text/storable-text.ts';
import { unixToIso } from './unix-time.ts';

/*
 * Wire schemas for the WhatsApp Cloud API webhook. They are tolerant on purpose: unknown keys pass, and
 * an optional leaf of the wrong type reads as null instead of failing its whole message, because losing
 * a patient's message over a cosmetic field is worse than showing it with a blank. Only what an item
 * cannot be understood without (ids, timestamps) is required.
 *
 * They are also where hostile text stops. Every string is bounded here, before anything else reads it.
 * Free text loses the characters PostgreSQL cannot store (U+0000, lone surrogates); an identifier that
 * carries one, or any control character, or is too long, is unusable: where it says whose or which item
 * this is, the item is refused with the reason, rather than filed under another id.
 */

/**
 * Meta's longest identifier is a template name (512 characters); wamids are about 60, wa_ids at most 15
 * digits. Far above any of them, and short enough for any index row.
 */
export const MAX_ID_LENGTH = 512;

/** A patient's WhatsApp text is at most 65,536 characters. */
export const MAX_BODY_LENGTH = 65_536;

/** Names, captions (1,024 on WhatsApp), titles, file names, error texts, links. */
export const MAX_SHORT_TEXT_LENGTH = 4096;

const CONTROL_OR_UNSTORABLE = /[\p{Cc}\p{Cs}]/u;

/** Why this identifier cannot be used, or null when it can. */
export function idProblem(id: string): string | null {
  if (id.length === 0) return 'is empty';
  if (id.length > MAX_ID_LENGTH) return `is longer than ${MAX_ID_LENGTH} characters`;
  if (CONTROL_OR_UNSTORABLE.test(id)) return 'contains control characters';
  return null;
}

/** The identifier when `value` is one that can be used (a string or a number), else null. */
export function usableId(value: unknown): string | null {
  const id = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  return typeof id === 'string' && idProblem(id) === null ? id : null;
}

function refuseUnusable(id: string, ctx: z.RefinementCtx): string {
  const problem = idProblem(id);
  if (problem === null) return id;
  // The message names the problem, never the value: it ends up in logs.
  ctx.addIssue({ code: 'custom', message: `unusable identifier: ${problem}` });
  return z.NEVER;
}

/** An identifier an item cannot be understood without (message id, wamid it refers to, type). */
export const wireId = z.string().transform(refuseUnusable);

/** An identifier: some payloads send numbers (template ids), kept as strings; absent, "" or unusable read as null. */
export const optId = z
  .unknown()
  .optional()
  .transform((value) => usableId(value));

/**
 * An identifier that says who or what the item is about (wa_id, BSUID, a button's payload): absent
 * reads as null, but a given id that cannot be used refuses its object, so a message is never filed
 * under another identity than the one it names, nor a tap read as another button.
 */
export const optStrictId = z
  .unknown()
  .optional()
  .transform((value, ctx) => {
    const id = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
    if (typeof id !== 'string' || id === '') return null;
    return refuseUnusable(id, ctx);
  });

/** Free text of at most `max` characters, without what PostgreSQL cannot store. */
function storableText(value: string, max: number): string {
  return toStorableText(value.length > max ? value.slice(0, max) : value);
}

/** Optional short text: absent, null or not a string all read as null. */
export const optText = z
  .unknown()
  .optional()
  .transform((value) => (typeof value === 'string' ? storableText(value, MAX_SHORT_TEXT_LENGTH) : null));

/** A message body (text, edited text, Flow answers). */
export const bodyText = z.string().transform((value) => storableText(value, MAX_BODY_LENGTH));

export const optBodyText = z
  .unknown()
  .optional()
  .transform((value) => (typeof value === 'string' ? storableText(value, MAX_BODY_LENGTH) : null));

export const optNumber = z.number().nullable().catch(null);

export const optBoolean = z.boolean().nullable().catch(null);

/** A Unix timestamp in seconds (string or number; milliseconds tolerated) as an ISO string. */
export const unixTime = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const iso = unixToIso(value);
  if (iso === null) {
    ctx.issues.push({ code: 'custom', message: 'not a Unix timestamp', input: value });
    return z.NEVER;
  }
  return iso;
});

export const optUnixTime = unixTime.nullable().catch(null);

/** An array whose bad elements are dropped one by one; absent or not an array reads as []. */
export function lenientArray<T extends z.ZodType>(item: T) {
  return z
    .array(z.unknown())
    .catch([])
    .transform((elements) =>
      elements.flatMap((element) => {
        const parsed = item.safeParse(element);
        return parsed.success ? [parsed.data] : [];
      }),
    );
}

export const webhookEnvelopeSchema = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(z.unknown()),
});

export const entrySchema = z.object({
  /** WhatsApp Business Account id. */
  id: optId,
  /** Present on account-level fields (templates, account updates); their event time. */
  time: optUnixTime,
  changes: z.array(z.unknown()),
});

export const changeSchema = z.object({
  field: wireId,
  value: z.unknown(),
});

/** `value` of the `messages`-like fields: keeps its lists as raw values so each item is parsed alone. */
export const phoneNumberValueSchema = z.looseObject({
  metadata: z.object({
    phone_number_id: wireId,
    display_phone_number: optText,
  }),
});

export const waContactSchema = z.object({
  wa_id: optStrictId,
  user_id: optStrictId,
  parent_user_id: optStrictId,
  profile: z.object({ name: optText, username: optText }).nullable().catch(null),
});

export type WaContact = z.infer<typeof waContactSchema>;

/** What every item of one phone-number `value` shares: the number it reached and the profiles Meta attached. */
export interface PhoneNumberScope {
  accountId: string;
  contacts: readonly WaContact[];
}

export const contactsSchema = lenientArray(waContactSchema);

/** Message, status and value-level errors: `details` in `error_data` (current) or top level (legacy). */
export const itemErrorSchema = z.object({
  code: optNumber,
  title: optText,
  message: optText,
  details: optText,
  error_data: z.object({ details: optText }).nullable().catch(null),
});

export type WaItemError = z.infer<typeof itemErrorSchema>;
