import { signMetaPayload } from '../../src/channels/whatsapp/webhook-signature.ts';

type Json = Record<string, unknown>;

/** A `messages`-field webhook for one phone number, shaped like Meta's. */
export function messagesWebhook(phoneNumberId: string, value: Json, wabaId = '102290129340398'): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: wabaId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '33180000000', phone_number_id: phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  });
}

/** A WABA-level webhook (template status, account updates): no phone number in it. */
export function businessWebhook(wabaId: string, field: string, value: Json): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: wabaId, time: Math.floor(Date.now() / 1000), changes: [{ field, value }] }],
  });
}

export function patientText(
  phoneNumberId: string,
  from: string,
  wamid: string,
  body: string,
  name = 'Test',
): string {
  return messagesWebhook(phoneNumberId, {
    contacts: [{ profile: { name }, wa_id: from }],
    messages: [{ from, id: wamid, timestamp: unixNow(), type: 'text', text: { body } }],
  });
}

export function statusUpdate(
  phoneNumberId: string,
  wamid: string,
  status: string,
  recipient: string,
): string {
  return messagesWebhook(phoneNumberId, {
    statuses: [{ id: wamid, status, timestamp: unixNow(), recipient_id: recipient }],
  });
}

/** POSTs a webhook to Careline, signed with `secret` (or unsigned when it is null). */
export function postWebhook(baseUrl: string, body: string, secret: string | null): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret) headers['x-hub-signature-256'] = signMetaPayload(body, secret);
  return fetch(`${baseUrl}/webhooks/whatsapp`, { method: 'POST', headers, body });
}

export function unixNow(offsetSeconds = 0): string {
  return String(Math.floor(Date.now() / 1000) + offsetSeconds);
}
