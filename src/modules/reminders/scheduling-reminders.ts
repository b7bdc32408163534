import type { AppointmentReminders } from '../scheduling/appointment-reminders.ts';
import { noticeOfStaffBooking } from './booking-notice.service.ts';
import { lateAfterMinutesOf } from './reminder.repository.ts';
import { cancelPendingReminders, planReminders } from './reminder-schedule.service.ts';

/**
 * What scheduling needs of the reminders, which sit above it: app.ts hands it to scheduling's routes
 * and the booking flow's host operations.
 */
export const schedulingReminders: AppointmentReminders = {
  plan: planReminders,
  cancelPending: cancelPendingReminders,
  lateAfterMinutesOf,
  noticeOfStaffBooking,
};
