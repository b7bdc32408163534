import type { OutboundMessage } from '../../../channels/outbound-message.ts';
import type { Localised } from './localised.ts';
import type { SendContent } from './send-content.schema.ts';

/**
 * A `send` step's message in the patient's language. Undefined when its text renders blank, which no
 * channel accepts. A blank template parameter becomes "-", since Meta refuses the whole message for it.
 */
export function renderSend(
  content: SendContent,
  say: (text: Localised) => string,
): OutboundMessage | undefined {
  const caption = (text: Localised | undefined) => {
    const rendered = text === undefined ? '' : say(text).trim();
    return rendered === '' ? {} : { caption: rendered };
  };
  switch (content.type) {
    case 'text': {
      const text = say(content.text);
      return /\S/.test(text) ? { type: 'text', text } : undefined;
    }
    case 'image':
      return { type: 'image', media: content.media, ...caption(content.caption) };
    case 'video':
      return { type: 'video', media: content.media, ...caption(content.caption) };
    case 'document':
      return {
        type: 'document',
        media: content.media,
        ...caption(content.caption),
        ...(content.fileName === undefined ? {} : { fileName: content.fileName }),
      };
    case 'audio':
      return { type: 'audio', media: content.media };
    case 'sticker':
      return { type: 'sticker', media: content.media };
    case 'template': {
      const param = (text: Localised) => say(text).trim() || '-';
      const params = content.params;
      const body =
        params === undefined
          ? undefined
          : Array.isArray(params)
            ? params.map(param)
            : Object.fromEntries(Object.entries(params).map(([name, text]) => [name, param(text)]));
      return {
        type: 'template',
        name: content.name,
        language: say(content.language),
        ...(body === undefined ? {} : { components: { body } }),
      };
    }
  }
}
