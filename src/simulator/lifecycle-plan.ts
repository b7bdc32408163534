import type { ParsedBehaviour } from './simulator-behaviour.ts';

/** Delays of the status lifecycle, each counted from the previous step (the send for `sent`). */
export interface LifecycleDelays {
  sentAfterMs: number;
  deliveredAfterMs: number;
  readAfterMs: number;
}

export const DEFAULT_LIFECYCLE: LifecycleDelays = {
  sentAfterMs: 100,
  deliveredAfterMs: 400,
  readAfterMs: 1500,
};

export type StatusName = 'sent' | 'delivered' | 'read' | 'played' | 'failed';

export interface PlannedStatus {
  status: StatusName;
  /** Wait after the previous planned status (or the send) before emitting this one. */
  delayMs: number;
}

/**
 * The statuses an accepted send will produce, in order, with their delays. Skipped steps still take
 * their time, so skipping `delivered` moves nothing else. `playable` sends (audio) end with `played`
 * when the `played` knob is on.
 */
export function lifecyclePlan(
  behaviour: ParsedBehaviour,
  delays: LifecycleDelays,
  options: { playable?: boolean } = {},
): PlannedStatus[] {
  const steps: PlannedStatus[] = [
    { status: 'sent', delayMs: delays.sentAfterMs },
    { status: 'delivered', delayMs: delays.deliveredAfterMs },
    { status: 'read', delayMs: delays.readAfterMs },
  ];
  if (options.playable && behaviour.played) steps.push({ status: 'played', delayMs: delays.readAfterMs });
  const lastKept = behaviour.fail ? (behaviour.fail.after ?? 'accepted') : (behaviour.stopAfter ?? 'played');
  const keptCount = ['accepted', 'sent', 'delivered', 'read', 'played'].indexOf(lastKept);
  const planned = steps.slice(0, keptCount);
  const failingStep = steps[keptCount];
  if (behaviour.fail && failingStep) planned.push({ status: 'failed', delayMs: failingStep.delayMs });
  const shaped = behaviour.skipDelivered
    ? withoutDelivered(planned)
    : behaviour.reorder
      ? readFirst(planned)
      : planned;
  const extra = behaviour.delayMs ?? 0;
  return extra === 0 ? shaped : shaped.map((step) => ({ ...step, delayMs: step.delayMs + extra }));
}

function withoutDelivered(planned: PlannedStatus[]): PlannedStatus[] {
  const result: PlannedStatus[] = [];
  let carriedMs = 0;
  for (const step of planned) {
    if (step.status === 'delivered') {
      carriedMs += step.delayMs;
      continue;
    }
    result.push({ status: step.status, delayMs: step.delayMs + carriedMs });
    carriedMs = 0;
  }
  return result;
}

/** Swaps `delivered` and `read` (keeping the timing slots), as when Meta's receipts cross. */
function readFirst(planned: PlannedStatus[]): PlannedStatus[] {
  const delivered = planned.findIndex((step) => step.status === 'delivered');
  const read = planned.findIndex((step) => step.status === 'read');
  const deliveredStep = planned[delivered];
  const readStep = planned[read];
  if (!deliveredStep || !readStep) return planned;
  const result = [...planned];
  result[delivered] = { status: 'read', delayMs: deliveredStep.delayMs };
  result[read] = { status: 'delivered', delayMs: readStep.delayMs };
  return result;
}
