/** PostgreSQL refused a duplicate (SQLSTATE 23505), wherever the driver (pg or PGlite) wrapped it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ('code' in e && e.code === '23505') return true;
  }
  return false;
}
