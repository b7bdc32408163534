import type { FastifyRequest } from 'fastify';
import { HttpProblem } from '../../platform/http/problem.ts';
import { toStorableText } from '../../platform/text/storable-text.ts';

export const ACCESS_REASON_HEADER = 'x-access-reason';
/** For what a browser loads by itself (a picture in the page, a download link): no header can go along. */
export const ACCESS_REASON_PARAMETER = 'access_reason';
export const MAX_ACCESS_REASON_LENGTH = 300;

/**
 * The reason a reader gave for opening patient data (`X-Access-Reason`, else the `access_reason` query
 * parameter), or null. Header values are Latin-1 on the wire, so a reason with other letters comes
 * percent-encoded (UTF-8) and is decoded here; a value that is not valid percent-encoding is taken as
 * written. Control characters and what PostgreSQL cannot store are dropped; longer than
 * MAX_ACCESS_REASON_LENGTH characters is refused, naming where it came from.
 */
export function accessReasonOf(request: FastifyRequest): string | null {
  const raw = request.headers[ACCESS_REASON_HEADER];
  const header = Array.isArray(raw) ? raw.join(', ') : raw;
  // Route schemas leave unknown query parameters out of request.query: read it from the URL itself.
  const parameter = new URLSearchParams(request.url.split('?')[1] ?? '').get(ACCESS_REASON_PARAMETER);
  const given =
    header !== undefined
      ? { text: decoded(header), field: `headers.${ACCESS_REASON_HEADER}` }
      : parameter !== null
        ? { text: parameter, field: `query.${ACCESS_REASON_PARAMETER}` }
        : null;
  if (!given) return null;
  const reason = toStorableText(given.text)
    .replace(/\p{Cc}+/gu, ' ')
    .trim();
  if (reason.length > MAX_ACCESS_REASON_LENGTH) {
    throw HttpProblem.badField(given.field, `must be at most ${MAX_ACCESS_REASON_LENGTH} characters`);
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
