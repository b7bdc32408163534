import type { ChannelWebhook } from '../channel-adapter.ts';
import type { InboundEvent } from '../inbound-event.ts';
import {
  answerHandshake,
  foreignMetaObject,
  missingSignature,
  verifySignature,
} from '../meta/meta-webhook.ts';
import { parseWhatsAppWebhook, phoneNumberIdsOf } from './parse-webhook.ts';
import { isStandInMessageId } from './stand-in-message-id.ts';
import { usableId } from './webhook-envelope.schema.ts';

/**
 * The webhook side of WhatsApp: Meta's one callback URL for every number of the app
 * (`/webhooks/whatsapp`). A delivery names its phone numbers in `metadata.phone_number_id`, and its
 * business account (WABA) in `entry[].id` for template and account updates, which are for every number
 * of that WABA; the signature is Meta's `X-Hub-Signature-256` with the app secret.
 */
export const whatsappWebhook: ChannelWebhook<{ appSecret: string; verifyToken: string }> = {
  routing: 'body',
  unsigned: missingSignature,
  foreign: (body) => foreignMetaObject(body, 'whatsapp_business_account'),
  verify: (request, secrets) => verifySignature(request, secrets.appSecret),
  handshake: (query, secrets) => answerHandshake(query, secrets.verifyToken),
  accountKeys: (body) => (isWhatsAppEnvelope(body) ? phoneNumberIdsOf(body) : []),
  accountGroups: {
    setting: 'wabaId',
    keys: (body) => (isWhatsAppEnvelope(body) ? businessLevelWabaIds(body) : []),
    of: (event: InboundEvent) => ('wabaId' in event ? event.wabaId : null),
  },
  standsIn: isStandInMessageId,
  parse: (body) => (isWhatsAppEnvelope(body) ? parseWhatsAppWebhook(body) : []),
};

/** WABA ids of entries carrying changes that name no phone number (template and account updates). */
function businessLevelWabaIds(payload: { entry: unknown[] }): string[] {
  const ids = new Set<string>();
  for (const entry of payload.entry) {
    const wabaId = isRecord(entry) ? usableId(entry.id) : null;
    if (!isRecord(entry) || wabaId === null || !Array.isArray(entry.changes)) continue;
    const numberless = entry.changes.some(
      (change) => isRecord(change) && !(isRecord(change.value) && isRecord(change.value.metadata)),
    );
    if (numberless) ids.add(wabaId);
  }
  return [...ids];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Meta posts other products' webhooks (pages, Instagram) with another `object`: none of them is ours. */
function isWhatsAppEnvelope(payload: unknown): payload is { entry: unknown[] } {
  return isRecord(payload) && payload.object === 'whatsapp_business_account' && Array.isArray(payload.entry);
}
