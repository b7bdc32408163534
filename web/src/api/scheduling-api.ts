import { apiRequest } from './http-client.ts';
import type {
  AppointmentReminder,
  ConsentRecord,
  ContactConsents,
  ReminderPolicy,
  ReminderPolicyRules,
  ReminderReport,
  StaffConsent,
} from './reminder-types.ts';
import type {
  Appointment,
  AppointmentFilter,
  AppointmentMove,
  AppointmentType,
  AttendanceStatus,
  Location,
  NewAppointment,
  Practitioner,
  Schedule,
  Slot,
  SlotQuery,
} from './scheduling-types.ts';

const API = '/api/v1';

/**
 * Query keys of the agenda. Every appointment list starts with `appointments` and every slot list
 * with `slots`, so one booking, move or cancellation refreshes the agenda and the patient panel.
 */
export const schedulingKeys = {
  practitioners: ['scheduling', 'practitioners'] as const,
  locations: ['scheduling', 'locations'] as const,
  types: ['scheduling', 'appointment-types'] as const,
  schedules: ['scheduling', 'schedules'] as const,
  appointments: ['appointments'] as const,
  appointmentList: (filter: AppointmentFilter) => ['appointments', 'list', filter] as const,
  appointment: (id: string) => ['appointments', 'one', id] as const,
  appointmentReminders: (id: string) => ['appointments', 'reminders', id] as const,
  slots: ['slots'] as const,
  slotList: (query: SlotQuery) => ['slots', query] as const,
  consents: (contactId: string) => ['consents', contactId] as const,
  reminderReport: (from: string, to: string) => ['reports', 'reminders', from, to] as const,
  reminderPolicy: ['reminder-policy'] as const,
};

export const schedulingApi = {
  practitioners: () => apiRequest<{ data: Practitioner[] }>(`${API}/practitioners`),
  locations: () => apiRequest<{ data: Location[] }>(`${API}/locations`),
  appointmentTypes: () => apiRequest<{ data: AppointmentType[] }>(`${API}/appointment-types`),
  schedules: () => apiRequest<{ data: Schedule[] }>(`${API}/schedules`),

  slots: (query: SlotQuery) =>
    apiRequest<{ data: Slot[] }>(
      `${API}/slots?${search({
        type: query.type,
        practitioner: query.practitioner,
        from: query.from,
        limit: query.limit === undefined ? undefined : String(query.limit),
      })}`,
    ),

  appointment: (id: string) => apiRequest<Appointment>(`${API}/appointments/${id}`),
  appointmentReminders: (id: string) =>
    apiRequest<{ data: AppointmentReminder[] }>(`${API}/appointments/${id}/reminders`),
  appointments: (filter: AppointmentFilter) =>
    apiRequest<{ data: Appointment[] }>(`${API}/appointments?${search({ ...filter, limit: '1000' })}`),
  /** 409 with `code: "slot_taken"` when someone booked the time meanwhile: see `isSlotTaken`. */
  book: (appointment: NewAppointment) =>
    apiRequest<Appointment>(`${API}/appointments`, { method: 'POST', body: appointment }),
  /** Answers the new appointment: a move books the new time and cancels the old one at once. */
  move: (id: string, move: AppointmentMove) =>
    apiRequest<Appointment>(`${API}/appointments/${id}/move`, { method: 'POST', body: move }),
  cancel: (id: string, by: 'patient' | 'staff') =>
    apiRequest<Appointment>(`${API}/appointments/${id}/cancel`, { method: 'POST', body: { by } }),
  setStatus: (id: string, status: AttendanceStatus) =>
    apiRequest<Appointment>(`${API}/appointments/${id}/status`, { method: 'POST', body: { status } }),

  consents: (contactId: string) => apiRequest<ContactConsents>(`${API}/contacts/${contactId}/consents`),
  recordConsent: (contactId: string, consent: StaffConsent) =>
    apiRequest<ConsentRecord>(`${API}/contacts/${contactId}/consents`, { method: 'POST', body: consent }),

  /** `from` and `to` are days on the clinic's clock (YYYY-MM-DD), both included. */
  reminderReport: (from: string, to: string) =>
    apiRequest<ReminderReport>(`${API}/reports/reminders?${search({ from, to })}`),

  reminderPolicy: () => apiRequest<ReminderPolicy>(`${API}/reminder-policy`),
  changeReminderPolicy: (rules: ReminderPolicyRules) =>
    apiRequest<ReminderPolicy>(`${API}/reminder-policy`, { method: 'PUT', body: rules }),
};

function search(params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  return query.toString();
}
