/** PostgreSQL refused to delete a row others still refer to (SQLSTATE 23503), wherever the driver wrapped it. */
export function isForeignKeyViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ('code' in e && e.code === '23503') return true;
  }
  return false;
}
