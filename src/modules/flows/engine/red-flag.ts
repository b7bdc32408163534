import type { ScreenResult } from './flow-context.ts';
import { emit, type FlowRun, goTo, type StepOutcome } from './flow-run.ts';

/**
 * A screened answer raised a red flag: the flow stops asking questions and goes at once to its red-flag
 * step. The answer is kept, so that the note for the care team can quote it.
 */
export function raiseRedFlag(run: FlowRun, saveAs: string, text: string, result: ScreenResult): StepOutcome {
  const { session } = run;
  session.answers[saveAs] = text;
  const redFlag = {
    category: result.category ?? 'unspecified',
    ...(result.matched === undefined ? {} : { matched: result.matched }),
    stepId: session.stepId,
  };
  session.redFlag = redFlag;
  emit(run, { type: 'red_flag', ...redFlag });
  const target = run.flow.settings?.onRedFlag;
  if (target !== undefined) return goTo(target);
  // validateFlow refuses a screened step without onRedFlag; should one slip through, a person takes over.
  emit(run, { type: 'handoff', reason: 'red_flag', urgent: true });
  return { kind: 'end', status: 'handed_off', reason: 'red_flag' };
}
