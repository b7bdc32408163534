import { evaluateCondition } from '../evaluate-condition.ts';
import { clinicNow, type FlowRun, goTo, renderScope, type StepOutcome } from '../flow-run.ts';
import type { StepOf } from '../step.schema.ts';

/** The first case whose condition holds, tried in order; `else` when none does. */
export const branchStep = {
  enter(run: FlowRun, step: StepOf<'branch'>): StepOutcome {
    const scope = {
      ...renderScope(run),
      channel: run.context.channel.kind,
      language: run.session.language,
      at: clinicNow(run),
      businessHours: run.context.org.businessHours,
    };
    const match = step.cases.find((c) => evaluateCondition(c.when, scope));
    return goTo(match?.next ?? step.else);
  },
};
