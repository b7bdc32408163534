import type { WindowPolicy } from './channel-capabilities.ts';

const HOUR_MS = 3_600_000;

/** When the customer-service window closes: `hours` after the patient's last message. */
export function windowClosesAt(lastInboundAt: Date | null, hours: number): Date | null {
  return lastInboundAt ? new Date(lastInboundAt.getTime() + hours * HOUR_MS) : null;
}

/**
 * The channel's rule once its window closes: `none` — it has no window (Telegram); `templates` — approved
 * templates only (WhatsApp); `human_agent_tag` — a person's reply, tagged, for a while longer, nothing
 * automated (Messenger, Instagram); `nothing` — nothing at all until the patient writes.
 */
export type WindowRule = 'none' | 'templates' | 'human_agent_tag' | 'nothing';

/** What may go to the patient now: anything, templates only, a person's reply only, or nothing. */
export type WindowAllows = 'anything' | 'templates' | 'person_reply' | 'nothing';

export interface WindowState {
  rule: WindowRule;
  /** Anything may be sent, by anyone (automation included). */
  open: boolean;
  /** When the free-form window closes (or closed); null without a window or before the patient wrote. */
  closesAt: Date | null;
  /** `human_agent_tag`: until when a person's reply may still go; null otherwise. */
  humanReplyUntil: Date | null;
  allows: WindowAllows;
}

/**
 * Where a conversation stands with its channel's window at `now` (what the inbox shows; the outbox's
 * window-policy.ts decides on each message from it). The bounds are exclusive: at exactly 24 h the window
 * is closed.
 */
export function windowState(policy: WindowPolicy, lastInboundAt: Date | null, now: Date): WindowState {
  if (policy.kind === 'none')
    return { rule: 'none', open: true, closesAt: null, humanReplyUntil: null, allows: 'anything' };
  const closesAt = windowClosesAt(lastInboundAt, policy.hours);
  const humanReplyUntil =
    policy.after === 'human_agent_tag' ? windowClosesAt(lastInboundAt, policy.tagHours) : null;
  const before = (deadline: Date | null) => deadline !== null && now < deadline;
  const open = before(closesAt);
  let allows: WindowAllows = 'nothing';
  if (open) allows = 'anything';
  else if (policy.after === 'templates') allows = 'templates';
  else if (before(humanReplyUntil)) allows = 'person_reply';
  return { rule: policy.after, open, closesAt, humanReplyUntil, allows };
}
