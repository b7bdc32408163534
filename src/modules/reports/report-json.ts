import { z } from 'zod';

const period = { from: z.iso.datetime(), to: z.iso.datetime(), team_id: z.uuid().nullable() };

const durations = {
  count: z.int().describe('Conversations measured'),
  p50_seconds: z.number().nullable().describe('Median, seconds; null when nothing was measured'),
  p90_seconds: z.number().nullable().describe('90th percentile, seconds'),
};

const durationReport = z.object({
  total: z.object(durations),
  teams: z.array(z.object({ team_id: z.uuid().nullable(), name: z.string().nullable(), ...durations })),
  agents: z.array(z.object({ user_id: z.uuid().nullable(), name: z.string().nullable(), ...durations })),
});

export const responseTimesJson = z
  .object({ ...period, first_response: durationReport, resolution: durationReport })
  .meta({ id: 'ResponseTimesReport' });

const inOut = { inbound: z.int(), outbound: z.int() };

export const messageVolumeJson = z
  .object({
    ...period,
    time_zone: z.string().describe('The clinic’s time zone, in which hours are counted'),
    total: z.object(inOut),
    by_channel: z.array(z.object({ channel: z.string(), ...inOut })),
    by_hour: z.array(z.object({ hour: z.int().min(0).max(23), ...inOut })).describe('24 rows, 0 to 23'),
  })
  .meta({ id: 'MessageVolumeReport' });

export const csatReportJson = z
  .object({
    ...period,
    count: z.int(),
    average: z.number().nullable().describe('Mean rating, 1–5, rounded to two decimals'),
    distribution: z.record(z.string(), z.int()).describe('Answers per rating, "1" to "5"'),
    bucket: z.enum(['day', 'week']),
    trend: z.array(
      z.object({
        start: z.iso.date().describe('First day of the day or week, on the clinic’s clock'),
        count: z.int(),
        average: z.number(),
      }),
    ),
    comments: z
      .array(
        z.object({
          id: z.uuid(),
          contact_id: z.uuid(),
          conversation_id: z.uuid(),
          rating: z.int(),
          comment: z.string(),
          created_at: z.iso.datetime(),
        }),
      )
      .describe('The latest 10 comments of the period, newest first'),
  })
  .meta({ id: 'CsatReport' });

export const reminderFunnelJson = z
  .object({
    ...period,
    sent: z.int().describe('Appointments with a reminder sent in the period'),
    delivered: z.int().describe('Of those, appointments one of whose reminders was delivered or read'),
    answered: z.int().describe('Of those sent, appointments whose patient answered a reminder'),
    confirmed: z.int(),
    cancelled: z.int(),
    rescheduled: z.int(),
    attended: z.int().describe('Of those sent, appointments whose time has come, not marked no-show'),
    no_shows: z.int(),
  })
  .meta({ id: 'ReminderFunnelReport' });

const redFlagFigures = {
  count: z.int(),
  acknowledged: z.int(),
  unacknowledged: z.int(),
  p50_seconds_to_acknowledgement: z.number().nullable(),
  p90_seconds_to_acknowledgement: z.number().nullable(),
};

export const redFlagsReportJson = z
  .object({
    ...period,
    total: z.object(redFlagFigures),
    categories: z.array(z.object({ category: z.string(), ...redFlagFigures })),
  })
  .meta({ id: 'RedFlagsReport' });
