import type { SendDisposition, SendFailureReason } from '../channel.ts';

/** Graph's error object as the Send API answers it (`{error: {...}}`), already read from the wire. */
export interface GraphError {
  httpStatus: number;
  code: number | null;
  subcode: number | null;
  type: string | null;
  message: string | null;
  fbtraceId: string | null;
  isTransient: boolean | null;
}

export interface ErrorVerdict {
  disposition: SendDisposition;
  reason?: SendFailureReason;
}

/** Rate limits: the Page, the app or the user is sending too fast (channels.md §2: 4, 32, 613). */
const THROTTLING_CODES = new Set([
  4, // application request limit
  17, // user request limit
  32, // Page request limit
  613, // calls to this API exceeded the rate limit
  80006, // Messenger Platform business use case rate limit
]);

/** Meta's own passing failures: try again later. */
const TRANSIENT_CODES = new Set([
  1, // unknown error, usually transient
  2, // temporary service error
  1200, // temporary send message failure
]);

/** Token expired, revoked or changed password (190, with its subcodes): an operator must reconnect the Page. */
const TOKEN_CODES = new Set([190, 102]);

/**
 * Subcodes that say the 24-hour window (or the tag's 7 days) is over: 2018278 ("This message is sent
 * outside of allowed window", Meta's Messenger Platform error codes) and 2018065 (the same, for Pages without subscription messaging).
 */
// 2534022: Instagram's answer outside the window (IGApiException, HTTP 403), as reported publicly (verify).
const WINDOW_SUBCODES = new Set([2018278, 2018065, 2534022]);

/**
 * What the outbox should do with a refused Send API call. Rate limits and Meta's passing errors are
 * retried (rate limits as `throttled_number`: the Page is the sender); a closed window, an invalid token,
 * a person who cannot be reached (551, 100/2018001 "no matching user", 10/2018108 "cannot receive
 * messages", 200/230 permissions, 368 policy block) fail for good. A 5xx without a Graph error may come
 * after Meta took the message: `unknown`, for the delivery receipt (or its absence) to settle it.
 */
export function classifyGraphError(error: GraphError): ErrorVerdict {
  const { code, subcode } = error;
  if (code !== null && THROTTLING_CODES.has(code))
    return { disposition: 'retry', reason: 'throttled_number' };
  if (code !== null && TOKEN_CODES.has(code)) return { disposition: 'fail', reason: 'token_invalid' };
  if (subcode !== null && WINDOW_SUBCODES.has(subcode))
    return { disposition: 'fail', reason: 'window_closed' };
  if (code !== null && TRANSIENT_CODES.has(code)) return { disposition: 'retry' };
  if (code !== null) return { disposition: error.isTransient === true ? 'retry' : 'fail' };
  if (error.httpStatus === 429) return { disposition: 'retry', reason: 'throttled_number' };
  // No Graph error: a 5xx is a gateway's page or time-out that may follow the send; a 4xx a proxy's
  // refusal before Meta; a 2xx that is not Meta's answer may have been sent.
  if (error.httpStatus >= 500 || (error.httpStatus >= 200 && error.httpStatus < 300)) {
    return { disposition: 'unknown' };
  }
  return { disposition: 'fail' };
}

/** Graph's answer body as a `GraphError`, or null when the body holds no `error` object. */
export function graphErrorOf(httpStatus: number, body: unknown): GraphError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  return {
    httpStatus,
    code: integerOf(error?.code),
    subcode: integerOf(error?.error_subcode),
    type: stringOf(error?.type),
    message: stringOf(error?.message) ?? stringOf(error?.error_user_msg),
    fbtraceId: stringOf(error?.fbtrace_id),
    isTransient: typeof error?.is_transient === 'boolean' ? error.is_transient : null,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function integerOf(value: unknown): number | null {
  const number = typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) ? number : null;
}

/** Bounded: an error text ends up in an agent's view and the logs. */
function stringOf(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value.slice(0, 1000) : null;
}
