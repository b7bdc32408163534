import type { ExportCell, ExportRecord } from '../../platform/db/export-page.ts';

export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection"): a
 * patient who writes `=HYPERLINK(...)` must not get code run on the staff's computer. A leading
 * apostrophe makes it text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break; formulas defused. */
export function csvCell(value: ExportCell): string {
  if (value === null) return '';
  const text = typeof value === 'string' ? value : String(value);
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A CSV record with its CRLF line end (RFC 4180). */
export function csvLine(cells: readonly ExportCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function csvHeader(columns: readonly string[]): string {
  return csvLine(columns);
}

export function csvRecord(columns: readonly string[], record: ExportRecord): string {
  return csvLine(columns.map((column) => record[column] ?? null));
}

/** One JSON object per line, keys in the dataset's column order. */
export function ndjsonRecord(columns: readonly string[], record: ExportRecord): string {
  const ordered: ExportRecord = {};
  for (const column of columns) ordered[column] = record[column] ?? null;
  return `${JSON.stringify(ordered)}\n`;
}
