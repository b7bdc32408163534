export interface FieldError {
  field: string;
  message: string;
}

/** A failed API call, with what problem+json said: the status, a sentence, and the fields at fault. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly fieldErrors: FieldError[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }

  /** The route is not there (yet): the server answered 404 for the path itself, or 405/501. */
  get isMissingRoute(): boolean {
    return (this.status === 404 && this.detail.startsWith('No route')) || this.status === 501;
  }

  /** The message for one field (`body.text`), when the server named it. */
  fieldMessage(field: string): string | undefined {
    return this.fieldErrors.find((error) => error.field === field || error.field === `body.${field}`)
      ?.message;
  }
}

/** Status 0: the request never got an answer (offline, server down). */
export const NETWORK_ERROR_STATUS = 0;

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;
let askAccessReason: (() => Promise<string | null>) | null = null;
/** The reason given on this page of the app: it goes with every read made from this page. */
let givenReason: { reason: string; page: string } | null = null;
let pendingReason: Promise<string | null> | null = null;

/** Every change (POST/PUT/PATCH/DELETE) carries the session's CSRF token. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the API answers 401 outside sign-in: the session ended. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/**
 * Called when the clinic requires a reason of the user's role (428): resolves with what the user typed,
 * or null when they cancelled. Several reads refused at once share one question.
 */
export function setAccessReasonPrompt(prompt: (() => Promise<string | null>) | null): void {
  askAccessReason = prompt;
}

/** The reason given on the page now open, for what the browser loads itself (pictures, downloads). */
export function pageAccessReason(): string | null {
  return givenReason && givenReason.page === window.location.pathname ? givenReason.reason : null;
}

/**
 * A link the browser follows itself (a picture, a download) cannot send headers: the reason given on
 * this page goes in its URL instead.
 */
export function withPageAccessReason(url: string): string {
  const reason = pageAccessReason();
  if (!reason) return url;
  return `${url}${url.includes('?') ? '&' : '?'}access_reason=${encodeURIComponent(reason)}`;
}

async function accessReason(): Promise<string | null> {
  if (!askAccessReason) return null;
  pendingReason ??= askAccessReason().finally(() => {
    pendingReason = null;
  });
  const reason = await pendingReason;
  if (reason) givenReason = { reason, page: window.location.pathname };
  return reason;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  form?: FormData;
  signal?: AbortSignal;
  /** Sign-in and session checks answer 401 as a normal outcome, not as an expired session. */
  expectUnauthorized?: boolean;
}

/** Calls the Careline API with the session cookie; resolves with the JSON, rejects with an ApiError. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  // Header values are Latin-1: the reason goes percent-encoded (UTF-8), which the server decodes.
  const reason = pageAccessReason();
  if (reason) headers['x-access-reason'] = encodeURIComponent(reason);
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(NETWORK_ERROR_STATUS, 'network');
  }
  if (response.status === 401 && !options.expectUnauthorized) onUnauthorized?.();
  if (response.status === 428 && (await accessReason())) return apiRequest(path, options);
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return emptyValue();
  const text = await response.text();
  return text === '' ? emptyValue() : JSON.parse(text);
}

function emptyValue<T>(): T {
  return JSON.parse('null');
}

async function errorOf(response: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = await response.json();
    if (typeof parsed === 'object' && parsed !== null) body = { ...parsed };
  } catch {
    // Not JSON (a proxy's HTML page): the status alone says enough.
  }
  const detail = typeof body.detail === 'string' ? body.detail : `HTTP ${response.status}`;
  const errors = Array.isArray(body.errors) ? body.errors.flatMap(fieldErrorOf) : [];
  return new ApiError(response.status, detail, errors, body);
}

function fieldErrorOf(value: unknown): FieldError[] {
  if (typeof value !== 'object' || value === null) return [];
  const field = 'field' in value && typeof value.field === 'string' ? value.field : '';
  const message =
    'message' in value && typeof value.message === 'string'
      ? value.message
      : 'reason' in value && typeof value.reason === 'string'
        ? value.reason
        : '';
  return field || message ? [{ field, message }] : [];
}
