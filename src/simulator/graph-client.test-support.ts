import { TEST_NUMBER } from './webhook-receiver.test-support.ts';

/** Loose view of Graph answers for assertions. */
export interface GraphBody {
  id?: string;
  url?: string;
  mime_type?: string;
  sha256?: string;
  file_size?: number;
  success?: boolean;
  data?: Array<Record<string, unknown> & { name: string }>;
  paging?: { cursors: { before?: string; after?: string }; next?: string };
  messages?: Array<{ id: string; message_status?: string }>;
  error?: { code: number; message: string; error_data?: { details: string } };
}

/** A Graph call with the test number's token (or the one given, or none with null). */
export async function graphCall(
  base: string,
  method: string,
  path: string,
  init: { token?: string | null; body?: unknown } = {},
) {
  const token = init.token === undefined ? TEST_NUMBER.accessToken : init.token;
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as GraphBody };
}

/** `POST /{version}/{phone-number-id}/media` as Careline's adapter would send it. */
export async function uploadMedia(
  base: string,
  bytes: Buffer,
  mimeType: string,
  init: { token?: string } = {},
) {
  const form = new FormData();
  form.append('messaging_product', 'whatsapp');
  form.append('type', mimeType);
  form.append('file', new Blob([bytes], { type: mimeType }), 'file.bin');
  const response = await fetch(`${base}/v25.0/${TEST_NUMBER.phoneNumberId}/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${init.token ?? TEST_NUMBER.accessToken}` },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as GraphBody };
}

export function sendTo(to: string, type: string, content: unknown, extra: Record<string, unknown> = {}) {
  return { messaging_product: 'whatsapp', recipient_type: 'individual', to, type, [type]: content, ...extra };
}
