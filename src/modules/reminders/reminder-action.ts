/** What a patient can answer to a reminder, in the order its quick replies show. */
export const REMINDER_ACTIONS = ['confirm', 'cancel', 'reschedule'] as const;
export type ReminderAction = (typeof REMINDER_ACTIONS)[number];
