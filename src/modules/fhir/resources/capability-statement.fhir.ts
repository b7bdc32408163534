import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';

/** One resource as the server implements it: its interactions and search parameters. */
export interface ImplementedResource {
  type: CapabilityStatementRestResource['type'];
  interactions: ReadonlyArray<'read' | 'search-type' | 'create' | 'update'>;
  searchParams: ReadonlyArray<{
    name: string;
    type: 'token' | 'string' | 'date' | 'reference';
    documentation?: string;
  }>;
}

/** The CapabilityStatement of exactly what the routes implement (the routes list the same table). */
export function capabilityStatement(options: {
  version: string;
  baseUrl: string;
  date: string;
  resources: readonly ImplementedResource[];
}): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: options.date,
    kind: 'instance',
    software: { name: 'Careline', version: options.version },
    implementation: { description: 'Careline FHIR R4 API', url: options.baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'Authenticate with a clinic API key (Authorization: Bearer cl_...) or a signed-in session. Every ' +
          'search handles parameters strictly: an unknown parameter is refused with 400. Paging: _count ' +
          '(default 20, at most 100) and the next link.',
        security: {
          cors: false,
          service: [
            {
              coding: [
                { system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'Basic' },
              ],
              text: 'Bearer API key or session',
            },
          ],
        },
        resource: options.resources.map((r) => ({
          type: r.type,
          interaction: r.interactions.map((code) => ({ code })),
          ...(r.interactions.includes('update') ? { updateCreate: false } : {}),
          searchParam: [
            ...r.searchParams.map((p) => ({
              name: p.name,
              type: p.type,
              ...(p.documentation ? { documentation: p.documentation } : {}),
            })),
            ...(r.interactions.includes('search-type')
              ? [
                  {
                    name: '_count',
                    type: 'number' as const,
                    documentation: 'Page size, 1 to 100 (default 20)',
                  },
                ]
              : []),
          ],
        })),
      },
    ],
  };
}
