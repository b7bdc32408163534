import { isRecord } from './openapi-operations.ts';

/**
 * The error-level entries among pino JSON log lines, each as "message Type: error message" (cut to 400
 * characters): what explains a 5xx in a failure message. Other lines, and lines that are not JSON (or
 * were cut in two by a pipe), are skipped.
 */
export function errorsInLog(lines: Iterable<string>): string[] {
  const errors: string[] = [];
  for (const line of lines) {
    if (!line.startsWith('{')) continue;
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    if (!isRecord(entry) || typeof entry.level !== 'number' || entry.level < 50) continue;
    const err = isRecord(entry.err)
      ? ` ${String(entry.err.type ?? 'Error')}: ${String(entry.err.message ?? '')}`
      : '';
    errors.push(`${String(entry.msg ?? '')}${err}`.slice(0, 400));
  }
  return errors;
}
