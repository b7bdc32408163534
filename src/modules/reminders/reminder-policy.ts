import { z } from 'zod';
import { CHANNEL_TYPES, type ChannelType } from '../channel-accounts/channel-types.ts';
import type { ReminderPolicy } from './reminder.schema.ts';
import type { QuietHours } from './reminder-timing.ts';

/** A clinic's reminder rules as the planner and the dispatcher use them. */
export interface ReminderSettings {
  enabled: boolean;
  offsetsMinutes: number[];
  quietHours: QuietHours;
  templateName: string;
  /** The channels in the clinic's order, first choice first; empty: by the patient's latest conversation. */
  channelOrder: ChannelType[];
}

/** The policy's default: an appointment not marked arrived 15 minutes after it started is late. */
export const DEFAULT_LATE_AFTER_MINUTES = 15;

/** What a clinic without a `reminder_policies` row gets: 48 h and 2 h before, quiet 20:00–08:00. */
export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  enabled: true,
  offsetsMinutes: [2880, 120],
  quietHours: { start: '20:00', end: '08:00' },
  templateName: 'rappel_rendez_vous',
  channelOrder: [],
};

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** The clinic's row, or the defaults; a malformed quiet-hours time falls back to the default one. */
export function reminderSettingsOf(policy: ReminderPolicy | undefined): ReminderSettings {
  if (!policy) return DEFAULT_REMINDER_SETTINGS;
  const defaults = DEFAULT_REMINDER_SETTINGS.quietHours;
  return {
    enabled: policy.enabled,
    offsetsMinutes: policy.offsetsMinutes.filter((m) => Number.isInteger(m) && m > 0),
    quietHours: {
      start: clock.safeParse(policy.quietStart).success ? policy.quietStart : defaults.start,
      end: clock.safeParse(policy.quietEnd).success ? policy.quietEnd : defaults.end,
    },
    templateName: policy.templateName,
    channelOrder: [...new Set((policy.channelOrder ?? []).filter(isChannelType))],
  };
}

function isChannelType(value: string): value is ChannelType {
  return (CHANNEL_TYPES as readonly string[]).includes(value);
}
