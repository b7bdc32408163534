import { nextOccurrence } from '../clinic-time.ts';
import { type FlowRun, type StepOutcome, scheduleTimer, scheduleTimerIn } from '../flow-run.ts';
import type { StepOf } from '../step.schema.ts';

type WaitStep = StepOf<'wait'>;

/** A pause of some minutes, or until the next given time on the clinic's clock; then the next step. */
export const waitStep = {
  enter(run: FlowRun, step: WaitStep): StepOutcome {
    if (step.until !== undefined) {
      scheduleTimer(run, nextOccurrence(run.context.now, run.context.org.timeZone, step.until));
    } else {
      scheduleTimerIn(run, step.minutes ?? 1);
    }
    return { kind: 'wait', status: 'waiting_timer' };
  },

  timer(_run: FlowRun, step: WaitStep): StepOutcome {
    return { kind: 'next', stepId: step.next };
  },
};
