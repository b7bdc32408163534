import { z } from 'zod';
import { boundedText, optionalShortText } from '../wire-text.ts';

/*
 * Wire schemas for the parts of a Viber callback Careline reads (field names of the REST Bot API,
 * channels.md §4). Tolerant like LINE's: unknown keys pass, a cosmetic leaf of the wrong type reads as
 * null. What an item cannot be understood without (the user's id, the message's type) is required.
 * Bodies are read by readViberJson, so a `message_token` arrives as a number when it is small and as
 * the digits Viber sent when it is not.
 */

const MAX_ID_LENGTH = 256;
/** A text message is at most 7,000 characters on Viber; three times that is not a message. */
const MAX_TEXT_LENGTH = 21_000;
const MAX_SHORT_TEXT_LENGTH = 1024;
const MAX_TRACKING_DATA_LENGTH = 4096;

const CONTROL_OR_UNSTORABLE = /[\p{Cc}\p{Cs}]/u;

/** A Viber user id (base64-like, `01234567890A=`): usable as a key as it is. */
export const viberId = z
  .string()
  .min(1, 'is empty')
  .max(MAX_ID_LENGTH, `is longer than ${MAX_ID_LENGTH} characters`)
  .refine((id) => !CONTROL_OR_UNSTORABLE.test(id), 'contains control characters');

/** `message_token`: a non-negative 64-bit integer, as digits (a number when it fitted one exactly). */
export const messageToken = z
  .union([z.number().int().min(0), z.string().regex(/^\d{1,20}$/)])
  .transform((token) => String(token));

export const optMessageToken = z
  .unknown()
  .optional()
  .transform((value) => {
    const parsed = messageToken.safeParse(value);
    return parsed.success ? parsed.data : null;
  });

/** Milliseconds since the epoch, as `Date#toISOString()` prints them; null when absent or unreadable. */
export const optUnixMillis = z
  .unknown()
  .optional()
  .transform((value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 253_402_300_799_999
      ? new Date(value).toISOString()
      : null,
  );

export const optText = optionalShortText(MAX_SHORT_TEXT_LENGTH);

const optUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .nullable()
  .optional()
  .catch(null)
  .transform((url) => url ?? null);

const optNumber = z
  .number()
  .nonnegative()
  .optional()
  .catch(undefined)
  .transform((value) => value ?? null);

export const userSchema = z.looseObject({
  id: viberId,
  name: optText,
  country: optText,
  language: optText,
});
export type ViberUser = z.infer<typeof userSchema>;

export const messageSchema = z.looseObject({
  type: z.string().regex(/^[a-z_]{1,32}$/, 'is not a message type'),
  text: boundedText(MAX_TEXT_LENGTH).nullable().optional().catch(null),
  media: optUrl,
  thumbnail: optUrl,
  file_name: optText,
  size: optNumber,
  duration: optNumber,
  sticker_id: z
    .union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/)])
    .optional()
    .catch(undefined),
  contact: z.looseObject({ name: optText, phone_number: optText }).optional().catch(undefined),
  location: z
    .looseObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })
    .optional()
    .catch(undefined),
  tracking_data: optionalShortText(MAX_TRACKING_DATA_LENGTH),
});
export type ViberMessage = z.infer<typeof messageSchema>;
