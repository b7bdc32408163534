import { z } from 'zod';
import { optBoolean, optId, optNumber, optText, wireId } from './webhook-envelope.schema.ts';

/** What a Graph API call (send, mark as read, media upload/lookup/delete) answered. */
export type GraphResponse = GraphSuccess | GraphError;

/**
 * Accepted. For a send this only means *accepted*: window, consent and deliverability failures come
 * later as a `failed` status.
 */
export interface GraphSuccess {
  kind: 'api_response';
  channel: 'whatsapp';
  ok: true;
  httpStatus: number;
  /** Send: the wamid of the new message. */
  externalId: string | null;
  /** Send: e.g. `accepted` (template sends). */
  messageStatus: string | null;
  /** Send: the number as we gave it (`input`) and as WhatsApp resolved it (`waId`). */
  recipient: { input: string | null; waId: string | null; bsuid: string | null } | null;
  /** Media upload or lookup: the media id. */
  mediaId: string | null;
  /** Media lookup: where to download it (short-lived URL, same bearer token). */
  media: GraphMedia | null;
}

export interface GraphMedia {
  id: string | null;
  url: string;
  mimeType: string | null;
  sha256: string | null;
  fileSize: number | null;
}

/** Refused. Decide on `errorCode` (and subcode), not the HTTP status: Meta is not consistent with it. */
export interface GraphError {
  kind: 'api_response';
  channel: 'whatsapp';
  ok: false;
  httpStatus: number;
  errorCode: number | null;
  errorSubcode: number | null;
  errorType: string | null;
  message: string | null;
  /** `error_data.details`: the most specific explanation Meta gives. */
  details: string | null;
  fbtraceId: string | null;
  isTransient: boolean | null;
  /** Localised text Meta meant for the end user (`error_user_title` / `error_user_msg`). */
  userTitle: string | null;
  userMessage: string | null;
}

/**
 * A Graph API answer as a typed result. A body with an `error` object is an error whatever the status;
 * a 2xx without one is a success; anything else (a proxy's HTML page, an empty body) is an error with
 * unknown code, so a send is never taken as accepted without Meta saying so.
 */
export function parseGraphResponse(status: number, body: unknown): GraphResponse {
  const failure = errorBodySchema.safeParse(body);
  if (failure.success) return graphError(status, failure.data.error);
  const isSuccessStatus = status >= 200 && status < 300;
  const success = successBodySchema.safeParse(body);
  if (!isSuccessStatus || !success.success || success.data.success === false) {
    return graphError(status, null);
  }
  const { contacts, messages, id, url, mime_type, sha256, file_size } = success.data;
  const contact = contacts[0];
  return {
    kind: 'api_response',
    channel: 'whatsapp',
    ok: true,
    httpStatus: status,
    externalId: messages[0]?.id ?? null,
    messageStatus: messages[0]?.message_status ?? null,
    recipient: contact ? { input: contact.input, waId: contact.wa_id, bsuid: contact.user_id } : null,
    mediaId: id,
    media: url === null ? null : { id, url, mimeType: mime_type, sha256, fileSize: file_size },
  };
}

const errorBodySchema = z.object({
  error: z.object({
    message: optText,
    type: optText,
    code: optNumber,
    error_subcode: optNumber,
    // Usually an object with `details`; some Graph endpoints send it as a plain string.
    error_data: z
      .union([z.object({ details: optText }), z.string().transform((details) => ({ details }))])
      .nullable()
      .catch(null),
    fbtrace_id: optText,
    is_transient: optBoolean,
    error_user_title: optText,
    error_user_msg: optText,
  }),
});

type ErrorBody = z.output<typeof errorBodySchema>['error'];

function graphError(status: number, error: ErrorBody | null): GraphError {
  return {
    kind: 'api_response',
    channel: 'whatsapp',
    ok: false,
    httpStatus: status,
    errorCode: error?.code ?? null,
    errorSubcode: error?.error_subcode ?? null,
    errorType: error?.type ?? null,
    message: error?.message ?? null,
    details: error?.error_data?.details ?? null,
    fbtraceId: error?.fbtrace_id ?? null,
    isTransient: error?.is_transient ?? null,
    userTitle: error?.error_user_title ?? null,
    userMessage: error?.error_user_msg ?? null,
  };
}

const successBodySchema = z.object({
  success: optBoolean,
  contacts: z.array(z.object({ input: optText, wa_id: optId, user_id: optId })).catch([]),
  messages: z.array(z.object({ id: wireId, message_status: optText })).catch([]),
  id: optId,
  url: optText,
  mime_type: optText,
  sha256: optText,
  file_size: optNumber,
});
