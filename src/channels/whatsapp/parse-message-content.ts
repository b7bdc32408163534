import { z } from 'zod';
import { toStorableJson } from '../../platform/text/storable-text.ts';
import type { MediaKind, MediaRef, MessageContent, SystemNotice } from '../inbound-event.ts';
import { providerName } from '../provider-name.ts';
import {
  bodyText,
  lenientArray,
  optBodyText,
  optBoolean,
  optId,
  optNumber,
  optStrictId,
  optText,
  optUnixTime,
  usableId,
  wireId,
} from './webhook-envelope.schema.ts';

/**
 * The content of a message object (`type` plus the object named after it), shared by inbound messages,
 * edits and business echoes. A type we do not know, or a content object we cannot read, becomes
 * `unsupported` with the raw type kept: the inbox then shows "unsupported content" instead of dropping
 * what the patient sent.
 */
export function parseMessageContent(
  message: Readonly<Record<string, unknown>>,
  type: string,
): MessageContent {
  const payload = message[type];
  switch (type) {
    case 'text':
      return fromSchema(textSchema, payload, type, (parsed) => ({
        ...empty('text', type),
        text: parsed.body,
      }));
    case 'image':
    case 'video':
    case 'document':
    case 'sticker':
    case 'audio':
    case 'voice':
      return fromSchema(mediaSchema, payload, type, (media) => mediaContent(type, media));
    case 'location':
      return fromSchema(locationSchema, payload, type, (location) => ({
        ...empty('location', type),
        location,
      }));
    case 'contacts':
      return fromSchema(contactCardsSchema, payload, type, (cards) => ({
        ...empty('contacts', type),
        contacts: cards.map((card) => ({
          name: card.name?.formatted_name ?? null,
          phones: card.phones.map((phone) => ({ phone: phone.phone, waId: phone.wa_id, type: phone.type })),
        })),
      }));
    case 'interactive':
      return interactiveContent(payload);
    case 'button':
      // A tap on a template quick-reply button: `payload` is what we set, `text` what the user saw.
      return fromSchema(buttonSchema, payload, type, (button) => ({
        ...empty('button_reply', type),
        text: button.title,
        reply: { id: button.id, title: button.title, description: null },
      }));
    case 'order':
      return fromSchema(orderSchema, payload, type, (order) => ({
        ...empty('order', type),
        text: order.text || null,
        order: {
          catalogId: order.catalog_id,
          items: order.product_items.map((item) => ({
            productRetailerId: item.product_retailer_id,
            quantity: item.quantity,
            itemPrice: item.item_price,
            currency: item.currency,
          })),
        },
      }));
    case 'system':
      return systemContent(message, payload);
    default:
      return empty('unsupported', type);
  }
}

function empty(type: MessageContent['type'], rawType: string): MessageContent {
  return { type, rawType: providerName(rawType), text: null, media: [] };
}

function fromSchema<T extends z.ZodType>(
  schema: T,
  payload: unknown,
  rawType: string,
  build: (parsed: z.output<T>) => MessageContent,
): MessageContent {
  const parsed = schema.safeParse(payload);
  return parsed.success ? build(parsed.data) : empty('unsupported', rawType);
}

const textSchema = z.object({ body: bodyText });

const mediaSchema = z.object({
  id: optId,
  url: optText,
  mime_type: optText,
  sha256: optText,
  caption: optText,
  filename: optText,
  voice: optBoolean,
  animated: optBoolean,
});

function mediaContent(rawType: string, media: z.output<typeof mediaSchema>): MessageContent {
  // Voice notes arrive as `audio` with `voice: true`; legacy on-premise payloads used a `voice` type.
  const kind: MediaKind =
    rawType === 'voice' || (rawType === 'audio' && media.voice === true) ? 'voice' : mediaKindOf(rawType);
  const ref: MediaRef = {
    kind,
    id: media.id,
    url: media.url,
    mimeType: media.mime_type,
    sha256: media.sha256,
    fileName: media.filename,
  };
  if (kind === 'sticker') ref.animated = media.animated === true;
  // A file named by neither an id nor a URL cannot be fetched: the message keeps its kind and caption.
  const fetchable = ref.id !== null || ref.url !== null;
  return { ...empty(kind, rawType), text: media.caption, media: fetchable ? [ref] : [] };
}

function mediaKindOf(rawType: string): MediaKind {
  switch (rawType) {
    case 'image':
    case 'video':
    case 'document':
    case 'sticker':
      return rawType;
    default:
      return 'audio';
  }
}

const coordinate = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

const locationSchema = z.object({
  latitude: coordinate,
  longitude: coordinate,
  name: optText,
  address: optText,
  url: optText,
});

const contactCardsSchema = lenientArray(
  z.object({
    name: z.object({ formatted_name: optText }).nullable().catch(null),
    phones: lenientArray(z.object({ phone: optText, wa_id: optId, type: optText })),
  }),
);

/**
 * Older quick replies may lack `payload`; the visible text then identifies the button. A payload that
 * is not a usable id makes the tap unreadable rather than read as another button.
 */
const buttonSchema = z.object({ payload: optStrictId, text: optText }).transform((button, ctx) => {
  const id = button.payload ?? usableId(button.text);
  if (id === null) {
    ctx.issues.push({ code: 'custom', message: 'button without payload or text', input: button });
    return z.NEVER;
  }
  return { id, title: button.text };
});

const orderSchema = z.object({
  catalog_id: optId,
  text: optText,
  product_items: lenientArray(
    z.object({
      product_retailer_id: optId,
      quantity: optNumber,
      item_price: optNumber,
      currency: optText,
    }),
  ),
});

const choiceSchema = z.object({ id: wireId, title: optText, description: optText });

const interactiveSchema = z.looseObject({ type: wireId });

const nfmReplySchema = z.object({ name: optText, body: optText, response_json: optBodyText });

const flowResponseSchema = z.record(z.string(), z.unknown());

function interactiveContent(payload: unknown): MessageContent {
  const interactive = interactiveSchema.safeParse(payload);
  if (!interactive.success) return empty('unsupported', 'interactive');
  const subtype = interactive.data.type;
  const rawType = `interactive/${subtype}`;
  const body = interactive.data[subtype];
  switch (subtype) {
    case 'button_reply':
    case 'list_reply':
      return fromSchema(choiceSchema, body, rawType, (choice) => ({
        ...empty(subtype, rawType),
        text: choice.title,
        reply: { id: choice.id, title: choice.title, description: choice.description },
      }));
    case 'nfm_reply':
      // A WhatsApp Flow's answers: `body` is a fixed "Sent", the answers are a JSON string.
      return fromSchema(nfmReplySchema, body, rawType, (reply) => {
        const response = parseFlowResponse(reply.response_json);
        return {
          ...empty('flow_reply', rawType),
          flow: {
            name: reply.name,
            body: reply.body,
            response: response && toStorableResponse(response),
            flowToken: typeof response?.flow_token === 'string' ? usableId(response.flow_token) : null,
          },
        };
      });
    default:
      return empty('unsupported', rawType);
  }
}

/** The answers as they can be stored: the patient's words without U+0000, no deeper than JSON needs. */
function toStorableResponse(response: Record<string, unknown>): Record<string, unknown> | null {
  const storable = flowResponseSchema.safeParse(toStorableJson(response));
  return storable.success ? storable.data : null;
}

function parseFlowResponse(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  try {
    const parsed = flowResponseSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const systemSchema = z.object({
  type: optText,
  body: optText,
  wa_id: optStrictId,
  new_wa_id: optStrictId,
});

const identitySchema = z.object({
  acknowledged: optBoolean,
  created_timestamp: optUnixTime,
  hash: optText,
});

function systemContent(message: Readonly<Record<string, unknown>>, payload: unknown): MessageContent {
  return fromSchema(systemSchema, payload, 'system', (system) => {
    const notice: SystemNotice = {
      type: system.type,
      body: system.body,
      newWaId: system.wa_id ?? system.new_wa_id,
    };
    // `customer_identity_changed` carries the new identity next to `system`, at the message's top level.
    const identity = identitySchema.safeParse(message.identity);
    if (identity.success) {
      notice.identity = {
        acknowledged: identity.data.acknowledged,
        createdAt: identity.data.created_timestamp,
        hash: identity.data.hash,
      };
    }
    return { ...empty('system', 'system'), system: notice };
  });
}
