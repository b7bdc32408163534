import type { SimulatorBehaviour } from './simulator-behaviour.ts';

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

export type StatusName = 'sent' | 'delivered' | 'read' | 'failed';

export interface PlannedStatus {
  status: StatusName;
  /** Wait after the previous planned status (or the send) before emitting this one. */
  delayMs: number;
}

/**
 * The statuses an accepted send will produce, in order, with their delays. Skipped steps still take
 * their time, so skipping `delivered` moves nothing else.
 */
export function lifecyclePlan(behaviour: SimulatorBehaviour, delays: LifecycleDelays): PlannedStatus[] {
  const steps: PlannedStatus[] = [
    { status: 'sent', delayMs: delays.sentAfterMs },
    { status: 'delivered', delayMs: delays.deliveredAfterMs },
    { status: 'read', delayMs: delays.readAfterMs },
  ];
  const lastKept = behaviour.fail ? (behaviour.fail.after ?? 'accepted') : (behaviour.stopAfter ?? 'read');
  const keptCount = ['accepted', 'sent', 'delivered', 'read'].indexOf(lastKept);
  const planned = steps.slice(0, keptCount);
  const failingStep = steps[keptCount];
  if (behaviour.fail && failingStep) planned.push({ status: 'failed', delayMs: failingStep.delayMs });
  return behaviour.skipDelivered ? withoutDelivered(planned) : planned;
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
