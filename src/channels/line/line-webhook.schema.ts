import { z } from 'zod';
import { toStorableText } from '../../platform/text/storable-text.ts';
import { boundedText, optionalShortText, wireName } from '../wire-text.ts';

/*
 * Wire schemas for the parts of a LINE webhook body Careline reads (field names as in @line/bot-sdk's
 * `webhook` types, which the tests use to write their bodies). Tolerant on purpose, like Telegram's:
 * unknown keys pass, and a cosmetic leaf of the wrong type (a file name, a title) reads as null rather
 * than losing a patient's message. What an item cannot be understood without (its type, its time, the
 * message id) is required, and an identifier that is unusable refuses the item, saying where, never what.
 *
 * Hostile text stops here: every string is bounded before anything else reads it, free text loses what
 * PostgreSQL cannot store (U+0000, lone surrogates), and an identifier carrying one is refused.
 */

/** LINE's ids (user, group, message, reply token, webhookEventId) are at most a few dozen characters. */
const MAX_ID_LENGTH = 256;

/** A text message is at most 5,000 characters on LINE; four times that is not a message. */
const MAX_TEXT_LENGTH = 20_000;

/** File names, titles, addresses, postback params. */
const MAX_SHORT_TEXT_LENGTH = 1024;

/** A postback's `data` is at most 300 characters; what Careline put there comes back. */
const MAX_POSTBACK_DATA_LENGTH = 1000;

const CONTROL_OR_UNSTORABLE = /[\p{Cc}\p{Cs}]/u;

/** An id that must be usable as a key as it is. */
export const lineId = z
  .string()
  .min(1, 'is empty')
  .max(MAX_ID_LENGTH, `is longer than ${MAX_ID_LENGTH} characters`)
  .refine((id) => !CONTROL_OR_UNSTORABLE.test(id), 'contains control characters');

/** An optional id: absent, of another type or unusable reads as null. */
export const optId = z
  .unknown()
  .optional()
  .transform((value) => {
    const parsed = lineId.safeParse(value);
    return parsed.success ? parsed.data : null;
  });

/** A time in milliseconds since the epoch (LINE's `timestamp`), as `Date#toISOString()` prints it. */
export const unixMillis = z
  .number()
  .int()
  .min(0)
  .max(253_402_300_799_999, 'after the year 9999')
  .transform((ms) => new Date(ms).toISOString());

/** A patient's text: bounded, refused when longer than any LINE message. */
export const messageText = boundedText(MAX_TEXT_LENGTH);

/** Optional short text (file names, titles, addresses): absent, wrong type or oversized read as null. */
export const optText = optionalShortText(MAX_SHORT_TEXT_LENGTH);

export const sourceSchema = z.looseObject({
  type: wireName('a source type'),
  userId: optId,
  groupId: optId,
  roomId: optId,
});
export type LineSource = z.infer<typeof sourceSchema>;

/** What every event has; a `type` that is no name reads as `unknown`. */
export const eventEnvelopeSchema = z.looseObject({
  type: wireName('an event type'),
  timestamp: unixMillis,
  mode: z.enum(['active', 'standby']).nullable().optional().catch(null),
  source: sourceSchema.optional().catch(undefined),
  replyToken: optId,
  webhookEventId: optId,
  deliveryContext: z
    .looseObject({ isRedelivery: z.boolean().nullable().optional().catch(null) })
    .optional()
    .catch(undefined),
});
export type LineEventEnvelope = z.infer<typeof eventEnvelopeSchema>;

const contentProviderSchema = z
  .looseObject({
    type: z.enum(['line', 'external']).catch('line'),
    originalContentUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .nullable()
      .optional()
      .catch(null),
  })
  .optional()
  .catch(undefined);

export const messageSchema = z.looseObject({
  id: lineId,
  type: wireName('a message type'),
  text: messageText.optional(),
  quotedMessageId: optId,
  contentProvider: contentProviderSchema,
  fileName: optText,
  title: optText,
  address: optText,
  latitude: z.number().min(-90).max(90).optional().catch(undefined),
  longitude: z.number().min(-180).max(180).optional().catch(undefined),
  packageId: optId,
  stickerId: optId,
});
export type LineMessage = z.infer<typeof messageSchema>;

export const postbackSchema = z.looseObject({
  data: z
    .string()
    .min(1, 'is empty')
    .max(MAX_POSTBACK_DATA_LENGTH, `is longer than ${MAX_POSTBACK_DATA_LENGTH} characters`)
    .refine((data) => !CONTROL_OR_UNSTORABLE.test(data), 'contains control characters'),
  // `date`, `time`, `datetime` of a date picker; rich-menu switch params. Only short strings are kept.
  params: z
    .unknown()
    .optional()
    .transform((value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
      const kept: Record<string, string> = {};
      for (const [key, item] of Object.entries(value).slice(0, 8)) {
        if (/^[A-Za-z]{1,32}$/.test(key) && typeof item === 'string' && item.length <= 64)
          kept[key] = toStorableText(item);
      }
      return kept;
    }),
});

export const unsendSchema = z.looseObject({ messageId: lineId });

export const followSchema = z
  .looseObject({ isUnblocked: z.boolean().optional().catch(undefined) })
  .optional()
  .catch(undefined);
