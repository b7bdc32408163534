import { apiRequest, withPageAccessReason } from './http-client.ts';
import type { Page } from './types.ts';

const API = '/api/v1';

/** A record of the audit trail, as the API answers it (FHIR AuditEvent). */
export interface AuditEvent {
  id: string;
  type: { code: string };
  subtype: Array<{ code: string }>;
  action: string;
  recorded: string;
  agent: Array<{
    who: { reference: string; display?: string };
    role: Array<{ text: string }>;
    network: { address: string };
    purposeOfUse?: Array<{ text: string }>;
  }>;
  entity: Array<{ what: { reference: string } }>;
}

export interface AuditFilters {
  patient?: string;
  user?: string;
  action?: string;
  from?: string;
  to?: string;
  cursor?: string;
}

export interface AuditSettings {
  reason_required_roles: string[];
}

export const auditKeys = {
  trail: (filters: AuditFilters) => ['audit', filters] as const,
  settings: ['audit', 'settings'] as const,
};

/** Administrators and auditors read the audit trail. */
export function canReadAudit(role: string): boolean {
  return role === 'admin' || role === 'auditor';
}

export const auditApi = {
  trail(filters: AuditFilters): Promise<Page<AuditEvent>> {
    const query = new URLSearchParams({ limit: '50' });
    for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
    return apiRequest(`${API}/audit?${query}`);
  },
  settings: (): Promise<AuditSettings> => apiRequest(`${API}/audit/settings`),
  saveSettings: (settings: AuditSettings): Promise<AuditSettings> =>
    apiRequest(`${API}/audit/settings`, { method: 'PUT', body: settings }),
  accessReportUrl: (contactId: string): string =>
    withPageAccessReason(`${API}/audit/patients/${encodeURIComponent(contactId)}/access-report.csv`),
};
