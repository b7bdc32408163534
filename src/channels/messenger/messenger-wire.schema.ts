import { z } from 'zod';
import { toStorableText } from '../../platform/text/storable-text.ts';

/*
 * Wire schemas for Messenger Platform webhooks (Facebook Pages and Instagram professional accounts
 * share them). Tolerant on purpose, like WhatsApp's: unknown keys pass and an optional leaf of the
 * wrong type reads as null, because losing a patient's message over a cosmetic field is worse than
 * showing it with a blank. Only what an event cannot be understood without (ids) is required.
 *
 * Hostile text stops here: every string is bounded, free text loses what PostgreSQL cannot store
 * (U+0000, lone surrogates), and an identifier with a control character or of absurd length is unusable.
 */

/** Meta's PSIDs, IGSIDs and mids are under 200 characters; far above them and short enough for an index. */
export const MAX_ID_LENGTH = 512;

/** Messenger text is at most 2,000 characters outbound; inbound is not documented, so a generous bound. */
export const MAX_BODY_LENGTH = 65_536;

/** Titles, payloads of quick replies (1,000), refs, URLs. */
export const MAX_SHORT_TEXT_LENGTH = 4096;

const CONTROL_OR_UNSTORABLE = /[\p{Cc}\p{Cs}]/u;

/** Why this identifier cannot be used, or null when it can. */
export function idProblem(id: string): string | null {
  if (id.length === 0) return 'is empty';
  if (id.length > MAX_ID_LENGTH) return `is longer than ${MAX_ID_LENGTH} characters`;
  if (CONTROL_OR_UNSTORABLE.test(id)) return 'contains control characters';
  return null;
}

/** The identifier when `value` is a usable string or finite number, else null. */
export function usableId(value: unknown): string | null {
  const id = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  return typeof id === 'string' && idProblem(id) === null ? id : null;
}

/**
 * A name Meta gives a kind of thing (a webhook `object`, a change's `field`, an attachment `type`, an
 * event key) when it is one: letters, digits and `_`, as all of Meta's are. It goes into an event's
 * `rawType`, which is logged and shown to operators, so anything else reads as null, never as text.
 */
export function wireName(value: unknown): string | null {
  return typeof value === 'string' && /^[A-Za-z0-9_]{1,64}$/.test(value) ? value : null;
}

/** An identifier the event cannot be understood without (a mid, a sender): unusable refuses the object. */
export const wireId = z.unknown().transform((value, ctx) => {
  const id = usableId(value);
  if (id !== null) return id;
  // Names the problem, never the value: it ends up in logs.
  ctx.addIssue({ code: 'custom', message: 'missing or unusable identifier' });
  return z.NEVER;
});

/** An optional identifier: absent, empty or unusable reads as null. */
export const optId = z
  .unknown()
  .optional()
  .transform((value) => usableId(value));

function storableText(value: string, max: number): string {
  return toStorableText(value.length > max ? value.slice(0, max) : value);
}

/** Optional short text: absent or not a string reads as null. */
export const optText = z
  .unknown()
  .optional()
  .transform((value) => (typeof value === 'string' ? storableText(value, MAX_SHORT_TEXT_LENGTH) : null));

/** Optional message body. */
export const optBody = z
  .unknown()
  .optional()
  .transform((value) => (typeof value === 'string' ? storableText(value, MAX_BODY_LENGTH) : null));

/** Messenger times are Unix milliseconds; anything else (or out of `Date`'s range) reads as null. */
export const optMillis = z
  .unknown()
  .optional()
  .transform((value) => millisToIso(value));

export function millisToIso(value: unknown): string | null {
  const amount = typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) return null;
  const date = new Date(Math.trunc(amount));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export const optBoolean = z.boolean().nullable().catch(null);

/** An object, or null when absent or not an object (an array where an object belongs reads as null). */
export function optObject<T extends z.ZodRawShape>(shape: T) {
  return z.object(shape).nullable().catch(null);
}

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

/** `object: "page"` (Messenger) or `"instagram"`; each entry is parsed alone so one bad entry loses nothing else. */
export const envelopeSchema = z.object({
  object: z.string(),
  entry: z.array(z.unknown()),
});

export const entrySchema = z.object({
  /** The Page id (Messenger) or the Instagram professional account id: our side, and the routing key. */
  id: wireId,
  time: optMillis,
  messaging: z.array(z.unknown()).optional(),
  /** Events seen while another app holds the conversation (handover protocol): not ours to answer. */
  standby: z.array(z.unknown()).optional(),
  /** Page feed and other `changes` fields: not messaging. */
  changes: z.array(z.unknown()).optional(),
});

/** The common frame of one `messaging[]` item; its one event key is read separately. */
export const messagingFrameSchema = z.looseObject({
  sender: optObject({ id: optId, user_ref: optId }),
  recipient: optObject({ id: optId }),
  timestamp: optMillis,
});

export const attachmentSchema = z.object({
  type: z.string().max(64),
  payload: z
    .looseObject({
      url: optText,
      title: optText,
      sticker_id: optId,
      coordinates: optObject({ lat: z.number(), long: z.number() }),
    })
    .nullable()
    .catch(null),
});

export const messageSchema = z.object({
  mid: optId,
  text: optBody,
  is_echo: optBoolean,
  is_deleted: optBoolean,
  is_unsupported: optBoolean,
  quick_reply: optObject({ payload: optId }),
  reply_to: optObject({ mid: optId }),
  attachments: lenientArray(attachmentSchema),
});

export const postbackSchema = z.object({
  mid: optId,
  title: optText,
  // What we put in the button: it says which button was tapped, so an unusable one refuses the tap.
  payload: wireId,
});

export const reactionSchema = z.object({
  mid: wireId,
  action: optText,
  emoji: optText,
  reaction: optText,
});

export const deliverySchema = z.object({
  mids: lenientArray(wireId),
  watermark: optMillis,
});

export const readSchema = z.object({
  watermark: optMillis,
  // Instagram's messaging_seen names the message read instead of a watermark.
  mid: optId,
});

export const optinSchema = z.looseObject({
  ref: optText,
  user_ref: optId,
  type: optText,
  payload: optText,
});

export const referralSchema = z.looseObject({
  ref: optText,
  source: optText,
  type: optText,
  ad_id: optId,
  referer_uri: optText,
});

export const accountLinkingSchema = z.object({
  status: optText,
  authorization_code: optText,
});

export const messageEditSchema = z.object({
  mid: wireId,
  text: optBody,
  num_edit: z.number().nullable().catch(null),
});
