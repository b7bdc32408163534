import { z } from 'zod';

/**
 * Knobs that make the simulated Meta misbehave the ways the real one does. Set globally or per number;
 * a number's own knobs win field by field. A send keeps the knobs in force when it was accepted.
 */
export const simulatorBehaviourSchema = z.object({
  /** Meta skips `delivered` when a message is delivered and read at once. */
  skipDelivered: z.boolean().optional(),
  /** Emit no status after this one, e.g. `delivered` for a message that is never read. */
  stopAfter: z.enum(['accepted', 'sent', 'delivered']).optional(),
  /** End the lifecycle in a `failed` status with this error instead of reaching `read`. */
  fail: z
    .object({
      code: z.number().int().nonnegative(),
      title: z.string().min(1),
      message: z.string().min(1).optional(),
      details: z.string().min(1).optional(),
      /** The last status before the failure; `accepted` (the default) means no `sent` at all. */
      after: z.enum(['accepted', 'sent', 'delivered']).optional(),
    })
    .optional(),
  /** Deliver every webhook twice, as Meta's at-least-once delivery sometimes does. */
  duplicateWebhooks: z.boolean().optional(),
});

export type SimulatorBehaviour = z.infer<typeof simulatorBehaviourSchema>;

/** The knobs that apply to one number: its own where set, else the global ones. */
export function mergeBehaviour(global: SimulatorBehaviour, own: SimulatorBehaviour = {}): SimulatorBehaviour {
  return {
    skipDelivered: own.skipDelivered ?? global.skipDelivered,
    stopAfter: own.stopAfter ?? global.stopAfter,
    fail: own.fail ?? global.fail,
    duplicateWebhooks: own.duplicateWebhooks ?? global.duplicateWebhooks,
  };
}
