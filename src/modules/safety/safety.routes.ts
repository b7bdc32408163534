import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import type { ChannelType } from '../channel-accounts/channel-account.schema.ts';
import { automationOf } from '../flows/automation-control.service.ts';
import { emergencyNumbersSchema } from '../flows/red-flags/emergency-advice.ts';
import { RED_FLAG_CATEGORIES } from '../flows/red-flags/red-flag-category.ts';
import { conversationErrors, conversationParams, found } from '../inbox/conversation-http.ts';
import { conversationJson, toConversationJson } from '../inbox/inbox.api.ts';
import { getConversation } from '../inbox/inbox.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { Org } from '../orgs/org.schema.ts';
import { findOrgByRef, updateOrgSafety } from '../orgs/org.service.ts';
import { type ChannelSender, windowPolicyOfSenders } from '../outbox/channel-sender.ts';
import { latestOpenRedFlags } from './conversation-red-flags.ts';
import { listRedFlagEvents } from './red-flag-event.repository.ts';
import { RED_FLAG_HANDLERS } from './red-flag-event.schema.ts';
import { redFlagReport } from './red-flag-report.service.ts';
import { openRedFlagWords } from './red-flag-words.ts';
import { acknowledgeUrgentConversation } from './urgent-acknowledgement.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const DAY_MS = 86_400_000;

const periodQuery = {
  from: z.iso
    .datetime({ offset: true, error: 'must be an ISO date-time, e.g. 2026-12-01T00:00:00Z' })
    .optional()
    .describe('Start of the period (default: 30 days before `to`)'),
  to: z.iso
    .datetime({ offset: true, error: 'must be an ISO date-time, e.g. 2026-12-31T00:00:00Z' })
    .optional()
    .describe('End of the period, excluded (default: now)'),
};

const redFlagJson = z
  .object({
    id: z.uuid(),
    conversation_id: z.uuid(),
    contact_id: z.uuid(),
    message_id: z.uuid(),
    category: z.enum(RED_FLAG_CATEGORIES),
    categories: z.array(z.string()).describe('Every sign the message raised, most urgent first'),
    words: z.string().describe("The patient's words that raised it"),
    raised_at: z.iso.datetime(),
    handled_by: z
      .enum(RED_FLAG_HANDLERS)
      .nullable()
      .describe('Who had the conversation: automation, or a person of the team (null: not answered yet)'),
    advice_message_id: z.uuid().nullable().describe('The emergency advice sent to the patient'),
    advice_skipped_reason: z
      .string()
      .nullable()
      .describe('Why no advice was sent: clinic_setting, already_sent (recently, same sign), refused'),
    acknowledged_at: z.iso.datetime().nullable(),
    acknowledged_by_user_id: z.uuid().nullable(),
    seconds_to_acknowledgement: z.number().nullable(),
  })
  .meta({ id: 'RedFlag' });

const figuresJson = z.object({
  category: z.string(),
  count: z.number().int(),
  acknowledged: z.number().int(),
  p50_seconds_to_acknowledgement: z.number().nullable(),
  p90_seconds_to_acknowledgement: z.number().nullable(),
});

const safetySettingsJson = z
  .object({
    emergency_numbers: emergencyNumbersSchema,
    advise_when_staff_handles: z
      .boolean()
      .describe(
        'When a person handles the conversation, the patient still gets the emergency advice at once (default true)',
      ),
  })
  .meta({ id: 'SafetySettings' });

/** The safety net's routes: acknowledging an alert, the red-flag record and report, the clinic's settings. */
export function safetyRoutes(deps: {
  db: Db;
  clock: Clock;
  keyring: Keyring;
  senders: Partial<Record<ChannelType, ChannelSender>>;
}): FastifyPluginAsyncZod {
  const { db } = deps;
  const windowPolicyOf = windowPolicyOfSenders(deps.senders);
  return async (app) => {
    app.post(
      '/conversations/:id/acknowledge-urgent',
      {
        config: { access: 'conversations.write' },
        schema: {
          tags: ['conversations'],
          summary: "Acknowledge a conversation's red-flag alert: it stays urgent but is no longer pinned",
          params: conversationParams,
          response: { 200: conversationJson, ...conversationErrors },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const input = {
          orgId: caller.orgId,
          conversationId: request.params.id,
          userId: caller.userId,
          apiKeyId: caller.apiKeyId,
        };
        const now = deps.clock.now();
        await found(acknowledgeUrgentConversation(db, deps.keyring, input, now));
        return toConversationJson(
          await found(
            getConversation(db, caller.orgId, request.params.id, {
              now,
              keyring: deps.keyring,
              windowPolicyOf,
              redFlagsOf: latestOpenRedFlags,
              automationOf,
            }),
          ),
        );
      },
    );

    app.get(
      '/red-flags',
      {
        config: { access: 'conversations.read' },
        schema: {
          tags: ['safety'],
          summary: 'Red flags raised by patients in a period, newest first',
          querystring: z.object({
            ...periodQuery,
            category: z.enum(RED_FLAG_CATEGORIES).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
          response: { 200: z.object({ data: z.array(redFlagJson) }), ...errors },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const period = periodOf(request.query, deps.clock.now());
        const rows = await openRedFlagWords(
          db,
          deps.keyring,
          orgId,
          await listRedFlagEvents(db, orgId, {
            ...period,
            limit: request.query.limit,
            ...(request.query.category ? { category: request.query.category } : {}),
          }),
        );
        return {
          data: rows.map((r) => ({
            id: r.id,
            conversation_id: r.conversationId,
            contact_id: r.contactId,
            message_id: r.messageId,
            category: RED_FLAG_CATEGORIES.find((c) => c === r.category) ?? 'chest_pain',
            categories: r.categories,
            words: r.words,
            raised_at: r.raisedAt.toISOString(),
            handled_by: r.handledBy,
            advice_message_id: r.adviceMessageId,
            advice_skipped_reason: r.adviceSkippedReason,
            acknowledged_at: r.acknowledgedAt?.toISOString() ?? null,
            acknowledged_by_user_id: r.acknowledgedByUserId,
            seconds_to_acknowledgement: r.acknowledgedAt
              ? (r.acknowledgedAt.getTime() - r.raisedAt.getTime()) / 1000
              : null,
          })),
        };
      },
    );

    app.get(
      '/red-flags/report',
      {
        config: { access: 'reports.read' },
        schema: {
          tags: ['safety'],
          summary: 'Red flags per category and the time a person took to acknowledge them (p50, p90)',
          querystring: z.object(periodQuery),
          response: {
            200: z
              .object({
                from: z.iso.datetime(),
                to: z.iso.datetime(),
                total: figuresJson,
                categories: z.array(figuresJson),
              })
              .meta({ id: 'RedFlagReport' }),
            ...errors,
          },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const report = await redFlagReport(db, orgId, periodOf(request.query, deps.clock.now()));
        const json = (f: (typeof report.categories)[number]) => ({
          category: f.category,
          count: f.count,
          acknowledged: f.acknowledged,
          p50_seconds_to_acknowledgement: f.p50Seconds,
          p90_seconds_to_acknowledgement: f.p90Seconds,
        });
        return {
          from: report.from.toISOString(),
          to: report.to.toISOString(),
          total: json(report.total),
          categories: report.categories.map(json),
        };
      },
    );

    app.get(
      '/safety-settings',
      {
        config: { access: 'clinic.read' },
        schema: {
          tags: ['safety'],
          summary: "The clinic's emergency numbers and red-flag advice setting",
          response: { 200: safetySettingsJson, ...errors },
        },
      },
      async (request) => settingsJson(await orgOf(db, callerOf(request).orgId)),
    );

    app.put(
      '/safety-settings',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['safety'],
          summary: "Change the clinic's emergency numbers and red-flag advice setting (administrators)",
          body: safetySettingsJson,
          response: { 200: safetySettingsJson, ...errors },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const org = await updateOrgSafety(db, orgId, {
          emergencyNumbers: request.body.emergency_numbers,
          adviseWhenStaffHandles: request.body.advise_when_staff_handles,
        });
        if (!org) throw HttpProblem.notFound('Clinic');
        return settingsJson(org);
      },
    );
  };
}

function periodOf(query: { from?: string | undefined; to?: string | undefined }, now: Date) {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY_MS);
  if (from >= to) throw HttpProblem.badField('query.from', 'must be before `to`');
  return { from, to };
}

async function orgOf(db: Db, orgId: string): Promise<Org> {
  const org = await findOrgByRef(db, orgId);
  if (!org) throw HttpProblem.notFound('Clinic');
  return org;
}

function settingsJson(org: Org): z.infer<typeof safetySettingsJson> {
  const { emergency, european, suicide } = org.emergencyNumbers;
  return {
    emergency_numbers: {
      emergency,
      ...(european ? { european } : {}),
      ...(suicide ? { suicide } : {}),
    },
    advise_when_staff_handles: org.adviseWhenStaffHandles,
  };
}
