import type { FlowInputOf } from '../flow-input.ts';
import type { FlowRun, StepOutcome } from '../flow-run.ts';
import type { StepOf, StepType } from '../step.schema.ts';
import { addTagStep } from './add-tag-step.ts';
import { askStep } from './ask-step.ts';
import { assignStep } from './assign-step.ts';
import { branchStep } from './branch-step.ts';
import { closeStep } from './close-step.ts';
import { csatStep } from './csat-step.ts';
import { endStep } from './end-step.ts';
import { gotoStep } from './goto-step.ts';
import { handoffStep } from './handoff-step.ts';
import { httpStep } from './http-step.ts';
import { markUrgentStep } from './mark-urgent-step.ts';
import { menuStep } from './menu-step.ts';
import { noteStep } from './note-step.ts';
import { removeTagStep } from './remove-tag-step.ts';
import { requestStep } from './request-step.ts';
import { sendStep } from './send-step.ts';
import { setFieldStep } from './set-field-step.ts';
import { startFlowStep } from './start-flow-step.ts';
import { waitStep } from './wait-step.ts';

/**
 * What a step of one type does when entered, and, for a step that waits, with the patient's message or
 * its own timer. The host's answers (assignment, HTTP, host request) each belong to one step type and go
 * to it directly (run-step.ts).
 */
export interface StepHandler<T extends StepType> {
  enter(run: FlowRun, step: StepOf<T>): StepOutcome;
  /** Only for a step that waits for the patient; without it a message is not for the flow. */
  message?(run: FlowRun, step: StepOf<T>, reply: FlowInputOf<'message'>): StepOutcome;
  /** Only for a step that schedules a timer; without it a timer is stale. */
  timer?(run: FlowRun, step: StepOf<T>): StepOutcome;
}

/** One entry per step type of the schema: a new type without its implementation does not compile. */
const STEP_HANDLERS: { readonly [T in StepType]: StepHandler<T> } = {
  send: sendStep,
  ask: askStep,
  menu: menuStep,
  branch: branchStep,
  set_field: setFieldStep,
  add_tag: addTagStep,
  remove_tag: removeTagStep,
  assign: assignStep,
  http: httpStep,
  request: requestStep,
  wait: waitStep,
  goto: gotoStep,
  start_flow: startFlowStep,
  handoff: handoffStep,
  close: closeStep,
  end: endStep,
  csat: csatStep,
  note: noteStep,
  mark_urgent: markUrgentStep,
};

/** The handler of a step's type, typed for that step: `stepHandler(step.type).enter(run, step)`. */
export function stepHandler<T extends StepType>(type: T): StepHandler<T> {
  return STEP_HANDLERS[type];
}
