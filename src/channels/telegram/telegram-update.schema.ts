import { z } from 'zod';
import { isStorableText } from '../../platform/text/storable-text.ts';
import { boundedText, optionalShortText } from '../wire-text.ts';

/*
 * Wire schemas for the parts of a Bot API `Update` Careline reads (field names as in @grammyjs/types,
 * which the tests use to write their updates). Tolerant on purpose, like the WhatsApp ones: unknown keys
 * pass, and a cosmetic leaf of the wrong type (a name, a MIME type, a size) reads as null rather than
 * losing a patient's message. What an item cannot be understood without (its ids, its date, its chat) is
 * required, and a given text or file id that is unusable refuses the item, saying where, never what.
 *
 * Hostile text stops here: every string is bounded before anything else reads it, free text loses what
 * PostgreSQL cannot store (U+0000, lone surrogates), and an identifier carrying one is refused.
 */

/** Telegram's longest ids (file ids) are about 100 characters; far above that is not Telegram's. */
const MAX_ID_LENGTH = 512;

/** Texts are at most 4,096 characters and captions 1,024 on Telegram; four times that is not a message. */
const MAX_TEXT_LENGTH = 16_384;

/** Names (64), titles (128), file names, MIME types, emoji. */
const MAX_SHORT_TEXT_LENGTH = 1024;

const CONTROL_OR_UNSTORABLE = /[\p{Cc}\p{Cs}]/u;

/**
 * A Telegram integer id (user, chat, message): Telegram documents them as fitting a double exactly
 * (at most 52 significant bits), so a number beyond `Number.MAX_SAFE_INTEGER` is not one of theirs.
 */
export const telegramInt = z.number().int().refine(Number.isSafeInteger, 'not a safe integer');

/** A Unix time in seconds (Telegram's `date`), as `Date#toISOString()` prints it. */
export const unixSeconds = z
  .number()
  .int()
  .min(0)
  .max(253_402_300_799, 'after the year 9999')
  .transform((seconds) => new Date(seconds * 1000).toISOString());

/** A file id or callback data: required text that must be usable as a key as it is. */
export const wireId = z
  .string()
  .min(1, 'is empty')
  .max(MAX_ID_LENGTH, `is longer than ${MAX_ID_LENGTH} characters`)
  .refine((id) => !CONTROL_OR_UNSTORABLE.test(id), 'contains control characters');

/** A patient's text or caption: bounded, refused when longer than any Telegram message. */
export const messageText = boundedText(MAX_TEXT_LENGTH);

/** Optional short text (names, MIME types, file names): absent, wrong type or oversized read as null. */
export const optText = optionalShortText(MAX_SHORT_TEXT_LENGTH);

/** A username: an identifier people are told, so one that is not storable reads as null, not mangled. */
const optUsername = optText.transform((value) => (value !== null && isStorableText(value) ? value : null));

const optPositiveInt = z.number().int().min(0).nullable().optional().catch(null);

export const userSchema = z.looseObject({
  id: telegramInt,
  first_name: optText,
  last_name: optText,
  username: optUsername,
});

export type TelegramUser = z.infer<typeof userSchema>;

export const chatSchema = z.looseObject({
  id: telegramInt,
  type: z
    .string()
    .max(32)
    .regex(/^[a-z_]+$/, 'is not a chat type'),
  title: optText,
  first_name: optText,
  last_name: optText,
  username: optUsername,
});

export type TelegramChat = z.infer<typeof chatSchema>;

const fileFields = {
  file_id: wireId,
  file_size: optPositiveInt,
};

export const photoSizeSchema = z.looseObject({
  ...fileFields,
  width: optPositiveInt,
  height: optPositiveInt,
});

export const fileSchema = z.looseObject({
  ...fileFields,
  mime_type: optText,
  file_name: optText,
});

export const stickerSchema = z.looseObject({
  ...fileFields,
  is_animated: z.boolean().optional().catch(undefined),
  is_video: z.boolean().optional().catch(undefined),
});

export const locationSchema = z.looseObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});

export const venueSchema = z.looseObject({
  location: locationSchema,
  title: optText,
  address: optText,
});

export const contactSchema = z.looseObject({
  phone_number: optText,
  first_name: optText,
  last_name: optText,
});

const inlineButtonSchema = z.looseObject({ text: optText, callback_data: z.unknown().optional() });

/** The keyboard a bot message carried: where a tapped button's visible title is found. */
export const replyMarkupSchema = z
  .looseObject({ inline_keyboard: z.array(z.array(inlineButtonSchema)) })
  .optional()
  .catch(undefined);

/**
 * A `Message`. Content fields are checked only when present; one that is present but unreadable refuses
 * the message (it is a patient's, so the refusal reaches an operator) instead of passing as text-less.
 */
export const messageSchema = z.looseObject({
  message_id: telegramInt,
  date: unixSeconds,
  edit_date: unixSeconds.optional().catch(undefined),
  chat: chatSchema,
  from: userSchema.optional().catch(undefined),
  sender_chat: chatSchema.optional().catch(undefined),
  text: messageText.optional(),
  caption: messageText.optional(),
  photo: z.array(photoSizeSchema).min(1).optional(),
  animation: fileSchema.optional(),
  document: fileSchema.optional(),
  voice: fileSchema.optional(),
  audio: fileSchema.optional(),
  video: fileSchema.optional(),
  video_note: fileSchema.optional(),
  sticker: stickerSchema.optional(),
  venue: venueSchema.optional(),
  location: locationSchema.optional(),
  contact: contactSchema.optional(),
  reply_to_message: z.looseObject({ message_id: telegramInt }).optional().catch(undefined),
  forward_origin: z.unknown().optional(),
  forward_date: z.unknown().optional(),
  reply_markup: replyMarkupSchema,
});

export type TelegramMessage = z.infer<typeof messageSchema>;

export const callbackQuerySchema = z.looseObject({
  id: wireId,
  from: userSchema,
  /** Absent when the message is too old or was sent inline; then the chat is unknown. */
  message: z.unknown().optional(),
  data: wireId.optional(),
});

const reactionTypeSchema = z.looseObject({ type: z.string(), emoji: optText });

export const messageReactionSchema = z.looseObject({
  chat: chatSchema,
  message_id: telegramInt,
  user: userSchema.optional().catch(undefined),
  actor_chat: chatSchema.optional().catch(undefined),
  date: unixSeconds,
  old_reaction: z.array(reactionTypeSchema).catch([]),
  new_reaction: z.array(reactionTypeSchema),
});

const chatMemberSchema = z.looseObject({ status: z.string().max(32) });

export const chatMemberUpdatedSchema = z.looseObject({
  chat: chatSchema,
  from: userSchema,
  date: unixSeconds,
  old_chat_member: chatMemberSchema,
  new_chat_member: chatMemberSchema,
});

/** The envelope: an update id and, per the Bot API, at most one other field (the update's kind). */
export const updateEnvelopeSchema = z.looseObject({ update_id: telegramInt.refine((id) => id >= 0) });
