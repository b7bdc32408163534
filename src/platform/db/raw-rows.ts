/** The rows of a raw `db.execute(sql…)` result: both drivers (pg and PGlite) answer with `{ rows }`. */
export function rowsOf(result: unknown): unknown {
  return typeof result === 'object' && result !== null && 'rows' in result ? result.rows : [];
}
