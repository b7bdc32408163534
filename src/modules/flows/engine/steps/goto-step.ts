import type { FlowRun, StepOutcome } from '../flow-run.ts';
import type { StepOf } from '../step.schema.ts';

/** A jump to another step. */
export const gotoStep = {
  enter(_run: FlowRun, step: StepOf<'goto'>): StepOutcome {
    return { kind: 'next', stepId: step.next };
  },
};
