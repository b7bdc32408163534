import { z } from 'zod';
import type { ContactWithIdentities } from './contact.service.ts';
import { isLanguageTag, MAX_LANGUAGE_TAG_LENGTH } from './language-tag.ts';

export const contactIdentityJson = z.object({
  channel: z.string(),
  external_id: z
    .string()
    .nullable()
    .describe(
      'The channel’s id for the person (a WhatsApp number’s digits, a Telegram user id, a page-scoped id)',
    ),
  phone: z.string().nullable(),
  scoped_id: z
    .string()
    .nullable()
    .describe(
      'A second id scoped to the business, where the channel gives one (WhatsApp’s business-scoped user id)',
    ),
  username: z.string().nullable(),
  profile_name: z.string().nullable(),
});

export const contactJson = z
  .object({
    id: z.uuid(),
    display_name: z.string().nullable(),
    phone: z.string().nullable().describe('E.164'),
    language: z.string().nullable().describe('BCP 47 (fr, en-GB): the language to answer in'),
    tags: z.array(z.string()),
    custom_fields: z.record(z.string(), z.string()),
    identities: z.array(contactIdentityJson),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'Contact' });

export const TAGS_MAX = 20;
export const CUSTOM_FIELDS_MAX = 50;

export const contactPatchBody = z
  .object({
    display_name: z.string().trim().min(1, 'must not be empty').max(200).nullable().optional(),
    language: z
      .string()
      .max(MAX_LANGUAGE_TAG_LENGTH, {
        error: `must be at most ${MAX_LANGUAGE_TAG_LENGTH} characters`,
        abort: true,
      })
      .refine(isLanguageTag, 'must be a BCP 47 language tag such as fr or en-GB')
      .nullable()
      .optional(),
    tags: z
      .array(z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters'))
      .max(TAGS_MAX, `at most ${TAGS_MAX} tags`)
      .refine(
        (tags) => new Set(tags.map((t) => t.toLowerCase())).size === tags.length,
        'must not repeat a tag',
      )
      .optional(),
    custom_fields: z
      .record(
        z.string().min(1, 'keys must not be empty').max(40, 'keys must be at most 40 characters'),
        z.string().max(500, 'must be at most 500 characters'),
      )
      .refine(
        (fields) => Object.keys(fields).length <= CUSTOM_FIELDS_MAX,
        `at most ${CUSTOM_FIELDS_MAX} fields`,
      )
      .optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'change at least one field' })
  .meta({ id: 'ContactPatch' });

export function toContactJson(contact: ContactWithIdentities): z.infer<typeof contactJson> {
  return {
    id: contact.id,
    display_name: contact.displayName,
    phone: contact.phone,
    language: contact.language,
    tags: contact.tags,
    custom_fields: contact.customFields,
    created_at: contact.createdAt.toISOString(),
    identities: contact.identities.map((i) => ({
      channel: i.channelType,
      external_id: i.externalId,
      phone: i.phone,
      scoped_id: i.scopedId,
      username: i.username,
      profile_name: i.profileName,
    })),
  };
}
