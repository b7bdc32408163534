import { apiRequest, withPageAccessReason } from './http-client.ts';

const API = '/api/v1';

export interface RetentionPolicy {
  message_text_months: number | null;
  file_months: number | null;
  last_run: { at: string; texts: number; files: number } | null;
}

export interface Erasure {
  reference: string;
  erased_at: string;
  erased_by: { user_id: string | null; api_key_id: string | null; name: string | null };
  removed: Record<string, number>;
}

export const privacyKeys = {
  retention: ['privacy', 'retention'] as const,
  erasures: ['privacy', 'erasures'] as const,
};

/** Patients' rights (export, erasure) and the clinic's retention policy: administrators only. */
export const privacyApi = {
  /** A plain link: the browser downloads the zip as it is made, with the session cookie. */
  exportUrl: (contactId: string) => withPageAccessReason(`${API}/contacts/${contactId}/export`),
  erase: (contactId: string, confirm: string) =>
    apiRequest<Erasure>(`${API}/contacts/${contactId}/erase`, { method: 'POST', body: { confirm } }),
  erasures: () => apiRequest<{ data: Erasure[] }>(`${API}/privacy/erasures`),
  retention: () => apiRequest<RetentionPolicy>(`${API}/privacy/retention`),
  setRetention: (policy: Pick<RetentionPolicy, 'message_text_months' | 'file_months'>) =>
    apiRequest<RetentionPolicy>(`${API}/privacy/retention`, { method: 'PUT', body: policy }),
};
