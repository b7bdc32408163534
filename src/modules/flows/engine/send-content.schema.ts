import { z } from 'zod';
import { localisedSchema } from './localised.ts';

export const SEND_MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'] as const;

const mediaSchema = z.union(
  [
    z.strictObject({ url: z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL') }),
    z.strictObject({ mediaId: z.string().min(1, 'must not be empty') }),
  ],
  { error: 'media must be {url} or {mediaId}' },
);

/**
 * What a `send` step says: the same kinds as an agent's outbound message, with localised texts that are
 * rendered for the patient. A template's language is localised too ({fr: 'fr', en: 'en_US'}), since
 * each language is a separately approved template.
 */
export const sendContentSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('text'), text: localisedSchema }),
    z.strictObject({
      type: z.enum(SEND_MEDIA_TYPES),
      media: mediaSchema,
      caption: localisedSchema.optional(),
      fileName: z.string().min(1, 'must not be empty').optional(),
    }),
    z.strictObject({
      type: z.literal('template'),
      name: z.string().min(1, 'must not be empty'),
      language: localisedSchema,
      params: z
        .union([z.array(localisedSchema), z.record(z.string(), localisedSchema)], {
          error: 'params must be a list of texts or an object of named texts',
        })
        .optional(),
    }),
  ],
  { error: `message type must be one of text, ${SEND_MEDIA_TYPES.join(', ')}, template` },
);

export type SendContent = z.infer<typeof sendContentSchema>;
