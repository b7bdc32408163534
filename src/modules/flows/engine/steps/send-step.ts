import { type FlowRun, goTo, type StepOutcome, say, send } from '../flow-run.ts';
import { renderSend } from '../render-send.ts';
import type { StepOf } from '../step.schema.ts';

/** A message to the patient (text, media or template), variables filled in; then the next step at once. */
export const sendStep = {
  enter(run: FlowRun, step: StepOf<'send'>): StepOutcome {
    send(
      run,
      renderSend(step.message, (text) => say(run, text)),
    );
    return goTo(step.next);
  },
};
