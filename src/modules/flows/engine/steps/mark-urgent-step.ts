import { emit, type FlowRun, goTo, type StepOutcome } from '../flow-run.ts';
import type { StepOf } from '../step.schema.ts';

/** Flags the conversation as urgent for the team; the flow goes on. */
export const markUrgentStep = {
  enter(run: FlowRun, step: StepOf<'mark_urgent'>): StepOutcome {
    emit(run, { type: 'mark_urgent', ...(step.reason === undefined ? {} : { reason: step.reason }) });
    return goTo(step.next);
  },
};
