import { minutesBetween } from './clinic-time.ts';
import type { FlowContext } from './flow-context.ts';
import type { FlowDefinition } from './flow-definition.schema.ts';
import type { FlowEffect } from './flow-effect.ts';
import type { FlowInput, FlowInputOf } from './flow-input.ts';
import { createRun, emit, type FlowRun, type StepOutcome } from './flow-run.ts';
import { type FlowSession, isFinal } from './flow-session.ts';
import { sessionLanguage } from './localised.ts';
import { enterStep, type IgnoredReason, resumeStep } from './run-step.ts';

export interface FlowAdvance {
  session: FlowSession;
  effects: FlowEffect[];
  /** Set when the input changed nothing; the session is then the one passed in. */
  ignored?: IgnoredReason;
}

/** A flow that runs this many steps without waiting is looping: it would flood the patient. */
export const MAX_STEPS_WITHOUT_WAITING = 100;
const HISTORY_LENGTH = 50;

/**
 * Moves a session on by one input: runs steps until one waits (for the patient, a timer or the host) or
 * the flow ends, and says what the host must do, in order. Pure: the same arguments give the same
 * result, and the session passed in is not modified.
 *
 * A `start` input, or no session, starts the flow afresh; any other input goes to the waiting step.
 */
export function advance(
  flow: FlowDefinition,
  session: FlowSession | null,
  input: FlowInput,
  context: FlowContext,
): FlowAdvance {
  if (session === null || input.kind === 'start') {
    return start(flow, input.kind === 'start' ? input : { kind: 'start' }, context);
  }
  if (isFinal(session.status)) return { session, effects: [], ignored: 'session_ended' };
  const run = createRun(flow, structuredClone(session), context);
  if (session.flowKey !== flow.key || session.flowVersion !== flow.version) {
    return finish(run, { kind: 'end', status: 'failed', reason: 'flow_mismatch' });
  }
  if (hasExpired(flow, session, input, context)) {
    return finish(run, { kind: 'end', status: 'failed', reason: 'expired' });
  }
  const step = flow.steps[session.stepId];
  if (step === undefined) return finish(run, { kind: 'end', status: 'failed', reason: 'missing_step' });
  const outcome = resumeStep(run, step, input);
  if (outcome.kind === 'ignored') return { session, effects: [], ignored: outcome.reason };
  return finish(run, outcome);
}

function start(flow: FlowDefinition, input: FlowInputOf<'start'>, context: FlowContext): FlowAdvance {
  const fallback = flow.settings?.defaultLanguage ?? context.org.defaultLanguage;
  const session: FlowSession = {
    id: input.sessionId ?? flow.key,
    flowKey: flow.key,
    flowVersion: flow.version,
    status: 'active',
    stepId: flow.start,
    attempts: 0,
    visits: 0,
    answers: {},
    vars: input.trigger === undefined ? {} : { trigger: input.trigger },
    language: sessionLanguage(context.contact.language, fallback),
    startedAt: context.now,
    updatedAt: context.now,
    history: [],
  };
  return finish(createRun(flow, session, context), { kind: 'next', stepId: flow.start });
}

/** Follows the steps from `outcome` until one waits or the session ends, and hands back the result. */
function finish(run: FlowRun, outcome: StepOutcome): FlowAdvance {
  let current = outcome;
  let steps = 0;
  while (current.kind === 'next') {
    if (current.stepId === undefined) {
      current = { kind: 'end', status: 'completed' };
    } else if (steps >= MAX_STEPS_WITHOUT_WAITING) {
      current = { kind: 'end', status: 'failed', reason: 'loop' };
    } else {
      steps += 1;
      current = enter(run, current.stepId);
    }
  }
  const { session } = run;
  session.updatedAt = run.context.now;
  if (current.kind === 'wait') {
    session.status = current.status;
  } else {
    session.status = current.status;
    session.pendingTimer = undefined;
    session.pendingRequest = undefined;
    session.stepState = undefined;
    if (current.reason !== undefined) session.endReason = current.reason;
    emit(run, {
      type: 'end',
      status: current.status,
      ...(current.reason === undefined ? {} : { reason: current.reason }),
    });
  }
  dropEmptyKeys(session);
  return { session, effects: run.effects };
}

function enter(run: FlowRun, stepId: string): StepOutcome {
  const step = run.flow.steps[stepId];
  if (step === undefined) return { kind: 'end', status: 'failed', reason: 'missing_step' };
  const { session } = run;
  session.stepId = stepId;
  session.status = 'active';
  session.visits += 1;
  session.attempts = 0;
  session.pendingTimer = undefined;
  session.pendingRequest = undefined;
  session.stepState = undefined;
  session.history = [...session.history, stepId].slice(-HISTORY_LENGTH);
  return enterStep(run, step);
}

/**
 * A patient who comes back days later is not answering the question left open: past the flow's session
 * time-out the session ends, and the message is the host's to route (usually to a new flow or the inbox).
 */
function hasExpired(
  flow: FlowDefinition,
  session: FlowSession,
  input: FlowInput,
  context: FlowContext,
): boolean {
  const limit = flow.settings?.sessionTimeoutMinutes;
  if (limit === undefined || input.kind !== 'message' || session.status !== 'waiting_input') return false;
  return minutesBetween(session.updatedAt, context.now) > limit;
}

/** The session as it is stored: jsonb has no `undefined`, so optional keys left empty are dropped. */
function dropEmptyKeys(session: FlowSession): void {
  for (const key of ['pendingTimer', 'pendingRequest', 'stepState', 'redFlag', 'endReason'] as const) {
    if (session[key] === undefined) delete session[key];
  }
}
