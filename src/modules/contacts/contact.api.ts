import { z } from 'zod';
import type { ContactWithIdentities } from './contact.service.ts';

export const contactIdentityJson = z.object({
  channel: z.string(),
  wa_id: z.string().nullable(),
  phone: z.string().nullable(),
  bsuid: z.string().nullable(),
  username: z.string().nullable(),
  profile_name: z.string().nullable(),
});

export const contactJson = z
  .object({
    id: z.uuid(),
    display_name: z.string().nullable(),
    phone: z.string().nullable().describe('E.164'),
    identities: z.array(contactIdentityJson),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'Contact' });

export function toContactJson(contact: ContactWithIdentities): z.infer<typeof contactJson> {
  return {
    id: contact.id,
    display_name: contact.displayName,
    phone: contact.phone,
    created_at: contact.createdAt.toISOString(),
    identities: contact.identities.map((i) => ({
      channel: i.channelType,
      wa_id: i.channelType === 'whatsapp' ? i.externalId : null,
      phone: i.phone,
      bsuid: i.bsuid,
      username: i.username,
      profile_name: i.profileName,
    })),
  };
}
