import { emit, type FlowRun, type StepOutcome, sayToStaff } from '../flow-run.ts';
import type { StepOf } from '../step.schema.ts';

/** Hands the conversation to a person and ends the session; its note is for staff, in the clinic's language. */
export const handoffStep = {
  enter(run: FlowRun, step: StepOf<'handoff'>): StepOutcome {
    const note = step.note === undefined ? '' : sayToStaff(run, step.note).trim();
    emit(run, {
      type: 'handoff',
      ...(step.reason === undefined ? {} : { reason: step.reason }),
      ...(note === '' ? {} : { note }),
      urgent: step.urgent ?? false,
    });
    return { kind: 'end', status: 'handed_off' };
  },
};
