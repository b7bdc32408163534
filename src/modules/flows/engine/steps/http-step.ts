import type { FlowInputOf } from '../flow-input.ts';
import { emit, exitTo, type FlowRun, goTo, renderScope, requestId, type StepOutcome } from '../flow-run.ts';
import { renderJson, renderTemplate } from '../render-template.ts';
import type { StepOf } from '../step.schema.ts';

type HttpStep = StepOf<'http'>;

/** Ten seconds: a patient is waiting on the other side of the chat. */
export const DEFAULT_HTTP_TIMEOUT_MS = 10_000;

/**
 * Calls a clinic's system (an agenda, a CRM) through the host. The answer is kept under `vars[saveAs]`
 * as {status, body}, or {error} when the call did not complete, so later steps can read and branch on it.
 */
export const httpStep = {
  enter(run: FlowRun, step: HttpStep): StepOutcome {
    const scope = renderScope(run);
    const { language } = run.session;
    const headers = Object.fromEntries(
      Object.entries(step.headers ?? {}).map(([name, value]) => [
        name,
        renderTemplate(value, scope, language),
      ]),
    );
    emit(run, {
      type: 'http_request',
      requestId: requestId(run),
      method: step.method,
      // Values are escaped: a patient's answer must not be able to change the address called.
      url: renderTemplate(step.url, scope, language, encodeURIComponent),
      headers,
      ...(step.body === undefined ? {} : { body: renderJson(step.body, scope, language) }),
      timeoutMs: step.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS,
    });
    return { kind: 'wait', status: 'waiting_result' };
  },

  result(run: FlowRun, step: HttpStep, result: FlowInputOf<'http_result'>): StepOutcome {
    if ('error' in result) {
      run.session.vars[step.saveAs] = { error: result.error };
      return exitTo(step.failure, 'http_error');
    }
    run.session.vars[step.saveAs] = { status: result.status, body: result.body ?? null };
    return result.status >= 200 && result.status < 300 ? goTo(step.next) : exitTo(step.failure, 'http_error');
  },
};
