import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { encodeCursor } from '../../platform/db/keyset-cursor.ts';
import { cursorPosition, pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import { handle, type QueueHandler } from '../../platform/jobs/queue-handler.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { Broadcast } from './broadcast.schema.ts';
import {
  BroadcastFinishedError,
  BroadcastInputError,
  BroadcastNotFoundError,
  type BroadcastRecipientEntry,
  type BroadcastReport,
  broadcastRecipientsPage,
  broadcastReport,
  broadcastsPage,
  cancelBroadcast,
  createBroadcast,
  getBroadcast,
} from './broadcast.service.ts';
import { type BroadcastDeps, runBroadcastPass } from './broadcast-pass.job.ts';
import { broadcastPassQueue } from './broadcast-queue.ts';
import {
  BROADCAST_REPORTED_STATES,
  BROADCAST_SKIP_REASONS,
  BROADCAST_STATUSES,
  type BroadcastContent,
} from './broadcast-vocabulary.ts';

const placeholderHelp =
  '{{first_name}}, {{last_name}}, {{name}} (the patient’s) and {{clinic_name}} are replaced for each patient';

const templateJson = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(512, 'must be at most 512 characters'),
  language: z.string().trim().min(2, 'must be a language code such as fr or en_US').max(16),
  parameters: z
    .array(z.string().max(1024, 'must be at most 1024 characters'))
    .max(20, 'must hold at most 20 values')
    .default([])
    .describe(`The body’s values in order; ${placeholderHelp}`),
});

const contentItemJson = z
  .object({
    text: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(4096, 'must be at most 4096 characters')
      .optional()
      .describe(`The message on every channel (WhatsApp: inside its 24-hour window); ${placeholderHelp}`),
    template: templateJson
      .optional()
      .describe('An approved WhatsApp template (UTILITY): how the message goes outside the 24-hour window'),
  })
  .refine((item) => item.text !== undefined || item.template !== undefined, 'must have text or a template');

const quietTime = z
  .string()
  .max(5)
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');

const newBroadcastJson = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    group_id: z.uuid({ error: 'must be the id of one of the clinic’s groups' }),
    content: z
      .object({ fr: contentItemJson.optional(), en: contentItemJson.optional() })
      .strict()
      .refine((c) => c.fr !== undefined || c.en !== undefined, 'must have a message in fr or en'),
    default_language: z.enum(['fr', 'en']).default('fr'),
    send_at: z.iso
      .datetime({ offset: true, error: 'must be an ISO 8601 instant' })
      .optional()
      .describe('When to send; absent: now'),
    quiet_hours: z
      .object({ start: quietTime, end: quietTime })
      .optional()
      .describe('Nothing goes between these times on each patient’s own clock; default 20:00–08:00'),
  })
  .meta({ id: 'NewBroadcast' });

const reportJson = z
  .object({
    targeted: z.number().int().describe('Patients of the group taken in so far'),
    pending: z.number().int().describe('Waiting for their turn (or the end of their quiet hours)'),
    skipped: z.object({
      total: z.number().int(),
      by_reason: z.record(z.string(), z.number().int()).describe(`Why: ${BROADCAST_SKIP_REASONS.join(', ')}`),
    }),
    queued: z.number().int().describe('In the outbox, not yet taken by the channel'),
    sent: z.number().int().describe('Taken by the channel (delivered and read included)'),
    delivered: z.number().int().describe('Delivered (read included)'),
    read: z.number().int(),
    failed: z.object({
      total: z.number().int(),
      by_error: z.array(
        z.object({
          code: z.number().int().nullable(),
          reason: z.string().nullable(),
          count: z.number().int(),
        }),
      ),
    }),
    replied: z.number().int().describe('Patients who wrote in that conversation after the broadcast'),
    opted_out: z
      .number()
      .int()
      .describe('Patients who withdrew health information on that channel after the broadcast'),
  })
  .meta({ id: 'BroadcastReport' });

const templateOut = z.object({ name: z.string(), language: z.string(), parameters: z.array(z.string()) });

const broadcastJson = z
  .object({
    id: z.uuid(),
    name: z.string(),
    group_id: z.uuid(),
    status: z.enum(BROADCAST_STATUSES),
    send_at: z.iso.datetime(),
    content: z.object({
      fr: z.object({ text: z.string().optional(), template: templateOut.optional() }).optional(),
      en: z.object({ text: z.string().optional(), template: templateOut.optional() }).optional(),
    }),
    default_language: z.enum(['fr', 'en']),
    quiet_hours: z.object({ start: z.string(), end: z.string() }),
    created_by_user_id: z.uuid().nullable(),
    created_at: z.iso.datetime(),
    started_at: z.iso.datetime().nullable(),
    completed_at: z.iso.datetime().nullable(),
    cancelled_at: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Broadcast' });

const broadcastWithReportJson = broadcastJson
  .extend({ report: reportJson })
  .meta({ id: 'BroadcastWithReport' });

const recipientJson = z
  .object({
    id: z.uuid(),
    contact_id: z.uuid(),
    contact_name: z.string().nullable(),
    channel: z.string().nullable(),
    state: z.enum(BROADCAST_REPORTED_STATES),
    reason: z
      .string()
      .nullable()
      .describe('Skipped: why (no_consent, opted_out, no_channel…); failed: the channel’s reason'),
    error_code: z.number().int().nullable(),
    conversation_id: z.uuid().nullable(),
    message_id: z.uuid().nullable(),
  })
  .meta({ id: 'BroadcastRecipient' });

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
const idParams = z.object({ id: z.uuid() });

export interface BroadcastRouteDeps {
  db: Db;
  clock: Clock;
  keyring: Keyring;
  wake: () => void;
}

/**
 * Health broadcasts to a group of patients (`broadcasts.manage`: administrators, supervisors, API
 * keys). Health information only, never marketing.
 */
export function broadcastRoutes(deps: BroadcastRouteDeps): FastifyPluginAsyncZod {
  const { db, keyring } = deps;
  return async (app) => {
    app.post(
      '/broadcasts',
      {
        config: { access: 'broadcasts.manage' },
        schema: {
          tags: ['broadcasts'],
          summary: 'Send a health message to a group of patients, now or later',
          description:
            'Each patient gets it on a channel where they agreed to health information, in their language ' +
            '(else `default_language`), outside their quiet hours (on their own clock), through the outbox ' +
            'after patients’ replies and reminders. WhatsApp outside the 24-hour window needs the language’s ' +
            '`template` (approved, not MARKETING). 422 `body.group_id` for a group the clinic does not have; ' +
            '422 `body.content.<lang>.template` for a template not approved; 400 `body.send_at` in the past.',
          body: newBroadcastJson,
          response: { 201: broadcastWithReportJson, 422: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const body = request.body;
        const broadcast = await createBroadcast(deps, {
          orgId: caller.orgId,
          createdByUserId: caller.userId,
          name: body.name,
          groupId: body.group_id,
          content: body.content as BroadcastContent,
          defaultLanguage: body.default_language,
          sendAt: body.send_at ? new Date(body.send_at) : undefined,
          quietHours: body.quiet_hours,
        }).catch((error: unknown) => {
          throw problemOf(error);
        });
        deps.wake();
        return reply.code(201).send({
          ...toBroadcastJson(broadcast),
          report: await broadcastReport(db, caller.orgId, broadcast.id),
        });
      },
    );

    app.get(
      '/broadcasts',
      {
        config: { access: 'broadcasts.manage' },
        schema: {
          tags: ['broadcasts'],
          summary: 'The clinic’s broadcasts, newest first',
          querystring: z.object(pageQuery),
          response: { 200: pageOf(broadcastJson), ...errors },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const before = cursorPosition(request.query.cursor);
        const page = await broadcastsPage(db, orgId, {
          limit: request.query.limit,
          before: before ? { createdAt: before.at, id: before.id } : undefined,
        });
        return {
          data: page.data.map(toBroadcastJson),
          next_cursor: page.next ? encodeCursor({ at: page.next.createdAt, id: page.next.id }) : null,
        };
      },
    );

    app.get(
      '/broadcasts/:id',
      {
        config: { access: 'broadcasts.manage' },
        schema: {
          tags: ['broadcasts'],
          summary: 'A broadcast and its live report',
          description:
            'The report is computed when asked: targeted, skipped by reason, queued, sent, delivered, read, ' +
            'failed by error, replied, opted out after it. The live feed carries `broadcast.updated` ' +
            '(`broadcastId`) when it changes.',
          params: idParams,
          response: { 200: broadcastWithReportJson, 404: problemSchema, ...errors },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const broadcast = await getBroadcast(db, orgId, request.params.id).catch((error: unknown) => {
          throw problemOf(error);
        });
        return { ...toBroadcastJson(broadcast), report: await broadcastReport(db, orgId, broadcast.id) };
      },
    );

    app.post(
      '/broadcasts/:id/cancel',
      {
        config: { access: 'broadcasts.manage' },
        schema: {
          tags: ['broadcasts'],
          summary: 'Cancel a broadcast: nothing more is sent',
          description:
            'Patients still waiting are skipped (`cancelled`); messages still queued in the outbox are ' +
            'withdrawn (refused, `cancelled`); those already taken by the channel go on. 409 once completed ' +
            'or cancelled.',
          params: idParams,
          response: { 200: broadcastWithReportJson, 404: problemSchema, 409: problemSchema, ...errors },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const { broadcast } = await cancelBroadcast(deps, {
          orgId: caller.orgId,
          id: request.params.id,
          userId: caller.userId,
        }).catch((error: unknown) => {
          throw problemOf(error);
        });
        return {
          ...toBroadcastJson(broadcast),
          report: await broadcastReport(db, caller.orgId, broadcast.id),
        };
      },
    );

    app.get(
      '/broadcasts/:id/recipients',
      {
        config: { access: 'broadcasts.manage' },
        schema: {
          tags: ['broadcasts'],
          summary: 'Who the broadcast went to, and what became of it',
          params: idParams,
          querystring: z.object({
            limit: pageQuery.limit,
            cursor: z.uuid({ error: 'must be the next_cursor of the previous page' }).optional(),
            state: z.enum(BROADCAST_REPORTED_STATES).optional(),
          }),
          response: { 200: pageOf(recipientJson), 404: problemSchema, ...errors },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const { limit, cursor, state } = request.query;
        const page = await broadcastRecipientsPage(db, keyring, orgId, request.params.id, {
          limit,
          afterId: cursor,
          state,
        }).catch((error: unknown) => {
          throw problemOf(error);
        });
        return { data: page.data.map(toRecipientJson), next_cursor: page.nextCursor };
      },
    );
  };
}

/** The broadcasts' job: its passes. */
export function broadcastJobHandlers(deps: BroadcastDeps): QueueHandler[] {
  return [handle(broadcastPassQueue, (payload) => runBroadcastPass(deps, payload))];
}

function problemOf(error: unknown): unknown {
  if (error instanceof BroadcastInputError)
    return new HttpProblem(error.status, `${error.field}: ${error.message}`, [
      { field: error.field, message: error.message },
    ]);
  if (error instanceof BroadcastNotFoundError) return HttpProblem.notFound('Broadcast');
  if (error instanceof BroadcastFinishedError) return new HttpProblem(409, error.message);
  return error;
}

function toBroadcastJson(b: Broadcast) {
  return {
    id: b.id,
    name: b.name,
    group_id: b.groupId,
    status: b.status,
    send_at: b.sendAt.toISOString(),
    content: b.content,
    default_language: b.defaultLanguage,
    quiet_hours: { start: b.quietStart, end: b.quietEnd },
    created_by_user_id: b.createdByUserId,
    created_at: b.createdAt.toISOString(),
    started_at: b.startedAt?.toISOString() ?? null,
    completed_at: b.completedAt?.toISOString() ?? null,
    cancelled_at: b.cancelledAt?.toISOString() ?? null,
  };
}

function toRecipientJson(r: BroadcastRecipientEntry) {
  return {
    id: r.id,
    contact_id: r.contactId,
    contact_name: r.contactName,
    channel: r.channel,
    state: r.state,
    reason: r.state === 'skipped' ? r.skipReason : r.state === 'failed' ? r.errorTitle : null,
    error_code: r.errorCode,
    conversation_id: r.conversationId,
    message_id: r.messageId,
  };
}

export type { BroadcastReport };
