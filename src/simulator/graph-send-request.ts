import { z } from 'zod';
import { type GraphErrorResponse, invalidParameterError } from './graph-error.ts';

/** Meta's limit on `text.body`, counted in characters (code points), not UTF-16 units. */
export const TEXT_BODY_LIMIT = 4096;

const textMessageSchema = z
  .object({
    messaging_product: z.literal('whatsapp'),
    recipient_type: z.literal('individual').optional(),
    to: z
      .string()
      .regex(/^\+?\d{5,15}$/, 'must be the recipient phone number in digits, optionally with a leading +')
      .optional(),
    // Users who adopted a username can be addressed by their business-scoped user id instead.
    recipient: z
      .string()
      .regex(/^[A-Z]{2}\.[A-Za-z0-9.]+$/, 'must be a business-scoped user id, e.g. US.13491208655302741918')
      .optional(),
    // Graph treats a missing `type` as text.
    type: z.literal('text').optional(),
    text: z.object({
      body: z
        .string()
        .min(1, 'must not be empty')
        .refine((body) => [...body].length <= TEXT_BODY_LIMIT, {
          message: `must be at most ${TEXT_BODY_LIMIT} characters long`,
        }),
      preview_url: z.boolean().optional(),
    }),
    context: z.object({ message_id: z.string().min(1) }).optional(),
    biz_opaque_callback_data: z.string().max(512).optional(),
  })
  .refine((body) => body.to !== undefined || body.recipient !== undefined, {
    message: 'is required',
    path: ['to'],
  });

const markAsReadSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  status: z.literal('read'),
  message_id: z.string().min(1),
  typing_indicator: z.object({ type: z.literal('text') }).optional(),
});

export type TextSendRequest = z.infer<typeof textMessageSchema>;
export type MarkAsReadRequest = z.infer<typeof markAsReadSchema>;

export type GraphSendRequest =
  | { kind: 'text'; request: TextSendRequest }
  | { kind: 'mark_as_read'; request: MarkAsReadRequest };

/**
 * Reads a `POST /{version}/{phone-number-id}/messages` body into a text send or a mark-as-read, or
 * the Graph error (code 100) Meta would answer, naming the parameter at fault.
 */
export function parseGraphSendRequest(body: unknown): GraphSendRequest | GraphErrorResponse {
  if (!isRecord(body)) {
    return invalidParameterError('(#100) Invalid parameter', 'The request body must be a JSON object.');
  }
  if (body.status !== undefined) {
    const parsed = markAsReadSchema.safeParse(body);
    return parsed.success ? { kind: 'mark_as_read', request: parsed.data } : toGraphError(parsed.error, body);
  }
  if (body.type !== undefined && body.type !== 'text') {
    return invalidParameterError(
      '(#100) Invalid parameter',
      `Param type: '${String(body.type)}' messages are not supported by this simulator yet (only text).`,
    );
  }
  const parsed = textMessageSchema.safeParse(body);
  return parsed.success ? { kind: 'text', request: parsed.data } : toGraphError(parsed.error, body);
}

function toGraphError(error: z.ZodError, body: Record<string, unknown>): GraphErrorResponse {
  const issue = error.issues[0];
  if (!issue) return invalidParameterError('(#100) Invalid parameter', 'The request body is invalid.');
  const param = graphParamName(issue.path);
  if (valueAt(body, issue.path) === undefined) {
    return invalidParameterError(
      `(#100) The parameter ${param} is required.`,
      `The parameter ${param} is required.`,
    );
  }
  const reason = `Param ${param} ${issue.message}`;
  // Length limits are reported in the headline, as Graph does, so the caller sees the limit at once.
  if (issue.code === 'custom' || issue.code === 'too_big')
    return invalidParameterError(`(#100) ${reason}.`, `${reason}.`);
  return invalidParameterError('(#100) Invalid parameter', `${reason}.`);
}

/** Graph names nested parameters PHP-style: `text['body']`. */
function graphParamName(path: readonly PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  return `${head ?? 'body'}${rest.map((key) => `['${key}']`).join('')}`;
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = body;
  for (const key of path) {
    if (!isRecord(current)) return undefined;
    current = current[String(key)];
  }
  return current;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
