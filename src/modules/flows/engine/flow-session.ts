import { z } from 'zod';
import { FLOW_LANGUAGES } from './localised.ts';

export const SESSION_STATUSES = [
  'active',
  'waiting_input',
  'waiting_timer',
  'waiting_result',
  'completed',
  'handed_off',
  'failed',
] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export type FinalStatus = Extract<SessionStatus, 'completed' | 'handed_off' | 'failed'>;

export const END_REASONS = [
  'max_attempts',
  'timeout',
  'http_error',
  'request_failed',
  'no_options',
  'not_assigned',
  'loop',
  'expired',
  'missing_step',
  'flow_mismatch',
  'red_flag',
] as const;
/** Why a session ended other than by reaching its end: said in the `end` effect and kept on the session. */
export type EndReason = (typeof END_REASONS)[number];

const isoInstant = z.iso.datetime({ offset: true });

/**
 * Where a patient is in a flow, as plain JSON the host stores (jsonb) and hands back on the next input.
 * `visits` counts the steps entered so far: with the step and the attempt it makes timer and request ids
 * unique within the session, so a timer left over from an earlier visit of the same step is told apart.
 */
export const flowSessionSchema = z.strictObject({
  id: z.string().min(1),
  flowKey: z.string().min(1),
  flowVersion: z.int().min(1),
  status: z.enum(SESSION_STATUSES),
  stepId: z.string(),
  attempts: z.int().min(0),
  visits: z.int().min(0),
  answers: z.record(z.string(), z.json()),
  vars: z.record(z.string(), z.json()),
  language: z.enum(FLOW_LANGUAGES),
  startedAt: isoInstant,
  updatedAt: isoInstant,
  pendingTimer: z.strictObject({ id: z.string(), at: isoInstant }).optional(),
  pendingRequest: z.string().optional(),
  /** What a step remembers between two inputs: the rating while a CSAT waits for its comment. */
  stepState: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('csat_comment'), rating: z.int().min(1).max(5) }),
      z.strictObject({ kind: z.literal('awaiting_assignment') }),
    ])
    .optional(),
  redFlag: z
    .strictObject({ category: z.string(), matched: z.string().optional(), stepId: z.string() })
    .optional(),
  endReason: z.enum(END_REASONS).optional(),
  /** The last steps entered, oldest first, for support and for the agent's view of the conversation. */
  history: z.array(z.string()),
});

export type FlowSession = z.infer<typeof flowSessionSchema>;
export type JsonValue = z.infer<ReturnType<typeof z.json>>;

export function isFinal(status: SessionStatus): status is FinalStatus {
  return status === 'completed' || status === 'handed_off' || status === 'failed';
}
