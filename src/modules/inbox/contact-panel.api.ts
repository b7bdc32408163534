import { z } from 'zod';
import { contactJson, toContactJson } from '../contacts/contact.api.ts';
import type { ContactPanel } from './contact-panel.service.ts';
import { CONVERSATION_STATUSES } from './conversation-statuses.ts';

export const contactPanelJson = contactJson
  .extend({
    conversations: z
      .array(
        z.object({ id: z.uuid(), status: z.enum(CONVERSATION_STATUSES), last_message_at: z.iso.datetime() }),
      )
      .describe('The patient’s conversations, most recent first (at most 50)'),
  })
  .meta({ id: 'ContactPanel' });

export function toContactPanelJson(contact: ContactPanel): z.infer<typeof contactPanelJson> {
  return {
    ...toContactJson(contact),
    conversations: contact.conversations.map((c) => ({
      id: c.id,
      status: c.status,
      last_message_at: c.lastMessageAt.toISOString(),
    })),
  };
}
