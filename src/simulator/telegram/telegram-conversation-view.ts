import type { PhoneAppButton, PhoneAppItem } from '../phone-app-view.ts';
import type { ChatMessage } from './telegram-state.ts';

/** A Telegram chat as the demo phone shows it. */
export function telegramConversationView(messages: readonly ChatMessage[]): PhoneAppItem[] {
  return messages.map(({ side, message, reaction, edited }) => {
    const item = contentOf(message);
    return {
      id: String(message.message_id),
      side: side === 'bot' ? 'clinic' : 'me',
      at: new Date(message.date * 1000).toISOString(),
      ...item,
      buttons: buttonsOf(message.reply_markup),
      reaction,
      edited,
      seen: null,
    };
  });
}

function contentOf(message: Record<string, unknown>): Pick<PhoneAppItem, 'kind' | 'text' | 'fileName'> {
  const caption = typeof message.caption === 'string' ? message.caption : null;
  if (typeof message.text === 'string') return { kind: 'text', text: message.text, fileName: null };
  if (message.photo) return { kind: 'image', text: caption, fileName: null };
  if (message.video) return { kind: 'video', text: caption, fileName: null };
  if (message.voice) return { kind: 'voice', text: null, fileName: null };
  if (message.audio) return { kind: 'audio', text: null, fileName: fileNameOf(message.audio) };
  if (message.sticker) return { kind: 'sticker', text: null, fileName: null };
  if (message.document) return { kind: 'document', text: caption, fileName: fileNameOf(message.document) };
  if (isRecord(message.venue)) {
    const { title, address } = message.venue;
    return {
      kind: 'location',
      text: [title, address].filter((part) => typeof part === 'string').join(' — '),
      fileName: null,
    };
  }
  if (message.location) return { kind: 'location', text: null, fileName: null };
  if (isRecord(message.contact)) {
    const { first_name: first, last_name: last } = message.contact;
    return {
      kind: 'contact',
      text: [first, last].filter((part) => typeof part === 'string').join(' '),
      fileName: null,
    };
  }
  return { kind: 'text', text: null, fileName: null };
}

function buttonsOf(markup: unknown): PhoneAppButton[] {
  if (!isRecord(markup) || !Array.isArray(markup.inline_keyboard)) return [];
  return markup.inline_keyboard.flatMap((row: unknown) =>
    (Array.isArray(row) ? row : []).flatMap((button: unknown): PhoneAppButton[] => {
      if (!isRecord(button) || typeof button.text !== 'string') return [];
      if (typeof button.callback_data === 'string')
        return [{ id: button.callback_data, title: button.text, kind: 'tap', url: null }];
      if (typeof button.url === 'string')
        return [{ id: button.url, title: button.text, kind: 'link', url: button.url }];
      return [];
    }),
  );
}

function fileNameOf(file: unknown): string | null {
  return isRecord(file) && typeof file.file_name === 'string' ? file.file_name : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
