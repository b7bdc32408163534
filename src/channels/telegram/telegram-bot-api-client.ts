import { readBounded } from '../read-bounded.ts';
import {
  classifyTelegramError,
  classifyTransportError,
  classifyUnreadableAnswer,
  parseTelegramApiResponse,
  type SendFailure,
} from './telegram-error-policy.ts';
import type { TelegramBody } from './telegram-request-body.ts';

export const TELEGRAM_API_URL = 'https://api.telegram.org';

/** How the adapter reaches the Bot API: injectable for tests and for a self-hosted Bot API server. */
export interface TelegramHttp {
  fetch: typeof fetch;
  apiUrl: string;
  timeoutMs: number;
}

export type TelegramCallResult =
  | { ok: true; result: unknown }
  | { ok: false; failure: SendFailure; retryAfter: number | null };

/** A send's answer is a Message of a few kilobytes; a much longer one is not Telegram's. */
const MAX_ANSWER_BYTES = 1024 * 1024;

/**
 * A bot token as BotFather issues it (`123456789:AAH...`). Checked before it is put in a URL path: a token
 * holding `/`, `?` or `#` would call another URL than the one meant.
 */
const TOKEN = /^\d{1,20}:[\w-]{1,200}$/;

/**
 * POSTs one Bot API method and reads Telegram's answer. The token is part of the URL path, and error
 * messages of fetch and URL parsing may quote the URL: every text that leaves here passes `redact`.
 */
export async function callTelegram(
  http: TelegramHttp,
  token: string,
  method: string,
  body: TelegramBody,
): Promise<TelegramCallResult> {
  const url = methodUrl(http.apiUrl, token, method);
  if (!url.ok) return { ok: false, failure: url.failure, retryAfter: null };
  let response: Response;
  try {
    response = await http.fetch(url.href, {
      method: 'POST',
      ...(body.kind === 'json'
        ? { headers: { 'content-type': 'application/json' }, body: body.json }
        : { body: body.form }),
      signal: AbortSignal.timeout(http.timeoutMs),
    });
  } catch (error) {
    return {
      ok: false,
      failure: redactFailure(classifyTransportError(error, http.timeoutMs), token),
      retryAfter: null,
    };
  }
  const bytes = await readBounded(response, MAX_ANSWER_BYTES).catch(() => null);
  const answer = bytes === null ? null : parseTelegramApiResponse(parseJson(bytes));
  if (answer === null) {
    return { ok: false, failure: classifyUnreadableAnswer(response.status), retryAfter: null };
  }
  if (answer.ok) return { ok: true, result: answer.result };
  const failure = redactFailure(classifyTelegramError(response.status, answer), token);
  return { ok: false, failure, retryAfter: answer.retryAfter };
}

type MethodUrl = { ok: true; href: string } | { ok: false; failure: SendFailure };

export function methodUrl(apiUrl: string, token: string, method: string): MethodUrl {
  return botUrl(apiUrl, token, `bot${token}/${method}`);
}

/** `{apiUrl}/file/bot{token}/{file_path}`: where getFile's files are served. */
export function fileUrl(apiUrl: string, token: string, filePath: string): MethodUrl {
  const path = filePath
    .split('/')
    .map((part) => encodeURIComponent(part))
    .join('/');
  return botUrl(apiUrl, token, `file/bot${token}/${path}`);
}

function botUrl(apiUrl: string, token: string, path: string): MethodUrl {
  if (!TOKEN.test(token)) {
    return failed(
      'the bot token is not a Telegram bot token (digits, a colon, then letters)',
      'token_invalid',
    );
  }
  let base: URL;
  try {
    base = new URL(apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`);
  } catch {
    return failed('the Telegram API URL is not a valid URL');
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    return failed('the Telegram API URL is not http(s)');
  }
  // `./`: a path starting `bot123:` would otherwise be read as a URL of its own with scheme `bot123:`.
  return { ok: true, href: new URL(`./${path}`, base).href };
}

function failed(title: string, reason?: 'token_invalid'): MethodUrl {
  const failure: SendFailure = { ok: false, disposition: 'fail', code: null, title, detail: null };
  return { ok: false, failure: reason === undefined ? failure : { ...failure, reason } };
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
}

/** Removes the bot token from any text, in case a message quoted the URL it was in. */
export function redact(text: string, token: string): string {
  return token === '' ? text : text.replaceAll(token, '<bot token>');
}

export function redactFailure(failure: SendFailure, token: string): SendFailure {
  return {
    ...failure,
    title: redact(failure.title, token),
    detail: failure.detail === null ? null : redact(failure.detail, token),
  };
}

export { readBounded };
