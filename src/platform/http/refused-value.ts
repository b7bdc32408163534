import { HttpProblem } from './problem.ts';

/**
 * What PostgreSQL refuses in a value, by SQLSTATE: the data exceptions (class 22) and the limits
 * (class 54) a request's values can still hit once they passed its schema — a date outside
 * PostgreSQL's calendar, a number too large for its column, text it cannot hold, a value too big for an
 * index. Said without the value: it may be a megabyte, or a patient's words.
 */
const REASONS: Readonly<Record<string, string>> = {
  '22001': 'a text is longer than its field allows',
  '22003': 'a number is out of range',
  '22007': 'a date or time is not valid',
  '22008': 'a date or time is out of range',
  '22021': 'a text holds a character that cannot be stored (such as U+0000)',
  '22P02': 'a value is not of the expected form',
  '22P05': 'a text holds a character that cannot be stored',
  '54000': 'a value is too large to be stored',
};

const REFUSED_VALUE = /^(22|54)[0-9A-Z]{3}$/;

/**
 * The 400 problem for a request whose value the database refused (wherever pg, PGlite or Drizzle
 * wrapped the error), or undefined when the error is not one of those: a fault of the request is not
 * a fault of the server, and must not read as one.
 */
export function refusedValueProblem(error: unknown): { sqlState: string; problem: HttpProblem } | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = 'code' in e ? e.code : undefined;
    if (typeof code !== 'string' || !REFUSED_VALUE.test(code)) continue;
    const reason = REASONS[code] ?? 'a value cannot be stored';
    return { sqlState: code, problem: new HttpProblem(400, `A value of the request was refused: ${reason}`) };
  }
  return undefined;
}
