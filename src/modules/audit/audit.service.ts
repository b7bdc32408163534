import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { DbOrTx } from '../../platform/db/db.ts';
import { findStaffByIds } from '../users/user.service.ts';
import type { AccessReportLine } from './access-report-csv.ts';
import { type AuditQuery, appendAuditEvent, findAuditEvents } from './audit.repository.ts';
import type { AuditEventRow } from './audit.schema.ts';
import { sealContext } from './audit-trail.ts';
import type { ChangeActor } from './change-actor.ts';

export interface AuditPage {
  data: Array<{ row: AuditEventRow; agentName: string | null; query: string | null }>;
  nextBeforeSeq: number | null;
}

/** A page of the clinic's audit trail, newest first, with the readers' names; queries for admins only. */
export async function auditTrailPage(
  deps: { db: DbOrTx; cipher: FieldCipher },
  orgId: string,
  query: AuditQuery,
  options: { showQueries: boolean },
): Promise<AuditPage> {
  const rows = await findAuditEvents(deps.db, orgId, { ...query, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const names = await staffNames(deps.db, orgId, page);
  return {
    data: page.map((row) => ({
      row,
      agentName: row.agentUserId ? (names.get(row.agentUserId) ?? null) : null,
      query:
        options.showQueries && row.querySealed
          ? deps.cipher.decryptText(row.querySealed, sealContext(orgId))
          : null,
    })),
    nextBeforeSeq: rows.length > query.limit ? (page.at(-1)?.seq ?? null) : null,
  };
}

const REPORT_BATCH = 1000;

/** Everyone who read a patient's data, newest first: when, who, role, what, from where, why. */
export async function patientAccessReport(
  db: DbOrTx,
  orgId: string,
  patientId: string,
): Promise<AccessReportLine[]> {
  const lines: AccessReportLine[] = [];
  let beforeSeq: number | undefined;
  for (;;) {
    const rows = await findAuditEvents(db, orgId, {
      patientId,
      limit: REPORT_BATCH,
      ...(beforeSeq !== undefined ? { beforeSeq } : {}),
    });
    const names = await staffNames(db, orgId, rows);
    for (const row of rows) {
      lines.push({
        when: row.recorded.toISOString(),
        who: row.agentUserId
          ? (names.get(row.agentUserId) ?? row.agentUserId)
          : `API key ${row.agentApiKeyId ?? ''}`.trim(),
        role: row.agentRole,
        what: `${row.subtype}: ${describeEntities(row, patientId)}`,
        fromWhere: row.agentNetwork,
        reason: row.purposeOfUse ?? '',
      });
    }
    if (rows.length < REPORT_BATCH) return lines;
    beforeSeq = rows.at(-1)?.seq;
  }
}

function describeEntities(row: AuditEventRow, patientId: string): string {
  const own = row.entity.filter((e) => e.type !== 'Patient' || e.id === patientId);
  const others = row.entity.length - own.length;
  const described = own.map((e) => (e.type === 'Patient' ? 'patient profile' : `${e.type} ${e.id}`));
  if (others > 0) described.push(`${others} other patient${others > 1 ? 's' : ''}`);
  return described.join('; ') || 'patient data';
}

async function staffNames(db: DbOrTx, orgId: string, rows: AuditEventRow[]): Promise<Map<string, string>> {
  const staff = await findStaffByIds(
    db,
    orgId,
    rows.flatMap((r) => (r.agentUserId ? [r.agentUserId] : [])),
  );
  return new Map(staff.map((s) => [s.id, s.name ?? s.email]));
}

/**
 * Records a change to the clinic's set-up (a channel added, renamed, its secrets replaced, removed) in
 * the same hash-chained trail as reads, in the caller's transaction: the change and its record commit
 * together or not at all. False, and nothing written, when the clinic requires a reason of this role
 * (audit settings) and none was given: the caller must then not change anything.
 */
export async function recordChange(
  db: DbOrTx,
  change: {
    orgId: string;
    recorded: Date;
    actor: ChangeActor;
    subtype: string;
    action: 'C' | 'U' | 'D';
    entity: { type: string; id: string };
    /** The patients the change is about (a merge names both records). */
    patientIds?: string[];
  },
): Promise<boolean> {
  const { actor } = change;
  const seq = await appendAuditEvent(db, {
    orgId: change.orgId,
    recorded: change.recorded,
    type: actor.via,
    subtype: change.subtype,
    action: change.action,
    outcome: '0',
    agentUserId: actor.userId,
    agentApiKeyId: actor.apiKeyId,
    agentRole: actor.role,
    agentNetwork: actor.network,
    entity: [change.entity],
    patientIds: change.patientIds ?? [],
    purposeOfUse: actor.reason,
    querySealed: null,
  });
  return seq !== null;
}
