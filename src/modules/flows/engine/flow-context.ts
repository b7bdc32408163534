import { z } from 'zod';
import type { Channel } from '../../../channels/inbound-event.ts';
import { clockTimeSchema, WEEKDAYS } from './condition.schema.ts';
import type { FlowLanguage } from './localised.ts';

/**
 * Opening hours in the clinic's time zone: ranges per weekday (from inclusive, to exclusive) and dates
 * the clinic is closed all day (bank holidays, leave), as YYYY-MM-DD.
 */
export const businessHoursSchema = z.strictObject({
  weekly: z.partialRecord(
    z.enum(WEEKDAYS),
    z.array(z.strictObject({ from: clockTimeSchema, to: clockTimeSchema })),
  ),
  closedDates: z.array(z.iso.date()).optional(),
});
export type BusinessHours = z.infer<typeof businessHoursSchema>;

/** How much of an interactive message the channel shows; 0 buttons means it has none. */
export interface ChannelCapabilities {
  buttons: number;
  listRows: number;
  buttonTitleMax: number;
  rowTitleMax: number;
}

export interface ScreenResult {
  flagged: boolean;
  category?: string;
  matched?: string;
}

/** Red-flag screening of a patient's words; pure, so that replaying a session gives the same result. */
export type ScreenAnswer = (text: string, language: FlowLanguage) => ScreenResult;

export interface FlowContact {
  firstName?: string;
  lastName?: string;
  language?: string;
  fields: Record<string, string>;
  tags: string[];
}

/** Everything the engine knows of the world, handed in by the host on every call. */
export interface FlowContext {
  /** The current instant, ISO-8601: the engine has no clock of its own. */
  now: string;
  org: { name: string; timeZone: string; businessHours: BusinessHours; defaultLanguage: FlowLanguage };
  contact: FlowContact;
  channel: { kind: Channel; capabilities: ChannelCapabilities };
  /** Absent: answers are not screened, even on steps that ask for it. */
  screen?: ScreenAnswer;
}
