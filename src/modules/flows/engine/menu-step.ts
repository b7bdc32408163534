import { RETRY_PROMPTS } from './built-in-texts.ts';
import type { FlowInputOf } from './flow-input.ts';
import { type FlowRun, goTo, type StepOutcome, say, send } from './flow-run.ts';
import type { Localised } from './localised.ts';
import { matchOption } from './match-option.ts';
import { answerTimedOut, awaitAnswer, rejectAnswer } from './question.ts';
import { renderOptions } from './render-options.ts';
import type { StepOf } from './step.schema.ts';

type MenuStep = StepOf<'menu'>;

/** Options that each lead somewhere; the chosen id is kept under `answers[saveAs]` when asked. */
export const menuStep = {
  enter(run: FlowRun, step: MenuStep): StepOutcome {
    show(run, step, step.prompt);
    return awaitAnswer(run, step);
  },

  message(run: FlowRun, step: MenuStep, reply: FlowInputOf<'message'>): StepOutcome {
    const option = matchOption(step.options, reply);
    if (option === undefined) {
      return rejectAnswer(run, step, () => show(run, step, step.retryPrompt ?? RETRY_PROMPTS.menu));
    }
    if (step.saveAs !== undefined) run.session.answers[step.saveAs] = option.id;
    return goTo(option.next);
  },

  timer(_run: FlowRun, step: MenuStep): StepOutcome {
    return answerTimedOut(step);
  },
};

/** The menu again on a retry, not the retry text alone: the patient needs the buttons to tap. */
function show(run: FlowRun, step: MenuStep, body: Localised): void {
  send(run, renderOptions(run, say(run, body), step.options, step.buttonLabel));
}
