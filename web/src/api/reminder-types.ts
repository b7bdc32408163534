/** The consent ledger and the reminders' report, snake_case as on the wire. */

export type ConsentPurpose = 'appointment_reminders' | 'health_information' | 'marketing';
export const CONSENT_PURPOSES: readonly ConsentPurpose[] = [
  'appointment_reminders',
  'health_information',
  'marketing',
];

export type ConsentMethod = 'chat' | 'keyword' | 'staff' | 'api';
export type ConsentState = 'granted' | 'withdrawn' | 'unknown';

export interface ConsentRecord {
  id: string;
  channel: string;
  purpose: ConsentPurpose;
  granted: boolean;
  method: ConsentMethod;
  /** The question or keyword exactly as the patient saw or typed it. */
  text_shown: string;
  message_id: string | null;
  recorded_by_user_id: string | null;
  recorded_at: string;
}

export interface ContactConsents {
  current: Array<{
    channel: string;
    purpose: ConsentPurpose;
    state: ConsentState;
    record: ConsentRecord | null;
  }>;
  /** Newest first. */
  history: ConsentRecord[];
}

export interface StaffConsent {
  channel: 'whatsapp';
  purpose: ConsentPurpose;
  granted: boolean;
  text_shown: string;
}

export interface NoShowFigures {
  appointments: number;
  no_shows: number;
  /** no_shows / appointments; null without appointments. */
  no_show_rate: number | null;
}

export interface ReminderReport {
  from: string;
  to: string;
  reminders: {
    sent: number;
    confirmed: number;
    cancelled: number;
    rescheduled: number;
    skipped_no_consent: number;
  };
  practitioners: Array<
    NoShowFigures & {
      practitioner_id: string;
      name: string;
      with_confirmed_reminder: NoShowFigures;
      without_confirmed_reminder: NoShowFigures;
    }
  >;
}

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

export interface ReminderPolicy extends ReminderPolicyRules {
  /** null: the defaults apply, nobody changed them yet. */
  updated_at: string | null;
}
