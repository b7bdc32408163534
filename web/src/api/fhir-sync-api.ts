import type * as Api from './generated/openapi.ts';
import { apiRequest } from './http-client.ts';

const API = '/api/v1';

export type FhirConnection = Api.FhirConnection;
export type FhirSyncLogEntry = Api.FhirSyncLogEntry;

export interface FhirConnectionInput {
  base_url: string;
  auth_kind: FhirConnection['auth_kind'];
  bearer_token?: string;
  client_id?: string | null;
  enabled: boolean;
  import_interval_minutes: number;
}

export const fhirSyncKeys = {
  connection: ['fhir-sync', 'connection'] as const,
  log: ['fhir-sync', 'log'] as const,
};

/** The clinic's EHR synchronisation (Settings › EHR): administrators only. */
export const fhirSyncApi = {
  connection: () => apiRequest<FhirConnection>(`${API}/fhir-sync/connection`),
  save: (input: FhirConnectionInput) =>
    apiRequest<FhirConnection>(`${API}/fhir-sync/connection`, { method: 'PUT', body: input }),
  newKey: (algorithm: 'ES384' | 'RS384') =>
    apiRequest<FhirConnection>(`${API}/fhir-sync/connection/key`, { method: 'POST', body: { algorithm } }),
  runNow: () => apiRequest<{ run_id: string }>(`${API}/fhir-sync/runs`, { method: 'POST' }),
  log: () => apiRequest<{ data: FhirSyncLogEntry[] }>(`${API}/fhir-sync/log?limit=100`),
};
