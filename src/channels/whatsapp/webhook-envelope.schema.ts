import { z } from 'zod';
import { unixToIso } from './unix-time.ts';

/*
 * Wire schemas for the WhatsApp Cloud API webhook. They are tolerant on purpose: unknown keys pass, and
 * an optional leaf of the wrong type reads as null instead of failing its whole message, because losing
 * a patient's message over a cosmetic field is worse than showing it with a blank. Only what an item
 * cannot be understood without (ids, timestamps) is required.
 */

/** Optional text: absent, null or not a string all read as null. */
export const optText = z.string().nullable().catch(null);

export const optNumber = z.number().nullable().catch(null);

export const optBoolean = z.boolean().nullable().catch(null);

/** An identifier: some payloads send numbers (template ids), kept as strings; "" reads as null. */
export const optId = z
  .union([z.string().min(1), z.number().transform(String)])
  .nullable()
  .catch(null);

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
  field: z.string().min(1),
  value: z.unknown(),
});

/** `value` of the `messages`-like fields: keeps its lists as raw values so each item is parsed alone. */
export const phoneNumberValueSchema = z.looseObject({
  metadata: z.object({
    phone_number_id: z.string().min(1),
    display_phone_number: optText,
  }),
});

export const waContactSchema = z.object({
  wa_id: optId,
  user_id: optId,
  parent_user_id: optId,
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
