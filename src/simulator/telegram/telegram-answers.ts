/** A Bot API answer: `{ok:true, result}` or `{ok:false, error_code, description, parameters?}`. */
export interface TelegramAnswer {
  httpStatus: number;
  body:
    | { ok: true; result: unknown; description?: string }
    | {
        ok: false;
        error_code: number;
        description: string;
        parameters?: { retry_after?: number; migrate_to_chat_id?: number };
      };
}

export function ok(result: unknown, description?: string): TelegramAnswer {
  return { httpStatus: 200, body: { ok: true, result, ...(description ? { description } : {}) } };
}

/** Telegram's error texts are `<HTTP reason>: <detail>`, e.g. `Bad Request: chat not found`. */
export function badRequest(detail: string): TelegramAnswer {
  return { httpStatus: 400, body: { ok: false, error_code: 400, description: `Bad Request: ${detail}` } };
}

export function unauthorized(): TelegramAnswer {
  return { httpStatus: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } };
}

export function forbidden(detail: string): TelegramAnswer {
  return { httpStatus: 403, body: { ok: false, error_code: 403, description: `Forbidden: ${detail}` } };
}

export function notFound(): TelegramAnswer {
  return { httpStatus: 404, body: { ok: false, error_code: 404, description: 'Not Found' } };
}

export function tooManyRequests(retryAfter: number): TelegramAnswer {
  return {
    httpStatus: 429,
    body: {
      ok: false,
      error_code: 429,
      description: `Too Many Requests: retry after ${retryAfter}`,
      parameters: { retry_after: retryAfter },
    },
  };
}

/** A parameter's value as a string (JSON bodies give numbers, multipart forms strings). */
export function stringParam(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** An object parameter: JSON bodies give it as is, multipart forms as JSON text. */
export function objectParam(value: unknown): Record<string, unknown> | undefined {
  const parsed = typeof value === 'string' ? safeJson(value) : value;
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? { ...parsed } : undefined;
}

export function arrayParam(value: unknown): unknown[] | undefined {
  const parsed = typeof value === 'string' ? safeJson(value) : value;
  return Array.isArray(parsed) ? parsed : undefined;
}

export function numberParam(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
