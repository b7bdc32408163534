import { and, asc, desc, eq, gt, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { rowsOf } from '../../platform/db/raw-rows.ts';
import {
  type AuditAction,
  type AuditEventRow,
  auditChainHeads,
  auditEvents,
  auditSettings,
} from './audit.schema.ts';
import { type AuditRecordContent, canonicalAuditRecord, GENESIS_HASH } from './audit-chain.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Appends one record to its clinic's chain in ONE statement: it takes the next seq and the previous
 * hash from the clinic's chain head (the head row's lock queues concurrent readers, so the chain never
 * forks), computes the new hash in SQL, and inserts the record. Nothing is written, and null comes back,
 * when the clinic requires a reason of this role and none was given.
 */
export async function appendAuditEvent(db: DbOrTx, record: AuditRecordContent): Promise<number | null> {
  const canonical = canonicalAuditRecord(record);
  const patients = uuidArrayLiteral(record.patientIds);
  const nextHash = (prev: SQL, seq: SQL) =>
    sql`encode(sha256(convert_to(${prev} || '|' || (${seq})::text || '|' || ${canonical}::text, 'UTF8')), 'hex')`;
  const result = await db.execute(sql`
    WITH allowed AS (
      SELECT ${record.purposeOfUse}::text IS NOT NULL OR NOT EXISTS (
        SELECT 1 FROM audit_settings s
        WHERE s.org_id = ${record.orgId}::uuid AND ${record.agentRole}::text = ANY (s.reason_required_roles)
      ) AS ok
    ), head AS (
      INSERT INTO audit_chain_heads AS h (org_id, seq, prev_hash, hash)
      SELECT ${record.orgId}::uuid, 1, ${GENESIS_HASH}::text, ${nextHash(sql`${GENESIS_HASH}::text`, sql`1`)}
      FROM allowed WHERE ok
      ON CONFLICT (org_id) DO UPDATE SET
        seq = h.seq + 1,
        prev_hash = h.hash,
        hash = ${nextHash(sql`h.hash`, sql`h.seq + 1`)}
      RETURNING seq, prev_hash, hash
    )
    INSERT INTO audit_events (org_id, seq, prev_hash, hash, recorded, type, subtype, action, outcome,
      agent_user_id, agent_api_key_id, agent_role, agent_network, entity, patient_ids, purpose_of_use,
      query_sealed)
    SELECT ${record.orgId}::uuid, head.seq, head.prev_hash, head.hash, ${record.recorded.toISOString()}::timestamptz,
      ${record.type}::text, ${record.subtype}::text, ${record.action}::text, ${record.outcome}::text,
      ${record.agentUserId}::uuid, ${record.agentApiKeyId}::uuid, ${record.agentRole}::text,
      ${record.agentNetwork}::text, ${JSON.stringify(record.entity)}::jsonb, ${patients}::uuid[],
      ${record.purposeOfUse}::text, ${record.querySealed}::text
    FROM head
    RETURNING seq`);
  const [row] = rowsOf(result) as Array<{ seq: number | string }>;
  return row ? Number(row.seq) : null;
}

export interface AuditQuery {
  userId?: string;
  patientId?: string;
  action?: AuditAction;
  from?: Date;
  to?: Date;
  /** Records older (lower seq) than this one: the next page. */
  beforeSeq?: number;
  limit: number;
}

/** A clinic's records, newest first. */
export async function findAuditEvents(
  db: DbOrTx,
  orgId: string,
  query: AuditQuery,
): Promise<AuditEventRow[]> {
  const where = [eq(auditEvents.orgId, orgId)];
  if (query.userId) where.push(eq(auditEvents.agentUserId, query.userId));
  if (query.patientId) where.push(sql`${auditEvents.patientIds} @> ARRAY[${query.patientId}::uuid]`);
  if (query.action) where.push(eq(auditEvents.action, query.action));
  if (query.from) where.push(gte(auditEvents.recorded, query.from));
  if (query.to) where.push(lt(auditEvents.recorded, query.to));
  if (query.beforeSeq !== undefined) where.push(lt(auditEvents.seq, query.beforeSeq));
  return db
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.seq))
    .limit(query.limit);
}

/** One stretch of a clinic's chain, in order, from after `afterSeq` up to `upToSeq`. */
export async function chainStretch(
  db: DbOrTx,
  orgId: string,
  afterSeq: number,
  limit: number,
): Promise<AuditEventRow[]> {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.orgId, orgId), gt(auditEvents.seq, afterSeq)))
    .orderBy(asc(auditEvents.seq))
    .limit(limit);
}

/** The clinics that have an audit chain, with the head each chain should end at. */
export async function auditChainHeadsOf(
  db: DbOrTx,
  orgId?: string,
): Promise<Array<{ orgId: string; seq: number; hash: string }>> {
  const heads = await db
    .select({ orgId: auditChainHeads.orgId, seq: auditChainHeads.seq, hash: auditChainHeads.hash })
    .from(auditChainHeads)
    .where(orgId ? eq(auditChainHeads.orgId, orgId) : undefined)
    .orderBy(asc(auditChainHeads.orgId));
  // Records with no head at all (the head row removed) still get walked.
  const orphans = await db
    .selectDistinct({ orgId: auditEvents.orgId })
    .from(auditEvents)
    .where(
      and(
        orgId ? eq(auditEvents.orgId, orgId) : undefined,
        sql`NOT EXISTS (SELECT 1 FROM audit_chain_heads h WHERE h.org_id = ${auditEvents.orgId})`,
      ),
    );
  return [...heads, ...orphans.map((o) => ({ orgId: o.orgId, seq: 0, hash: GENESIS_HASH }))];
}

export async function reasonRequiredRolesOf(db: DbOrTx, orgId: string): Promise<string[]> {
  const [row] = await db
    .select({ roles: auditSettings.reasonRequiredRoles })
    .from(auditSettings)
    .where(eq(auditSettings.orgId, orgId));
  return row?.roles ?? [];
}

export async function saveReasonRequiredRoles(db: DbOrTx, orgId: string, roles: string[]): Promise<void> {
  await db
    .insert(auditSettings)
    .values({ orgId, reasonRequiredRoles: roles })
    .onConflictDoUpdate({
      target: auditSettings.orgId,
      set: { reasonRequiredRoles: roles, updatedAt: sql`now()` },
    });
}

/** A PostgreSQL array literal of ids (each checked as a UUID: nothing else can reach the literal). */
function uuidArrayLiteral(ids: readonly string[]): string {
  for (const id of ids) if (!UUID.test(id)) throw new Error('audit: a patient id is not a UUID');
  return `{${ids.join(',')}}`;
}
