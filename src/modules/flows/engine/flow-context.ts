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
  /** Whether a list row shows a description under its title (WhatsApp yes; Messenger quick replies no). */
  rowDescriptions?: boolean;
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

/**
 * The clinic's emergency numbers as flow texts name them: `{{org.emergency_number}}` is "15",
 * `{{org.emergency_call.fr}}` "le 15 (ou le 112)" and `{{org.emergency_call.en}}` "15 (or 112)".
 */
export interface FlowEmergencyNumbers {
  emergency_number?: string;
  european_emergency_number?: string;
  suicide_prevention_number?: string;
  emergency_call?: { fr: string; en: string };
}

export interface FlowOrg extends FlowEmergencyNumbers {
  name: string;
  timeZone: string;
  businessHours: BusinessHours;
  defaultLanguage: FlowLanguage;
}

/** Everything the engine knows of the world, handed in by the host on every call. */
export interface FlowContext {
  /** The current instant, ISO-8601: the engine has no clock of its own. */
  now: string;
  org: FlowOrg;
  contact: FlowContact;
  /** `name`: the app as patients call it ("WhatsApp", "Telegram"), for `{{channel.name}}` in texts. */
  channel: { kind: Channel; name?: string; capabilities: ChannelCapabilities };
  /** Absent: answers are not screened, even on steps that ask for it. */
  screen?: ScreenAnswer;
}
