/**
 * The scheduling API's JSON (set-up, slots, appointments) under the names the agenda uses: responses are
 * aliases into the types generated from the server's OpenAPI document (generated/openapi.ts).
 */
import type * as Api from './generated/openapi.ts';

export type AppointmentStatus = Api.Appointment['status'];

/** What the staff records once the appointment's time has come. */
export type AttendanceStatus = 'arrived' | 'fulfilled' | 'noshow';
export const ATTENDANCE_STATUSES: readonly AttendanceStatus[] = ['arrived', 'fulfilled', 'noshow'];

export type Weekday = Api.Schedule['hours'][number]['day'];
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export type Practitioner = Api.Practitioner;

export type Location = Api.Location;

export type AppointmentType = Api.AppointmentType;

/** HH:MM wall-clock times in the location's zone; `end` may be 24:00. */
export type LocalRange = Omit<WeeklyRange, 'day'>;

export type WeeklyRange = Api.Schedule['hours'][number];

export type ScheduleException = Api.Schedule['exceptions'][number];

export type Schedule = Api.Schedule;

export type Slot = Api.Slot;

export type Appointment = Api.Appointment;

export interface AppointmentFilter {
  from?: string;
  to?: string;
  practitioner_id?: string;
  contact_id?: string;
}

export interface SlotQuery {
  type: string;
  practitioner?: string;
  from?: string;
  limit?: number;
}

export type NewAppointment = Api.NewAppointment;

export type AppointmentMove = Api.AppointmentMove;
