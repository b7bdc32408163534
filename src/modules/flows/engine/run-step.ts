import type { FlowInput } from './flow-input.ts';
import type { FlowRun, StepOutcome } from './flow-run.ts';
import type { Step } from './step.schema.ts';
import { assignStep } from './steps/assign-step.ts';
import { httpStep } from './steps/http-step.ts';
import { requestStep } from './steps/request-step.ts';
import { stepHandler } from './steps/step-handlers.ts';

/** Why an input changed nothing; the host can then route a message elsewhere (the inbox). */
export type IgnoredReason = 'session_ended' | 'stale_timer' | 'stale_result' | 'not_waiting_for_input';

export type InputOutcome = StepOutcome | { kind: 'ignored'; reason: IgnoredReason };

/** Runs a step just entered, up to its first wait or exit. */
export function enterStep(run: FlowRun, step: Step): StepOutcome {
  return stepHandler(step.type).enter(run, step);
}

/**
 * Hands an input to the waiting step. What it was not waiting for is ignored, not an error: timers and
 * host results arrive late or twice, and patients write while a flow waits on something else.
 */
export function resumeStep(run: FlowRun, step: Step, input: FlowInput): InputOutcome {
  const { session } = run;
  switch (input.kind) {
    case 'start':
      return { kind: 'ignored', reason: 'not_waiting_for_input' };
    case 'timer': {
      if (session.pendingTimer?.id !== input.timerId) return { kind: 'ignored', reason: 'stale_timer' };
      session.pendingTimer = undefined;
      const handler = stepHandler(step.type);
      if (handler.timer === undefined) return { kind: 'ignored', reason: 'stale_timer' };
      return handler.timer(run, step);
    }
    case 'message': {
      if (session.status !== 'waiting_input') return { kind: 'ignored', reason: 'not_waiting_for_input' };
      session.pendingTimer = undefined;
      const handler = stepHandler(step.type);
      if (handler.message === undefined) return { kind: 'ignored', reason: 'not_waiting_for_input' };
      return handler.message(run, step, input);
    }
    case 'assign_result': {
      const expected = input.requestId === undefined || input.requestId === session.pendingRequest;
      if (step.type !== 'assign' || session.status !== 'waiting_result' || !expected) {
        return { kind: 'ignored', reason: 'stale_result' };
      }
      return assignStep.result(run, step, input);
    }
    case 'http_result':
      if (step.type !== 'http' || input.requestId !== session.pendingRequest) {
        return { kind: 'ignored', reason: 'stale_result' };
      }
      session.pendingRequest = undefined;
      return httpStep.result(run, step, input);
    case 'host_result':
      if (step.type !== 'request' || input.requestId !== session.pendingRequest) {
        return { kind: 'ignored', reason: 'stale_result' };
      }
      session.pendingRequest = undefined;
      return requestStep.result(run, step, input);
  }
}
