import type { AuditEvent } from '@medplum/fhirtypes';
import type { AuditEventRow } from '../../audit/audit.schema.ts';

export const STAFF_IDENTIFIER_SYSTEM = 'https://careline.health/fhir/identifier/staff';
export const API_KEY_IDENTIFIER_SYSTEM = 'https://careline.health/fhir/identifier/api-key';

/**
 * A record of the read-audit log as an R4 AuditEvent: who (a member of staff or an API key, by
 * identifier), what (the resources read), from where and why; a search's words for administrators.
 */
export function toFhirAuditEvent(
  row: AuditEventRow,
  options: { agentName: string | null; query: string | null },
): AuditEvent {
  const who = row.agentUserId
    ? { identifier: { system: STAFF_IDENTIFIER_SYSTEM, value: row.agentUserId } }
    : { identifier: { system: API_KEY_IDENTIFIER_SYSTEM, value: row.agentApiKeyId ?? 'unknown' } };
  const patients = row.patientIds.filter(
    (id) => !row.entity.some((e) => e.type === 'Patient' && e.id === id),
  );
  const exported = row.type === 'export';
  return {
    resourceType: 'AuditEvent',
    id: String(row.seq),
    type: exported
      ? { system: 'http://dicom.nema.org/resources/ontology/DCM', code: '110106', display: 'Export' }
      : {
          system: 'http://terminology.hl7.org/CodeSystem/audit-event-type',
          code: 'rest',
          display: 'RESTful Operation',
        },
    subtype: [
      row.subtype === 'search'
        ? { system: 'http://hl7.org/fhir/restful-interaction', code: 'search-type' }
        : row.subtype === 'read'
          ? { system: 'http://hl7.org/fhir/restful-interaction', code: 'read' }
          : { code: row.subtype },
    ],
    action: row.action,
    recorded: row.recorded.toISOString(),
    outcome: '0',
    ...(row.purposeOfUse ? { purposeOfEvent: [{ text: row.purposeOfUse }] } : {}),
    agent: [
      {
        who: { ...who, ...(options.agentName ? { display: options.agentName } : {}) },
        role: [{ text: row.agentRole }],
        requestor: true,
        network: { address: row.agentNetwork, type: '2' },
      },
    ],
    source: { observer: { display: 'Careline' } },
    entity: [
      ...row.entity.map((e) => ({ what: { reference: `${e.type}/${e.id}` } })),
      ...patients.map((id) => ({ what: { reference: `Patient/${id}` } })),
      ...(options.query !== null ? [{ query: Buffer.from(options.query, 'utf8').toString('base64') }] : []),
    ],
  };
}
