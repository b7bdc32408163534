import { z } from 'zod';
import type { AuditEventRow } from './audit.schema.ts';

const coding = z.object({ code: z.string() });
const reference = z.object({ reference: z.string(), display: z.string().optional() });

/** A record in the shape of FHIR R4 AuditEvent (plus its place in Careline's hash chain). */
export const auditEventJson = z
  .object({
    resourceType: z.literal('AuditEvent'),
    id: z.string().describe('The record’s seq in its clinic’s chain'),
    type: coding.describe('rest (read or search through the API or web app) or export'),
    subtype: z.array(coding).describe('read, search, download, access-report'),
    action: z.enum(['C', 'R', 'U', 'D', 'E']),
    recorded: z.string(),
    outcome: z.string().describe('0: success'),
    agent: z.array(
      z.object({
        who: reference.describe('Practitioner/{user id} or Device/{API key id}'),
        role: z.array(z.object({ text: z.string() })),
        requestor: z.boolean(),
        network: z.object({ address: z.string(), type: z.literal('2') }),
        purposeOfUse: z.array(z.object({ text: z.string() })).optional(),
      }),
    ),
    entity: z.array(
      z.object({
        what: reference,
        query: z
          .string()
          .optional()
          .describe('A search’s words, base64 (UTF-8); shown to administrators only'),
      }),
    ),
    chain: z.object({ seq: z.number().int(), prev_hash: z.string(), hash: z.string() }),
  })
  .meta({ id: 'AuditEvent' });

export type AuditEventJson = z.infer<typeof auditEventJson>;

export function toAuditEventJson(
  row: AuditEventRow,
  options: { agentName: string | null; query: string | null },
): AuditEventJson {
  const who = row.agentUserId
    ? `Practitioner/${row.agentUserId}`
    : `Device/${row.agentApiKeyId ?? 'unknown'}`;
  const patients = row.patientIds.filter(
    (id) => !row.entity.some((e) => e.type === 'Patient' && e.id === id),
  );
  return {
    resourceType: 'AuditEvent',
    id: String(row.seq),
    type: { code: row.type },
    subtype: [{ code: row.subtype }],
    action: row.action,
    recorded: row.recorded.toISOString(),
    outcome: row.outcome,
    agent: [
      {
        who: { reference: who, ...(options.agentName ? { display: options.agentName } : {}) },
        role: [{ text: row.agentRole }],
        requestor: true,
        network: { address: row.agentNetwork, type: '2' },
        ...(row.purposeOfUse ? { purposeOfUse: [{ text: row.purposeOfUse }] } : {}),
      },
    ],
    entity: [
      ...row.entity.map((e) => ({ what: { reference: `${e.type}/${e.id}` } })),
      ...patients.map((id) => ({ what: { reference: `Patient/${id}` } })),
      ...(options.query !== null
        ? [
            {
              what: { reference: 'Query/search' },
              query: Buffer.from(options.query, 'utf8').toString('base64'),
            },
          ]
        : []),
    ],
    chain: { seq: row.seq, prev_hash: row.prevHash, hash: row.hash },
  };
}
