import type { Temporal } from 'temporal-polyfill';
import type { OutboundMessage } from '../../../channels/outbound-message.ts';
import { addMinutes, clinicTime } from './clinic-time.ts';
import type { FlowContact, FlowContext } from './flow-context.ts';
import type { FlowDefinition } from './flow-definition.schema.ts';
import type { FlowEffect } from './flow-effect.ts';
import type { EndReason, FinalStatus, FlowSession } from './flow-session.ts';
import { inLanguage, type Localised } from './localised.ts';
import { type RenderScope, renderTemplate } from './render-template.ts';

/**
 * One `advance` call at work: the session and the contact as they change step after step, and the
 * effects asked so far. Working copies only: the caller's session is never touched.
 */
export interface FlowRun {
  readonly flow: FlowDefinition;
  readonly context: FlowContext;
  session: FlowSession;
  /** The contact as the flow has changed it so far, so `{{contact.fields.x}}` sees a field just set. */
  readonly contact: FlowContact;
  readonly effects: FlowEffect[];
}

/** What a step leads to: another step (none: the flow is complete), a wait, or the end of the session. */
export type StepOutcome =
  | { kind: 'next'; stepId: string | undefined }
  | { kind: 'wait'; status: 'waiting_input' | 'waiting_timer' | 'waiting_result' }
  | { kind: 'end'; status: FinalStatus; reason?: EndReason };

export function createRun(flow: FlowDefinition, session: FlowSession, context: FlowContext): FlowRun {
  const contact = structuredClone(context.contact);
  return { flow, context, session, contact, effects: [] };
}

export function goTo(stepId: string | undefined): StepOutcome {
  return { kind: 'next', stepId };
}

/** Leaves by a failure or timeout exit; a flow without one ends there, failed, saying why. */
export function exitTo(stepId: string | undefined, reason: EndReason): StepOutcome {
  return stepId === undefined ? { kind: 'end', status: 'failed', reason } : { kind: 'next', stepId };
}

export function emit(run: FlowRun, effect: FlowEffect): void {
  run.effects.push(effect);
}

/** Sends a message unless it came out blank (a text made only of an unknown variable): channels refuse those. */
export function send(run: FlowRun, message: OutboundMessage | undefined): void {
  if (message !== undefined) emit(run, { type: 'send', message });
}

export function sendText(run: FlowRun, text: string): void {
  if (/\S/.test(text)) send(run, { type: 'text', text });
}

export function renderScope(run: FlowRun): RenderScope {
  return {
    contact: run.contact,
    answers: run.session.answers,
    vars: run.session.vars,
    org: run.context.org,
    ...(run.context.channel.name === undefined ? {} : { channelName: run.context.channel.name }),
  };
}

/** A text for the patient, in the session's language, variables filled in. */
export function say(run: FlowRun, text: Localised): string {
  return renderTemplate(inLanguage(text, run.session.language), renderScope(run), run.session.language);
}

/** A text for the care team (notes, handoff notes): in the clinic's language, not the patient's. */
export function sayToStaff(run: FlowRun, text: Localised): string {
  const language = run.context.org.defaultLanguage;
  return renderTemplate(inLanguage(text, language), renderScope(run), language);
}

export function clinicNow(run: FlowRun): Temporal.ZonedDateTime {
  return clinicTime(run.context.now, run.context.org.timeZone);
}

/**
 * Asks the host for a timer. Its id is made of the session, the step visit and the attempt: replaying a
 * session gives the same ids, and a timer from an earlier prompt no longer matches the pending one.
 */
export function scheduleTimer(run: FlowRun, at: string, label?: string): void {
  const { session } = run;
  const id = [session.id, session.stepId, session.visits, session.attempts, ...(label ? [label] : [])].join(
    '/',
  );
  session.pendingTimer = { id, at };
  emit(run, { type: 'schedule_timer', timerId: id, at });
}

export function scheduleTimerIn(run: FlowRun, minutes: number, label?: string): void {
  scheduleTimer(run, addMinutes(run.context.now, minutes), label);
}

/** An id for a request the host answers (assignment, HTTP call), unique within the session. */
export function requestId(run: FlowRun): string {
  const { session } = run;
  const id = [session.id, session.stepId, session.visits].join('/');
  session.pendingRequest = id;
  return id;
}
