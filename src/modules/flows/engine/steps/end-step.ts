import type { FlowRun, StepOutcome } from '../flow-run.ts';
import type { StepOf } from '../step.schema.ts';

/** Completes the session without touching the conversation. */
export const endStep = {
  enter(_run: FlowRun, _step: StepOf<'end'>): StepOutcome {
    return { kind: 'end', status: 'completed' };
  },
};
