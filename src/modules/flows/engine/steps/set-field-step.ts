import { emit, type FlowRun, goTo, renderScope, type StepOutcome } from '../flow-run.ts';
import { renderTemplate } from '../render-template.ts';
import type { StepOf } from '../step.schema.ts';

/** Stores a rendered value in a contact field; the steps after it in the same run already read it. */
export const setFieldStep = {
  enter(run: FlowRun, step: StepOf<'set_field'>): StepOutcome {
    const value = renderTemplate(step.value, renderScope(run), run.session.language);
    run.contact.fields[step.field] = value;
    emit(run, { type: 'set_field', field: step.field, value });
    return goTo(step.next);
  },
};
