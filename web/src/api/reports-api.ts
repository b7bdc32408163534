import type * as Api from './generated/openapi.ts';
import { apiRequest } from './http-client.ts';

const API = '/api/v1';

export type ResponseTimesReport = Api.ResponseTimesReport;
export type MessageVolumeReport = Api.MessageVolumeReport;
export type CsatReport = Api.CsatReport;
export type ReminderFunnelReport = Api.ReminderFunnelReport;
export type RedFlagsReport = Api.RedFlagsReport;

/** `from` and `to` are days on the clinic's clock (YYYY-MM-DD), both included; no team means all. */
export interface ReportFilter {
  from: string;
  to: string;
  teamId: string | null;
}

function query({ from, to, teamId }: ReportFilter): string {
  const params = new URLSearchParams({ from, to });
  if (teamId) params.set('team_id', teamId);
  return params.toString();
}

export const reportKeys = {
  report: (name: string, filter: ReportFilter) =>
    ['reports', name, filter.from, filter.to, filter.teamId] as const,
};

export const reportsApi = {
  responseTimes: (filter: ReportFilter) =>
    apiRequest<ResponseTimesReport>(`${API}/reports/response-times?${query(filter)}`),
  messageVolume: (filter: ReportFilter) =>
    apiRequest<MessageVolumeReport>(`${API}/reports/message-volume?${query(filter)}`),
  csat: (filter: ReportFilter) => apiRequest<CsatReport>(`${API}/reports/csat?${query(filter)}`),
  reminderFunnel: (filter: ReportFilter) =>
    apiRequest<ReminderFunnelReport>(`${API}/reports/reminder-funnel?${query(filter)}`),
  redFlags: (filter: ReportFilter) => apiRequest<RedFlagsReport>(`${API}/reports/red-flags?${query(filter)}`),
};
