import { z } from 'zod';
import { CAPTION_LIMIT, TEXT_BODY_LIMIT } from './outbound-message.schema.ts';
import { limitedText } from './text-limit.ts';

const phoneNumber = z
  .string()
  // People type numbers with spaces and punctuation; Meta's wa_id is the bare digits.
  .transform((value) => value.replace(/[\s().-]/g, ''))
  .pipe(
    z
      .string()
      .regex(/^\+?[1-9]\d{5,14}$/, 'must be a phone number in international format, e.g. +33612345678'),
  );
const wamid = z.string().min(1);

/** Who writes, to which number, and how the webhook travels: common to every kind of patient message. */
const sender = {
  /** The business number written to; may be left out when only one is registered. */
  phoneNumberId: z.string().min(1).optional(),
  from: phoneNumber.optional(),
  name: z.string().min(1).max(256).optional(),
  bsuid: z
    .string()
    .regex(
      /^[A-Z]{2}\.[A-Za-z0-9.]+$/,
      'must look like a business-scoped user id, e.g. US.13491208655302741918',
    )
    .optional(),
  /** A username-only user: no wa_id, only `user_id` / `from_user_id`. */
  phoneless: z.boolean().optional(),
  /** Sign with the wrong secret, to test that the receiver rejects it. */
  badSignature: z.boolean().optional(),
  /** Deliver this webhook twice. */
  duplicate: z.boolean().optional(),
  /** The message's id, instead of a fresh one (tests: a database refusal keyed on it). */
  wamid: z.string().min(1).max(512).optional(),
  /** `context.forwarded` / `context.frequently_forwarded`. */
  forwarded: z.enum(['forwarded', 'frequently_forwarded']).optional(),
};

/** A quoted reply: the wamid of the message answered (the business's or the patient's own). */
const replyTo = wamid.optional();

const bytes = z.union([
  z.instanceof(Uint8Array),
  z.base64('must be the file bytes in base64').min(1, 'must not be empty'),
]);

const media = <T extends 'image' | 'video' | 'audio' | 'document' | 'sticker'>(type: T) =>
  z.object({
    ...sender,
    type: z.literal(type),
    replyTo,
    /** The file: a Buffer, or base64 through the control API. */
    bytes,
    mimeType: z
      .string()
      .regex(/^[a-z]+\/[\w.+-]+(;.*)?$/, 'must be a MIME type')
      .optional(),
    caption: limitedText(CAPTION_LIMIT).optional(),
    filename: z.string().min(1).max(240).optional(),
    /** Audio: a voice note (`voice: true`) rather than a shared audio file. */
    voice: z.boolean().optional(),
    /** Sticker: animated or not. */
    animated: z.boolean().optional(),
  });

const variants = z.discriminatedUnion('type', [
  z.object({
    ...sender,
    type: z.literal('text'),
    text: limitedText(TEXT_BODY_LIMIT),
    replyTo,
    /** Click-to-WhatsApp ad or post that opened the chat (`referral`, Meta's field names). */
    referral: z
      .looseObject({
        source_url: z.string().min(1),
        source_id: z.string().min(1),
        source_type: z.enum(['ad', 'post']),
        headline: z.string().optional(),
        body: z.string().optional(),
        media_type: z.enum(['image', 'video']).optional(),
        ctwa_clid: z.string().optional(),
      })
      .optional(),
  }),
  media('image'),
  media('video'),
  media('audio'),
  media('document'),
  media('sticker'),
  z.object({
    ...sender,
    type: z.literal('location'),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    name: z.string().optional(),
    address: z.string().optional(),
    url: z.string().optional(),
  }),
  z.object({
    ...sender,
    type: z.literal('contacts'),
    contacts: z.array(z.looseObject({ name: z.looseObject({ formatted_name: z.string().min(1) }) })).min(1),
  }),
  z.object({
    ...sender,
    type: z.literal('button_reply'),
    replyTo: wamid,
    id: z.string().min(1),
    title: z.string().min(1),
  }),
  z.object({
    ...sender,
    type: z.literal('list_reply'),
    replyTo: wamid,
    id: z.string().min(1),
    title: z.string().min(1),
    description: z.string().optional(),
  }),
  /** A tap on a template's quick-reply button. */
  z.object({ ...sender, type: z.literal('button'), replyTo, payload: z.string(), text: z.string().min(1) }),
  /** `emoji: ''` removes the reaction. */
  z.object({ ...sender, type: z.literal('reaction'), messageId: wamid, emoji: z.string() }),
  z.object({
    ...sender,
    type: z.literal('edit'),
    originalMessageId: wamid,
    text: limitedText(TEXT_BODY_LIMIT),
  }),
  z.object({ ...sender, type: z.literal('revoke'), originalMessageId: wamid }),
  z.object({ ...sender, type: z.literal('unsupported'), unsupportedType: z.string().min(1).optional() }),
  /** The patient moved to a new phone number (`system` / `user_changed_number`). */
  z.object({ ...sender, type: z.literal('system'), newPhone: phoneNumber }),
]);

/** What a simulated patient sends: any inbound kind of §1.5, a text when `type` is left out. */
export const patientMessageSchema = z
  .preprocess(
    (input) =>
      typeof input === 'object' && input !== null && !('type' in input) ? { ...input, type: 'text' } : input,
    variants,
  )
  .superRefine((message, context) => {
    if (message.phoneless !== true && message.from === undefined) {
      context.addIssue({ code: 'custom', path: ['from'], message: 'is required unless phoneless is true' });
    }
  });

type Variant = z.input<typeof variants>;
export type PatientMessage =
  | Exclude<Variant, { type: 'text' }>
  | (Omit<Extract<Variant, { type: 'text' }>, 'type'> & { type?: 'text' });
export type ParsedPatientMessage = z.output<typeof patientMessageSchema>;
export type PatientMessageType = ParsedPatientMessage['type'];
