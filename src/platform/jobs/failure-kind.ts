import { ZodError } from 'zod';
import { PermanentJobError } from './job-worker.ts';

/**
 * `deterministic`: doing the same again fails the same way (a value the database refuses, input that
 * does not parse, a bug). `transient`: it may pass in a moment (the connection dropped, a deadlock, a
 * serialization conflict, the server restarting). `unknown`: neither can be told; worth one more try.
 */
export type FailureKind = 'deterministic' | 'transient' | 'unknown';

export interface Failure {
  kind: FailureKind;
  /**
   * What went wrong, for operators: built only from error codes, condition names and schema names,
   * never from an error's message or detail, which can quote the values (a patient's words).
   */
  reason: string;
}

/** Tells apart failures worth retrying from those that will fail again, whatever wraps them. */
export function classifyFailure(error: unknown): Failure {
  const chain = causesOf(error);
  const network = chain.map(networkCodeOf).find((code) => code !== undefined);
  if (network) return { kind: 'transient', reason: `the database connection failed (${network})` };
  const database = chain.find(isDatabaseError);
  if (database) return databaseFailure(database);
  // Only the innermost error: a wrapper's message quotes the query's parameters, which could say anything.
  if (looksLikeLostConnection(chain.at(-1))) {
    return { kind: 'transient', reason: 'the database connection was lost' };
  }
  const zod = chain.find((e): e is ZodError => e instanceof ZodError);
  if (zod)
    return { kind: 'deterministic', reason: `the data did not have the expected shape (${zodSummary(zod)})` };
  const first = chain[0];
  if (first instanceof SyntaxError) return { kind: 'deterministic', reason: 'the data is not valid JSON' };
  if (first instanceof RangeError) return { kind: 'deterministic', reason: 'a value is out of range' };
  if (first instanceof TypeError) return { kind: 'deterministic', reason: 'a value has an unexpected type' };
  if (first instanceof PermanentJobError) {
    return { kind: 'deterministic', reason: 'it cannot be processed' };
  }
  return {
    kind: 'unknown',
    reason: `unexpected error (${first instanceof Error ? safeName(first) : typeof error})`,
  };
}

interface DatabaseError {
  code: string;
  table?: unknown;
  column?: unknown;
  constraint?: unknown;
}

/**
 * SQLSTATE classes (https://www.postgresql.org/docs/current/errcodes-appendix.html) whose errors come
 * from the statement or its data, so they recur: data exceptions, integrity violations, program limits
 * (an index row too big), cardinality, syntax and access rules, and errors raised by triggers.
 */
const DETERMINISTIC_CLASSES = new Set(['21', '22', '23', '42', '44', '54', 'P0']);

/** Codes that say the moment was wrong, not the statement: retrying is the documented remedy. */
const TRANSIENT_CODES = new Set([
  '40000',
  '40001',
  '40003',
  '40P01',
  '55P03',
  '57014',
  '57P01',
  '57P02',
  '57P03',
]);
const TRANSIENT_CLASSES = new Set(['08', '53', '58']);

/** Names of the conditions a delivery most often meets, for a reason an operator can look up. */
const CONDITION_NAMES: Record<string, string> = {
  '22001': 'string_data_right_truncation',
  '22003': 'numeric_value_out_of_range',
  '22007': 'invalid_datetime_format',
  '22008': 'datetime_field_overflow',
  '22021': 'character_not_in_repertoire',
  '22023': 'invalid_parameter_value',
  '22P02': 'invalid_text_representation',
  '22P05': 'untranslatable_character',
  '23502': 'not_null_violation',
  '23503': 'foreign_key_violation',
  '23505': 'unique_violation',
  '23514': 'check_violation',
  '23P01': 'exclusion_violation',
  '40001': 'serialization_failure',
  '40P01': 'deadlock_detected',
  '54000': 'program_limit_exceeded',
  '57014': 'query_canceled',
  '57P01': 'admin_shutdown',
  P0001: 'raise_exception',
};

function databaseFailure(error: DatabaseError): Failure {
  const { code } = error;
  const condition = CONDITION_NAMES[code];
  const where = [
    identifier('table', error.table),
    identifier('column', error.column),
    identifier('constraint', error.constraint),
  ].filter((part) => part !== null);
  const reason = `the database refused it: ${condition ? `${condition}, ` : ''}SQLSTATE ${code}${
    where.length > 0 ? ` (${where.join(', ')})` : ''
  }`;
  const errorClass = code.slice(0, 2);
  if (TRANSIENT_CODES.has(code) || TRANSIENT_CLASSES.has(errorClass)) return { kind: 'transient', reason };
  if (DETERMINISTIC_CLASSES.has(errorClass)) return { kind: 'deterministic', reason };
  return { kind: 'unknown', reason };
}

/** Schema names are safe to show; anything else in those fields (they are only ever names) is dropped. */
function identifier(label: string, value: unknown): string | null {
  return typeof value === 'string' && /^[a-z_][a-z0-9_$]{0,62}$/i.test(value) ? `${label} ${value}` : null;
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

function networkCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' && NETWORK_CODES.has(error.code) ? error.code : undefined;
}

function isDatabaseError(error: unknown): error is DatabaseError {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    /^[0-9A-Z]{5}$/.test(error.code)
  );
}

/** node-postgres and PGlite say so in words, without a code, when the connection goes away. */
function looksLikeLostConnection(error: unknown): boolean {
  return (
    error instanceof Error &&
    /connection terminated|connection (?:is )?closed|client has encountered a connection error|pglite is closed|timeout exceeded when trying to connect/i.test(
      error.message,
    )
  );
}

/** The first issue's code and where it was, by field names only (record keys can be user data). */
function zodSummary(error: ZodError): string {
  const [issue] = error.issues;
  if (!issue) return 'no detail';
  const path = issue.path.map((part) =>
    typeof part === 'number'
      ? String(part)
      : typeof part === 'string' && /^[a-z_]{1,40}$/i.test(part)
        ? part
        : '…',
  );
  return `${issue.code}${path.length > 0 ? ` at ${path.join('.')}` : ''}`;
}

function safeName(error: Error): string {
  return /^[A-Za-z]{1,60}$/.test(error.name) ? error.name : 'Error';
}

/** The error and what caused it, outermost first (drizzle wraps the driver's error in `cause`). */
function causesOf(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e: unknown = error; e !== undefined && e !== null && chain.length < 8; ) {
    chain.push(e);
    e = e instanceof Error ? e.cause : undefined;
  }
  return chain;
}
