import { emit, type FlowRun, type StepOutcome } from '../flow-run.ts';
import type { StepOf } from '../step.schema.ts';

/** Asks the host to close the conversation, and completes the session. */
export const closeStep = {
  enter(run: FlowRun, _step: StepOf<'close'>): StepOutcome {
    emit(run, { type: 'close_conversation' });
    return { kind: 'end', status: 'completed' };
  },
};
