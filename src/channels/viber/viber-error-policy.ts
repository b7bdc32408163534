import { z } from 'zod';
import type { SendOutcome } from '../channel.ts';

export type SendFailure = Extract<SendOutcome, { ok: false }>;

/** A REST Bot API answer as the corpus spells it (`api_response` in MANIFEST.md). */
export interface ViberApiResponse {
  kind: 'api_response';
  channel: 'viber';
  ok: boolean;
  status: number;
  statusMessage: string | null;
  /** `get_user_details`: who the user is. */
  user?: { id: string; name: string | null };
}

const MAX_MESSAGE = 300;

const answerSchema = z.looseObject({
  status: z.number().int(),
  status_message: z.string().optional().catch(undefined),
  user: z
    .looseObject({ id: z.string().min(1).max(256), name: z.string().max(200).optional().catch(undefined) })
    .optional()
    .catch(undefined),
});

/**
 * Every Viber answer is `{status, status_message, ...}` with HTTP 200, errors included (channels.md
 * §4): `status` 0 is ok. Null when the body is not such an answer.
 */
export function parseViberApiResponse(body: unknown): ViberApiResponse | null {
  const parsed = answerSchema.safeParse(body);
  if (!parsed.success) return null;
  const message = parsed.data.status_message;
  return {
    kind: 'api_response',
    channel: 'viber',
    ok: parsed.data.status === 0,
    status: parsed.data.status,
    statusMessage: message === undefined ? null : clean(message),
    ...(parsed.data.user !== undefined
      ? { user: { id: parsed.data.user.id, name: parsed.data.user.name ?? null } }
      : {}),
  };
}

/** Viber's error statuses (REST Bot API, "Error codes"), by what they mean for a send. */
export const VIBER_STATUS = {
  ok: 0,
  invalidUrl: 1,
  invalidAuthToken: 2,
  badData: 3,
  missingData: 4,
  receiverNotRegistered: 5,
  receiverNotSubscribed: 6,
  accountBlocked: 7,
  accountNotFound: 8,
  accountSuspended: 9,
  webhookNotSet: 10,
  receiverNoSuitableDevice: 11,
  tooManyRequests: 12,
  apiVersionNotSupported: 13,
  incompatibleWithVersion: 14,
  accountNotAuthorized: 15,
  freeMessagesExceeded: 23,
  noBalance: 24,
} as const;

const FOR_GOOD: Readonly<Record<number, string>> = {
  1: 'Viber refused the webhook URL',
  3: 'Viber could not read the request',
  4: 'Viber says a required field is missing',
  5: 'the patient is not a Viber user (any more)',
  6: 'the patient has not subscribed to this Viber account (or unsubscribed): they must write to it first',
  7: 'this Viber account is blocked',
  8: 'this Viber account was not found',
  9: 'this Viber account is suspended',
  10: 'no webhook is set for this Viber account: set it up again',
  11: 'the patient has no device that can show this message',
  13: 'the patient’s Viber app is too old for this message',
  14: 'the patient’s Viber app is too old for this message',
  15: 'this Viber account is not authorised for this call',
  23: 'this Viber account’s free bot-initiated messages are used up for the month',
  24: 'this Viber account has no balance left for bot-initiated messages',
};

/**
 * What a refused call means for the message. A non-zero `status` sent nothing, so the choice is
 * between trying again later and giving up:
 *
 * - 2 (invalid auth token): `fail`, `token_invalid`, for an operator;
 * - 12 (rate control): `retry`, `throttled_number`;
 * - 1, 3–11, 13–15, 23, 24 (a field, the patient, the account, the billing): `fail`, saying which;
 * - any other (Viber's "general error"): `retry`.
 */
export function classifyViberStatus(answer: ViberApiResponse): SendFailure {
  const detail = answer.statusMessage;
  const failure = (title: string, extra: Partial<SendFailure> = {}): SendFailure => ({
    ok: false,
    disposition: 'fail',
    code: answer.status,
    title,
    detail,
    ...extra,
  });
  if (answer.status === VIBER_STATUS.invalidAuthToken)
    return failure('Viber refused the auth token', { reason: 'token_invalid' });
  if (answer.status === VIBER_STATUS.tooManyRequests)
    return failure('Viber is rate-limiting this account', {
      disposition: 'retry',
      reason: 'throttled_number',
    });
  const forGood = FOR_GOOD[answer.status];
  if (forGood !== undefined) return failure(forGood);
  return failure(`Viber had an error (status ${answer.status})`, { disposition: 'retry' });
}

/**
 * An answer that is not Viber's, or an HTTP error. A 502/503 (a proxy saying Viber did not answer) or
 * another 5xx sent nothing: `retry`; anything else may come after Viber took the message: `unknown`.
 */
export function classifyUnreadableAnswer(httpStatus: number): SendFailure {
  return {
    ok: false,
    disposition: httpStatus >= 500 || httpStatus === 429 ? 'retry' : 'unknown',
    code: httpStatus,
    title: `Viber's answer could not be read (HTTP ${httpStatus})`,
    detail: null,
  };
}

function clean(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const cleaned = text.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return cleaned.length > MAX_MESSAGE ? `${cleaned.slice(0, MAX_MESSAGE)}…` : cleaned;
}
