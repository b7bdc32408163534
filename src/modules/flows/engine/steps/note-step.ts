import { emit, type FlowRun, goTo, type StepOutcome, sayToStaff } from '../flow-run.ts';
import type { StepOf } from '../step.schema.ts';

/** An internal note for the care team, in the clinic's language, variables filled in. */
export const noteStep = {
  enter(run: FlowRun, step: StepOf<'note'>): StepOutcome {
    emit(run, {
      type: 'add_note',
      text: sayToStaff(run, step.text),
      ...(step.medical ? { medical: true } : {}),
    });
    return goTo(step.next);
  },
};
