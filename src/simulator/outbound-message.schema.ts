import { z } from 'zod';
import { interactiveSchema } from './outbound-interactive.schema.ts';
import { templateSendSchema } from './outbound-template.schema.ts';
import { characterCount, httpUrl, limitedText } from './text-limit.ts';

/** Meta's limit on `text.body`, counted in characters (code points), not UTF-16 units. */
export const TEXT_BODY_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;

export const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

const envelope = {
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.literal('individual').optional(),
  to: z
    .string()
    .regex(/^\+?\d{5,15}$/, 'must be the recipient phone number in digits, optionally with a leading +')
    .optional(),
  // Users who adopted a username can be addressed by their business-scoped user id instead.
  recipient: z
    .string()
    .regex(/^[A-Z]{2}\.[A-Za-z0-9.]+$/, 'must be a business-scoped user id, e.g. US.13491208655302741918')
    .optional(),
  context: z.object({ message_id: z.string().min(1) }).optional(),
  biz_opaque_callback_data: z.string().max(512).optional(),
};

function mediaObject(type: MediaType) {
  return z
    .object({
      id: z.string().min(1).optional(),
      link: httpUrl.optional(),
      caption: limitedText(CAPTION_LIMIT).optional(),
      filename: limitedText(240).optional(),
    })
    .superRefine((media, context) => {
      if ((media.id === undefined) === (media.link === undefined)) {
        context.addIssue({ code: 'custom', path: [], message: 'must have exactly one of id or link' });
      }
      if (media.caption !== undefined && (type === 'audio' || type === 'sticker')) {
        context.addIssue({
          code: 'custom',
          path: ['caption'],
          message: `is not allowed for ${type} messages`,
        });
      }
      if (media.filename !== undefined && type !== 'document') {
        context.addIssue({
          code: 'custom',
          path: ['filename'],
          message: 'is allowed for document messages only',
        });
      }
    });
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const emoji = z
  .string()
  .max(64, { error: 'must be a single emoji, or empty to remove the reaction', abort: true })
  .refine(
    (value) =>
      value === '' ||
      ([...graphemes.segment(value)].length === 1 && /\p{Extended_Pictographic}/u.test(value)),
    'must be a single emoji, or empty to remove the reaction',
  );

const contactCard = z.looseObject({
  name: z.looseObject({ formatted_name: z.string().min(1) }),
  phones: z.array(z.looseObject({ phone: z.string().min(1).optional() })).optional(),
});

const message = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ ...envelope, type: z.literal(type), ...shape });

/** Every outbound message kind the simulator accepts on `POST …/messages`, told apart by `type`. */
export const outboundMessageSchema = z
  .discriminatedUnion('type', [
    message('text', {
      text: z.object({
        body: z
          .string()
          .min(1, 'must not be empty')
          .refine((body) => characterCount(body) <= TEXT_BODY_LIMIT, {
            message: `must be at most ${TEXT_BODY_LIMIT} characters long`,
          }),
        preview_url: z.boolean().optional(),
      }),
    }),
    message('image', { image: mediaObject('image') }),
    message('video', { video: mediaObject('video') }),
    message('audio', { audio: mediaObject('audio') }),
    message('document', { document: mediaObject('document') }),
    message('sticker', { sticker: mediaObject('sticker') }),
    message('location', {
      location: z.object({
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
        name: z.string().optional(),
        address: z.string().optional(),
      }),
    }),
    message('contacts', { contacts: z.array(contactCard).min(1, 'must have at least 1 contact') }),
    message('reaction', { reaction: z.object({ message_id: z.string().min(1), emoji }) }),
    message('interactive', { interactive: interactiveSchema }),
    message('template', { template: templateSendSchema }),
  ])
  .refine((body) => body.to !== undefined || body.recipient !== undefined, {
    message: 'is required',
    path: ['to'],
  });

export const OUTBOUND_TYPES = [
  'text',
  ...MEDIA_TYPES,
  'location',
  'contacts',
  'reaction',
  'interactive',
  'template',
] as const;

export type OutboundMessage = z.infer<typeof outboundMessageSchema>;
export type OutboundType = OutboundMessage['type'];
