import type { TFunction } from 'i18next';
import type { Message } from '../api/types.ts';
import type { IconName } from '../ui/icons.tsx';

export interface Preview {
  icon?: IconName;
  text: string;
}

/** One line about a message, for the conversation list and quoted replies. */
export function messagePreview(message: Message, t: TFunction): Preview {
  if (message.deleted_at) return { text: t('message.deleted') };
  const text = message.text?.trim() ?? '';
  const outbound = message.content?.outbound;
  switch (message.type) {
    case 'text':
    case 'system':
      return { text };
    case 'image':
      return { icon: 'photo', text: text || t('preview.photo') };
    case 'sticker':
      return { icon: 'photo', text: t('preview.sticker') };
    case 'video':
      return { icon: 'video', text: text || t('preview.video') };
    case 'audio':
      return { icon: 'microphone', text: text || t('preview.audio') };
    case 'voice':
      return { icon: 'microphone', text: t('preview.voice') };
    case 'document':
      return { icon: 'file', text: text || message.media[0]?.file_name || t('preview.document') };
    case 'location':
      return { icon: 'mapPin', text: message.content?.location?.name || t('preview.location') };
    case 'contacts':
      return { icon: 'user', text: message.content?.contacts?.[0]?.name || t('preview.contact') };
    case 'button_reply':
    case 'list_reply':
      return { icon: 'reply', text: message.content?.reply?.title || text };
    case 'buttons':
    case 'interactive':
      return { icon: 'buttons', text: text || outbound?.body || t('preview.buttons') };
    case 'template':
      return { icon: 'template', text: text || t('preview.template', { name: outbound?.name ?? '' }) };
    case 'reaction':
      return { text: t('preview.reaction', { emoji: text }) };
    default:
      return { text: text || t('preview.unsupported') };
  }
}
