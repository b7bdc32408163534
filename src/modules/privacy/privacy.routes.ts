import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { auditExport, patientEntity } from '../audit/audit-trail.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { orgRetention, retentionMonths, setOrgRetention } from '../orgs/org-retention.service.ts';
import type { ApiCaller } from '../users/caller.ts';
import type { Erasure } from './erasure.schema.ts';
import {
  type ErasureDeps,
  ErasureNotConfirmedError,
  erasePatient,
  listClinicErasures,
  PatientNotFoundError,
} from './erasure.service.ts';
import { exportPatient } from './patient-export.service.ts';
import { applyRetentionSoon } from './retention.job.ts';

export interface PrivacyRouteDeps extends ErasureDeps {
  db: Db;
  clock: Clock;
  wake: () => void;
}

const contactParams = z.object({ id: z.uuid('must be a contact id (UUID)') });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

const eraseBody = z.object({
  confirm: z
    .string({ error: 'type the patient’s name (or their number when they have no name)' })
    .min(1, 'type the patient’s name (or their number when they have no name)')
    .max(300),
});

const erasureJson = z
  .object({
    reference: z.string().describe('A random reference to quote; it says nothing of who was erased'),
    erased_at: z.iso.datetime(),
    erased_by: z
      .object({ user_id: z.uuid().nullable(), api_key_id: z.uuid().nullable(), name: z.string().nullable() })
      .describe('Who erased: a member of staff or an API key'),
    removed: z.record(z.string(), z.number().int()).describe('How many rows or files of each kind went'),
  })
  .meta({ id: 'Erasure' });

const retentionJson = z
  .object({
    message_text_months: retentionMonths.describe(
      'Message text, captions and details older than this are erased daily; null keeps them',
    ),
    file_months: retentionMonths.describe('Files older than this are erased daily; null keeps them'),
    last_run: z
      .object({ at: z.iso.datetime(), texts: z.number().int(), files: z.number().int() })
      .nullable()
      .describe('When the policy was last applied and what it erased then'),
  })
  .meta({ id: 'RetentionPolicy' });

/** Patients' rights (export, erasure) and the clinic's retention policy: administrators and API keys. */
export function privacyRoutes(deps: PrivacyRouteDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    app.get(
      '/contacts/:id/export',
      {
        config: { access: 'privacy.manage' },
        schema: {
          tags: ['privacy'],
          summary: 'Export everything Careline holds of one patient, as a zip (administrators)',
          description:
            'patient.json (profile, identities, custom fields, tags, consents, appointments, conversations ' +
            'with every message and staff note) and the patient’s files, decrypted, under files/. Streamed.',
          params: contactParams,
        },
      },
      async (request, reply) => {
        const { orgId } = callerOf(request);
        const archive = await exportPatient(db, deps, { orgId, contactId: request.params.id });
        if (!archive) throw HttpProblem.notFound('Contact');
        await auditExport(request, 'patient-export', [patientEntity(request.params.id)]);
        return reply
          .type('application/zip')
          .header('content-disposition', `attachment; filename="${archive.fileName}"`)
          .header('cache-control', 'private, no-store')
          .header('x-content-type-options', 'nosniff')
          .send(archive.stream);
      },
    );

    const erase = async (caller: ApiCaller, contactId: string, confirm: string) => {
      const erasure = await erasePatient(db, deps, {
        orgId: caller.orgId,
        contactId,
        byUserId: caller.userId,
        byApiKeyId: caller.apiKeyId,
        confirmation: confirm,
      }).catch((error: unknown) => {
        if (error instanceof PatientNotFoundError) throw HttpProblem.notFound('Contact');
        if (error instanceof ErasureNotConfirmedError) {
          throw HttpProblem.badField('body.confirm', 'is not the patient’s name: nothing was erased');
        }
        throw error;
      });
      return toErasureJson(erasure, null);
    };
    const eraseSchema = {
      tags: ['privacy'],
      params: contactParams,
      body: eraseBody,
      response: { 200: erasureJson, ...errors },
    };
    const eraseDescription =
      'Removes every row of the patient (messages, notes, conversations, files and their bytes, ' +
      'appointments and reminders, consents, identities, fields, automation sessions, red flags, pending ' +
      'sends and jobs, journaled deliveries naming them) in one transaction. `confirm` must be the ' +
      'patient’s name as shown (or their number when they have no name). Leaves an erasure record: who, ' +
      'when, a reference — not who was erased.';
    app.post(
      '/contacts/:id/erase',
      {
        config: { access: 'privacy.manage' },
        schema: {
          ...eraseSchema,
          summary: 'Erase a patient (administrators)',
          description: eraseDescription,
        },
      },
      async (request) => erase(callerOf(request), request.params.id, request.body.confirm),
    );
    app.delete(
      '/contacts/:id',
      {
        config: { access: 'privacy.manage' },
        schema: {
          ...eraseSchema,
          summary: 'Erase a patient (administrators); same as POST /contacts/{id}/erase',
          description: eraseDescription,
        },
      },
      async (request) => erase(callerOf(request), request.params.id, request.body.confirm),
    );

    app.get(
      '/privacy/erasures',
      {
        config: { access: 'privacy.manage' },
        schema: {
          tags: ['privacy'],
          summary: 'The clinic’s erasures, newest first (administrators)',
          response: { 200: z.object({ data: z.array(erasureJson) }), 401: problemSchema, 403: problemSchema },
        },
      },
      async (request) => {
        const rows = await listClinicErasures(db, callerOf(request).orgId, 100);
        return { data: rows.map((row) => toErasureJson(row.erasure, row.by)) };
      },
    );

    app.get(
      '/privacy/retention',
      {
        config: { access: 'privacy.manage' },
        schema: {
          tags: ['privacy'],
          summary: 'The clinic’s retention policy and its last run (administrators)',
          response: { 200: retentionJson, 401: problemSchema, 403: problemSchema },
        },
      },
      async (request) => toRetentionJson(await found(orgRetention(db, callerOf(request).orgId))),
    );

    app.put(
      '/privacy/retention',
      {
        config: { access: 'privacy.manage' },
        schema: {
          tags: ['privacy'],
          summary: 'Set the clinic’s retention policy (administrators); applied now, then daily',
          description:
            'Months after which message text (with captions and details) and files are erased; null keeps ' +
            'them. Appointments are kept. Off (both null) by default.',
          body: z.object({ message_text_months: retentionMonths, file_months: retentionMonths }),
          response: { 200: retentionJson, ...errors },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const policy = await db.transaction(async (tx) => {
          const saved = await setOrgRetention(tx, orgId, {
            textMonths: request.body.message_text_months,
            fileMonths: request.body.file_months,
          });
          if (saved && (saved.textMonths !== null || saved.fileMonths !== null)) {
            await applyRetentionSoon(tx, orgId, deps.clock.now());
          }
          return saved;
        });
        deps.wake();
        return toRetentionJson(await found(Promise.resolve(policy)));
      },
    );
  };
}

async function found<T>(value: Promise<T | undefined>): Promise<T> {
  const result = await value;
  if (result === undefined) throw HttpProblem.notFound('Clinic');
  return result;
}

function toErasureJson(e: Erasure, name: string | null): z.infer<typeof erasureJson> {
  return {
    reference: e.reference,
    erased_at: e.erasedAt.toISOString(),
    erased_by: { user_id: e.erasedByUserId, api_key_id: e.erasedByApiKeyId, name },
    removed: e.removed,
  };
}

function toRetentionJson(policy: {
  textMonths: number | null;
  fileMonths: number | null;
  lastRun: { at: string; texts: number; files: number } | null;
}): z.infer<typeof retentionJson> {
  return { message_text_months: policy.textMonths, file_months: policy.fileMonths, last_run: policy.lastRun };
}
