import { z } from 'zod';
import type { SendOutcome } from '../channel.ts';
import { transportFailure } from '../transport-failure.ts';

/** A Messaging API answer as the corpus spells it (`api_response` in MANIFEST.md). */
export interface LineApiResponse {
  kind: 'api_response';
  channel: 'line';
  ok: boolean;
  message: string | null;
  details: Array<{ message: string | null; property: string | null }>;
}

export type SendFailure = Extract<SendOutcome, { ok: false }>;

/** LINE's messages are a sentence; a longer one is not LINE's and is not copied into an outcome. */
const MAX_MESSAGE = 300;

const optText = z
  .unknown()
  .optional()
  .transform((value) => (typeof value === 'string' ? clean(value) : null));

// Field names of @line/bot-sdk's `messagingApi.ErrorResponse` / `ErrorDetail`.
const errorResponseSchema = z.looseObject({
  message: z.string(),
  details: z
    .array(z.looseObject({ message: optText, property: optText }))
    .optional()
    .catch(undefined),
});

/**
 * An error body `{message, details[]}` (channels.md §3) as the corpus reads it, or null when the body
 * is not one. Details are kept to the first ten.
 */
export function parseLineErrorResponse(body: unknown): LineApiResponse | null {
  const parsed = errorResponseSchema.safeParse(body);
  if (!parsed.success) return null;
  return {
    kind: 'api_response',
    channel: 'line',
    ok: false,
    message: clean(parsed.data.message),
    details: (parsed.data.details ?? []).slice(0, 10).map((detail) => ({
      message: detail.message,
      property: detail.property,
    })),
  };
}

/** What LINE answers to a reply token that is used, expired or unknown: the cue to push instead. */
export const INVALID_REPLY_TOKEN = 'Invalid reply token';

/** What LINE answers (429) once the plan's monthly push messages are used up. */
const MONTHLY_LIMIT = /monthly limit/i;

/**
 * What a refused call means for the message, by LINE's documented statuses (Messaging API, "Status
 * codes"). A refusal sent nothing, so the choice is between trying again later and giving up:
 *
 * - 400 (a field LINE refuses, the user cannot be messaged): `fail`, the details in the outcome;
 * - 401 (the channel access token is invalid or expired): `fail`, `token_invalid`, for an operator;
 * - 403 (the plan or the channel is not allowed this API): `fail`;
 * - 404 (no such user or message), 410 (content gone): `fail`;
 * - 429: the monthly quota used up is `fail` (waiting a minute does not help, the next month does);
 *   the per-endpoint rate limit is `retry`, `throttled_number`;
 * - 500 and other 5xx: `retry` (pushes carry a retry key, so a second try cannot deliver twice).
 */
export function classifyLineError(httpStatus: number, answer: LineApiResponse | null): SendFailure {
  const message = answer?.message ?? `HTTP ${httpStatus}`;
  const detail = detailsOf(answer);
  const failure = (title: string, extra: Partial<SendFailure> = {}): SendFailure => ({
    ok: false,
    disposition: 'fail',
    code: httpStatus,
    title,
    detail,
    ...extra,
  });
  if (httpStatus === 401)
    return failure(`LINE refused the channel access token: ${message}`, { reason: 'token_invalid' });
  if (httpStatus === 403) return failure(`LINE does not allow this channel that call: ${message}`);
  if (httpStatus === 429) {
    if (MONTHLY_LIMIT.test(message)) return failure(`LINE's monthly message quota is used up: ${message}`);
    return failure(`LINE is rate-limiting this channel: ${message}`, {
      disposition: 'retry',
      reason: 'throttled_number',
    });
  }
  if (httpStatus >= 500) return failure(`LINE had an internal error: ${message}`, { disposition: 'retry' });
  return failure(`LINE refused the message: ${message}`);
}

/**
 * An answer that is not LINE's (an HTML error page, a cut-off body). A 502 or 503 is a proxy in front
 * of LINE saying LINE did not answer it, so nothing was sent: `retry`. Anything else may come after LINE
 * took the message: `unknown`.
 */
export function classifyUnreadableAnswer(httpStatus: number): SendFailure {
  return {
    ok: false,
    disposition: httpStatus === 502 || httpStatus === 503 ? 'retry' : 'unknown',
    code: httpStatus,
    title: `LINE's answer could not be read (HTTP ${httpStatus})`,
    detail: null,
  };
}

/** A call that got no answer (transport-failure.ts, in LINE's name). */
export function classifyTransportError(error: unknown, timeoutMs: number): SendFailure {
  return transportFailure('LINE', error, timeoutMs);
}

function detailsOf(answer: LineApiResponse | null): string | null {
  if (answer === null || answer.details.length === 0) return null;
  return answer.details
    .map((detail) => `${detail.property ?? '(message)'}: ${detail.message ?? 'refused'}`)
    .join('; ');
}

function clean(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const cleaned = text.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return cleaned.length > MAX_MESSAGE ? `${cleaned.slice(0, MAX_MESSAGE)}…` : cleaned;
}
