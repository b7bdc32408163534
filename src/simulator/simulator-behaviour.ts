import { z } from 'zod';

const failureSchema = z.object({
  code: z.number().int().nonnegative(),
  title: z.string().min(1),
  message: z.string().min(1).optional(),
  details: z.string().min(1).optional(),
  /** The last status before the failure; `accepted` (the default) means no `sent` at all. */
  after: z.enum(['accepted', 'sent', 'delivered']).optional(),
});

/**
 * Knobs that make the simulated Meta misbehave the ways the real one does. Set globally or per number;
 * a number's own knobs win field by field. A send keeps the knobs in force when it was accepted.
 */
export const simulatorBehaviourSchema = z.object({
  /** Meta skips `delivered` when a message is delivered and read at once. */
  skipDelivered: z.boolean().optional(),
  /** Emit no status after this one, e.g. `delivered` for a message that is never read. */
  stopAfter: z.enum(['accepted', 'sent', 'delivered', 'read']).optional(),
  /** End the lifecycle in a `failed` status with this error instead of reaching `read`. */
  fail: failureSchema.optional(),
  /** Deliver every webhook twice, as Meta's at-least-once delivery sometimes does. */
  duplicateWebhooks: z.boolean().optional(),
  /**
   * Fail free-form sends to users who have not written in the last 24 hours (131047), as Meta does.
   * Off unless set, so a simulator without patients accepts any send.
   */
  enforceServiceWindow: z.boolean().optional(),
  /** Extra wait before each status, on top of the lifecycle delays. */
  delayMs: z.number().int().min(0).max(600_000).optional(),
  /** Send `read` before `delivered`, as Meta sometimes does. */
  reorder: z.boolean().optional(),
  /**
   * Break the connection after this many bytes of every media download, as a dropped mobile or CDN
   * connection does: the download URL stays valid, and the next download may complete.
   */
  cutMediaDownloadsAfterBytes: z.number().int().min(0).optional(),
  /** After `read`, a `played` status for audio sends (voice notes). */
  played: z.boolean().optional(),
  /** Sends to these wa_ids end `failed` with this error (131026 "Message undeliverable" by default). */
  failFor: z
    .object({
      waIds: z.array(z.string().regex(/^\d{5,15}$/, 'must be wa_ids: phone digits without +')),
      code: z.number().int().nonnegative().optional(),
      title: z.string().min(1).optional(),
      details: z.string().min(1).optional(),
    })
    .optional(),
  /** Per-number throughput limit (token bucket); over it a send is refused with 130429 and HTTP 429. */
  throughputLimit: z.object({ messagesPerSecond: z.number().int().min(1).max(1000).default(80) }).optional(),
  /** Per (number, recipient) limit: one message per `intervalMs` sustained, bursts up to `burst` (131056). */
  pairRateLimit: z
    .object({
      intervalMs: z.number().int().min(1).default(6000),
      burst: z.number().int().min(1).max(1000).default(45),
    })
    .optional(),
  /**
   * Hold `messages` webhooks of a number until `size` are waiting, then deliver them in reverse order
   * (or as they came) and, with `combine`, several in one POST: as several `changes` of one entry or
   * as several items of one `value`.
   */
  webhookBatch: z
    .object({
      size: z.number().int().min(2).max(100),
      order: z.enum(['reverse', 'arrival']).default('reverse'),
      combine: z.enum(['none', 'changes', 'items']).default('none'),
    })
    .optional(),
});

export type SimulatorBehaviour = z.input<typeof simulatorBehaviourSchema>;
export type ParsedBehaviour = z.output<typeof simulatorBehaviourSchema>;
export type StatusFailure = z.infer<typeof failureSchema>;

/** The knobs that apply to one number: its own where set, else the global ones. */
export function mergeBehaviour(global: ParsedBehaviour, own: ParsedBehaviour = {}): ParsedBehaviour {
  const merged: ParsedBehaviour = { ...global };
  for (const [key, value] of Object.entries(own)) {
    if (value !== undefined) Object.assign(merged, { [key]: value });
  }
  return merged;
}
