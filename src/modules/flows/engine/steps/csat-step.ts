import { CSAT_TEXTS, RETRY_PROMPTS } from '../built-in-texts.ts';
import type { FlowInputOf } from '../flow-input.ts';
import {
  emit,
  type FlowRun,
  goTo,
  type StepOutcome,
  say,
  scheduleTimerIn,
  send,
  sendText,
} from '../flow-run.ts';
import { foldText } from '../fold-text.ts';
import type { Localised } from '../localised.ts';
import { matchOption } from '../match-option.ts';
import { answerTimedOut, awaitAnswer, rejectAnswer } from '../question.ts';
import { renderOptions } from '../render-options.ts';
import type { StepOf } from '../step.schema.ts';

type CsatStep = StepOf<'csat'>;

/**
 * Ratings shown 1 to 5, so that the number a patient types is both the position and the rating. A title
 * typed back matches without its stars ("satisfait"), since matching ignores emoji.
 */
const RATING_OPTIONS = CSAT_TEXTS.ratings.map((title, index) => ({ id: `csat_${index + 1}`, title }));

/**
 * A satisfaction survey: a 1–5 rating, then, when asked, a comment the patient may skip. The `csat`
 * effect carries both once the comment is in, skipped or timed out.
 */
export const csatStep = {
  enter(run: FlowRun, step: CsatStep): StepOutcome {
    askRating(run, step, step.prompt ?? CSAT_TEXTS.prompt);
    return awaitAnswer(run, step);
  },

  message(run: FlowRun, step: CsatStep, reply: FlowInputOf<'message'>): StepOutcome {
    const state = run.session.stepState;
    if (state?.kind === 'csat_comment') {
      const text = reply.text?.trim() ?? '';
      const skipped = text === '' || CSAT_TEXTS.skipWords.includes(foldText(text));
      return finish(run, step, state.rating, skipped ? undefined : text);
    }
    const rating = parseRating(reply);
    if (rating === undefined) {
      return rejectAnswer(run, step, () => askRating(run, step, step.retryPrompt ?? RETRY_PROMPTS.csat));
    }
    if (step.saveAs !== undefined) run.session.answers[step.saveAs] = rating;
    if (step.askComment !== true) return finish(run, step, rating, undefined);
    run.session.stepState = { kind: 'csat_comment', rating };
    sendText(run, say(run, step.commentPrompt ?? CSAT_TEXTS.commentPrompt));
    if (step.commentTimeoutMinutes !== undefined) scheduleTimerIn(run, step.commentTimeoutMinutes, 'comment');
    return { kind: 'wait', status: 'waiting_input' };
  },

  timer(run: FlowRun, step: CsatStep): StepOutcome {
    const state = run.session.stepState;
    // No comment in time is a skipped comment: the rating stands.
    if (state?.kind === 'csat_comment') return finish(run, step, state.rating, undefined);
    return answerTimedOut(step);
  },
};

/** "4", "4/5", "4 étoiles", "⭐⭐⭐⭐", the row tapped, or its title ("Satisfait"). */
export function parseRating(reply: { text?: string; replyId?: string }): number | undefined {
  const text = (reply.text ?? '').trim();
  const stars = text.replace(/\s|\uFE0F/g, '');
  if (/^[⭐★]{1,5}$/u.test(stars)) return [...stars].length;
  const scored = /^([1-5])(?: (?:sur |out of )?5)?(?: (?:etoiles?|stars?))?$/.exec(foldText(text));
  if (scored?.[1] !== undefined) return Number(scored[1]);
  const option = matchOption(RATING_OPTIONS, reply);
  return option === undefined ? undefined : RATING_OPTIONS.indexOf(option) + 1;
}

function askRating(run: FlowRun, step: CsatStep, body: Localised): void {
  send(run, renderOptions(run, say(run, body), RATING_OPTIONS, step.buttonLabel));
}

function finish(run: FlowRun, step: CsatStep, rating: number, comment: string | undefined): StepOutcome {
  emit(run, { type: 'csat', rating, ...(comment === undefined ? {} : { comment }) });
  run.session.stepState = undefined;
  return goTo(step.next);
}
