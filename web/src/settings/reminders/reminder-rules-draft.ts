import type { ReminderPolicyRules } from '../../api/reminder-types.ts';
import type { ChannelType } from '../../api/settings-types.ts';

export type OffsetUnit = 'minutes' | 'hours' | 'days';
export const OFFSET_UNITS: readonly OffsetUnit[] = ['days', 'hours', 'minutes'];
const MINUTES_PER: Record<OffsetUnit, number> = { minutes: 1, hours: 60, days: 1440 };

/** One "… before the appointment" row as the administrator types it. */
export interface OffsetDraft {
  amount: number | string;
  unit: OffsetUnit;
}

/** The rules as the form holds them: offsets in the unit a person would say, quiet hours switchable. */
export interface ReminderRulesDraft {
  enabled: boolean;
  offsets: OffsetDraft[];
  quiet: boolean;
  quietStart: string;
  quietEnd: string;
  templateName: string;
  lateAfter: number | string;
  /** The channels reminders go on, first choice first; empty: the patient's latest conversation. */
  channelOrder: ChannelType[];
}

/** Quiet hours offered when the administrator switches them on: the defaults Careline ships with. */
const DEFAULT_QUIET = { start: '20:00', end: '08:00' };

/** 2880 reads "2 days", 120 "2 hours", 90 "90 minutes". */
export function offsetDraftOf(minutes: number): OffsetDraft {
  if (minutes % 1440 === 0) return { amount: minutes / 1440, unit: 'days' };
  if (minutes % 60 === 0) return { amount: minutes / 60, unit: 'hours' };
  return { amount: minutes, unit: 'minutes' };
}

export function draftOf(rules: ReminderPolicyRules): ReminderRulesDraft {
  return {
    enabled: rules.enabled,
    offsets: rules.offsets_minutes.map(offsetDraftOf),
    quiet: rules.quiet_hours !== null,
    quietStart: rules.quiet_hours?.start ?? DEFAULT_QUIET.start,
    quietEnd: rules.quiet_hours?.end ?? DEFAULT_QUIET.end,
    templateName: rules.template_name,
    lateAfter: rules.late_after_minutes,
    channelOrder: [...(rules.channel_order ?? [])],
  };
}

/**
 * What the form sends. Amounts the person left empty or typed wrongly go as they are (NaN is sent as
 * null by JSON): the server names the field, one message for every way of getting it wrong.
 */
export function rulesOf(draft: ReminderRulesDraft): ReminderPolicyRules {
  return {
    enabled: draft.enabled,
    offsets_minutes: draft.offsets.map((offset) => toNumber(offset.amount) * MINUTES_PER[offset.unit]),
    quiet_hours: draft.quiet ? { start: draft.quietStart, end: draft.quietEnd } : null,
    template_name: draft.templateName,
    late_after_minutes: toNumber(draft.lateAfter),
    channel_order: draft.channelOrder,
  };
}

export function sameRules(a: ReminderPolicyRules, b: ReminderPolicyRules): boolean {
  return (
    a.enabled === b.enabled &&
    a.offsets_minutes.length === b.offsets_minutes.length &&
    a.offsets_minutes.every((m, i) => m === b.offsets_minutes[i]) &&
    a.quiet_hours?.start === b.quiet_hours?.start &&
    a.quiet_hours?.end === b.quiet_hours?.end &&
    a.template_name === b.template_name &&
    a.late_after_minutes === b.late_after_minutes &&
    (a.channel_order ?? []).join() === (b.channel_order ?? []).join()
  );
}

function toNumber(value: number | string): number {
  return typeof value === 'number' ? value : Number.NaN;
}

/** The order with the channel at `index` moved one place up (-1) or down (+1). */
export function moveChannel(order: readonly ChannelType[], index: number, by: -1 | 1): ChannelType[] {
  const to = index + by;
  const moved = [...order];
  const [channel] = moved.splice(index, 1);
  if (channel === undefined || to < 0 || to > order.length - 1) return [...order];
  moved.splice(to, 0, channel);
  return moved;
}
