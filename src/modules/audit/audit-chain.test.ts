import { describe, expect, test } from 'vitest';
import { type AuditRecordContent, auditHash, canonicalAuditRecord, GENESIS_HASH } from './audit-chain.ts';

const record: AuditRecordContent = {
  orgId: '00000000-0000-4000-8000-000000000001',
  recorded: new Date('2026-12-06T10:00:00.123Z'),
  type: 'rest',
  subtype: 'read',
  action: 'R',
  outcome: '0',
  agentUserId: '00000000-0000-4000-8000-000000000002',
  agentApiKeyId: null,
  agentRole: 'agent',
  agentNetwork: '127.0.0.1',
  entity: [{ type: 'Conversation', id: '00000000-0000-4000-8000-000000000003' }],
  patientIds: ['00000000-0000-4000-8000-000000000004'],
  purposeOfUse: null,
  querySealed: null,
};

describe('the audit chain', () => {
  test('a record serialises the same whatever order its fields come in', () => {
    const reordered = Object.fromEntries(Object.entries(record).reverse()) as unknown as AuditRecordContent;
    expect(canonicalAuditRecord(reordered)).toBe(canonicalAuditRecord(record));
  });

  test('any change of content or place changes the hash', () => {
    const hash = auditHash(GENESIS_HASH, 1, canonicalAuditRecord(record));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash(GENESIS_HASH, 2, canonicalAuditRecord(record))).not.toBe(hash);
    expect(auditHash(hash, 1, canonicalAuditRecord(record))).not.toBe(hash);
    expect(
      auditHash(GENESIS_HASH, 1, canonicalAuditRecord({ ...record, agentNetwork: '10.0.0.9' })),
    ).not.toBe(hash);
  });
});
