import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import {
  FhirConnectionError,
  type FhirConnectionView,
  fhirConnectionView,
  KEY_ALGORITHMS,
  rotateFhirKey,
  saveFhirConnection,
} from './fhir-connection.service.ts';
import { queueFhirImport, startFhirImportSchedule } from './fhir-sync.queues.ts';
import { findConnection, readLog } from './fhir-sync.repository.ts';
import {
  FHIR_AUTH_KINDS,
  FHIR_SYNC_DIRECTIONS,
  FHIR_SYNC_OUTCOMES,
  type FhirSyncLogRow,
} from './fhir-sync.schema.ts';
import type { FhirSyncDeps } from './fhir-sync-deps.ts';

const webUrl = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (
        (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === ''
      );
    } catch {
      return false;
    }
  }, 'must be an http(s) URL without credentials');

const jwkJson = z.record(z.string(), z.unknown());

const connectionJson = z
  .object({
    base_url: z.string().describe('The FHIR R4 base URL of the clinic’s EHR'),
    auth_kind: z.enum(FHIR_AUTH_KINDS),
    client_id: z.string().nullable(),
    scope: z.string(),
    enabled: z.boolean(),
    import_interval_minutes: z.number().int(),
    has_bearer_token: z.boolean().describe('A bearer token is stored (it is never shown again)'),
    jwks: z
      .object({ keys: z.array(jwkJson) })
      .describe('The public key(s) to register in the EHR for SMART Backend Services (private_key_jwt)'),
    updated_at: z.string(),
  })
  .meta({ id: 'FhirConnection' });

const connectionInput = z.object({
  base_url: webUrl,
  auth_kind: z.enum(FHIR_AUTH_KINDS),
  bearer_token: z.string().min(1).max(4000).optional().describe('Kept as it is when left out'),
  client_id: z.string().min(1).max(300).nullable().optional(),
  scope: z.string().min(1).max(1000).nullable().optional(),
  enabled: z.boolean(),
  import_interval_minutes: z.number().int().min(5).max(10_080).default(60),
});

const logEntryJson = z
  .object({
    id: z.number().int(),
    run_id: z.string().nullable(),
    direction: z.enum(FHIR_SYNC_DIRECTIONS),
    resource_type: z.string(),
    local_id: z.string().nullable(),
    remote_id: z.string().nullable(),
    outcome: z.enum(FHIR_SYNC_OUTCOMES),
    http_status: z.number().int().nullable(),
    message: z.string().nullable(),
    created_at: z.string(),
  })
  .meta({ id: 'FhirSyncLogEntry' });

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const tags = ['fhir-sync'];

/** The clinic's EHR synchronisation: settings, runs and the log, for administrators. */
export function fhirSyncRoutes(deps: FhirSyncDeps): FastifyPluginAsyncZod {
  const { db, keyring } = deps;
  return async (app) => {
    app.get(
      '/fhir-sync/connection',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags,
          summary: 'The clinic’s EHR (FHIR server) and how Careline signs in there',
          response: { 200: connectionJson, ...errors },
        },
      },
      async (request) => {
        const view = await fhirConnectionView(db, keyring, callerOf(request).orgId);
        if (!view) throw HttpProblem.notFound('EHR connection');
        return connectionToJson(view);
      },
    );

    app.put(
      '/fhir-sync/connection',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags,
          summary: 'Set the clinic’s EHR: FHIR base URL, bearer token or SMART Backend Services, schedule',
          description:
            'With `smart`, a key pair is made on first save: register `jwks` in the EHR for `client_id`. ' +
            'When enabled, imports run every `import_interval_minutes` and appointment changes are written back.',
          body: connectionInput,
          response: { 200: connectionJson, ...errors },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const body = request.body;
        const now = deps.clock.now();
        try {
          const view = await db.transaction(async (tx) => {
            const saved = await saveFhirConnection(
              tx,
              keyring,
              orgId,
              {
                baseUrl: body.base_url,
                authKind: body.auth_kind,
                ...(body.bearer_token !== undefined ? { bearerToken: body.bearer_token } : {}),
                clientId: body.client_id ?? null,
                scope: body.scope ?? null,
                enabled: body.enabled,
                importIntervalMinutes: body.import_interval_minutes,
              },
              now,
            );
            if (saved.enabled) await startFhirImportSchedule(tx, orgId, saved.updatedAt);
            return saved;
          });
          deps.wake();
          return connectionToJson(view);
        } catch (error) {
          if (error instanceof FhirConnectionError) throw HttpProblem.badField(error.field, error.message);
          throw error;
        }
      },
    );

    app.post(
      '/fhir-sync/connection/key',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags,
          summary: 'Make a new SMART key pair (the EHR must be given the new public key)',
          body: z.object({ algorithm: z.enum(KEY_ALGORITHMS).default('ES384') }),
          response: { 200: connectionJson, ...errors },
        },
      },
      async (request) => {
        const view = await rotateFhirKey(
          db,
          keyring,
          callerOf(request).orgId,
          request.body.algorithm,
          deps.clock.now(),
        );
        if (!view) throw HttpProblem.notFound('EHR connection');
        return connectionToJson(view);
      },
    );

    app.post(
      '/fhir-sync/runs',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags,
          summary: 'Import from the EHR now (patients, practitioners, appointments)',
          response: { 202: z.object({ run_id: z.string() }), ...errors, 409: problemSchema },
        },
      },
      async (request, reply) => {
        const { orgId } = callerOf(request);
        if (!(await findConnection(db, orgId))) throw new HttpProblem(409, 'Set up the EHR connection first');
        const runId = await queueFhirImport(db, orgId, deps.clock.now());
        deps.wake();
        return reply.code(202).send({ run_id: runId });
      },
    );

    app.get(
      '/fhir-sync/log',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags,
          summary: 'What the synchronisation did, newest first (no patient data)',
          querystring: z.object({
            before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: {
            200: z.object({ data: z.array(logEntryJson), next_before: z.number().int().nullable() }),
            ...errors,
          },
        },
      },
      async (request) => {
        const { before, limit } = request.query;
        const rows = await readLog(db, callerOf(request).orgId, { ...(before ? { before } : {}), limit });
        const last = rows.at(-1);
        return { data: rows.map(logToJson), next_before: rows.length === limit && last ? last.id : null };
      },
    );
  };
}

function connectionToJson(view: FhirConnectionView): z.infer<typeof connectionJson> {
  return {
    base_url: view.baseUrl,
    auth_kind: view.authKind,
    client_id: view.clientId,
    scope: view.scope,
    enabled: view.enabled,
    import_interval_minutes: view.importIntervalMinutes,
    has_bearer_token: view.hasBearerToken,
    jwks: { keys: view.jwks.keys.map((k) => ({ ...k })) },
    updated_at: view.updatedAt.toISOString(),
  };
}

function logToJson(row: FhirSyncLogRow): z.infer<typeof logEntryJson> {
  return {
    id: row.id,
    run_id: row.runId,
    direction: row.direction,
    resource_type: row.resourceType,
    local_id: row.localId,
    remote_id: row.remoteId,
    outcome: row.outcome,
    http_status: row.httpStatus,
    message: row.message,
    created_at: row.createdAt.toISOString(),
  };
}
