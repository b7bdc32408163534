import { z } from 'zod';

/**
 * What moves a session on: its start, a patient's message, a timer the engine asked for, or the answer
 * to a request the host carried out (an assignment, an HTTP call, one of its own operations).
 */
// A plain union: http_result and host_result come in two shapes, which a discriminated union on `kind`
// cannot hold.
export const flowInputSchema = z.union([
  z.strictObject({
    kind: z.literal('start'),
    /** The host's id for the session (its row id): timer and request ids start with it. */
    sessionId: z.string().min(1).optional(),
    /** What started the flow (a keyword, a campaign...), kept as `vars.trigger` for the flow to use. */
    trigger: z.json().optional(),
  }),
  z.strictObject({
    kind: z.literal('message'),
    text: z.string().optional(),
    /** The id of the interactive button or list row the patient tapped. */
    replyId: z.string().optional(),
    media: z
      .strictObject({
        type: z.string(),
        mediaId: z.string().optional(),
        url: z.string().optional(),
        mimeType: z.string().optional(),
      })
      .optional(),
  }),
  z.strictObject({ kind: z.literal('timer'), timerId: z.string().min(1) }),
  z.strictObject({
    kind: z.literal('assign_result'),
    requestId: z.string().optional(),
    assigned: z.boolean(),
  }),
  z.union([
    z.strictObject({
      kind: z.literal('http_result'),
      requestId: z.string().min(1),
      status: z.int(),
      body: z.json().optional(),
    }),
    z.strictObject({
      kind: z.literal('http_result'),
      requestId: z.string().min(1),
      error: z.enum(['timeout', 'network']),
    }),
  ]),
  z.discriminatedUnion('ok', [
    z.strictObject({
      kind: z.literal('host_result'),
      requestId: z.string().min(1),
      ok: z.literal(true),
      data: z.json().optional(),
    }),
    z.strictObject({
      kind: z.literal('host_result'),
      requestId: z.string().min(1),
      ok: z.literal(false),
      /** Why the host refused (`taken`, `none`): the request step's `cases` route on it. */
      code: z.string().min(1),
      data: z.json().optional(),
    }),
  ]),
]);

export type FlowInput = z.infer<typeof flowInputSchema>;
export type FlowInputOf<K extends FlowInput['kind']> = Extract<FlowInput, { kind: K }>;
