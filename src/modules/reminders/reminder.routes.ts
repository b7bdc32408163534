import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import { handle, type QueueHandler } from '../../platform/jobs/queue-handler.ts';
import { parseWhen } from '../../platform/time/clinic-day.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { consentRoutes } from '../consent/consent.routes.ts';
import { findOrgByRef } from '../orgs/org.service.ts';
import type { SchedulingDeps } from '../scheduling/scheduling-deps.ts';
import { appointmentReminderRoutes } from './appointment-reminders.routes.ts';
import type { LinePushQuotaReader } from './line-push-quota.ts';
import { runReminderDispatch } from './reminder-dispatch.job.ts';
import { reminderDispatchQueue } from './reminder-dispatch-queue.ts';
import { reminderPolicyRoutes } from './reminder-policy.routes.ts';
import { reminderReplanQueue, runReminderReplan } from './reminder-replan.job.ts';
import { type NoShowFigures, reminderReport } from './reminder-report.service.ts';

const noShowJson = z.object({
  appointments: z.number().int(),
  no_shows: z.number().int(),
  no_show_rate: z.number().nullable().describe('no_shows / appointments; null without appointments'),
});

const reminderReportJson = z
  .object({
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    reminders: z.object({
      sent: z.number().int(),
      confirmed: z.number().int().describe('Patients who tapped Confirm (or typed it) on a reminder'),
      cancelled: z.number().int().describe('Appointments cancelled from a reminder'),
      rescheduled: z.number().int().describe('Patients who asked to move the appointment from a reminder'),
      skipped_no_consent: z
        .number()
        .int()
        .describe('Not sent: the patient agreed to reminders on no channel'),
      skipped_channel_window_closed: z
        .number()
        .int()
        .describe(
          'Held, not sent: the only channels the patient agreed on were Messenger or Instagram, whose ' +
            '24-hour window had closed (nothing automated may go after it)',
        ),
      skipped_line_quota_reached: z
        .number()
        .int()
        .describe(
          'Held, not sent: the LINE account’s monthly push quota would have been exceeded and no other ' +
            'channel the patient agreed on could take it',
        ),
      sent_by_channel: z
        .array(z.object({ channel: z.string(), sent: z.number().int() }))
        .describe('Reminders sent in the period, per channel that carried them'),
      fallbacks: z
        .array(z.object({ reason: z.string(), count: z.number().int() }))
        .describe(
          'Reminders (due in the period) the clinic’s first channel could not carry, taken over by the ' +
            'next one, by reason: no_channel, no_consent, channel_window_closed, template_unavailable, ' +
            'not_on_whatsapp, line_quota_reached',
        ),
    }),
    practitioners: z.array(
      noShowJson.extend({
        practitioner_id: z.uuid(),
        name: z.string(),
        with_confirmed_reminder: noShowJson,
        without_confirmed_reminder: noShowJson,
      }),
    ),
  })
  .meta({ id: 'ReminderReport' });

const when = z
  .string()
  .max(64, { error: 'must be a date (YYYY-MM-DD) or an ISO 8601 instant', abort: true })
  .refine((v) => parseWhen(v, 'UTC', 'start') !== null, 'must be a date (YYYY-MM-DD) or an ISO 8601 instant')
  .optional();

const DAY_MS = 86_400_000;

/**
 * Where an appointment's reminders stand, the reminders' rules and report, and the patients' consents (reminders are only sent with one, so
 * their API lives beside; app.ts mounts this plugin behind authentication).
 */
export function reminderRoutes(deps: SchedulingDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(appointmentReminderRoutes(deps));
    await app.register(consentRoutes(deps.db, deps.keyring));
    await app.register(reminderPolicyRoutes(deps.db, deps.clock, deps.wake));

    app.get(
      '/reports/reminders',
      {
        config: { access: 'reports.read' },
        schema: {
          tags: ['reports'],
          summary: 'What reminders achieved: sent, confirmed, cancelled; no-shows per practitioner',
          description:
            'Reminders sent, and answered, in [from, to). Per practitioner: the appointments of the period ' +
            'whose time has come (cancelled ones left out; one not marked no-show counts as attended), their ' +
            'no-shows, and the no-show rate with and without a reminder the patient confirmed. A date is a ' +
            'day on the clinic’s clock: `from` its start, `to` its end. Default: the last 30 days.',
          querystring: z.object({ from: when, to: when }),
          response: { 200: reminderReportJson, 400: problemSchema, 401: problemSchema },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const org = await findOrgByRef(deps.db, orgId);
        if (!org) throw HttpProblem.notFound('Clinic');
        const now = deps.clock.now();
        const to = request.query.to ? parseWhen(request.query.to, org.timeZone, 'end') : now;
        const from = request.query.from
          ? parseWhen(request.query.from, org.timeZone, 'start')
          : new Date((to ?? now).getTime() - 30 * DAY_MS);
        if (!from || !to) throw HttpProblem.badField('query', 'from and to must be dates or instants');
        if (from >= to) throw HttpProblem.badField('query.from', 'must be before to');
        const report = await reminderReport(deps.db, orgId, { from, to, now });
        return {
          from: report.from.toISOString(),
          to: report.to.toISOString(),
          reminders: {
            sent: report.reminders.sent,
            confirmed: report.reminders.confirmed,
            cancelled: report.reminders.cancelled,
            rescheduled: report.reminders.rescheduled,
            skipped_no_consent: report.reminders.skippedNoConsent,
            skipped_channel_window_closed: report.reminders.skippedWindowClosed,
            skipped_line_quota_reached: report.reminders.skippedLineQuota,
            sent_by_channel: report.reminders.sentByChannel,
            fallbacks: report.reminders.fallbacks,
          },
          practitioners: report.practitioners.map((p) => ({
            practitioner_id: p.practitionerId,
            name: p.name,
            ...noShowOf(p),
            with_confirmed_reminder: noShowOf(p.withConfirmedReminder),
            without_confirmed_reminder: noShowOf(p.withoutConfirmedReminder),
          })),
        };
      },
    );
  };
}

/** The job worker's handler of due reminders. */
export function reminderJobHandlers(
  deps: SchedulingDeps,
  options: { lineQuota?: LinePushQuotaReader } = {},
): QueueHandler[] {
  const dispatch = {
    lineQuota: options.lineQuota,
    db: deps.db,
    keyring: deps.keyring,
    senders: deps.senders,
    logger: deps.logger,
    wake: deps.wake,
    clock: deps.clock,
  };
  const replan = { db: deps.db, clock: deps.clock };
  return [
    handle(reminderDispatchQueue, () => runReminderDispatch(dispatch)),
    handle(reminderReplanQueue, ({ orgId }) => runReminderReplan(replan, orgId)),
  ];
}

function noShowOf(figures: NoShowFigures): z.infer<typeof noShowJson> {
  return { appointments: figures.appointments, no_shows: figures.noShows, no_show_rate: figures.noShowRate };
}
