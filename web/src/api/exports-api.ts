import type * as Api from './generated/openapi.ts';
import { apiRequest, withPageAccessReason } from './http-client.ts';

const API = '/api/v1';

export type ExportSchedule = Api.ExportSchedule;
export type ExportRun = Api.ExportRun;
/** PUT /exports/schedule: the secret is write-only, left out to keep the stored one. */
export interface ExportScheduleInput {
  endpoint: string;
  region: string;
  bucket: string;
  prefix: string;
  access_key_id: string;
  secret_access_key?: string;
  datasets: ExportDataset[];
  format: ExportFormat;
  hour: number;
  enabled: boolean;
}

export const EXPORT_DATASETS = [
  'messages',
  'conversations',
  'appointments',
  'reminders',
  'consents',
  'csat',
  'red-flags',
] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];
/** The datasets whose rows belong to a team: the team filter applies to them only. */
export const DATASETS_BY_TEAM: readonly ExportDataset[] = ['messages', 'conversations', 'csat'];
export type ExportFormat = 'csv' | 'ndjson';

export const exportKeys = { schedule: ['exports', 'schedule'] as const };

/** Bulk exports and the scheduled export to a bucket: administrators. */
export const exportsApi = {
  /** A plain link: the browser downloads the file as the server writes it, with the session cookie. */
  downloadUrl(selection: {
    dataset: ExportDataset;
    format: ExportFormat;
    from: string;
    to: string;
    teamId: string | null;
  }): string {
    const query = new URLSearchParams({ format: selection.format, from: selection.from, to: selection.to });
    if (selection.teamId && DATASETS_BY_TEAM.includes(selection.dataset))
      query.set('team_id', selection.teamId);
    return withPageAccessReason(`${API}/exports/${selection.dataset}?${query.toString()}`);
  },
  schedule: () =>
    apiRequest<{ schedule: ExportSchedule | null; runs: ExportRun[] }>(`${API}/exports/schedule`),
  saveSchedule: (input: ExportScheduleInput) =>
    apiRequest<ExportSchedule>(`${API}/exports/schedule`, { method: 'PUT', body: input }),
  runNow: () => apiRequest<{ day: string }>(`${API}/exports/schedule/run`, { method: 'POST', body: {} }),
};
