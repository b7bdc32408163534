import { actionSteps } from './action-steps.ts';
import { askStep } from './ask-step.ts';
import { assignStep } from './assign-step.ts';
import { csatStep } from './csat-step.ts';
import type { FlowInput } from './flow-input.ts';
import type { FlowRun, StepOutcome } from './flow-run.ts';
import { httpStep } from './http-step.ts';
import { menuStep } from './menu-step.ts';
import { requestStep } from './request-step.ts';
import type { Step } from './step.schema.ts';

/** Why an input changed nothing; the host can then route a message elsewhere (the inbox). */
export type IgnoredReason = 'session_ended' | 'stale_timer' | 'stale_result' | 'not_waiting_for_input';

export type InputOutcome = StepOutcome | { kind: 'ignored'; reason: IgnoredReason };

/** Runs a step just entered, up to its first wait or exit. */
export function enterStep(run: FlowRun, step: Step): StepOutcome {
  switch (step.type) {
    case 'send':
      return actionSteps.send(run, step);
    case 'ask':
      return askStep.enter(run, step);
    case 'menu':
      return menuStep.enter(run, step);
    case 'branch':
      return actionSteps.branch(run, step);
    case 'set_field':
      return actionSteps.setField(run, step);
    case 'add_tag':
    case 'remove_tag':
      return actionSteps.tag(run, step);
    case 'assign':
      return assignStep.enter(run, step);
    case 'http':
      return httpStep.enter(run, step);
    case 'request':
      return requestStep.enter(run, step);
    case 'wait':
      return actionSteps.wait(run, step);
    case 'goto':
      return { kind: 'next', stepId: step.next };
    case 'start_flow':
      return actionSteps.startFlow(run, step);
    case 'handoff':
      return actionSteps.handoff(run, step);
    case 'close':
      return actionSteps.close(run);
    case 'end':
      return { kind: 'end', status: 'completed' };
    case 'csat':
      return csatStep.enter(run, step);
    case 'note':
      return actionSteps.note(run, step);
    case 'mark_urgent':
      return actionSteps.markUrgent(run, step);
  }
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
      if (step.type === 'ask') return askStep.timer(run, step);
      if (step.type === 'menu') return menuStep.timer(run, step);
      if (step.type === 'csat') return csatStep.timer(run, step);
      if (step.type === 'assign') return assignStep.timer(run, step);
      if (step.type === 'request') return requestStep.timer(run, step);
      if (step.type === 'wait') return { kind: 'next', stepId: step.next };
      return { kind: 'ignored', reason: 'stale_timer' };
    }
    case 'message': {
      if (session.status !== 'waiting_input') return { kind: 'ignored', reason: 'not_waiting_for_input' };
      session.pendingTimer = undefined;
      if (step.type === 'ask') return askStep.message(run, step, input);
      if (step.type === 'menu') return menuStep.message(run, step, input);
      if (step.type === 'csat') return csatStep.message(run, step, input);
      return { kind: 'ignored', reason: 'not_waiting_for_input' };
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
