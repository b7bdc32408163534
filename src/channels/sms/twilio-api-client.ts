import { readJsonAnswer } from '../json-answer.ts';
import {
  classifyTransportError,
  classifyTwilioError,
  classifyUnreadableAnswer,
  parseTwilioError,
  type SendFailure,
  type TwilioError,
} from './twilio-error-policy.ts';

/** Twilio's REST API; a Twilio-compatible provider (or the simulator) is named by the account's apiUrl. */
export const TWILIO_API_URL = 'https://api.twilio.com';

export interface TwilioHttp {
  fetch: typeof fetch;
  apiUrl: string;
  timeoutMs: number;
}

export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
}

export type TwilioCallResult =
  | { ok: true; status: number; body: unknown }
  | { ok: false; failure: SendFailure; error: TwilioError | null };

const MAX_ANSWER_BYTES = 1024 * 1024;

/**
 * One call to the account's resources, `/2010-04-01/Accounts/{AccountSid}{path}`, with HTTP basic
 * auth (AccountSid:AuthToken, never in a URL or an outcome) and a form body. A 2xx answer is handed
 * back as JSON; anything else is classified by the error policy.
 */
export async function callTwilio(
  http: TwilioHttp,
  credentials: TwilioCredentials,
  request: { method: 'GET' | 'POST'; path: string; form?: Readonly<Record<string, string>> },
): Promise<TwilioCallResult> {
  const url = accountUrl(http.apiUrl, credentials.accountSid, request.path);
  if (url === null)
    return {
      ok: false,
      failure: {
        ok: false,
        disposition: 'fail',
        code: null,
        title: 'the SMS API URL is not an http(s) URL',
        detail: null,
      },
      error: null,
    };
  let response: Response;
  try {
    response = await http.fetch(url, {
      method: request.method,
      headers: {
        authorization: basicAuth(credentials),
        accept: 'application/json',
        ...(request.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(request.form ? { body: new URLSearchParams(Object.entries(request.form)).toString() } : {}),
      signal: AbortSignal.timeout(http.timeoutMs),
    });
  } catch (error) {
    return { ok: false, failure: classifyTransportError(error, http.timeoutMs), error: null };
  }
  const body = await readJsonAnswer(response, MAX_ANSWER_BYTES);
  if (response.ok) return { ok: true, status: response.status, body };
  const error = parseTwilioError(body);
  if (error === null) return { ok: false, failure: classifyUnreadableAnswer(response.status), error };
  return { ok: false, failure: classifyTwilioError(response.status, error), error };
}

export function basicAuth(credentials: TwilioCredentials): string {
  return `Basic ${Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString('base64')}`;
}

/** `{base}/2010-04-01/Accounts/{sid}{path}`, or null when `base` is not an http(s) URL. */
export function accountUrl(base: string, accountSid: string, path: string): string | null {
  let root: URL;
  try {
    root = new URL(base.endsWith('/') ? base : `${base}/`);
  } catch {
    return null;
  }
  if (root.protocol !== 'https:' && root.protocol !== 'http:') return null;
  return new URL(`./2010-04-01/Accounts/${encodeURIComponent(accountSid)}${path}`, root).href;
}
