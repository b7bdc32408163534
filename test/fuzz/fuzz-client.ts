import type { FuzzCase, FuzzRequest } from './api-fuzz-cases.ts';
import { describeRequest, type FuzzFigures, newFigures } from './fuzz-figures.ts';
import type { WhatsAppNumber } from './webhook-fuzz-cases.ts';

/** A running Careline to fuzz, with an administrator of one clinic and that clinic's WhatsApp number. */
export interface FuzzTarget {
  url: string;
  /** An API key of the clinic (API keys act as administrators). */
  apiKey: string;
  /** Signs the clinic's administrator in (again): the session cookie and its CSRF token. */
  signIn(): Promise<AdminSession>;
  number: WhatsAppNumber;
  /** What the server logged at error level since the last call, to explain a 5xx (when it can tell). */
  drainServerErrors?(): string[];
  /** Waits (bounded) for the background work the webhooks queued. */
  settle?(): Promise<void>;
  /**
   * Errors that would have ended a production process since the last call (unhandled rejections of a
   * server run in this process, where the test runner catches them instead of dying).
   */
  fatalErrors?(): string[];
  /** Starts the server again after a death; without it a run stops at the first death. */
  restart?(): Promise<void>;
}

export interface AdminSession {
  cookie: string;
  csrf: string;
}

/** Who sends a request: the credentials it carries. */
export interface Caller {
  label: string;
  headers(method: string): Record<string, string>;
}

export interface Answer {
  status?: number;
  json?: unknown;
}

/** How long one request may take before it counts as a failure (a hang is as bad as a 500). */
const REQUEST_TIMEOUT_MS = 20_000;
const HEALTH_TIMEOUT_MS = 10_000;

/**
 * Sends fuzz cases to the target and keeps the figures: every answer by status class, every 5xx or
 * missing answer with what the server logged, every death. After a death the target is started again
 * when it can be (and the case sent again); otherwise `alive` turns false and the run should stop.
 */
export class FuzzClient {
  readonly figures: FuzzFigures;
  readonly target: FuzzTarget;
  alive = true;

  constructor(target: FuzzTarget, seed: number) {
    this.target = target;
    this.figures = newFigures(seed);
  }

  async send(operation: string, fuzzCase: FuzzCase, caller: Caller): Promise<Answer> {
    const { request } = fuzzCase;
    this.figures.requests += 1;
    this.target.drainServerErrors?.();
    let outcome = await sendRequest(this.target.url, request, caller);
    if (outcome instanceof Error && !(await healthy(this.target.url))) {
      // Dead before this request or of it: a death; sent again once the server is back.
      if (!(await this.#died(`${operation}: ${fuzzCase.label} (no answer, then GET /health failed)`)))
        return {};
      outcome = await sendRequest(this.target.url, request, caller);
    }
    const fail = async (what: string) => {
      // A server in another process logs a moment after it answers.
      if (this.target.drainServerErrors) await new Promise((resolve) => setTimeout(resolve, 50));
      this.figures.failures.push({
        operation,
        label: fuzzCase.label,
        as: caller.label,
        request: describeRequest(request),
        outcome: what,
        serverError: this.target.drainServerErrors?.().join(' | ').slice(0, 600) || undefined,
      });
    };
    if (outcome instanceof Error) {
      this.#count('no answer');
      await fail(`no answer: ${describeError(outcome)}`);
      return {};
    }
    const response = outcome;
    this.#count(`${Math.floor(response.status / 100)}xx`);
    if (response.status >= 500) {
      const text = await response.text().catch((error: unknown) => `(unreadable: ${describeError(error)})`);
      await fail(`HTTP ${response.status}: ${text.slice(0, 300)}`);
      return { status: response.status };
    }
    if (
      response.status < 300 &&
      (response.headers.get('content-type') ?? '').startsWith('application/json')
    ) {
      const json: unknown = await response.json().catch(() => undefined);
      return { status: response.status, json };
    }
    // Streams (live events) never end: what matters is the status.
    await response.body?.cancel().catch(() => undefined);
    return { status: response.status };
  }

  /**
   * After a batch: did anything end the process, does `GET /health` answer? Each is a death; false
   * when the server is gone for good and the run must stop. (A fatal error of a server run in this
   * process left it running: the run goes on, to report what else breaks.)
   */
  async checkpoint(batch: string): Promise<boolean> {
    const fatal = this.target.fatalErrors?.() ?? [];
    if (fatal.length > 0) this.figures.deaths.push(`${batch}: ${fatal.join(' | ').slice(0, 600)}`);
    if (await healthy(this.target.url)) return this.alive;
    return this.#died(`${batch}: GET /health did not answer 200`);
  }

  async #died(when: string): Promise<boolean> {
    this.figures.deaths.push(when);
    if (!this.target.restart) {
      this.alive = false;
      return false;
    }
    try {
      await this.target.restart();
      return true;
    } catch (error) {
      this.figures.deaths.push(`could not start the server again: ${describeError(error).slice(0, 300)}`);
      this.alive = false;
      return false;
    }
  }

  #count(statusClass: string): void {
    this.figures.byStatusClass.set(statusClass, (this.figures.byStatusClass.get(statusClass) ?? 0) + 1);
  }
}

async function sendRequest(url: string, request: FuzzRequest, caller: Caller): Promise<Response | Error> {
  try {
    return await fetch(`${url}${request.target}`, {
      method: request.method,
      headers: {
        ...caller.headers(request.method),
        ...(request.contentType !== undefined ? { 'content-type': request.contentType } : {}),
      },
      ...(request.body !== undefined ? { body: request.body } : {}),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

export async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

export function apiKeyCaller(apiKey: string): Caller {
  return { label: 'admin, API key', headers: () => ({ authorization: `Bearer ${apiKey}` }) };
}

export function sessionCaller(session: AdminSession): Caller {
  return {
    label: 'admin, session',
    headers: (method) => ({
      cookie: session.cookie,
      ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrf }),
    }),
  };
}

/** Callers without valid credentials, taken in turn. */
export function anonymousCallers(session: AdminSession): Caller[] {
  return [
    { label: 'anonymous', headers: () => ({}) },
    { label: 'unknown API key', headers: () => ({ authorization: 'Bearer cl_fuzz0000000000000000' }) },
    { label: 'malformed Authorization', headers: () => ({ authorization: 'Basic Zm96ejp6eg==, Bearer' }) },
    { label: 'unknown session', headers: () => ({ cookie: 'careline_session=fuzz; careline_session=%00' }) },
    { label: 'session without CSRF token', headers: () => ({ cookie: session.cookie }) },
  ];
}

/** Signs a member of the staff in as the web app does: the session cookie and its CSRF token. */
export async function signInAdmin(url: string, email: string, password: string): Promise<AdminSession> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body: unknown = await response.json().catch(() => undefined);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .filter((c) => c.startsWith('careline_session='))
    .join('; ');
  const csrf =
    typeof body === 'object' && body !== null && 'csrf_token' in body ? body.csrf_token : undefined;
  if (response.status !== 200 || typeof csrf !== 'string' || !cookie)
    throw new Error(`signing in ${email} failed: HTTP ${response.status} ${JSON.stringify(body)}`);
  return { cookie, csrf };
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.name}: ${error.message}${cause}`;
}
