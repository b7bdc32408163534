import { readJsonAnswer } from '../json-answer.ts';
import {
  classifyLineError,
  classifyTransportError,
  classifyUnreadableAnswer,
  type LineApiResponse,
  parseLineErrorResponse,
  type SendFailure,
} from './line-error-policy.ts';

/** The Messaging API; its content (a patient's files) comes from another host. */
export const LINE_API_URL = 'https://api.line.me';
export const LINE_DATA_API_URL = 'https://api-data.line.me';

export interface LineHttp {
  fetch: typeof fetch;
  apiUrl: string;
  /** Where `GET /v2/bot/message/{id}/content` is served (api-data.line.me). */
  dataApiUrl: string;
  timeoutMs: number;
}

export type LineCallResult =
  | { ok: true; status: number; body: unknown }
  | { ok: false; failure: SendFailure; answer: LineApiResponse | null };

/** Answers are a few hundred bytes; far more is not LINE's. */
const MAX_ANSWER_BYTES = 1024 * 1024;

/**
 * One Messaging API call with the channel access token as a bearer token (never in a URL, so never in
 * an outcome). A 2xx answer is handed back as JSON; anything else is classified by the error policy.
 */
export async function callLine(
  http: LineHttp,
  token: string,
  request: { method: 'GET' | 'POST' | 'PUT'; path: string; json?: unknown; headers?: Record<string, string> },
): Promise<LineCallResult> {
  const url = apiUrl(http.apiUrl, request.path);
  if (url === null) return { ok: false, failure: notAUrl(), answer: null };
  let response: Response;
  try {
    response = await http.fetch(url, {
      method: request.method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(request.json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...request.headers,
      },
      ...(request.json !== undefined ? { body: JSON.stringify(request.json) } : {}),
      signal: AbortSignal.timeout(http.timeoutMs),
    });
  } catch (error) {
    return { ok: false, failure: classifyTransportError(error, http.timeoutMs), answer: null };
  }
  const body = await readJsonAnswer(response, MAX_ANSWER_BYTES);
  if (response.ok) return { ok: true, status: response.status, body };
  const answer = parseLineErrorResponse(body);
  if (answer === null) return { ok: false, failure: classifyUnreadableAnswer(response.status), answer };
  return { ok: false, failure: classifyLineError(response.status, answer), answer };
}

/** `base` + `path` (a path of ours, starting `/v2/`), or null when `base` is not an http(s) URL. */
export function apiUrl(base: string, path: string): string | null {
  let root: URL;
  try {
    root = new URL(base.endsWith('/') ? base : `${base}/`);
  } catch {
    return null;
  }
  if (root.protocol !== 'https:' && root.protocol !== 'http:') return null;
  return new URL(`.${path}`, root).href;
}

function notAUrl(): SendFailure {
  return {
    ok: false,
    disposition: 'fail',
    code: null,
    title: 'the LINE API URL is not an http(s) URL',
    detail: null,
  };
}
