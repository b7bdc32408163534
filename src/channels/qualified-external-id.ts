/**
 * The id Careline stores for a provider's message. Most providers' message ids are unique per account;
 * Telegram's `message_id` is unique only within its chat, so there the chat id qualifies it
 * (`<chat id>:<message id>`). Inbound events, receipts, reactions and edits use this, and an adapter
 * answers a send with the same form, so a quote or a reaction finds its message whichever way it came.
 */
export function qualifiedExternalId(conversation: { id: string } | undefined, id: string): string;
export function qualifiedExternalId(
  conversation: { id: string } | undefined,
  id: string | null,
): string | null;
export function qualifiedExternalId(
  conversation: { id: string } | undefined,
  id: string | null,
): string | null {
  if (id === null || conversation === undefined) return id;
  return `${conversation.id}:${id}`;
}
