/**
 * What of an error may be logged or stored: what kind of error, where it happened, never the data
 * involved. Drizzle's messages carry the query's parameters ("Failed query: … params: …"), a
 * PostgreSQL error its `detail` ("Failing row contains (…)") and `where` ("parameter $1 = '…'"), and
 * even a plain message quotes the value it refused (`invalid input syntax for type uuid: "…"`): message
 * text, names, numbers, webhook bodies, password hashes. Only names the code chose are kept.
 */
export interface SafeErrorFields {
  type: string;
  message: string;
  /** A PostgreSQL SQLSTATE (`23505`) or a Node/Fastify code (`ECONNREFUSED`, `FST_ERR_…`). */
  code?: string;
  /** The SQLSTATE's name, for the codes an operator meets most. */
  condition?: string;
  statusCode?: number;
  /** `insert into messages`: what a failed query was doing, without its values. */
  statement?: string;
  schema?: string;
  table?: string;
  column?: string;
  constraint?: string;
  dataType?: string;
  /** The stack's frames, without its first line (which repeats the message). */
  stack?: string;
  cause?: SafeErrorFields;
}

/** One line for places that store or print an error (a job's last_error, an operator's alert). */
export function describeErrorSafely(error: unknown): string {
  const parts: string[] = [];
  let current: SafeErrorFields | undefined = safeErrorFields(error, { withStack: false });
  while (current) {
    parts.push(oneLine(current));
    current = current.cause;
  }
  return cap(parts.join('; caused by '), MAX_DESCRIPTION);
}

/** The loggable fields of an error (pino's `err` serializer). */
export function safeErrorFields(error: unknown, options = { withStack: true }, depth = 0): SafeErrorFields {
  if (!isObject(error)) return { type: typeof error, message: sanitiseErrorText(String(error)) };
  const database = isDatabaseError(error);
  const identifiers = IDENTIFIER_FIELDS.flatMap((field) => {
    const value = error[field];
    return typeof value === 'string' && SQL_NAME.test(value) ? [[field, value] as const] : [];
  });
  // A query error wraps the database's: its own message is the query and its parameters.
  const query = !database && typeof error.query === 'string' && 'params' in error ? error.query : undefined;
  const fields: SafeErrorFields = {
    type: database ? 'DatabaseError' : typeNameOf(error),
    message:
      query !== undefined
        ? 'query failed'
        : sanitiseErrorText(
            typeof error.message === 'string' ? error.message : '',
            new Set(identifiers.map(([, value]) => value)),
          ),
  };
  const code = typeof error.code === 'string' && SAFE_CODE.test(error.code) ? error.code : undefined;
  if (code) fields.code = code;
  const condition = code && database ? SQLSTATE_NAMES[code] : undefined;
  if (condition) fields.condition = condition;
  if (typeof error.statusCode === 'number') fields.statusCode = error.statusCode;
  const statement = query === undefined ? undefined : statementOf(query);
  if (statement) fields.statement = statement;
  for (const [field, value] of identifiers) fields[field] = value;
  if (options.withStack && typeof error.stack === 'string') {
    const frames = error.stack
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .slice(0, MAX_FRAMES);
    if (frames.length > 0) fields.stack = frames.join('\n');
  }
  if (error.cause !== undefined && depth < MAX_CAUSES) {
    fields.cause = safeErrorFields(error.cause, options, depth + 1);
  }
  return fields;
}

/**
 * Free text about an error, with what may be data taken out: anything quoted (unless it is one of
 * `keep`, the names a database error gives), whatever follows "params:", e-mail addresses, phone-like
 * numbers, password hashes and long tokens; control characters (NUL included) go, the length is capped.
 */
export function sanitiseErrorText(text: string, keep: ReadonlySet<string> = new Set()): string {
  // Bounded first: every pattern below then costs little, whatever the error carries.
  const withoutParams = text.slice(0, 4 * MAX_MESSAGE).split(/\bparams:/i)[0] ?? '';
  return cap(
    withoutParams
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .replace(QUOTED, (quoted, ...groups: unknown[]) => {
        const inner = groups.slice(0, 5).find((group) => typeof group === 'string');
        return typeof inner === 'string' && keep.has(inner) ? quoted : `${quoted[0]}…${quoted.at(-1)}`;
      })
      .replace(/\$argon2[a-z]*\$\S*/gi, '[hash]')
      .replace(/[^\s@"'`]{1,64}@[^\s@"'`]{1,255}\.[^\s@"'`]+/g, '[e-mail]')
      .replace(/[A-Za-z0-9_+/=-]{32,}/g, (token) => (UUID.test(token) ? token : '[token]'))
      .replace(/(?<![\w.-])\+?\d(?:[ -]?\d){8,}(?![\w.-])/g, '[number]')
      .replace(/\s+/g, ' ')
      .trim(),
    MAX_MESSAGE,
  );
}

const MAX_MESSAGE = 500;
const MAX_DESCRIPTION = 2000;
const MAX_FRAMES = 12;
const MAX_CAUSES = 4;
const SAFE_CODE = /^[A-Z0-9_]{2,64}$/;
const SQL_NAME = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const QUOTED = /"([^"]*)"|'([^']*)'|`([^`]*)`|«([^»]*)»|“([^”]*)”/g;
const IDENTIFIER_FIELDS = ['schema', 'table', 'column', 'constraint', 'dataType'] as const;

/** The SQLSTATEs an operator meets most, by name (PostgreSQL appendix A). */
const SQLSTATE_NAMES: Record<string, string> = {
  '22001': 'string_data_right_truncation',
  '22003': 'numeric_value_out_of_range',
  '22007': 'invalid_datetime_format',
  '22021': 'character_not_in_repertoire',
  '22P02': 'invalid_text_representation',
  '22P05': 'untranslatable_character',
  '23502': 'not_null_violation',
  '23503': 'foreign_key_violation',
  '23505': 'unique_violation',
  '23514': 'check_violation',
  '40001': 'serialization_failure',
  '40P01': 'deadlock_detected',
  '53300': 'too_many_connections',
  '54000': 'program_limit_exceeded',
  '57014': 'query_canceled',
  '57P01': 'admin_shutdown',
  P0001: 'raise_exception',
};

type ErrorLike = Record<string, unknown>;

function isObject(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null;
}

/** node-postgres and PGlite errors: a SQLSTATE plus the server's severity. */
function isDatabaseError(error: ErrorLike): boolean {
  return (
    typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code) && typeof error.severity === 'string'
  );
}

function typeNameOf(error: ErrorLike): string {
  const name = typeof error.name === 'string' && SQL_NAME.test(error.name) ? error.name : undefined;
  const constructorName = (error as { constructor?: { name?: unknown } }).constructor?.name;
  const fromClass =
    typeof constructorName === 'string' && constructorName.length > 2 && constructorName !== 'Object'
      ? constructorName
      : undefined;
  return fromClass ?? name ?? 'Error';
}

/** `insert into messages`, `update users`, `select`: the verb and the table, never the values. */
function statementOf(query: string): string | undefined {
  const dml = query.match(
    /^\s*(insert\s+into|update|delete\s+from)\s+("?[A-Za-z_][\w$]*"?(?:\."?[A-Za-z_][\w$]*"?)?)/i,
  );
  // Unquoted: a log line's text is sanitised again, and quotes are what it takes out.
  if (dml?.[1] && dml[2]) return `${dml[1].toLowerCase().replace(/\s+/g, ' ')} ${dml[2].replaceAll('"', '')}`;
  return query.match(/^\s*([A-Za-z]+)/)?.[1]?.toLowerCase();
}

function oneLine(fields: SafeErrorFields): string {
  const code = fields.code ? ` [${fields.code}${fields.condition ? ` ${fields.condition}` : ''}]` : '';
  const where = [
    fields.statement,
    ...IDENTIFIER_FIELDS.flatMap((field) => (fields[field] ? [`${field} ${fields[field]}`] : [])),
  ].filter(Boolean);
  // A plain Error's class says nothing: its message alone reads better in a job's last_error.
  const kind = fields.type === 'Error' && !code ? '' : `${fields.type}${code}: `;
  return `${kind}${fields.message}${where.length > 0 ? ` (${where.join(', ')})` : ''}`;
}

function cap(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
