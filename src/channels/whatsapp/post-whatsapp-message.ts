import type { SendDisposition, SendFailureReason, SendOutcome } from '../channel.ts';
import { sendErrorDisposition } from './graph-error-policy.ts';
import { postGraphJson } from './graph-post.ts';
import { parseGraphResponse } from './parse-graph-response.ts';

/** Where one WhatsApp number's calls go, and with which token. */
export interface WhatsAppGraphAccess {
  graphUrl: string;
  apiVersion: string;
  accessToken: string;
  phoneNumberId: string;
}

/** Meta's codes that call for more than a retry (channels.md §1.9). */
const REASONS: Record<number, SendFailureReason> = {
  131047: 'window_closed',
  190: 'token_invalid',
  4: 'throttled_number',
  80007: 'throttled_number',
  130429: 'throttled_number',
  131056: 'throttled_pair',
};

/**
 * POST {graph}/{version}/{phone-number-id}/messages: a message, or a read receipt. What came of it, told
 * apart as the outbox needs: sent (its wamid), certainly not sent, or perhaps sent.
 */
export async function postWhatsAppMessage(
  access: WhatsAppGraphAccess,
  body: Record<string, unknown>,
  timeoutMs: number,
): Promise<SendOutcome> {
  const exchange = await postGraphJson(
    `${access.graphUrl}/${access.apiVersion}/${encodeURIComponent(access.phoneNumberId)}/messages`,
    { authorization: `Bearer ${access.accessToken}` },
    body,
    timeoutMs,
  );
  if (exchange.kind === 'not_sent') return noAnswer('retry', `Could not reach WhatsApp: ${exchange.reason}`);
  if (exchange.kind === 'unknown')
    return noAnswer(
      'unknown',
      `No answer from WhatsApp, which may have received the message: ${exchange.reason}`,
    );
  const parsed = parseGraphResponse(exchange.status, exchange.body);
  if (parsed.ok) {
    // Mark-as-read answers {success:true} without an id; a send always carries one.
    if (parsed.externalId) return { ok: true, externalId: parsed.externalId };
    if (body.status === 'read') return { ok: true, externalId: String(body.message_id) };
    return noAnswer('unknown', 'WhatsApp took the message but answered without its id');
  }
  const reason = parsed.errorCode === null ? undefined : REASONS[parsed.errorCode];
  return {
    ok: false,
    disposition: sendErrorDisposition(parsed),
    code: parsed.errorCode,
    title: parsed.message ?? `WhatsApp refused the message (HTTP ${parsed.httpStatus})`,
    detail: parsed.details,
    ...(reason ? { reason } : {}),
  };
}

/** A call without a Graph answer to quote: no code, no details. */
function noAnswer(disposition: SendDisposition, title: string): SendOutcome {
  return { ok: false, disposition, code: null, title, detail: null };
}
