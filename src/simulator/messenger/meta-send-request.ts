import type { PhoneAppButton } from '../phone-app-view.ts';
import type { MetaMessage, MetaMessagingApp, MetaTap } from './meta-account-state.ts';

/** A Send API body read and checked: a message, a sender action, or why Graph refuses it (#100 …). */
export type SendRequest =
  | {
      kind: 'message';
      recipientId: string;
      messagingType: 'RESPONSE' | 'UPDATE' | 'MESSAGE_TAG';
      tag: string | null;
      view: MetaMessage['view'];
      taps: MetaTap[];
      /** An attachment to keep: by URL, an earlier attachment_id, or the uploaded `filedata`. */
      attachment: {
        url: string | null;
        attachmentId: string | null;
        upload: boolean;
        reusable: boolean;
      } | null;
    }
  | { kind: 'action'; recipientId: string; action: string; targetMid: string | null; reaction: string | null }
  | { kind: 'refused'; detail: string; noRecipient?: boolean };

const TEXT_MAX: Record<MetaMessagingApp, number> = { messenger: 2000, instagram: 1000 };
const MESSAGING_TYPES = ['RESPONSE', 'UPDATE', 'MESSAGE_TAG'] as const;
const SENDER_ACTIONS = new Set(['mark_seen', 'typing_on', 'typing_off', 'react', 'unreact']);
const ATTACHMENT_KINDS: ReadonlyMap<string, 'image' | 'video' | 'audio' | 'document'> = new Map([
  ['image', 'image'],
  ['video', 'video'],
  ['audio', 'audio'],
  ['file', 'document'],
]);

/** Reads `POST /{version}/me/messages` the way the Send API reference describes it. */
export function readSendRequest(
  body: Record<string, unknown>,
  app: MetaMessagingApp,
  hasUpload: boolean,
): SendRequest {
  const recipient = record(body.recipient);
  const recipientId = text(recipient?.id);
  if (recipientId === null)
    return { kind: 'refused', detail: 'The parameter recipient is required', noRecipient: true };
  const action = text(body.sender_action);
  if (action !== null) {
    if (!SENDER_ACTIONS.has(action))
      return {
        kind: 'refused',
        detail: 'Param sender_action must be one of {MARK_SEEN, TYPING_ON, TYPING_OFF, REACT, UNREACT}',
      };
    const payload = record(body.payload);
    return {
      kind: 'action',
      recipientId,
      action,
      targetMid: text(payload?.message_id),
      reaction: text(payload?.reaction),
    };
  }
  const messagingType = MESSAGING_TYPES.find((type) => type === body.messaging_type);
  if (messagingType === undefined) {
    return { kind: 'refused', detail: 'Param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}' };
  }
  const tag = text(body.tag);
  if (messagingType === 'MESSAGE_TAG' && tag === null)
    return { kind: 'refused', detail: 'The parameter tag is required for MESSAGE_TAG' };
  const message = record(body.message);
  if (!message) return { kind: 'refused', detail: 'The parameter message is required' };
  const quick = quickReplies(message.quick_replies);
  if (typeof quick === 'string') return { kind: 'refused', detail: quick };
  const base = { kind: 'message' as const, recipientId, messagingType, tag };
  const messageText = text(message.text);
  if (messageText !== null) {
    if (messageText.length > TEXT_MAX[app])
      return {
        kind: 'refused',
        detail: `Length of param message[text] must be less than or equal to ${TEXT_MAX[app]}`,
      };
    return {
      ...base,
      view: { kind: 'text', text: messageText, fileName: null, buttons: quick.buttons },
      taps: quick.taps,
      attachment: null,
    };
  }
  const attachment = record(message.attachment);
  if (!attachment) return { kind: 'refused', detail: 'Message must contain text or attachment' };
  const type = text(attachment.type);
  const payload = record(attachment.payload);
  if (type === 'template') return template(base, payload, quick);
  const kind = type === null ? undefined : ATTACHMENT_KINDS.get(type);
  if (kind === undefined)
    return {
      kind: 'refused',
      detail: 'Param message[attachment][type] must be one of {image, audio, video, file, template}',
    };
  const url = text(payload?.url);
  const attachmentId = text(payload?.attachment_id);
  if (url === null && attachmentId === null && !hasUpload)
    return {
      kind: 'refused',
      detail: 'Attachment must have a url, an attachment_id or an uploaded filedata',
    };
  if (url !== null && !/^https?:\/\//i.test(url))
    return { kind: 'refused', detail: 'Param message[attachment][payload][url] must be a valid URL' };
  const fileName = url === null ? null : (new URL(url).pathname.split('/').pop() ?? null);
  return {
    ...base,
    view: { kind, text: null, fileName, buttons: quick.buttons },
    taps: quick.taps,
    attachment: {
      url,
      attachmentId,
      upload: url === null && attachmentId === null,
      reusable: payload?.is_reusable === true || payload?.is_reusable === 'true',
    },
  };
}

function template(
  base: {
    kind: 'message';
    recipientId: string;
    messagingType: 'RESPONSE' | 'UPDATE' | 'MESSAGE_TAG';
    tag: string | null;
  },
  payload: Record<string, unknown> | null,
  quick: { buttons: PhoneAppButton[]; taps: MetaTap[] },
): SendRequest {
  if (text(payload?.template_type) !== 'button') {
    return {
      ...base,
      view: { kind: 'text', text: text(payload?.text), fileName: null, buttons: quick.buttons },
      taps: quick.taps,
      attachment: null,
    };
  }
  const body = text(payload?.text);
  if (body === null || body.length > 640)
    return {
      kind: 'refused',
      detail: 'Param message[attachment][payload][text] must be a non-empty string of at most 640 characters',
    };
  const raw = Array.isArray(payload?.buttons) ? payload.buttons : [];
  if (raw.length < 1 || raw.length > 3)
    return {
      kind: 'refused',
      detail: 'param message[attachment][payload][buttons] must have between 1 and 3 elements',
    };
  const buttons: PhoneAppButton[] = [];
  const taps: MetaTap[] = [];
  for (const item of raw) {
    const button = record(item);
    const title = text(button?.title);
    if (title === null || title.length > 20)
      return { kind: 'refused', detail: 'param title must be non-empty and at most 20 characters' };
    if (button?.type === 'postback') {
      const value = text(button.payload);
      if (value === null || value.length > 1000)
        return { kind: 'refused', detail: 'param payload must be non-empty and at most 1000 characters' };
      buttons.push({ id: value, title, kind: 'tap', url: null });
      taps.push({ type: 'postback', title, payload: value });
    } else if (button?.type === 'web_url') {
      const url = text(button.url);
      if (url === null || !/^https?:\/\//i.test(url))
        return { kind: 'refused', detail: 'param url must be a valid URL' };
      buttons.push({ id: url, title, kind: 'link', url });
    } else {
      return { kind: 'refused', detail: 'param type must be one of {web_url, postback, phone_number}' };
    }
  }
  return {
    ...base,
    view: { kind: 'text', text: body, fileName: null, buttons: [...buttons, ...quick.buttons] },
    taps: [...taps, ...quick.taps],
    attachment: null,
  };
}

function quickReplies(value: unknown): { buttons: PhoneAppButton[]; taps: MetaTap[] } | string {
  if (value === undefined) return { buttons: [], taps: [] };
  if (!Array.isArray(value) || value.length > 13)
    return 'param message[quick_replies] must be an array of at most 13 elements';
  const buttons: PhoneAppButton[] = [];
  const taps: MetaTap[] = [];
  for (const item of value) {
    const reply = record(item);
    if (text(reply?.content_type) !== 'text') continue;
    const title = text(reply?.title);
    const payload = text(reply?.payload);
    if (title === null || title.length > 20) return 'param title must be non-empty and at most 20 characters';
    if (payload === null || payload.length > 1000)
      return 'param payload must be non-empty and at most 1000 characters';
    buttons.push({ id: payload, title, kind: 'tap', url: null });
    taps.push({ type: 'quick_reply', title, payload });
  }
  return { buttons, taps };
}

/** A field of a JSON body, or of a multipart form where objects arrive as JSON text. */
export function record(value: unknown): Record<string, unknown> | null {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return null;
    }
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? { ...parsed } : null;
}

function text(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value !== '' ? value : null;
}
