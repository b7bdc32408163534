import { z } from 'zod';
import type { SendOutcome } from '../channel.ts';

/** A Bot API answer as the corpus spells it (`api_response` in MANIFEST.md), plus its `result`. */
export interface TelegramApiResponse {
  kind: 'api_response';
  channel: 'telegram';
  ok: boolean;
  errorCode: number | null;
  message: string | null;
  /** Flood control: seconds to wait before the same call may be made again. */
  retryAfter: number | null;
  /** The group became a supergroup with this id: the old chat id no longer takes messages. */
  migrateToChatId: number | null;
  result: unknown;
}

export type SendFailure = Extract<SendOutcome, { ok: false }>;

/** Descriptions are a sentence; a longer one is not Telegram's and is not copied into an outcome. */
const MAX_DESCRIPTION = 300;

const optInt = z.number().int().refine(Number.isSafeInteger).nullable().optional().catch(null);

// Field names of @grammyjs/types' `ApiError` / `ResponseParameters`; `error_code` is optional here because some answers
// (and the corpus) omit it, and then the HTTP status says the same.
const apiResponseSchema = z.looseObject({
  ok: z.boolean(),
  error_code: optInt,
  description: z.string().optional().catch(undefined),
  result: z.unknown().optional(),
  parameters: z.looseObject({ retry_after: optInt, migrate_to_chat_id: optInt }).optional().catch(undefined),
});

/** A Bot API answer body (`{ok, result}` or `{ok:false, error_code, description, parameters}`), or null. */
export function parseTelegramApiResponse(body: unknown): TelegramApiResponse | null {
  const parsed = apiResponseSchema.safeParse(body);
  if (!parsed.success) return null;
  const { ok, error_code, description, parameters, result } = parsed.data;
  return {
    kind: 'api_response',
    channel: 'telegram',
    ok,
    errorCode: error_code ?? null,
    message: description === undefined ? null : cleanDescription(description),
    retryAfter: parameters?.retry_after ?? null,
    migrateToChatId: parameters?.migrate_to_chat_id ?? null,
    result,
  };
}

/**
 * What a refused call means for the message. Telegram's own answer with `ok:false` is a refusal: it did
 * not send anything, so the choice is only between trying again later and giving up.
 *
 * - flood control (429, or any `retry_after`) and Telegram's own 5xx: `retry`;
 * - 401 Unauthorized, and 404 (Telegram's answer to a token it cannot parse in the path):
 *   `fail`, `token_invalid`, for an operator to replace the token;
 * - a group upgraded to a supergroup (`migrate_to_chat_id`): `fail`, the new chat id in the detail;
 * - 403 (the user blocked the bot, deleted their account, the bot was removed from the group), 400 (chat
 *   not found, message too long...), 409 and anything else: `fail`, Telegram's description says why.
 */
export function classifyTelegramError(httpStatus: number | null, response: TelegramApiResponse): SendFailure {
  const code = response.errorCode ?? httpStatus;
  const description = response.message ?? 'no description';
  if (response.retryAfter !== null || code === 429) {
    const wait = response.retryAfter ?? 1;
    return {
      ok: false,
      disposition: 'retry',
      code,
      title: `Telegram flood control: retry after ${wait} s`,
      detail: description,
      // Telegram's limits are mostly per chat (about one message a second, 20 a minute in a group).
      reason: 'throttled_pair',
    };
  }
  if (response.migrateToChatId !== null) {
    return {
      ok: false,
      disposition: 'fail',
      code,
      title: 'Telegram: the group was upgraded to a supergroup with a new chat id',
      detail: `migrate_to_chat_id ${response.migrateToChatId}: send to chat ${response.migrateToChatId}`,
    };
  }
  if (code === 401 || code === 404) {
    return {
      ok: false,
      disposition: 'fail',
      code,
      title: 'Telegram refused the bot token',
      detail: description,
      reason: 'token_invalid',
    };
  }
  if (code !== null && code >= 500) {
    return {
      ok: false,
      disposition: 'retry',
      code,
      title: 'Telegram had an internal error',
      detail: description,
    };
  }
  return {
    ok: false,
    disposition: 'fail',
    code,
    title: `Telegram refused the message: ${description}`,
    detail: null,
  };
}

/**
 * An answer that is not the Bot API's (an HTML error page, a cut-off body). A 502 or 503 is a proxy in
 * front of Telegram saying Telegram did not answer it, so nothing was sent: `retry`. Anything else may
 * come after Telegram took the message: `unknown`. Telegram sends no delivery receipts, so `unknown`
 * is kept to what truly cannot be told.
 */
export function classifyUnreadableAnswer(httpStatus: number): SendFailure {
  const disposition = httpStatus === 502 || httpStatus === 503 ? 'retry' : 'unknown';
  return {
    ok: false,
    disposition,
    code: httpStatus,
    title: `Telegram's answer could not be read (HTTP ${httpStatus})`,
    detail: null,
  };
}

/** Errors from before a connection was made: the request never left, so it is safe to send again. */
const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_HAS_EXPIRED',
]);

/**
 * A call that got no answer. Before a connection (no such host, refused): `retry`. A timeout or a
 * connection broken after that: the request may have reached Telegram, so `unknown`.
 */
export function classifyTransportError(error: unknown, timeoutMs: number): SendFailure {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return {
      ok: false,
      disposition: 'unknown',
      code: null,
      title: `Telegram did not answer within ${timeoutMs} ms`,
      detail: null,
    };
  }
  const code = causeCode(error);
  if (code !== null && NOT_SENT_CODES.has(code)) {
    return {
      ok: false,
      disposition: 'retry',
      code: null,
      title: `Telegram could not be reached (${code})`,
      detail: null,
    };
  }
  return {
    ok: false,
    disposition: 'unknown',
    code: null,
    title: `the connection to Telegram broke${code === null ? '' : ` (${code})`}`,
    detail: null,
  };
}

/** fetch() wraps the socket's error: its `cause` holds the system code (`ECONNREFUSED`...). */
function causeCode(error: unknown): string | null {
  for (let at: unknown = error, depth = 0; at instanceof Error && depth < 4; at = at.cause, depth += 1) {
    if ('code' in at && typeof at.code === 'string' && /^[A-Z_]{2,64}$/.test(at.code)) return at.code;
  }
  return null;
}

function cleanDescription(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return clean.length > MAX_DESCRIPTION ? `${clean.slice(0, MAX_DESCRIPTION)}…` : clean;
}
