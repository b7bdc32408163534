import type { DbOrTx } from '../../platform/db/db.ts';
import type { ExportPage, ExportQuery } from '../../platform/db/export-page.ts';
import { CONSENT_EXPORT_COLUMNS, exportConsentsPage } from '../consent/export-data.service.ts';
import { CSAT_EXPORT_COLUMNS, exportCsatPage } from '../flows/export-data.service.ts';
import {
  CONVERSATION_EXPORT_COLUMNS,
  exportConversationsPage,
  exportMessagesPage,
  MESSAGE_EXPORT_COLUMNS,
} from '../inbox/export-data.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import { exportRemindersPage, REMINDER_EXPORT_COLUMNS } from '../reminders/export-data.service.ts';
import { exportRedFlagsPage, RED_FLAG_EXPORT_COLUMNS } from '../safety/export-data.service.ts';
import { APPOINTMENT_EXPORT_COLUMNS, exportAppointmentsPage } from '../scheduling/export-data.service.ts';

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

export interface DatasetReader {
  columns: readonly string[];
  /** Whether the rows belong to a team (the team filter applies); the others refuse a team. */
  byTeam: boolean;
  /** The time column the period filters on, in words for the API's description. */
  periodOf: string;
  page(db: DbOrTx, keyring: Keyring, orgId: string, query: ExportQuery): Promise<ExportPage>;
}

/** Each dataset is read by the module that owns it (its export-data.service.ts). */
export const DATASETS: Record<ExportDataset, DatasetReader> = {
  messages: {
    columns: MESSAGE_EXPORT_COLUMNS,
    byTeam: true,
    periodOf: 'occurred_at',
    page: exportMessagesPage,
  },
  conversations: {
    columns: CONVERSATION_EXPORT_COLUMNS,
    byTeam: true,
    periodOf: 'created_at',
    page: (db, _keyring, orgId, query) => exportConversationsPage(db, orgId, query),
  },
  appointments: {
    columns: APPOINTMENT_EXPORT_COLUMNS,
    byTeam: false,
    periodOf: 'start',
    page: exportAppointmentsPage,
  },
  reminders: {
    columns: REMINDER_EXPORT_COLUMNS,
    byTeam: false,
    periodOf: 'due_at',
    page: (db, _keyring, orgId, query) => exportRemindersPage(db, orgId, query),
  },
  consents: {
    columns: CONSENT_EXPORT_COLUMNS,
    byTeam: false,
    periodOf: 'recorded_at',
    page: (db, _keyring, orgId, query) => exportConsentsPage(db, orgId, query),
  },
  csat: { columns: CSAT_EXPORT_COLUMNS, byTeam: true, periodOf: 'created_at', page: exportCsatPage },
  'red-flags': {
    columns: RED_FLAG_EXPORT_COLUMNS,
    byTeam: false,
    periodOf: 'raised_at',
    page: exportRedFlagsPage,
  },
};
