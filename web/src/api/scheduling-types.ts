/** The scheduling API's JSON (set-up, slots, appointments), snake_case as on the wire. */

export type AppointmentStatus = 'proposed' | 'booked' | 'arrived' | 'fulfilled' | 'cancelled' | 'noshow';

/** What the staff records once the appointment's time has come. */
export type AttendanceStatus = 'arrived' | 'fulfilled' | 'noshow';
export const ATTENDANCE_STATUSES: readonly AttendanceStatus[] = ['arrived', 'fulfilled', 'noshow'];

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export interface Practitioner {
  id: string;
  name: string;
  specialty: string;
  languages: string[];
  active: boolean;
}

export interface Location {
  id: string;
  name: string;
  address: string | null;
  time_zone: string;
}

export interface AppointmentType {
  id: string;
  key: string;
  name: { fr: string; en: string };
  duration_minutes: number;
  minimum_notice_minutes: number;
  horizon_days: number;
  /** Who offers it; empty: every active practitioner. */
  practitioner_ids: string[];
  active: boolean;
}

/** HH:MM wall-clock times in the location's zone; `end` may be 24:00. */
export interface LocalRange {
  start: string;
  end: string;
}

export interface WeeklyRange extends LocalRange {
  day: Weekday;
}

export type ScheduleException =
  | { kind: 'closed'; date: string; reason?: string }
  | { kind: 'hours'; date: string; hours: LocalRange[]; reason?: string };

export interface Schedule {
  id: string;
  practitioner_id: string;
  location_id: string;
  hours: WeeklyRange[];
  breaks: WeeklyRange[];
  exceptions: ScheduleException[];
  /** Inclusive local dates, YYYY-MM-DD. */
  valid_from: string | null;
  valid_to: string | null;
}

export interface Slot {
  start: string;
  end: string;
  practitioner: { id: string; name: string };
  location: { id: string; name: string };
  time_zone: string;
}

export interface Appointment {
  id: string;
  status: AppointmentStatus;
  start: string;
  end: string;
  /** Still only booked some minutes after its start: nobody marked the patient arrived. */
  late: boolean;
  /** When the patient said they will come. */
  confirmed_at: string | null;
  source: 'chat' | 'staff' | 'api';
  reason: string | null;
  contact: { id: string; name: string | null };
  practitioner: { id: string; name: string };
  location: { id: string; name: string; address: string | null; time_zone: string };
  type: { id: string; key: string; name: { fr: string; en: string } } | null;
  conversation_id: string | null;
  cancelled_at: string | null;
  cancelled_by: 'patient' | 'staff' | null;
  rescheduled_from_id: string | null;
}

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

export interface NewAppointment {
  contact_id: string;
  practitioner_id: string;
  location_id: string;
  appointment_type_id: string;
  start: string;
  reason?: string;
  conversation_id?: string;
}

export interface AppointmentMove {
  start: string;
  practitioner_id?: string;
  location_id?: string;
}
