import { z } from 'zod';
import type { SendOutcome } from '../channel.ts';

export type SendFailure = Extract<SendOutcome, { ok: false }>;

/** Twilio's error body (REST API, "Errors"): `{code, message, more_info, status}`. */
export interface TwilioError {
  code: number | null;
  message: string | null;
  moreInfo: string | null;
  status: number | null;
}

const MAX_MESSAGE = 300;

const errorSchema = z.looseObject({
  code: z.number().int().nullable().optional().catch(null),
  message: z.string().optional().catch(undefined),
  more_info: z.string().optional().catch(undefined),
  status: z.number().int().optional().catch(undefined),
});

/** A Twilio error body, or null when the body is not one (no code and no message). */
export function parseTwilioError(body: unknown): TwilioError | null {
  const parsed = errorSchema.safeParse(body);
  if (!parsed.success) return null;
  const { code, message, more_info: moreInfo, status } = parsed.data;
  if ((code ?? null) === null && message === undefined) return null;
  return {
    code: code ?? null,
    message: message === undefined ? null : clean(message),
    moreInfo: moreInfo === undefined ? null : clean(moreInfo),
    status: status ?? null,
  };
}

/** The patient replied STOP to this number: Twilio refuses to text them until they reply START. */
export const OPTED_OUT = 21610;

/** Twilio's codes that say the message itself, or who it is for, can never go as it is. */
const NEVER: ReadonlyMap<number, string> = new Map([
  [21211, 'the patient’s phone number is not a valid phone number'],
  [21214, 'the patient’s phone number cannot be reached'],
  [21408, 'the account may not text this region (Twilio’s geographic permissions)'],
  [21606, 'the From number cannot send SMS'],
  [21612, 'Twilio cannot route a message between these two numbers'],
  [21614, 'the patient’s number is not a mobile number'],
  [21617, 'the text is longer than Twilio’s 1,600 characters'],
  [OPTED_OUT, 'the patient replied STOP to this number: no message can reach them until they reply START'],
]);

/**
 * What a refused call means for the message, by Twilio's codes and HTTP statuses: rate limits (20429,
 * 429) and Twilio's own failures (5xx) are passing, so the message is tried again; a wrong auth token
 * (20003, 401) needs an operator; anything else in 4xx will be refused again.
 */
export function classifyTwilioError(httpStatus: number, error: TwilioError): SendFailure {
  const code = error.code ?? httpStatus;
  const detail = error.message;
  const never = error.code === null ? undefined : NEVER.get(error.code);
  if (never !== undefined) return { ok: false, disposition: 'fail', code, title: never, detail };
  if (httpStatus === 429 || error.code === 20429 || error.code === 14107)
    return {
      ok: false,
      disposition: 'retry',
      code,
      title: 'Twilio is limiting the rate of messages',
      detail,
      reason: 'throttled_number',
    };
  if (httpStatus === 401 || error.code === 20003)
    return {
      ok: false,
      disposition: 'fail',
      code,
      title: 'Twilio refused the account SID or auth token',
      detail,
      reason: 'token_invalid',
    };
  if (httpStatus >= 500)
    return { ok: false, disposition: 'retry', code, title: `Twilio failed (HTTP ${httpStatus})`, detail };
  return { ok: false, disposition: 'fail', code, title: `Twilio refused the message (${code})`, detail };
}

/** A non-2xx answer without Twilio's error body (a proxy's page): only its status speaks. */
export function classifyUnreadableAnswer(httpStatus: number): SendFailure {
  return classifyTwilioError(httpStatus, { code: null, message: null, moreInfo: null, status: httpStatus });
}

/**
 * A call that broke: refused before it left (DNS, connection) nothing was sent; a timeout or a broken
 * answer may have been after Twilio took the message, and Twilio keeps no idempotency key, so only its
 * status callback can tell.
 */
export function classifyTransportError(error: unknown, timeoutMs: number): SendFailure {
  const name = error instanceof Error ? error.name : 'error';
  if (name === 'TimeoutError' || name === 'AbortError')
    return {
      ok: false,
      disposition: 'unknown',
      code: null,
      title: `Twilio did not answer within ${timeoutMs} ms`,
      detail: null,
    };
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : null;
  const code = cause !== null ? Reflect.get(cause, 'code') : undefined;
  const beforeSending = code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
  return {
    ok: false,
    disposition: beforeSending ? 'retry' : 'unknown',
    code: null,
    title: beforeSending ? `Twilio could not be reached (${String(code)})` : 'the call to Twilio broke off',
    detail: null,
  };
}

function clean(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, MAX_MESSAGE);
}
