import { z } from 'zod';
import type { PhoneAppButton, PhoneAppItem } from '../phone-app-view.ts';

/** One message of a person's chat with a LINE account, either way. */
export interface Sent {
  side: 'patient' | 'bot';
  id: string;
  at: string;
  /** A patient's message as the webhook carried it, or a bot's message object as it was sent. */
  message: Record<string, unknown>;
  via?: 'reply' | 'push';
}

/** A LINE action object as the bot sends it in a template or a quick reply (what the demo phone taps). */
export interface LineAction {
  type: string;
  label?: string;
  data?: string;
  displayText?: string;
  text?: string;
  uri?: string;
}

const actionSchema = z.looseObject({
  type: z.string(),
  label: z.string().optional(),
  data: z.string().optional(),
  displayText: z.string().optional(),
  text: z.string().optional(),
  uri: z.string().optional(),
});

const messageSchema = z.looseObject({
  type: z.string(),
  text: z.string().optional(),
  altText: z.string().optional(),
  title: z.string().optional(),
  address: z.string().optional(),
  fileName: z.string().optional(),
  data: z.string().optional(),
  displayText: z.string().optional(),
  template: z
    .looseObject({ type: z.string(), text: z.string().optional(), actions: z.array(z.unknown()).optional() })
    .optional(),
  quickReply: z.looseObject({ items: z.array(z.looseObject({ action: z.unknown() })).optional() }).optional(),
});

/** Every action a bot message offers: its buttons template's, then its quick replies'. */
export function lineActionsOf(message: Record<string, unknown>): LineAction[] {
  const parsed = messageSchema.safeParse(message);
  if (!parsed.success) return [];
  const raw = [
    ...(parsed.data.template?.actions ?? []),
    ...(parsed.data.quickReply?.items ?? []).map((item) => item.action),
  ];
  return raw.flatMap((action) => {
    const ok = actionSchema.safeParse(action);
    return ok.success ? [ok.data] : [];
  });
}

const KINDS: Readonly<Record<string, PhoneAppItem['kind']>> = {
  text: 'text',
  image: 'image',
  video: 'video',
  audio: 'audio',
  file: 'document',
  sticker: 'sticker',
  location: 'location',
  template: 'text',
  postback: 'tap',
};

/**
 * A person's chat with a LINE account as the demo phone draws it: their messages and taps, the bot's
 * texts, files and buttons (a buttons template's actions and quick replies, tappable; URI actions open a
 * link), in the one shape the phone knows for every app.
 */
export function lineConversationView(sent: readonly Sent[]): PhoneAppItem[] {
  return sent.map((entry) => {
    const parsed = messageSchema.safeParse(entry.message);
    const message = parsed.success ? parsed.data : { type: 'unknown' };
    const text =
      message.type === 'template'
        ? (parsed.data?.template?.text ?? parsed.data?.altText ?? null)
        : message.type === 'postback'
          ? (parsed.data?.displayText ?? null)
          : (parsed.data?.text ?? parsed.data?.title ?? parsed.data?.fileName ?? null);
    return {
      id: entry.id,
      side: entry.side === 'bot' ? 'clinic' : 'me',
      at: entry.at,
      kind: KINDS[message.type] ?? 'text',
      text,
      fileName: parsed.data?.fileName ?? null,
      buttons: entry.side === 'bot' ? lineActionsOf(entry.message).flatMap(toButton) : [],
      reaction: null,
      edited: false,
      seen: null,
    };
  });
}

function toButton(action: LineAction): PhoneAppButton[] {
  const title = action.label ?? action.text ?? action.displayText;
  if (!title) return [];
  if (action.type === 'uri' && action.uri) return [{ id: action.uri, title, kind: 'link', url: action.uri }];
  const id = action.type === 'postback' ? action.data : action.type === 'message' ? action.text : undefined;
  return id ? [{ id, title, kind: 'tap', url: null }] : [];
}
