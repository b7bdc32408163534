import { toStorableText } from '../../platform/text/storable-text.ts';
import type {
  DeliveryStatus,
  InboundEvent,
  InboundMessageEvent,
  ItemError,
  MediaKind,
  MediaRef,
  OtherEvent,
  Sender,
} from '../inbound-event.ts';
import { SMS_LIMITS } from './sms-capabilities.ts';
import type { SmsChoice } from './sms-choices.ts';

export interface SmsParseContext {
  /** Twilio's inbound webhooks carry no time: a message is dated when Careline reads it. */
  now: Date;
  /** The choice a patient's text answers, among the last ones texted to them (sms-choices.ts). */
  choiceOf?(account: string, from: string, text: string | null): SmsChoice | null;
}

/** A phone number as Twilio writes it, E.164. */
const E164 = /^\+[1-9]\d{6,14}$/;
/** Twilio's message SIDs: `SM` or `MM` and 32 hex digits (Twilio-compatible providers differ a little). */
const MESSAGE_SID = /^[A-Za-z]{2}[0-9A-Za-z]{16,64}$/;

/** What Twilio's statuses mean to Careline; queued, accepting, sending and scheduled are on the way. */
const STATUSES: ReadonlyMap<string, DeliveryStatus> = new Map([
  ['sent', 'sent'],
  ['delivered', 'delivered'],
  ['read', 'read'],
  ['undelivered', 'failed'],
  ['failed', 'failed'],
]);

/** Twilio's delivery errors as its reference names them (30003-30008, "Messaging errors"). */
const DELIVERY_ERRORS: ReadonlyMap<number, string> = new Map([
  [30001, 'Queue overflow'],
  [30002, 'Account suspended'],
  [30003, 'Unreachable destination handset'],
  [30004, 'Message blocked'],
  [30005, 'Unknown destination handset'],
  [30006, 'Landline or unreachable carrier'],
  [30007, 'Message filtered by the carrier'],
  [30008, 'Unknown error'],
  [21610, 'Attempt to send to unsubscribed recipient'],
]);

/**
 * A Twilio Messaging webhook, its form fields already decoded, as channel-neutral events: a patient's
 * SMS or MMS (`From`, `To`, `Body`, `MessageSid`, `NumMedia`, `MediaUrl{n}`, `MediaContentType{n}`)
 * or a status callback of a message Careline sent (`MessageStatus`, `ErrorCode`). Our number is the
 * events' `accountId`: `To` of a patient's message, `From` of a status. It never throws: a body it cannot
 * read is an `other` event saying why.
 *
 * A patient's text that answers the numbered choices last sent to them ("2", "cancel") is a button or
 * list reply, the choice's id in `reply.id`, as a tap is on the channels that have buttons.
 */
export function parseSmsWebhook(body: unknown, context: SmsParseContext): InboundEvent[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return [other(null, null, 'not an SMS webhook body: not a form')];
  const field = (name: string): string | undefined => {
    const value: unknown = Object.hasOwn(body, name) ? Reflect.get(body, name) : undefined;
    return typeof value === 'string' ? value : undefined;
  };
  const sid = field('MessageSid') ?? field('SmsMessageSid') ?? field('SmsSid');
  const status = field('MessageStatus') ?? field('SmsStatus');
  const from = field('From');
  const to = field('To');
  if (sid === undefined || !MESSAGE_SID.test(sid))
    return [other(null, status ?? null, 'not an SMS webhook body: no MessageSid')];
  if (status === undefined || status === 'received' || status === 'receiving')
    return [parseMessage(field, sid, from, to, context)];
  const account = from !== undefined && E164.test(from) ? from : null;
  const delivery = STATUSES.get(status);
  if (delivery === undefined) return [{ ...other(account, status, 'status not tracked'), externalId: sid }];
  if (to === undefined || !E164.test(to))
    return [{ ...other(account, status, 'status without a To number'), externalId: sid }];
  const code = Number(field('ErrorCode'));
  const errorCode = Number.isSafeInteger(code) && code > 0 ? code : null;
  const errors: ItemError[] =
    errorCode === null
      ? []
      : [{ code: errorCode, title: DELIVERY_ERRORS.get(errorCode) ?? null, details: null }];
  return [
    {
      kind: 'status',
      channel: 'sms',
      accountId: account,
      externalId: sid,
      recipient: { id: to, phone: to, bsuid: null },
      status: delivery,
      timestamp: context.now.toISOString(),
      errorCode,
      errors,
      conversation: null,
      pricing: null,
      bizOpaqueCallbackData: null,
    },
  ];
}

function parseMessage(
  field: (name: string) => string | undefined,
  sid: string,
  from: string | undefined,
  to: string | undefined,
  context: SmsParseContext,
): InboundEvent {
  const account = to !== undefined && E164.test(to) ? to : null;
  if (from === undefined || !E164.test(from))
    return {
      ...other(account, 'sms', 'a message without a phone number to answer'),
      externalId: sid,
      fromPatient: true,
    };
  const rawBody = field('Body') ?? '';
  if (rawBody.length > SMS_LIMITS.textLength * 4)
    return { ...other(account, 'sms', 'a text longer than any SMS'), externalId: sid, fromPatient: true };
  const text = rawBody === '' ? null : toStorableText(rawBody);
  const media = mediaOf(field);
  const sender: Sender = {
    id: from,
    phone: from,
    bsuid: null,
    parentBsuid: null,
    name: null,
    username: null,
  };
  const base = {
    kind: 'message' as const,
    channel: 'sms' as const,
    accountId: account,
    externalId: sid,
    timestamp: context.now.toISOString(),
    from: sender,
    replyTo: null,
    forwarded: null,
    errors: [],
  };
  const choice =
    media.length === 0 && account !== null ? (context.choiceOf?.(account, from, text) ?? null) : null;
  if (choice !== null)
    return {
      ...base,
      type: choice.from === 'list' ? 'list_reply' : 'button_reply',
      rawType: 'sms',
      text: choice.title,
      media: [],
      reply: { id: choice.id, title: choice.title, description: null },
    } satisfies InboundMessageEvent;
  const first = media[0];
  return {
    ...base,
    type: first === undefined ? 'text' : first.kind,
    rawType: media.length === 0 ? 'sms' : 'mms',
    text,
    media,
  } satisfies InboundMessageEvent;
}

/** `MediaUrl0`… up to `NumMedia` (at most 10), each with its `MediaContentType{n}`. */
function mediaOf(field: (name: string) => string | undefined): MediaRef[] {
  const count = Math.min(Number(field('NumMedia') ?? '0') || 0, SMS_LIMITS.inboundMedia);
  const media: MediaRef[] = [];
  for (let i = 0; i < count; i += 1) {
    const url = field(`MediaUrl${i}`);
    if (url === undefined || !/^https?:\/\/\S{1,2000}$/.test(url)) continue;
    const type = (field(`MediaContentType${i}`) ?? '').toLowerCase();
    const mimeType = /^[a-z]+\/[a-z0-9.+-]+$/.test(type) ? type : null;
    media.push({ kind: kindOf(mimeType), id: null, url, mimeType, sha256: null, fileName: null });
  }
  return media;
}

function kindOf(mimeType: string | null): MediaKind {
  if (mimeType?.startsWith('image/')) return 'image';
  if (mimeType?.startsWith('video/')) return 'video';
  if (mimeType?.startsWith('audio/')) return 'audio';
  return 'document';
}

function other(accountId: string | null, rawType: string | null, reason: string): OtherEvent {
  const name = rawType !== null && /^[A-Za-z_-]{1,64}$/.test(rawType) ? rawType : null;
  return { kind: 'other', channel: 'sms', accountId, rawType: name, reason };
}
