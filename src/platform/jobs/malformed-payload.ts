import type { z } from 'zod';
import { PermanentJobError } from './job-errors.ts';

/**
 * A job whose payload does not match its queue's schema. It will never parse, so it fails at once,
 * without retries.
 */
export class MalformedPayloadError extends PermanentJobError {
  override name = 'MalformedPayloadError';
}

/** Fields listed in a reason, at most: a payload can be wrong in many places, a reason stays readable. */
const MAX_FIELDS = 5;

/**
 * Names the queue and where the payload is wrong, by field paths and zod's issue codes only: never a
 * value, nor zod's message (which can quote what it refused), so the reason is safe to store.
 */
export function malformedPayloadError(queue: string, error: z.ZodError): MalformedPayloadError {
  const fields = error.issues.slice(0, MAX_FIELDS).map((issue) => `${pathOf(issue.path)} (${whatOf(issue)})`);
  const more = error.issues.length - fields.length;
  return new MalformedPayloadError(
    `malformed ${queue} payload: ${fields.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
  );
}

/** `request.headers.…`: a record's keys come from the data, so only plain field-like names are shown. */
function pathOf(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the payload';
  return path
    .map((part) =>
      typeof part === 'number'
        ? String(part)
        : typeof part === 'string' && FIELD_NAME.test(part)
          ? part
          : '…',
    )
    .join('.');
}

/** The issue's code, with what the schema expected where zod says it (a type, a format): never the input. */
function whatOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  if (issue.code === 'invalid_format') return `not a valid ${issue.format}`;
  return issue.code;
}

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,40}$/;
