import type { OutboundMessage } from '../../channels/outbound-message.ts';

/** What an agent reads in the timeline for a message the clinic sent. */
export function outboundText(message: OutboundMessage): string | null {
  switch (message.type) {
    case 'text':
      return message.text;
    case 'image':
    case 'video':
    case 'document':
      return message.caption ?? null;
    case 'audio':
    case 'sticker':
    case 'reaction':
      return null;
    case 'location':
      return message.name ?? message.address ?? null;
    case 'contacts':
      return message.contacts.map((c) => c.name.formattedName).join(', ');
    case 'buttons':
    case 'list':
    case 'ctaUrl':
      return message.body;
    case 'template':
      return null;
  }
}
