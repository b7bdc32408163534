import { GREETING_PROMPT, RETRY_PROMPTS } from '../built-in-texts.ts';
import type { FlowInputOf } from '../flow-input.ts';
import { exitTo, type FlowRun, goTo, type StepOutcome, say, send } from '../flow-run.ts';
import { isGreeting } from '../greeting.ts';
import type { Localised } from '../localised.ts';
import { matchOption } from '../match-option.ts';
import { type MenuChoice, menuChoices } from '../menu-choices.ts';
import { answerTimedOut, awaitAnswer, rejectAnswer } from '../question.ts';
import { renderItems } from '../render-options.ts';
import type { StepOf } from '../step.schema.ts';

type MenuStep = StepOf<'menu'>;

/**
 * Options that each lead somewhere; the chosen id is kept under `answers[saveAs]` when asked. A menu
 * fed by the host also keeps the chosen title, under `answers[saveAs + '_title']`, for a confirmation
 * to quote: the id of a slot means nothing to a patient.
 */
export const menuStep = {
  enter(run: FlowRun, step: MenuStep): StepOutcome {
    const choices = menuChoices(run, step);
    if (choices.length === 0) return exitTo(step.empty, 'no_options');
    show(run, step, choices, step.prompt);
    return awaitAnswer(run, step);
  },

  message(run: FlowRun, step: MenuStep, reply: FlowInputOf<'message'>): StepOutcome {
    const choices = menuChoices(run, step);
    if (choices.length === 0) return exitTo(step.empty, 'no_options');
    const choice = matchOption(choices, reply);
    if (choice === undefined && isGreeting(reply.text)) {
      // « Bonjour » at a menu asks for nothing (Telegram sends « /start » before the patient's own hello):
      // the menu again, as a welcome, and no attempt spent.
      show(run, step, choices, GREETING_PROMPT);
      return awaitAnswer(run, step);
    }
    if (choice === undefined) {
      return rejectAnswer(run, step, () => show(run, step, choices, step.retryPrompt ?? RETRY_PROMPTS.menu));
    }
    if (step.saveAs !== undefined) {
      run.session.answers[step.saveAs] = choice.id;
      if (step.optionsFrom !== undefined) run.session.answers[`${step.saveAs}_title`] = choice.item.title;
    }
    return goTo(choice.next);
  },

  timer(_run: FlowRun, step: MenuStep): StepOutcome {
    return answerTimedOut(step);
  },
};

/** The menu again on a retry, not the retry text alone: the patient needs the buttons to tap. */
function show(run: FlowRun, step: MenuStep, choices: readonly MenuChoice[], body: Localised): void {
  send(
    run,
    renderItems(
      run,
      say(run, body),
      choices.map((choice) => choice.item),
      step.buttonLabel,
    ),
  );
}
