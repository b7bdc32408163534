import { z } from 'zod';
import type { ContactHit } from './search.repository.ts';
import type { SearchResults } from './search.service.ts';
import { MATCH_END, MATCH_START } from './search-snippet.ts';

export const searchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters')
    .describe('Words of a message, a patient’s name, or phone digits'),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Most results of each kind (1-100)'),
});

const contactRefJson = z
  .object({ id: z.uuid(), display_name: z.string().nullable(), phone: z.string().nullable() })
  .meta({ id: 'ContactRef' });

export const searchResultsJson = z
  .object({
    messages: z.array(
      z.object({
        message_id: z.uuid(),
        conversation_id: z.uuid(),
        contact: contactRefJson,
        occurred_at: z.iso.datetime(),
        snippet: z
          .string()
          .describe(
            `Plain text around the first match, matched words between ${MATCH_START} and ${MATCH_END}; "…" where cut`,
          ),
      }),
    ),
    contacts: z.array(contactRefJson),
  })
  .meta({ id: 'SearchResults' });

export function toSearchResultsJson(results: SearchResults): z.infer<typeof searchResultsJson> {
  return {
    messages: results.messages.map((m) => ({
      message_id: m.messageId,
      conversation_id: m.conversationId,
      contact: toContactRefJson(m.contact),
      occurred_at: m.occurredAt.toISOString(),
      snippet: m.snippet,
    })),
    contacts: results.contacts.map(toContactRefJson),
  };
}

function toContactRefJson(contact: ContactHit): z.infer<typeof contactRefJson> {
  return { id: contact.id, display_name: contact.displayName, phone: contact.phone };
}
