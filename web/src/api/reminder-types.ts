/**
 * The consent ledger and the reminders' report under the names the screens use: responses are aliases
 * into the types generated from the server's OpenAPI document (generated/openapi.ts).
 */
import type * as Api from './generated/openapi.ts';

export type ConsentPurpose = Api.ConsentRecord['purpose'];
export const CONSENT_PURPOSES: readonly ConsentPurpose[] = [
  'appointment_reminders',
  'health_information',
  'pharmacy_notifications',
  'marketing',
];

export type ConsentMethod = Api.ConsentRecord['method'];
export type ConsentState = Api.ContactConsents['current'][number]['state'];

export type ConsentRecord = Api.ConsentRecord;

export type ContactConsents = Api.ContactConsents;

export type StaffConsent = Api.StaffConsentInput;

export type NoShowFigures = ReminderReport['practitioners'][number]['with_confirmed_reminder'];

export type ReminderReport = Api.ReminderReport;

/** One reminder of an appointment: due, sent on which channel, or skipped / held and why. */
export type AppointmentReminder = Api.AppointmentReminders['data'][number];

/** The clinic's reminder rules (GET / PUT /reminder-policy). */
export type ReminderPolicyRules = Api.ReminderPolicyChange;

/** The clinic's reminder rules and when they last changed (`updated_at` null: the defaults apply). */
export type ReminderPolicy = Api.ReminderPolicy;
