import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Db } from '../../platform/db/db.ts';
import { HttpProblem } from '../../platform/http/problem.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { accessReasonOf } from './access-reason.ts';
import { appendAuditEvent } from './audit.repository.ts';
import type { AuditAction } from './audit.schema.ts';
import type { ChangeActor } from './change-actor.ts';

/** Where the reads of a scope are recorded, and with which key a search's words are sealed. */
export interface AuditTrail {
  db: Db;
  cipher: FieldCipher;
  clock: Clock;
}

declare module 'fastify' {
  interface FastifyRequest {
    auditTrail?: AuditTrail;
  }
}

/** What a request read: a resource, and the patient it belongs to when there is one. */
export interface AuditedEntity {
  type: string;
  id: string;
  patient: string | null | undefined;
}

/** Every route `scope` registers records its reads in `trail` (auditRead and friends find it here). */
export function recordReadsIn(scope: FastifyInstance, trail: AuditTrail): void {
  scope.addHook('onRequest', async (request) => {
    request.auditTrail = trail;
  });
}

/** Records that the caller read these resources. Call it after the read, before answering. */
export function auditRead(request: FastifyRequest, ...entities: AuditedEntity[]): Promise<void> {
  return audit(request, { type: 'rest', subtype: 'read', action: 'R', entities });
}

/** Records a search: its words (sealed) and the patients found, as one record. */
export function auditSearch(
  request: FastifyRequest,
  query: string,
  entities: AuditedEntity[],
): Promise<void> {
  return audit(request, { type: 'rest', subtype: 'search', action: 'E', entities, query });
}

/** Records an export of patient data (a report, a file leaving Careline). */
export function auditExport(
  request: FastifyRequest,
  subtype: string,
  entities: AuditedEntity[],
): Promise<void> {
  return audit(request, { type: 'export', subtype, action: 'R', entities });
}

/** A patient, as an entity. */
export function patientEntity(contactId: string): AuditedEntity {
  return { type: 'Patient', id: contactId, patient: contactId };
}

/**
 * Writes the record, or refuses the read: 428 when the clinic requires a reason of the caller's role
 * and none was given, 503 when the record could not be written (no read goes unrecorded; the cause is
 * logged, never answered).
 */
async function audit(
  request: FastifyRequest,
  access: {
    type: string;
    subtype: string;
    action: AuditAction;
    entities: AuditedEntity[];
    query?: string;
  },
): Promise<void> {
  const trail = request.auditTrail;
  if (!trail) throw new Error('audit: this route is not inside a scope that records reads');
  const caller = callerOf(request);
  const reason = accessReasonOf(request);
  const patientIds = [...new Set(access.entities.flatMap((e) => (e.patient ? [e.patient] : [])))];
  let appended: number | null;
  try {
    appended = await appendAuditEvent(trail.db, {
      orgId: caller.orgId,
      recorded: trail.clock.now(),
      type: access.type,
      subtype: access.subtype,
      action: access.action,
      outcome: '0',
      agentUserId: caller.userId,
      agentApiKeyId: caller.apiKeyId,
      agentRole: caller.role,
      agentNetwork: request.ip,
      entity: access.entities.map((e) => ({ type: e.type, id: e.id })),
      patientIds,
      purposeOfUse: reason,
      querySealed:
        access.query === undefined
          ? null
          : trail.cipher
              .encrypt(Buffer.from(access.query, 'utf8'), sealContext(caller.orgId))
              .toString('base64'),
    });
  } catch (error) {
    request.log.error({ err: error }, 'audit record not written: the read is refused');
    throw new HttpProblem(
      503,
      'This could not be recorded in the access log, so it is not shown. Try again.',
    );
  }
  if (appended === null) {
    throw new HttpProblem(
      428,
      'Your role must give a reason to open patient data in this clinic: send it in the X-Access-Reason header',
    );
  }
}

/** A sealed query opens only as a query of its clinic's audit trail. */
export function sealContext(orgId: string): string {
  return `audit_events:${orgId}`;
}

/** The clinic and the person (or API key) making a change through the API, for {@link recordChange}. */
export function changeCallerOf(request: FastifyRequest): { orgId: string; actor: ChangeActor } {
  const caller = callerOf(request);
  return {
    orgId: caller.orgId,
    actor: {
      via: 'rest',
      userId: caller.userId,
      apiKeyId: caller.apiKeyId,
      role: caller.role,
      network: request.ip,
      reason: accessReasonOf(request),
    },
  };
}
