import type { FlowInputOf } from '../flow-input.ts';
import {
  emit,
  exitTo,
  type FlowRun,
  goTo,
  renderScope,
  requestId,
  type StepOutcome,
  scheduleTimerIn,
} from '../flow-run.ts';
import type { JsonValue } from '../flow-session.ts';
import { renderJson } from '../render-template.ts';
import type { StepOf } from '../step.schema.ts';

type RequestStep = StepOf<'request'>;

/**
 * Asks the host for one of its operations (free slots, a booking) and waits for the answer. The host
 * often answers within the same job, so nothing here may count on time passing between the two.
 */
export const requestStep = {
  enter(run: FlowRun, step: RequestStep): StepOutcome {
    const scope = renderScope(run);
    const params = Object.fromEntries(
      Object.entries(step.params ?? {}).map(([name, value]) => [
        name,
        renderJson(value, scope, run.session.language),
      ]),
    );
    emit(run, {
      type: 'host_request',
      requestId: requestId(run),
      operation: step.operation,
      params,
      sessionId: run.session.id,
    });
    if (step.timeoutMinutes !== undefined) scheduleTimerIn(run, step.timeoutMinutes, 'request');
    return { kind: 'wait', status: 'waiting_result' };
  },

  /**
   * A refusal is kept as {code, data} whichever exit it takes, so the step it leads to can say why
   * ("this slot was just taken") and a later branch can tell a refusal from an answer.
   */
  result(run: FlowRun, step: RequestStep, result: FlowInputOf<'host_result'>): StepOutcome {
    if (result.ok) {
      run.session.vars[step.saveAs] = result.data ?? null;
      return goTo(step.next);
    }
    run.session.vars[step.saveAs] = refusal(result.code, result.data ?? null);
    // hasOwn: a code such as `constructor` must not find a target on the object's prototype.
    const routed =
      step.cases !== undefined && Object.hasOwn(step.cases, result.code)
        ? step.cases[result.code]
        : undefined;
    return routed === undefined ? exitTo(step.failure, 'request_failed') : goTo(routed);
  },

  timer(run: FlowRun, step: RequestStep): StepOutcome {
    run.session.vars[step.saveAs] = refusal('timeout', null);
    return exitTo(step.timeout ?? step.failure, 'timeout');
  },
};

function refusal(code: string, data: JsonValue): JsonValue {
  return { code, data };
}
