import type { WindowPolicy } from '../../channels/channel-capabilities.ts';
import { windowClosesAt, windowState } from '../../channels/window-state.ts';

/** Whether free-form messages may go now; a patient who never wrote has no open window. */
export function isWindowOpen(lastInboundAt: Date | null, hours: number | null, now: Date): boolean {
  if (hours === null) return true;
  const closes = windowClosesAt(lastInboundAt, hours);
  return closes !== null && now < closes;
}

/** What the window says of one message: who wrote it (a person of the care team, or automation) and whether it is a template. */
export interface OutgoingMessageKind {
  template: boolean;
  /** Written by a signed-in member of the care team; flows, reminders, auto-replies and API keys are not. */
  byPerson: boolean;
}

/**
 * Whether a message was written by a person: a signed-in member of the care team is its author and no
 * flow sent it. Flows, reminders, automatic answers and API keys write as nobody in particular.
 */
export function writtenByPerson(message: {
  authorUserId: string | null;
  sentByFlowSessionId: string | null;
}): boolean {
  return message.authorUserId !== null && message.sentByFlowSessionId === null;
}

export type WindowVerdict =
  | { send: true /** Messenger / Instagram: send it tagged `HUMAN_AGENT`. */; humanAgentTag: boolean }
  | { send: false /** Why, naming the channel's rule, in words an agent can act on. */; detail: string };

/**
 * Whether a message may go now on a channel whose window is `policy`, and how: the one place the outbox
 * decides it, at submission and again at send time. `channel` is the app's name as people say it.
 */
export function windowVerdict(
  policy: WindowPolicy,
  lastInboundAt: Date | null,
  message: OutgoingMessageKind,
  now: Date,
  channel: string,
): WindowVerdict {
  const state = windowState(policy, lastInboundAt, now);
  const refuse = (detail: string): WindowVerdict => ({ send: false, detail });
  const hours = policy.kind === 'session' ? policy.hours : 0;
  const closed = state.closesAt ? `The ${hours}-hour window closed at ${state.closesAt.toISOString()}` : null;
  switch (state.allows) {
    case 'anything':
      return { send: true, humanAgentTag: false };
    case 'templates':
      if (message.template) return { send: true, humanAgentTag: false };
      return refuse(
        closed
          ? `${closed}: send an approved template instead.`
          : 'The patient has not written yet, so there is no open window: send an approved template instead.',
      );
    case 'person_reply':
      if (message.byPerson) return { send: true, humanAgentTag: true };
      return refuse(
        `${closed}: on ${channel} only a person’s reply can be sent now (tagged HUMAN_AGENT, until ` +
          `${state.humanReplyUntil?.toISOString()}), nothing automated.`,
      );
    case 'nothing':
      if (lastInboundAt === null)
        return refuse(`The patient has not written on ${channel} yet: nothing can be sent until they do.`);
      if (policy.kind === 'session' && policy.after === 'human_agent_tag')
        return refuse(
          `The patient last wrote more than ${span(policy.tagHours)} ago, at ${lastInboundAt.toISOString()}: ` +
            `on ${channel} nothing can be sent until they write again (anything for ${span(hours)}, then ` +
            `a person’s reply for ${span(policy.tagHours)}).`,
        );
      return refuse(`${closed}: on ${channel} nothing can be sent until the patient writes again.`);
  }
}

/** 24 → "24 hours", 168 → "7 days". */
function span(hours: number): string {
  if (hours % 24 === 0 && hours > 24) return `${hours / 24} days`;
  return hours === 1 ? '1 hour' : `${hours} hours`;
}
