import { z } from 'zod';
import { CHANNEL_TYPES, type ChannelType } from '../channel-accounts/channel-types.ts';
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
              'line_quota_reached (held: the LINE account’s monthly push quota would be exceeded), ' +
              'template_unavailable, not_on_whatsapp (failed after it fell back once), ' +
              'appointment_passed, appointment_not_booked, reminders_off, message_refused…',
          ),
        channel: z.enum(CHANNEL_TYPES).nullable().describe('Where it went, once sent'),
        fallback_from: z
          .enum(CHANNEL_TYPES)
          .nullable()
          .describe('The clinic’s first channel, when it could not carry the reminder and the next one did'),
        fallback_reason: z
          .string()
          .nullable()
          .describe(
            'Why the first channel could not: no_channel (no id of the patient there), no_consent, ' +
              'channel_window_closed, template_unavailable (paused, rejected or missing), not_on_whatsapp ' +
              '(Meta’s 131026 after the send), line_quota_reached',
          ),
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
      fallback_from: channelTypeOf(r.fallbackFrom),
      fallback_reason: r.fallbackReason,
      sent_at: r.sentAt?.toISOString() ?? null,
      response: r.response,
      responded_at: r.respondedAt?.toISOString() ?? null,
    })),
  };
}

function channelTypeOf(value: string | null): ChannelType | null {
  return CHANNEL_TYPES.find((c) => c === value) ?? null;
}
