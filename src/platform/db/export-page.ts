import { and, asc, eq, gt, gte, lt, or, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** One cell of an exported row: what CSV and NDJSON can both say without losing its type. */
export type ExportCell = string | number | boolean | null;
export type ExportRecord = Record<string, ExportCell>;

/** What a module is asked for when a dataset it owns is exported: one page, oldest first. */
export interface ExportQuery {
  from: Date;
  /** Exclusive. */
  to: Date;
  teamId?: string;
  /** Medical notes and the patient's medical words only for callers with `medical.read`. */
  seesMedical: boolean;
  after?: ExportPosition;
  limit: number;
}

export interface ExportPage {
  records: ExportRecord[];
  /** Where the next page starts; undefined on the last page. */
  next: ExportPosition | undefined;
}

/**
 * Where an export page ended: the row's time and a unique tie-breaker (its id, or its arrival number
 * where rows of the same instant have an order of their own, as messages do).
 */
export interface ExportPosition {
  at: Date;
  tie: string | number;
}

/** The columns an export page of a table is read by: the clinic, the time of the period, the tie-breaker. */
export interface ExportColumns {
  orgId: AnyPgColumn;
  at: AnyPgColumn;
  tie: AnyPgColumn;
}

/**
 * The where, order and size of one export page: the clinic's rows of the period, after the last page,
 * oldest first, one more than the page holds (it says whether another page follows).
 */
export function exportWindow(
  columns: ExportColumns,
  orgId: string,
  query: ExportQuery,
  ...filters: Array<SQL | undefined>
): { where: SQL | undefined; orderBy: SQL[]; limit: number } {
  return {
    where: and(
      eq(columns.orgId, orgId),
      gte(columns.at, query.from),
      lt(columns.at, query.to),
      ascendingAfter(columns.at, columns.tie, query.after),
      ...filters,
    ),
    orderBy: [asc(columns.at), asc(columns.tie)],
    limit: query.limit + 1,
  };
}

/** Rows strictly after `after` in (time asc, tie asc) order: the keyset condition of an export page. */
export function ascendingAfter(
  at: AnyPgColumn,
  tie: AnyPgColumn,
  after: ExportPosition | undefined,
): SQL | undefined {
  if (!after) return undefined;
  return or(gt(at, after.at), and(eq(at, after.at), gt(tie, after.tie)));
}

/** The page from `limit + 1` fetched rows: the extra one only says that another page exists. */
export function exportPageOf<T extends { id: string }>(
  rows: readonly T[],
  limit: number,
  atOf: (row: T) => Date,
  toRecord: (row: T) => ExportRecord,
  tieOf: (row: T) => string | number = (row) => row.id,
): ExportPage {
  const kept = rows.slice(0, limit);
  const last = kept.at(-1);
  return {
    records: kept.map(toRecord),
    next: rows.length > limit && last ? { at: atOf(last), tie: tieOf(last) } : undefined,
  };
}

export const isoOrNull = (d: Date | null): string | null => d?.toISOString() ?? null;
