import { z } from 'zod';
import { findUnstorableText } from '../platform/text/storable-text.ts';
import type {
  Channel,
  DeliveryStatus,
  InboundEventKind,
  LifecycleEventName,
  MediaKind,
  MessageType,
} from './inbound-event.ts';

/*
 * The channel-neutral shape of an InboundEvent (inbound-event.ts, shared/conformance/MANIFEST.md) as a
 * schema, for tests that take any adapter's output: the keys the rest of Careline reads, of the types it
 * expects, with `null` for absent values and `[]` for absent lists. Loose objects: the extras some
 * channels carry (a Telegram membership's old and new status) pass.
 */

const CHANNELS = [
  'whatsapp',
  'messenger',
  'instagram',
  'line',
  'viber',
  'telegram',
  'sms',
] as const satisfies Channel[];
const MEDIA_KINDS = [
  'image',
  'video',
  'audio',
  'voice',
  'document',
  'sticker',
] as const satisfies MediaKind[];
const MESSAGE_TYPES = [
  'text',
  'image',
  'video',
  'audio',
  'voice',
  'document',
  'sticker',
  'location',
  'contacts',
  'button_reply',
  'list_reply',
  'flow_reply',
  'order',
  'system',
  'unsupported',
] as const satisfies MessageType[];
const STATUSES = ['sent', 'delivered', 'read', 'played', 'failed'] as const satisfies DeliveryStatus[];
const LIFECYCLE_EVENTS = [
  'follow',
  'unfollow',
  'subscribe',
  'unsubscribe',
  'conversation_started',
  'optin',
  'referral',
  'account_linking',
] as const satisfies LifecycleEventName[];

/** An ISO-8601 UTC time exactly as `Date#toISOString()` prints it. */
const isoTime = z.string().refine((text) => {
  const date = new Date(text);
  return !Number.isNaN(date.getTime()) && date.toISOString() === text;
}, 'is not a time as Date#toISOString() prints it');
const id = z.string().min(1, 'is empty');
/**
 * The provider's name for a kind of item (`message/image`, `callback_query`, `changes/feed`): logged and
 * shown to operators, so a name and never free text, whatever a body puts where the name is read.
 */
const rawTypeName = z.string().regex(/^[A-Za-z0-9_.:/-]{1,128}$/, 'is not a name');
const optString = z.string().nullable();

const base = { channel: z.enum(CHANNELS), accountId: id.nullable() };
const extras = {
  conversation: z.object({ type: id, id }).optional(),
  replyToken: optString.optional(),
  webhookEventId: optString.optional(),
  redelivery: z.boolean().nullable().optional(),
  mode: optString.optional(),
  updateId: z.number().int().optional(),
  trackingData: optString.optional(),
};

const sender = z.object({
  id,
  phone: z
    .string()
    .regex(/^\+\d+$/, 'is not + and digits')
    .nullable(),
  bsuid: optString,
  parentBsuid: optString,
  name: optString,
  username: optString,
});
const userRef = z.object({ id, phone: sender.shape.phone, bsuid: optString });
const itemError = z.object({ code: z.number().int().nullable(), title: optString, details: optString });

const mediaRef = z
  .looseObject({
    kind: z.enum(MEDIA_KINDS),
    id: id.nullable(),
    url: id.nullable(),
    mimeType: optString,
    sha256: optString,
    fileName: optString,
  })
  .refine((media) => media.id !== null || media.url !== null, 'names neither an id nor a url to fetch');

const content = {
  type: z.enum(MESSAGE_TYPES),
  rawType: rawTypeName,
  text: optString,
  media: z.array(mediaRef),
  location: z
    .looseObject({
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
      name: optString,
      address: optString,
      url: optString,
    })
    .optional(),
  contacts: z
    .array(
      z.object({
        name: optString,
        phones: z.array(z.object({ phone: optString, waId: optString, type: optString })),
      }),
    )
    .optional(),
  reply: z
    .looseObject({
      id,
      title: optString,
      description: optString,
      params: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
  flow: z.looseObject({ name: optString, body: optString, flowToken: optString }).optional(),
  order: z.looseObject({ catalogId: optString, items: z.array(z.looseObject({})) }).optional(),
  system: z.looseObject({ type: optString, body: optString, newWaId: optString }).optional(),
};

const patientItem = { ...base, ...extras, externalId: id.nullable(), timestamp: isoTime, from: sender };

const EVENT_SHAPES = {
  message: z.looseObject({
    kind: z.literal('message'),
    ...patientItem,
    ...content,
    replyTo: id.nullable(),
    forwarded: z.enum(['forwarded', 'frequently_forwarded']).nullable(),
    errors: z.array(itemError),
  }),
  reaction: z.looseObject({
    kind: z.literal('reaction'),
    ...patientItem,
    targetId: id,
    emoji: id.nullable(),
  }),
  message_edited: z.looseObject({
    kind: z.literal('message_edited'),
    ...patientItem,
    ...content,
    originalId: id,
  }),
  message_deleted: z.looseObject({ kind: z.literal('message_deleted'), ...patientItem, originalId: id }),
  message_echo: z.looseObject({
    kind: z.literal('message_echo'),
    ...base,
    ...content,
    externalId: id.nullable(),
    timestamp: isoTime,
    to: userRef,
  }),
  status: z.looseObject({
    kind: z.literal('status'),
    ...base,
    externalId: id.nullable(),
    recipient: userRef,
    status: z.enum(STATUSES),
    timestamp: isoTime,
    errorCode: z.number().int().nullable(),
    errors: z.array(itemError),
    conversation: z.looseObject({ id: optString, originType: optString, expiresAt: optString }).nullable(),
    pricing: z.looseObject({}).nullable(),
    bizOpaqueCallbackData: optString,
    externalIds: z.array(id).optional(),
    watermark: optString.optional(),
    errorDescription: optString.optional(),
  }),
  lifecycle: z.looseObject({
    kind: z.literal('lifecycle'),
    ...base,
    ...extras,
    event: z.enum(LIFECYCLE_EVENTS),
    user: z.looseObject({ id: id.nullable() }),
    timestamp: isoTime.nullable(),
    externalId: id.nullable().optional(),
    ref: optString.optional(),
  }),
  user_preference: z.looseObject({
    kind: z.literal('user_preference'),
    ...base,
    user: userRef,
    category: optString,
    value: z.enum(['stop', 'resume', 'signup']),
    detail: optString,
    timestamp: isoTime.nullable(),
  }),
  template_event: z.looseObject({
    kind: z.literal('template_event'),
    ...base,
    wabaId: optString,
    field: z.string(),
    templateId: optString,
    templateName: optString,
    timestamp: isoTime.nullable(),
  }),
  account_event: z.looseObject({
    kind: z.literal('account_event'),
    ...base,
    wabaId: optString,
    field: z.string(),
    event: optString,
    timestamp: isoTime.nullable(),
  }),
  error: z.looseObject({
    kind: z.literal('error'),
    ...base,
    code: z.number().int().nullable(),
    title: optString,
    details: optString,
  }),
  group_message: z.looseObject({
    kind: z.literal('group_message'),
    ...base,
    groupId: id,
    message: z.looseObject({ kind: z.literal('message'), externalId: id.nullable() }),
  }),
  group_update: z.looseObject({
    kind: z.literal('group_update'),
    ...base,
    groupId: id.nullable(),
    change: z.string().min(1),
    requestId: id.nullable(),
    inviteLink: optString,
    participants: z.array(z.object({ waId: id.nullable(), input: id.nullable() })),
    errors: z.array(itemError),
    timestamp: isoTime.nullable(),
  }),
  other: z.looseObject({
    kind: z.literal('other'),
    ...base,
    rawType: rawTypeName.nullable(),
    reason: z.string().min(1, 'says no reason'),
    fromPatient: z.boolean().optional(),
    externalId: id.nullable().optional(),
    timestamp: isoTime.nullable().optional(),
    updateId: z.number().int().optional(),
  }),
} satisfies Record<InboundEventKind, z.ZodType>;

/**
 * What is wrong with one event an adapter returned, in words naming the path (never the value): not of
 * the channel-neutral shape, holding what the database cannot store (U+0000, a lone surrogate), or a
 * value JSON cannot carry (a non-finite number, a Date, a class instance). [] when nothing is.
 */
export function inboundEventProblems(event: unknown): string[] {
  const kind = typeof event === 'object' && event !== null && 'kind' in event ? event.kind : undefined;
  if (typeof kind !== 'string' || !Object.hasOwn(EVENT_SHAPES, kind)) return ['kind: is not an event kind'];
  const parsed = EVENT_SHAPES[kind as InboundEventKind].safeParse(event);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(event)'}: ${issue.message}`);
  const unstorable = findUnstorableText(event, 'event');
  if (unstorable !== null) problems.push(`${unstorable}: holds text the database cannot store`);
  const notJson = notJsonAt(event, 'event');
  if (notJson !== null) problems.push(`${notJson}: is not a JSON value`);
  return problems;
}

/** The path of the first value that would not survive JSON (what the journal and the inbox store). */
function notJsonAt(root: unknown, rootPath: string): string | null {
  const pending: Array<[unknown, string]> = [[root, rootPath]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [value, path] = next;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return path;
      continue;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        pending.push([item, `${path}.${i}`]);
      });
      continue;
    }
    if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      for (const [key, item] of Object.entries(value))
        if (item !== undefined) pending.push([item, `${path}.${key}`]);
      continue;
    }
    return path;
  }
  return null;
}
