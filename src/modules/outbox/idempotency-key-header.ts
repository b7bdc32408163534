import { createHash } from 'node:crypto';
import { z } from 'zod';

/** Keys longer than this are refused: a client's UUID or ULID fits many times over. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/**
 * The `Idempotency-Key` header: a Structured Field string as the IETF draft writes it
 * (`"8e03978e-40d5-43e8-bc93-6894a57f9324"`), or the bare value many clients send. Printable ASCII,
 * 1 to 255 characters once unquoted.
 */
export const idempotencyKeyHeader = z
  .string()
  .max(MAX_IDEMPOTENCY_KEY_LENGTH + 2)
  .transform((value, ctx) => {
    const key = parseIdempotencyKey(value);
    if (key === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters, optionally as a quoted string`,
      });
      return z.NEVER;
    }
    return key;
  })
  .describe(
    'A unique value per logical request (a UUID). Sent again with the same body, the first answer is ' +
      'replayed (same status and body) instead of sending twice; with another body: 422; while the ' +
      `first is still running: 409. Kept at least 24 hours, per API key or user; at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters.`,
  );

/** The key inside the header's value, or undefined when the value is not one. */
export function parseIdempotencyKey(value: string): string | undefined {
  const trimmed = value.trim();
  const key = trimmed.startsWith('"') ? unquote(trimmed) : trimmed;
  if (key === undefined || key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) return undefined;
  return /^[\x20-\x7e]+$/.test(key) ? key : undefined;
}

/** An sf-string: `"` … `"`, with `\"` and `\\` the only escapes. */
function unquote(quoted: string): string | undefined {
  if (quoted.length < 2 || !quoted.endsWith('"')) return undefined;
  let key = '';
  for (let i = 1; i < quoted.length - 1; i += 1) {
    const char = quoted[i];
    if (char === '"') return undefined;
    if (char === '\\') {
      const escaped = quoted[i + 1];
      if ((escaped !== '"' && escaped !== '\\') || i + 1 === quoted.length - 1) return undefined;
      key += escaped;
      i += 1;
    } else key += char;
  }
  return key;
}

/**
 * What makes two requests "the same" for a key: SHA-256 of their parts as canonical JSON (object keys
 * sorted), so spacing and key order in the body do not matter, a changed value does.
 */
export function requestFingerprint(parts: unknown): string {
  return createHash('sha256').update(canonicalJson(parts)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
