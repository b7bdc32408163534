import type { Resource } from '@medplum/fhirtypes';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { auditRead } from '../audit/audit-trail.ts';
import { FHIR_PREFIX } from './fhir-deps.ts';
import { baseUrlOf, sendResource } from './fhir-http.ts';
import { type ParsedSearch, searchset } from './fhir-search.ts';

/**
 * Answers one page of a search of patient data, after recording in the audit log what the page holds
 * (each resource with its patient): what the caller was shown, as the REST API records its reads.
 */
export async function sendAuditedSearchset(
  request: FastifyRequest,
  reply: FastifyReply,
  resourceType: string,
  matches: readonly Resource[],
  search: ParsedSearch,
  patientOf: (resource: Resource) => string | null,
): Promise<FastifyReply> {
  const bundle = searchset(baseUrlOf(request, FHIR_PREFIX), resourceType, request.url, matches, search);
  const shown = (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
  await auditRead(
    request,
    ...shown.map((r) => ({ type: r.resourceType, id: r.id ?? '', patient: patientOf(r) })),
  );
  return sendResource(reply, bundle);
}
