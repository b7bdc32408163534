import { createHash } from 'node:crypto';
import type { AuditAction, AuditEntity } from './audit.schema.ts';

/** The prev_hash of a clinic's first record. */
export const GENESIS_HASH = '0'.repeat(64);

/** A record's content: everything the hash covers besides its place in the chain. */
export interface AuditRecordContent {
  orgId: string;
  recorded: Date;
  type: string;
  subtype: string;
  action: AuditAction;
  outcome: string;
  agentUserId: string | null;
  agentApiKeyId: string | null;
  agentRole: string;
  agentNetwork: string;
  entity: AuditEntity[];
  patientIds: string[];
  purposeOfUse: string | null;
  querySealed: string | null;
}

/**
 * The record as one string: JSON with keys sorted at every level, so the same record always serialises
 * to the same bytes, whichever engine stored it and however jsonb reorders keys. Changing any field
 * (or moving a record to another clinic) changes it.
 */
export function canonicalAuditRecord(record: AuditRecordContent): string {
  return canonicalJson({
    orgId: record.orgId,
    recorded: record.recorded.toISOString(),
    type: record.type,
    subtype: record.subtype,
    action: record.action,
    outcome: record.outcome,
    agent: {
      userId: record.agentUserId,
      apiKeyId: record.agentApiKeyId,
      role: record.agentRole,
      network: record.agentNetwork,
    },
    entity: record.entity.map((e) => ({ type: e.type, id: e.id })),
    patientIds: record.patientIds,
    purposeOfUse: record.purposeOfUse,
    querySealed: record.querySealed,
  });
}

/**
 * hash = SHA-256(prev_hash "|" seq "|" canonical record), hex. The database computes the same
 * expression when it appends (audit.repository.ts), in the statement that takes the next seq.
 */
export function auditHash(prevHash: string, seq: number, canonical: string): string {
  return createHash('sha256').update(`${prevHash}|${seq}|${canonical}`, 'utf8').digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
