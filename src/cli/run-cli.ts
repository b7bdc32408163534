import { type Command, CommanderError } from 'commander';
import { ZodError } from 'zod';
import { ConfigError } from '../config.ts';
import { OrgNotFoundError } from '../modules/orgs/org.service.ts';
import { DataDirLockedError } from '../platform/db/data-dir-lock.ts';
import { describeErrorSafely } from '../platform/safe-error.ts';

/** Runs the program and turns the errors an operator can fix into one readable line and exit code 2. */
export async function runCli(program: Command, argv: string[]): Promise<void> {
  program.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode);
    process.stderr.write(`error: ${describeError(error)}\n`);
    process.exit(operatorError(error) ? 2 : 1);
  }
}

function describeError(error: unknown): string {
  if (error instanceof ZodError)
    return error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
  const unique = uniqueViolation(error);
  if (unique) return `that already exists (${unique})`;
  // The operator's own mistakes read as written; anything else may be a database error quoting the
  // query's parameters (a patient's words, a password hash), so it is described without them.
  if (operatorError(error) && error instanceof Error) return error.message;
  return describeErrorSafely(error);
}

function operatorError(error: unknown): boolean {
  return (
    error instanceof ZodError ||
    error instanceof ConfigError ||
    error instanceof OrgNotFoundError ||
    error instanceof DataDirLockedError ||
    uniqueViolation(error) !== undefined
  );
}

/** The constraint name when PostgreSQL refused a duplicate (SQLSTATE 23505), wherever it is wrapped. */
function uniqueViolation(error: unknown): string | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ('code' in e && e.code === '23505') return 'constraint' in e ? String(e.constraint) : 'unique';
  }
  return undefined;
}
