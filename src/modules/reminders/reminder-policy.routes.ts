import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { CHANNEL_TYPES } from '../channel-accounts/channel-types.ts';
import { hasTemplateNamed } from '../templates/template-name.service.ts';
import { findReminderPolicy, saveReminderPolicy } from './reminder.repository.ts';
import type { ReminderPolicy } from './reminder.schema.ts';
import {
  DEFAULT_LATE_AFTER_MINUTES,
  DEFAULT_REMINDER_SETTINGS,
  reminderSettingsOf,
} from './reminder-policy.ts';
import { enqueueReminderReplan } from './reminder-replan.job.ts';

/** A month ahead is the longest offset: beyond it a reminder is a notice, not a reminder. */
const MAX_OFFSET_MINUTES = 30 * 1440;
/** Closer than this, the patient could no longer come in time or free the slot for another. */
const MIN_OFFSET_MINUTES = 15;
const MAX_OFFSETS = 4;

const clock = z
  .string()
  .max(5, { error: 'must be a time of day as HH:MM (24-hour clock)', abort: true })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM (24-hour clock)');

const quietHoursJson = z
  .object({ start: clock, end: clock })
  .refine((q) => q.start !== q.end, { message: 'start and end must differ (null for no quiet hours)' })
  .nullable()
  .describe(
    'No reminder between these times on the clinic’s clock (start after end runs overnight): it goes out earlier instead',
  );

const policyFields = {
  enabled: z.boolean({ error: 'must be true or false' }),
  offsets_minutes: z
    .array(
      z
        .number({ error: 'must be a number of minutes' })
        .int('must be a whole number of minutes')
        .min(MIN_OFFSET_MINUTES, `must be at least ${MIN_OFFSET_MINUTES} minutes`)
        .max(MAX_OFFSET_MINUTES, `must be at most ${MAX_OFFSET_MINUTES} minutes (30 days)`),
    )
    .min(1, 'give at least one offset (or set enabled to false)')
    .max(MAX_OFFSETS, `at most ${MAX_OFFSETS} reminders per appointment`)
    .refine((offsets) => new Set(offsets).size === offsets.length, 'each offset only once')
    .describe('How long before the appointment each reminder goes, in minutes (2880 = 48 h)'),
  quiet_hours: quietHoursJson,
  template_name: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(512)
    .describe('The approved UTILITY template sent when the 24-hour window is closed'),
  late_after_minutes: z
    .number({ error: 'must be a number of minutes' })
    .int('must be a whole number of minutes')
    .min(1, 'must be at least 1 minute')
    .max(240, 'must be at most 240 minutes')
    .describe('An appointment not marked arrived this long after its start is flagged on the agenda'),
};

const channelOrderJson = z
  .array(z.enum(CHANNEL_TYPES, { error: `must be one of ${CHANNEL_TYPES.join(', ')}` }))
  .max(CHANNEL_TYPES.length)
  .refine((order) => new Set(order).size === order.length, 'each channel only once')
  .describe(
    'The channels reminders and booking notices go on, first choice first; when the first cannot carry ' +
      'one (no id of the patient there, no consent, template paused or rejected, not on WhatsApp, LINE ' +
      'quota reached), the next where the patient agreed takes over, once. Empty: the channel of the ' +
      'patient’s latest conversation',
  );

const policyJson = z
  .object({
    ...policyFields,
    channel_order: channelOrderJson,
    updated_at: z.iso.datetime().nullable().describe('null: the defaults apply'),
  })
  .meta({ id: 'ReminderPolicy' });

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

/**
 * The clinic's reminder rules: everyone reads them, administrators change them. A change applies to
 * the appointments already booked too (a job plans their reminders again).
 */
export function reminderPolicyRoutes(db: Db, clock: Clock, wake: () => void): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/reminder-policy',
      {
        config: { access: 'clinic.read' },
        schema: {
          tags: ['reminders'],
          summary: 'The clinic’s reminder rules',
          response: { 200: policyJson, 401: problemSchema },
        },
      },
      async (request) => toPolicyJson(await findReminderPolicy(db, callerOf(request).orgId)),
    );

    app.put(
      '/reminder-policy',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['reminders'],
          summary: 'Change the clinic’s reminder rules (administrators)',
          description:
            'Applies to every upcoming booked appointment: new offsets are planned, dropped ones cancelled; ' +
            'reminders already sent stay. `template_name` must be a template of the clinic’s registry.',
          body: z
            .strictObject({
              ...policyFields,
              channel_order: channelOrderJson.optional().describe('Absent: unchanged'),
            })
            .meta({ id: 'ReminderPolicyChange' }),
          response: { 200: policyJson, ...errors },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const body = request.body;
        const saved = await db.transaction(async (tx) => {
          const current = reminderSettingsOf(await findReminderPolicy(tx, orgId));
          if (
            body.template_name !== current.templateName &&
            !(await hasTemplateNamed(tx, orgId, body.template_name))
          ) {
            throw HttpProblem.badField(
              'body.template_name',
              `no template named "${body.template_name}" in this clinic's WhatsApp templates (sync them first)`,
            );
          }
          const updatedAt = clock.now();
          const policy = await saveReminderPolicy(tx, {
            orgId,
            enabled: body.enabled,
            offsetsMinutes: [...body.offsets_minutes].sort((a, b) => b - a),
            // Equal start and end mean no quiet hours (see isBetween).
            quietStart: body.quiet_hours?.start ?? '00:00',
            quietEnd: body.quiet_hours?.end ?? '00:00',
            templateName: body.template_name,
            lateAfterMinutes: body.late_after_minutes,
            channelOrder: body.channel_order ?? current.channelOrder,
            updatedAt,
          });
          await enqueueReminderReplan(tx, orgId, updatedAt);
          return policy;
        });
        wake();
        return toPolicyJson(saved);
      },
    );
  };
}

function toPolicyJson(policy: ReminderPolicy | undefined): z.infer<typeof policyJson> {
  const settings = policy ? reminderSettingsOf(policy) : DEFAULT_REMINDER_SETTINGS;
  const { start, end } = settings.quietHours;
  return {
    enabled: settings.enabled,
    offsets_minutes: settings.offsetsMinutes,
    quiet_hours: start === end ? null : { start, end },
    template_name: settings.templateName,
    late_after_minutes: policy?.lateAfterMinutes ?? DEFAULT_LATE_AFTER_MINUTES,
    channel_order: [...settings.channelOrder],
    updated_at: policy ? policy.updatedAt.toISOString() : null,
  };
}
