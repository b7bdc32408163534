import type { FlowInputOf } from '../flow-input.ts';
import {
  emit,
  exitTo,
  type FlowRun,
  goTo,
  requestId,
  type StepOutcome,
  scheduleTimerIn,
} from '../flow-run.ts';
import type { StepOf } from '../step.schema.ts';

type AssignStep = StepOf<'assign'>;

/**
 * Hands the conversation to a team, an agent or a role. When nobody can take it now, the step waits
 * for the host to report a later assignment, up to `timeoutMinutes`; without a time-out it fails at once.
 */
export const assignStep = {
  enter(run: FlowRun, step: AssignStep): StepOutcome {
    emit(run, {
      type: 'assign',
      requestId: requestId(run),
      target: step.target,
      mode: step.mode ?? 'round_robin',
      onlineOnly: step.onlineOnly ?? true,
    });
    return { kind: 'wait', status: 'waiting_result' };
  },

  result(run: FlowRun, step: AssignStep, result: FlowInputOf<'assign_result'>): StepOutcome {
    if (result.assigned) return goTo(step.next);
    if (step.timeoutMinutes === undefined) return exitTo(step.failure, 'not_assigned');
    // A second "not yet" changes nothing: the clock started at the first one.
    if (run.session.stepState?.kind !== 'awaiting_assignment') {
      run.session.stepState = { kind: 'awaiting_assignment' };
      scheduleTimerIn(run, step.timeoutMinutes, 'assign');
    }
    return { kind: 'wait', status: 'waiting_result' };
  },

  timer(_run: FlowRun, step: AssignStep): StepOutcome {
    return exitTo(step.timeout ?? step.failure, 'not_assigned');
  },
};
