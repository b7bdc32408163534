import { z } from 'zod';
import { CHANNEL_TYPES } from '../channel-accounts/channel-types.ts';
import type { AppointmentReminder } from './appointment-reminders.service.ts';
import { REMINDER_RESPONSES, REMINDER_STATUSES } from './reminder.schema.ts';

/** An appointment's reminders as the API shows them (GET /appointments/{id}/reminders). */
export const appointmentRemindersJson = z
  .object({
    data: z.array(
      z.object({
        id: z.uuid(),
        offset_minutes: z.number().int().describe('How long before the appointment'),
        due_at: z.iso.datetime(),
        status: z.enum(REMINDER_STATUSES),
        reason: z
          .string()
          .nullable()
          .describe(
            'Why it was skipped or failed: no_consent (agreed on no channel), no_channel (agreed, but on no ' +
              'channel the clinic can reach the patient on), channel_window_closed (held: the channels agreed ' +
              'on allowed nothing automated then — Messenger, Instagram past their 24-hour window), ' +
              'appointment_passed, appointment_not_booked, reminders_off, message_refused…',
          ),
        channel: z.enum(CHANNEL_TYPES).nullable().describe('Where it went, once sent'),
        sent_at: z.iso.datetime().nullable(),
        response: z.enum(REMINDER_RESPONSES).nullable().describe('What the patient answered to it'),
        responded_at: z.iso.datetime().nullable(),
      }),
    ),
  })
  .meta({ id: 'AppointmentReminders' });

export function toAppointmentRemindersJson(
  reminders: readonly AppointmentReminder[],
): z.infer<typeof appointmentRemindersJson> {
  return {
    data: reminders.map(({ reminder: r, channel }) => ({
      id: r.id,
      offset_minutes: r.offsetMinutes,
      due_at: r.dueAt.toISOString(),
      status: r.status,
      reason: r.reason,
      channel,
      sent_at: r.sentAt?.toISOString() ?? null,
      response: r.response,
      responded_at: r.respondedAt?.toISOString() ?? null,
    })),
  };
}
