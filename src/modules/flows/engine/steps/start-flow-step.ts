import { emit, type FlowRun, type StepOutcome } from '../flow-run.ts';
import type { StepOf } from '../step.schema.ts';

/** Asks the host to start another flow, which it does once this session has ended: here, completed. */
export const startFlowStep = {
  enter(run: FlowRun, step: StepOf<'start_flow'>): StepOutcome {
    emit(run, { type: 'start_flow', flowKey: step.flowKey });
    return { kind: 'end', status: 'completed' };
  },
};
