import { exitTo, type FlowRun, type StepOutcome, scheduleTimerIn } from './flow-run.ts';

/** What every step that asks the patient something shares: its attempts, its time-out, its exits. */
export interface QuestionExits {
  maxAttempts?: number;
  timeoutMinutes?: number;
  failure?: string;
  timeout?: string;
}

/** Three tries, as on a phone line: enough for a typo, not so many that a lost patient loops forever. */
export const DEFAULT_MAX_ATTEMPTS = 3;

/** Waits for the patient, from now: each prompt restarts the time-out. */
export function awaitAnswer(run: FlowRun, step: QuestionExits): StepOutcome {
  if (step.timeoutMinutes !== undefined) scheduleTimerIn(run, step.timeoutMinutes);
  return { kind: 'wait', status: 'waiting_input' };
}

/** An answer that does not answer: ask again, or leave by `failure` once the attempts are spent. */
export function rejectAnswer(run: FlowRun, step: QuestionExits, askAgain: () => void): StepOutcome {
  run.session.attempts += 1;
  if (run.session.attempts >= (step.maxAttempts ?? DEFAULT_MAX_ATTEMPTS))
    return exitTo(step.failure, 'max_attempts');
  askAgain();
  return awaitAnswer(run, step);
}

export function answerTimedOut(step: QuestionExits): StepOutcome {
  return exitTo(step.timeout, 'timeout');
}
