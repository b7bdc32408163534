import { emit, type FlowRun, goTo, type StepOutcome } from '../flow-run.ts';
import type { StepOf } from '../step.schema.ts';
import { replaceTags, tagsWithout } from './contact-tags.ts';

/** Untags the contact; asked even when the contact lacks the tag, which changes nothing. */
export const removeTagStep = {
  enter(run: FlowRun, step: StepOf<'remove_tag'>): StepOutcome {
    replaceTags(run, tagsWithout(run, step.tag));
    emit(run, { type: 'remove_tag', tag: step.tag });
    return goTo(step.next);
  },
};
