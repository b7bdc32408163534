import { readBounded } from '../read-bounded.ts';
import { transportFailure } from '../transport-failure.ts';
import { readViberJson } from './read-viber-json.ts';
import {
  classifyUnreadableAnswer,
  classifyViberStatus,
  parseViberApiResponse,
  type SendFailure,
  type ViberApiResponse,
} from './viber-error-policy.ts';

/** The REST Bot API: every method is `POST {apiUrl}/pa/<method>`. */
export const VIBER_API_URL = 'https://chatapi.viber.com';

export interface ViberHttp {
  fetch: typeof fetch;
  apiUrl: string;
  timeoutMs: number;
}

export type ViberCallResult =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; failure: SendFailure; answer: ViberApiResponse | null };

/** Answers are a few hundred bytes (get_account_info lists members: a few kB); far more is not Viber's. */
const MAX_ANSWER_BYTES = 1024 * 1024;

/**
 * One REST Bot API call, the auth token in `X-Viber-Auth-Token` (never in a URL, so never in an
 * outcome). Viber answers HTTP 200 with `status` 0 when it did what was asked, and a non-zero `status`
 * when it did not, which the error policy classifies. Answers are read by readViberJson, so a
 * `message_token` keeps all its digits.
 */
export async function callViber(
  http: ViberHttp,
  token: string,
  method: 'send_message' | 'set_webhook' | 'get_account_info',
  json: Record<string, unknown>,
): Promise<ViberCallResult> {
  const url = methodUrl(http.apiUrl, method);
  if (url === null) return { ok: false, failure: notAUrl(), answer: null };
  let response: Response;
  try {
    response = await http.fetch(url, {
      method: 'POST',
      headers: { 'x-viber-auth-token': token, 'content-type': 'application/json' },
      body: JSON.stringify(json),
      signal: AbortSignal.timeout(http.timeoutMs),
    });
  } catch (error) {
    return { ok: false, failure: transportFailure('Viber', error, http.timeoutMs), answer: null };
  }
  const bytes = await readBounded(response, MAX_ANSWER_BYTES).catch(() => null);
  const body = bytes === null ? undefined : parsed(bytes);
  const answer = response.ok ? parseViberApiResponse(body) : null;
  if (answer === null || typeof body !== 'object' || body === null)
    return { ok: false, failure: classifyUnreadableAnswer(response.status), answer: null };
  if (!answer.ok) return { ok: false, failure: classifyViberStatus(answer), answer };
  return { ok: true, body: { ...body } };
}

/** `{apiUrl}/pa/{method}`, or null when `apiUrl` is not an http(s) URL. */
export function methodUrl(apiUrl: string, method: string): string | null {
  if (!URL.canParse(apiUrl)) return null;
  const root = new URL(apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`);
  if (root.protocol !== 'https:' && root.protocol !== 'http:') return null;
  return new URL(`pa/${method}`, root).href;
}

function parsed(bytes: Buffer): unknown {
  try {
    return readViberJson(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

function notAUrl(): SendFailure {
  return {
    ok: false,
    disposition: 'fail',
    code: null,
    title: 'the Viber API URL is not an http(s) URL',
    detail: null,
  };
}
