import { numberRangePrompt, RETRY_PROMPTS } from '../built-in-texts.ts';
import type { FlowInputOf } from '../flow-input.ts';
import { clinicNow, type FlowRun, goTo, type StepOutcome, say, send, sendText } from '../flow-run.ts';
import type { Localised } from '../localised.ts';
import { parseAnswer } from '../parse-answer.ts';
import { answerTimedOut, awaitAnswer, rejectAnswer } from '../question.ts';
import { raiseRedFlag } from '../red-flag.ts';
import { renderOptions } from '../render-options.ts';
import type { StepOf } from '../step.schema.ts';

type AskStep = StepOf<'ask'>;

/** A question whose answer is kept under `answers[saveAs]`. */
export const askStep = {
  enter(run: FlowRun, step: AskStep): StepOutcome {
    ask(run, step, step.prompt);
    return awaitAnswer(run, step);
  },

  message(run: FlowRun, step: AskStep, reply: FlowInputOf<'message'>): StepOutcome {
    const text = reply.text?.trim() ?? '';
    // Screened before parsing: "j'ai mal à la poitrine" is no age, yet it must not wait for one.
    if (step.screen === true && text !== '' && run.context.screen !== undefined) {
      const result = run.context.screen(text, run.session.language);
      if (result.flagged) return raiseRedFlag(run, step.saveAs, text, result);
    }
    const value = parseAnswer(step, reply, clinicNow(run).toPlainDate());
    if (value === undefined) return rejectAnswer(run, step, () => ask(run, step, retryPrompt(step)));
    run.session.answers[step.saveAs] = value;
    return goTo(step.next);
  },

  timer(_run: FlowRun, step: AskStep): StepOutcome {
    return answerTimedOut(step);
  },
};

function ask(run: FlowRun, step: AskStep, prompt: Localised): void {
  if (step.kind === 'choice')
    send(run, renderOptions(run, say(run, prompt), step.options ?? [], step.buttonLabel));
  else sendText(run, say(run, prompt));
}

function retryPrompt(step: AskStep): Localised {
  if (step.retryPrompt !== undefined) return step.retryPrompt;
  if (step.kind === 'number' && (step.min !== undefined || step.max !== undefined)) {
    return numberRangePrompt(step.min, step.max);
  }
  return RETRY_PROMPTS[step.kind];
}
