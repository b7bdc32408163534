import { emit, type FlowRun, goTo, type StepOutcome } from '../flow-run.ts';
import type { StepOf } from '../step.schema.ts';
import { replaceTags, tagsWithout } from './contact-tags.ts';

/** Tags the contact; a tag it already has is not doubled but moves last. */
export const addTagStep = {
  enter(run: FlowRun, step: StepOf<'add_tag'>): StepOutcome {
    replaceTags(run, [...tagsWithout(run, step.tag), step.tag]);
    emit(run, { type: 'add_tag', tag: step.tag });
    return goTo(step.next);
  },
};
