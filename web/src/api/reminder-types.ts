/**
 * The consent ledger and the reminders' report under the names the screens use: responses are aliases
 * into the types generated from the server's OpenAPI document (generated/openapi.ts).
 */
import type * as Api from './generated/openapi.ts';

export type ConsentPurpose = Api.ConsentRecord['purpose'];
export const CONSENT_PURPOSES: readonly ConsentPurpose[] = [
  'appointment_reminders',
  'health_information',
  'marketing',
];

export type ConsentMethod = Api.ConsentRecord['method'];
export type ConsentState = Api.ContactConsents['current'][number]['state'];

export type ConsentRecord = Api.ConsentRecord;

export type ContactConsents = Api.ContactConsents;

export interface StaffConsent {
  channel: 'whatsapp';
  purpose: ConsentPurpose;
  granted: boolean;
  text_shown: string;
}

export type NoShowFigures = ReminderReport['practitioners'][number]['with_confirmed_reminder'];

export type ReminderReport = Api.ReminderReport;

/** The clinic's reminder rules (GET / PUT /reminder-policy). */
export interface ReminderPolicyRules {
  enabled: boolean;
  /** Minutes before the appointment, longest first. */
  offsets_minutes: number[];
  /** Times of day (HH:MM) on the clinic's clock; null: reminders at any hour. */
  quiet_hours: { start: string; end: string } | null;
  template_name: string;
  late_after_minutes: number;
}

/** The clinic's reminder rules and when they last changed (`updated_at` null: the defaults apply). */
export type ReminderPolicy = Api.ReminderPolicy;
