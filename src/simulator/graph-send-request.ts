import { z } from 'zod';
import { type GraphErrorResponse, graphErrorWith, whatsAppError } from './graph-error.ts';
import type { ErrorCodes } from './graph-error-codes.ts';
import { INTERACTIVE_TYPES } from './outbound-interactive.schema.ts';
import { OUTBOUND_TYPES, type OutboundMessage, outboundMessageSchema } from './outbound-message.schema.ts';

export { TEXT_BODY_LIMIT } from './outbound-message.schema.ts';

const markAsReadSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  status: z.literal('read'),
  message_id: z.string().min(1),
  typing_indicator: z.object({ type: z.literal('text') }).optional(),
});

export type MarkAsReadRequest = z.infer<typeof markAsReadSchema>;

export type GraphSendRequest =
  | { kind: 'message'; request: OutboundMessage }
  | { kind: 'mark_as_read'; request: MarkAsReadRequest };

/**
 * Reads a `POST /{version}/{phone-number-id}/messages` body into a message send or a mark-as-read, or
 * the Graph error Meta would answer, naming the parameter and the limit at fault: code 100 for the
 * envelope and content, 131009 (configurable) for interactive limits.
 */
export function parseGraphSendRequest(
  body: unknown,
  codes: ErrorCodes,
): GraphSendRequest | GraphErrorResponse {
  if (!isRecord(body)) return invalid(codes, 'Invalid parameter', 'The request body must be a JSON object.');
  if (body.status !== undefined) {
    const parsed = markAsReadSchema.safeParse(body);
    return parsed.success
      ? { kind: 'mark_as_read', request: parsed.data }
      : toGraphError(parsed.error, body, codes);
  }
  // Graph treats a missing `type` as text.
  const typed = body.type === undefined ? { ...body, type: 'text' } : body;
  const unknownType = unknownDiscriminator(typed);
  if (unknownType) return invalid(codes, 'Invalid parameter', unknownType);
  const parsed = outboundMessageSchema.safeParse(typed);
  return parsed.success
    ? { kind: 'message', request: parsed.data }
    : toGraphError(parsed.error, typed, codes);
}

function unknownDiscriminator(body: Record<string, unknown>): string | undefined {
  const type = body.type;
  if (typeof type !== 'string' || !OUTBOUND_TYPES.some((known) => known === type)) {
    return `Param type must be one of ${OUTBOUND_TYPES.join(', ')}; '${String(type)}' is not supported.`;
  }
  const interactive = body.interactive;
  if (type === 'interactive' && isRecord(interactive)) {
    const kind = interactive.type;
    if (typeof kind !== 'string' || !INTERACTIVE_TYPES.some((known) => known === kind)) {
      return `Param interactive['type'] must be one of ${INTERACTIVE_TYPES.join(', ')}; '${String(kind)}' is not supported.`;
    }
  }
  return undefined;
}

function toGraphError(
  error: z.ZodError,
  body: Record<string, unknown>,
  codes: ErrorCodes,
): GraphErrorResponse {
  const issue = error.issues[0];
  if (!issue) return invalid(codes, 'Invalid parameter', 'The request body is invalid.');
  const param = graphParamName(issue.path);
  const missing = valueAt(body, issue.path) === undefined && issue.code !== 'custom';
  const reason = missing ? `The parameter ${param} is required.` : `Param ${param} ${issue.message}.`;
  // Meta reports interactive limits as "Parameter value is not valid", the field and limit in details.
  if (issue.path[0] === 'interactive') return whatsAppError('parameterValueInvalid', codes, reason);
  if (missing || valueAt(body, issue.path) === undefined) {
    return invalid(codes, `The parameter ${param} is required.`, `The parameter ${param} is required.`);
  }
  // Length limits are reported in the headline, as Graph does, so the caller sees the limit at once.
  if (issue.code === 'custom' || issue.code === 'too_big') return invalid(codes, reason, reason);
  return invalid(codes, 'Invalid parameter', reason);
}

function invalid(codes: ErrorCodes, headline: string, details: string): GraphErrorResponse {
  const code = codes.invalidParameter;
  return graphErrorWith({ code, message: `(#${code}) ${headline}`, details });
}

/** Graph names nested parameters PHP-style: `text['body']`. */
export function graphParamName(path: readonly PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  return `${head ?? 'body'}${rest.map((key) => `['${key}']`).join('')}`;
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = body;
  for (const key of path) {
    if (Array.isArray(current)) current = current[Number(key)];
    else if (isRecord(current)) current = current[String(key)];
    else return undefined;
  }
  return current;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
