import type { SendDisposition, SendOutcome } from '../channel.ts';
import type { AdapterAccount } from '../channel-adapter.ts';
import { exchangeWithGraph, type Fetch, type GraphExchange } from './graph-http.ts';
import { classifyGraphError, graphErrorOf } from './messenger-error-policy.ts';

export const DEFAULT_GRAPH_URL = 'https://graph.facebook.com';
export const DEFAULT_API_VERSION = 'v25.0';

/** Where and as whom to call Graph for one account. */
export interface GraphAccess {
  graphUrl: string;
  apiVersion: string;
  token: string;
}

export function graphAccessOf(
  account: AdapterAccount<{ graphUrl?: string; apiVersion?: string }, { pageAccessToken: string }>,
): GraphAccess {
  return {
    graphUrl: (account.settings.graphUrl ?? DEFAULT_GRAPH_URL).replace(/\/+$/, ''),
    apiVersion: account.settings.apiVersion ?? DEFAULT_API_VERSION,
    token: account.secrets.pageAccessToken,
  };
}

/**
 * One Graph call with the token as a Bearer header: never in the URL, where proxies and logs keep it.
 * `path` starts with `/` and is already encoded.
 */
export function graphCall(
  fetchFn: Fetch,
  access: GraphAccess,
  method: 'GET' | 'POST',
  path: string,
  body: string | FormData | undefined,
  timeoutMs: number,
): Promise<GraphExchange> {
  const headers: Record<string, string> = { authorization: `Bearer ${access.token}` };
  if (typeof body === 'string') headers['content-type'] = 'application/json';
  const url = `${access.graphUrl}/${encodeURIComponent(access.apiVersion)}${path}`;
  return exchangeWithGraph(
    fetchFn,
    url,
    { method, headers, ...(body === undefined ? {} : { body }) },
    timeoutMs,
  );
}

/**
 * A Send API exchange as the port's outcome: `{recipient_id, message_id}` is sent; `{error: {...}}` is
 * classified by messenger-error-policy.ts. A sender action (mark seen, a reaction) is answered without a
 * message id: `idlessId` is what it then counts as. Every text is redacted of the token, whatever Meta
 * or a proxy put in it.
 */
export function answerToOutcome(
  exchange: GraphExchange,
  token: string,
  channelName: string,
  idlessId: string | null,
): SendOutcome {
  if (exchange.kind === 'not_sent')
    return noAnswer('retry', redact(`Could not reach ${channelName}: ${exchange.reason}`, token));
  if (exchange.kind === 'unknown') {
    return noAnswer(
      'unknown',
      redact(`No answer from ${channelName}, which may have received the message: ${exchange.reason}`, token),
    );
  }
  const { status, body } = exchange;
  if (status >= 200 && status < 300 && !hasError(body)) {
    const messageId = messageIdOf(body);
    if (messageId !== null) return { ok: true, externalId: messageId };
    if (idlessId !== null && body !== null) return { ok: true, externalId: idlessId };
    return noAnswer('unknown', `${channelName} answered without a message id`);
  }
  const error = graphErrorOf(status, body);
  const verdict = classifyGraphError(error);
  const detail = [
    error.type,
    error.subcode === null ? null : `subcode ${error.subcode}`,
    error.fbtraceId === null ? null : `fbtrace_id ${error.fbtraceId}`,
  ].filter((part) => part !== null);
  return {
    ok: false,
    disposition: verdict.disposition,
    code: error.code,
    title: redact(error.message ?? `${channelName} refused the message (HTTP ${status})`, token),
    detail: detail.length > 0 ? redact(detail.join(', '), token) : null,
    ...(verdict.reason === undefined ? {} : { reason: verdict.reason }),
  };
}

export function noAnswer(disposition: SendDisposition, title: string): SendOutcome {
  return { ok: false, disposition, code: null, title, detail: null };
}

/** The text without the token (raw or URL-encoded), should anything ever echo it. */
export function redact(text: string, token: string): string {
  if (token.length < 4) return text;
  return text.split(token).join('[token]').split(encodeURIComponent(token)).join('[token]');
}

function hasError(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'error' in body;
}

function messageIdOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('message_id' in body)) return null;
  const id = body.message_id;
  return typeof id === 'string' && id.length > 0 && id.length <= 512 ? id : null;
}
