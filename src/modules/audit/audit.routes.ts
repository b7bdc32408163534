import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Db } from '../../platform/db/db.ts';
import { pageOf } from '../../platform/http/pagination.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { accessReportCsv } from './access-report-csv.ts';
import { auditEventJson, toAuditEventJson } from './audit.api.ts';
import { reasonRequiredRolesOf, saveReasonRequiredRoles } from './audit.repository.ts';
import { AUDIT_ACTIONS } from './audit.schema.ts';
import { auditTrailPage, patientAccessReport } from './audit.service.ts';
import { canReadAudit } from './audit-permission.ts';
import { auditExport, patientEntity } from './audit-trail.ts';

const tags = ['audit'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
/** The roles a clinic may ask a reason of (those of the roles issue included: they arrive as strings). */
const READER_ROLES = ['admin', 'supervisor', 'agent', 'clinician', 'auditor', 'api'] as const;
const settingsJson = z.object({
  reason_required_roles: z
    .array(z.enum(READER_ROLES))
    .max(READER_ROLES.length)
    .describe('Roles that must say why (X-Access-Reason) before they open patient data; none by default'),
});

/** The audit trail: who read which patient's data. Administrators and auditors only. */
export function auditRoutes(deps: { db: Db; cipher: FieldCipher }): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    app.get(
      '/audit',
      {
        preHandler: requireAuditReader,
        schema: {
          tags,
          summary: 'The clinic’s audit trail (FHIR AuditEvent), newest first',
          querystring: z.object({
            user: z
              .uuid('must be a user id (UUID)')
              .optional()
              .describe('Only the reads of this member of staff'),
            patient: z
              .uuid('must be a contact id (UUID)')
              .optional()
              .describe('Only reads of this patient’s data'),
            action: z.enum(AUDIT_ACTIONS).optional().describe('R: read or export, E: search'),
            from: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).optional(),
            to: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
            cursor: z
              .string()
              .max(16)
              .regex(/^[1-9][0-9]{0,15}$/, 'must be the next_cursor of the previous page')
              .optional(),
          }),
          response: { 200: pageOf(auditEventJson), ...errors },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const q = request.query;
        const page = await auditTrailPage(
          deps,
          caller.orgId,
          {
            limit: q.limit,
            ...(q.user ? { userId: q.user } : {}),
            ...(q.patient ? { patientId: q.patient } : {}),
            ...(q.action ? { action: q.action } : {}),
            ...(q.from ? { from: new Date(q.from) } : {}),
            ...(q.to ? { to: new Date(q.to) } : {}),
            ...(q.cursor ? { beforeSeq: Number(q.cursor) } : {}),
          },
          // A search's words may name a patient: auditors see that a search happened, not what it was.
          { showQueries: caller.role === 'admin' },
        );
        return {
          data: page.data.map((e) => toAuditEventJson(e.row, e)),
          next_cursor: page.nextBeforeSeq === null ? null : String(page.nextBeforeSeq),
        };
      },
    );

    app.get(
      '/audit/patients/:contactId/access-report.csv',
      {
        preHandler: requireAuditReader,
        schema: {
          tags,
          summary: 'A patient’s “who has seen my file” report, as CSV',
          description:
            'When, who (name), role, what, from which address, and the reason given; newest first. ' +
            'Exporting it is itself recorded in the audit trail.',
          params: z.object({ contactId: z.uuid('must be a contact id (UUID)') }),
          produces: ['text/csv'],
          response: { 200: z.string(), ...errors },
        },
      },
      async (request, reply) => {
        const { orgId } = callerOf(request);
        const { contactId } = request.params;
        const csv = accessReportCsv(await patientAccessReport(db, orgId, contactId));
        await auditExport(request, 'access-report', [patientEntity(contactId)]);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="access-report-${contactId}.csv"`)
          .send(csv);
      },
    );

    app.get(
      '/audit/settings',
      {
        preHandler: requireAuditReader,
        schema: { tags, summary: 'The clinic’s audit rules', response: { 200: settingsJson, ...errors } },
      },
      async (request) => ({
        reason_required_roles: (await reasonRequiredRolesOf(db, callerOf(request).orgId)).filter(
          isReaderRole,
        ),
      }),
    );

    app.put(
      '/audit/settings',
      {
        preHandler: requireAdmin,
        schema: {
          tags,
          summary: 'Choose the roles that must give a reason to open patient data',
          body: settingsJson,
          response: { 200: settingsJson, ...errors },
        },
      },
      async (request) => {
        const roles = [...new Set(request.body.reason_required_roles)];
        await saveReasonRequiredRoles(db, callerOf(request).orgId, roles);
        return { reason_required_roles: roles };
      },
    );
  };
}

function isReaderRole(role: string): role is (typeof READER_ROLES)[number] {
  return (READER_ROLES as readonly string[]).includes(role);
}

async function requireAuditReader(request: FastifyRequest): Promise<void> {
  if (!canReadAudit(callerOf(request).role)) {
    throw new HttpProblem(403, 'Only a clinic administrator or auditor can read the audit trail');
  }
}

async function requireAdmin(request: FastifyRequest): Promise<void> {
  if (callerOf(request).role !== 'admin') {
    throw new HttpProblem(403, 'Only a clinic administrator can change the audit rules');
  }
}
