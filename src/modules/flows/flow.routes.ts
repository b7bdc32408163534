import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { type FlowLanguage, inLanguage, type Localised } from './engine/index.ts';
import { csatSummary } from './flow.repository.ts';
import type { FlowVersion } from './flow.schema.ts';
import {
  changeFlowSettings,
  createFlow,
  DuplicateFlowKeyError,
  FlowNotFoundError,
  FlowValidationError,
  type FlowWithDefinition,
  getFlow,
  listFlows,
  publishFlowVersion,
} from './flow.service.ts';
import { flowTriggerSchema } from './flow-trigger.schema.ts';

const flowKey = z
  .string()
  .max(64, { error: 'must be lower-case letters, digits, _ or - (at most 64)', abort: true })
  .regex(/^[a-z0-9_-]{1,64}$/, 'must be lower-case letters, digits, _ or - (at most 64)');
const keyParams = z.object({ key: flowKey });
/** Checked in depth by the flow engine (`validateFlow`), which reports each problem with its path. */
const definitionBody = z.record(z.string().max(64), z.unknown());
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

export const flowJson = z
  .object({
    key: z.string(),
    name: z.object({ fr: z.string(), en: z.string() }),
    description: z.object({ fr: z.string(), en: z.string() }).nullable(),
    enabled: z.boolean(),
    triggers: z.array(flowTriggerSchema),
    priority: z.int().describe('Lower wins when several flows’ triggers match'),
    once_per_contact: z.boolean(),
    version: z.int().describe('The version new sessions start on'),
    built_in: z.string().nullable().describe('The built-in flow it was installed from'),
    definition: z.record(z.string(), z.unknown()).describe('The steps, as the flow engine runs them'),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: 'Flow' });

const settingsBody = {
  triggers: z.array(flowTriggerSchema).max(20).optional(),
  priority: z.int().min(0).max(10_000).optional(),
  once_per_contact: z.boolean().optional(),
  enabled: z.boolean().optional(),
};

/** Automation: the clinic's flows, their versions, and what patients thought (CSAT). */
export function flowRoutes(db: Db, clock: Clock): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/flows',
      {
        config: { access: 'clinic.read' },
        schema: {
          tags: ['flows'],
          summary: 'The clinic’s automation flows, with their current steps',
          response: { 200: z.object({ data: z.array(flowJson) }), 401: problemSchema },
        },
      },
      async (request) => ({ data: (await listFlows(db, callerOf(request).orgId)).map(toFlowJson) }),
    );

    app.get(
      '/flows/:key',
      {
        config: { access: 'clinic.read' },
        schema: {
          tags: ['flows'],
          summary: 'One flow, with the list of its versions',
          params: keyParams,
          response: {
            200: flowJson
              .extend({
                versions: z.array(
                  z.object({
                    version: z.int(),
                    created_at: z.iso.datetime(),
                    created_by: z.uuid().nullable(),
                  }),
                ),
              })
              .meta({ id: 'FlowDetails' }),
            ...errors,
          },
        },
      },
      async (request) => {
        const found = await known(getFlow(db, callerOf(request).orgId, request.params.key));
        return { ...toFlowJson(found), versions: found.versions.map(toVersionJson) };
      },
    );

    app.post(
      '/flows',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['flows'],
          summary: 'Create a flow (administrators)',
          description:
            'The definition is checked by the flow engine; each problem is reported with its path, e.g. ' +
            '`body.definition.steps.ask_age.maxAttempts`.',
          body: z.object({ key: flowKey, definition: definitionBody, ...settingsBody }),
          response: { 201: flowJson, 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const { key, definition, triggers, priority, once_per_contact, enabled } = request.body;
        const created = await known(
          createFlow(
            db,
            caller.orgId,
            {
              key,
              definition,
              triggers: triggers ?? [],
              ...(priority !== undefined ? { priority } : {}),
              ...(once_per_contact !== undefined ? { oncePerContact: once_per_contact } : {}),
              ...(enabled !== undefined ? { enabled } : {}),
            },
            caller.userId,
          ),
        );
        return reply.code(201).send(toFlowJson(created));
      },
    );

    app.put(
      '/flows/:key/definition',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['flows'],
          summary: 'Publish a new version of a flow’s steps (administrators)',
          description: 'Sessions already running stay on their version; new ones start on this one.',
          params: keyParams,
          body: z.object({ definition: definitionBody }),
          response: { 200: flowJson, ...errors },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        return toFlowJson(
          await known(
            publishFlowVersion(
              db,
              caller.orgId,
              request.params.key,
              request.body.definition,
              caller.userId,
              clock.now(),
            ),
          ),
        );
      },
    );

    app.patch(
      '/flows/:key',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['flows'],
          summary: 'Turn a flow on or off, change its triggers or priority (administrators)',
          params: keyParams,
          body: z.object(settingsBody),
          response: { 200: flowJson, ...errors },
        },
      },
      async (request) => {
        const { triggers, priority, once_per_contact, enabled } = request.body;
        return toFlowJson(
          await known(
            changeFlowSettings(
              db,
              callerOf(request).orgId,
              request.params.key,
              {
                ...(triggers !== undefined ? { triggers } : {}),
                ...(priority !== undefined ? { priority } : {}),
                ...(once_per_contact !== undefined ? { oncePerContact: once_per_contact } : {}),
                ...(enabled !== undefined ? { enabled } : {}),
              },
              clock.now(),
            ),
          ),
        );
      },
    );

    app.get(
      '/csat',
      {
        config: { access: 'reports.read' },
        schema: {
          tags: ['flows'],
          summary: 'Patient satisfaction: number of answers, mean rating and distribution',
          querystring: z.object({
            from: z.iso.datetime({ offset: true }).optional(),
            to: z.iso.datetime({ offset: true }).optional(),
            team_id: z.uuid().optional(),
            assignee_user_id: z.uuid().optional(),
          }),
          response: {
            200: z
              .object({
                count: z.int(),
                average: z.number().nullable().describe('Mean rating, 1–5, rounded to two decimals'),
                distribution: z.record(z.string(), z.int()).describe('Answers per rating, "1" to "5"'),
              })
              .meta({ id: 'CsatSummary' }),
            ...errors,
          },
        },
      },
      async (request) => {
        const { from, to, team_id, assignee_user_id } = request.query;
        return csatSummary(db, callerOf(request).orgId, {
          ...(from ? { from: new Date(from) } : {}),
          ...(to ? { to: new Date(to) } : {}),
          ...(team_id ? { teamId: team_id } : {}),
          ...(assignee_user_id ? { assigneeUserId: assignee_user_id } : {}),
        });
      },
    );
  };
}

async function known<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof FlowNotFoundError) throw HttpProblem.notFound('Flow');
    if (error instanceof DuplicateFlowKeyError) {
      throw new HttpProblem(409, `body.key: the clinic already has a flow “${error.key}”`, [
        { field: 'body.key', message: 'is already the key of a flow' },
      ]);
    }
    if (error instanceof FlowValidationError) {
      const fields = error.issues.map((i) => ({
        field: i.path ? `body.definition.${i.path}` : 'body.definition',
        message: i.message,
      }));
      throw new HttpProblem(400, fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields);
    }
    throw error;
  }
}

function toFlowJson({ flow, definition }: FlowWithDefinition): z.infer<typeof flowJson> {
  return {
    key: flow.key,
    name: { fr: localised(definition.name, 'fr'), en: localised(definition.name, 'en') },
    description: definition.description
      ? { fr: localised(definition.description, 'fr'), en: localised(definition.description, 'en') }
      : null,
    enabled: flow.enabled,
    triggers: flow.triggers,
    priority: flow.priority,
    once_per_contact: flow.oncePerContact,
    version: flow.currentVersion,
    built_in: flow.builtIn,
    definition,
    updated_at: flow.updatedAt.toISOString(),
  };
}

function localised(text: Localised, language: FlowLanguage): string {
  return inLanguage(text, language);
}

function toVersionJson(version: FlowVersion) {
  return {
    version: version.version,
    created_at: version.createdAt.toISOString(),
    created_by: version.createdByUserId,
  };
}
