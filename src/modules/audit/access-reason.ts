import type { FastifyRequest } from 'fastify';
import { HttpProblem } from '../../platform/http/problem.ts';
import { toStorableText } from '../../platform/text/storable-text.ts';

export const ACCESS_REASON_HEADER = 'x-access-reason';
export const MAX_ACCESS_REASON_LENGTH = 300;

/**
 * The reason a reader gave for opening patient data (`X-Access-Reason`), or null. Header values are
 * Latin-1 on the wire, so a reason with other letters comes percent-encoded (UTF-8) and is decoded here;
 * a value that is not valid percent-encoding is taken as written. Control characters and what PostgreSQL
 * cannot store are dropped; longer than MAX_ACCESS_REASON_LENGTH characters is refused.
 */
export function accessReasonOf(request: FastifyRequest): string | null {
  const raw = request.headers[ACCESS_REASON_HEADER];
  const value = Array.isArray(raw) ? raw.join(', ') : raw;
  if (value === undefined) return null;
  const reason = toStorableText(decoded(value))
    .replace(/\p{Cc}+/gu, ' ')
    .trim();
  if (reason.length > MAX_ACCESS_REASON_LENGTH) {
    throw HttpProblem.badField(
      'headers.x-access-reason',
      `must be at most ${MAX_ACCESS_REASON_LENGTH} characters`,
    );
  }
  return reason === '' ? null : reason;
}

function decoded(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
