import { Temporal } from 'temporal-polyfill';
import type { Db } from '../../platform/db/db.ts';
import type { ExportPosition, ExportQuery } from '../../platform/db/export-page.ts';
import type { Keyring } from '../keys/keyring.ts';
import { DATASETS, type ExportDataset } from './export-datasets.ts';
import { csvHeader, csvRecord, type ExportFormat, ndjsonRecord } from './export-format.ts';

/** Rows read per query: a page in memory at a time, whatever the period holds. */
export const EXPORT_PAGE_SIZE = 1000;

export interface ExportSelection {
  orgId: string;
  dataset: ExportDataset;
  format: ExportFormat;
  from: Date;
  to: Date;
  teamId?: string;
  seesMedical: boolean;
}

/**
 * The export as text chunks, one page of rows each (the CSV header first): the HTTP response and the
 * S3 upload pull them as they go, so a million rows never sit in memory together. Each page is its own
 * short query, keyset-paged, so no transaction is held open while a slow client reads.
 */
export async function* exportChunks(
  db: Db,
  keyring: Keyring,
  selection: ExportSelection,
  options: { pageSize?: number; onRows?: (count: number) => void } = {},
): AsyncGenerator<string> {
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
  const reader = DATASETS[selection.dataset];
  if (selection.format === 'csv') yield csvHeader(reader.columns);
  let after: ExportPosition | undefined;
  for (;;) {
    const query: ExportQuery = {
      from: selection.from,
      to: selection.to,
      seesMedical: selection.seesMedical,
      limit: pageSize,
      ...(selection.teamId ? { teamId: selection.teamId } : {}),
      ...(after ? { after } : {}),
    };
    const page = await reader.page(db, keyring, selection.orgId, query);
    const write = selection.format === 'csv' ? csvRecord : ndjsonRecord;
    options.onRows?.(page.records.length);
    if (page.records.length > 0) yield page.records.map((r) => write(reader.columns, r)).join('');
    if (!page.next) return;
    after = page.next;
  }
}

/** Named by the clinic's days it covers, the last one included: what a person picked in the form. */
export function exportFileName(
  selection: Pick<ExportSelection, 'dataset' | 'format' | 'from' | 'to'>,
  timeZone: string,
): string {
  const day = (d: Date) =>
    Temporal.Instant.fromEpochMilliseconds(d.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
  const last = new Date(selection.to.getTime() - 1);
  return `careline-${selection.dataset}-${day(selection.from)}-to-${day(last)}.${selection.format}`;
}
