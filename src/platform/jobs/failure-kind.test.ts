import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { classifyFailure } from './failure-kind.ts';
import { PermanentJobError } from './job-worker.ts';

/** As drizzle throws them: its own error, quoting the query and its parameters, around the driver's. */
function wrapped(driverError: object): Error {
  const error = new Error('Failed query: insert into messages ...\nparams: Mon ordonnance,+33612345678');
  return Object.assign(error, { cause: Object.assign(new Error('driver error'), driverError) });
}

describe('classifyFailure', () => {
  test.each([
    ['23514', 'check_violation'],
    ['23505', 'unique_violation'],
    ['22P02', 'invalid_text_representation'],
    ['22001', 'string_data_right_truncation'],
    ['54000', 'program_limit_exceeded'],
    ['P0001', 'raise_exception'],
  ])('SQLSTATE %s (%s) recurs: not worth retrying', (code, condition) => {
    const failure = classifyFailure(wrapped({ code, table: 'messages', constraint: 'messages_text_check' }));
    expect(failure).toEqual({
      kind: 'deterministic',
      reason: `the database refused it: ${condition}, SQLSTATE ${code} (table messages, constraint messages_text_check)`,
    });
  });

  test.each(['40001', '40P01', '08006', '57P01', '53300'])('SQLSTATE %s passes: worth retrying', (code) => {
    expect(classifyFailure(wrapped({ code })).kind).toBe('transient');
  });

  test('a lost connection is passing, whether the driver gives a code or only words', () => {
    expect(classifyFailure(wrapped({ code: 'ECONNRESET' }))).toEqual({
      kind: 'transient',
      reason: 'the database connection failed (ECONNRESET)',
    });
    const terminated = new Error('Failed query: select 1', {
      cause: new Error('Connection terminated unexpectedly'),
    });
    expect(classifyFailure(terminated).kind).toBe('transient');
  });

  test('words in the parameters a wrapper quotes never decide: a patient may write « connection closed »', () => {
    const error = new Error('Failed query: insert ...\nparams: my connection closed,+33612345678', {
      cause: new Error('something else'),
    });
    expect(classifyFailure(error).kind).toBe('unknown');
  });

  test('input that does not parse, and bugs, recur', () => {
    expect(classifyFailure(z.object({ text: z.string() }).safeParse({ text: 1 }).error)).toEqual({
      kind: 'deterministic',
      reason: 'the data did not have the expected shape (invalid_type at text)',
    });
    expect(classifyFailure(new SyntaxError('Unexpected token')).kind).toBe('deterministic');
    expect(classifyFailure(new RangeError('Invalid time value')).kind).toBe('deterministic');
    expect(classifyFailure(new PermanentJobError('gone')).kind).toBe('deterministic');
  });

  test('the reason never quotes a message, a detail or a value', () => {
    const failure = classifyFailure(
      wrapped({
        code: '23514',
        detail: 'Failing row contains (J’ai mal à la poitrine, +33612345678)',
        table: 'messages',
        column: 'J’ai mal',
        constraint: "x' or 1=1",
      }),
    );
    expect(failure.reason).toBe('the database refused it: check_violation, SQLSTATE 23514 (table messages)');
    expect(classifyFailure(new Error('Paul Girard +33612345678')).reason).toBe('unexpected error (Error)');
  });

  test('an error of unknown nature is neither', () => {
    expect(classifyFailure(wrapped({ code: 'XX000' })).kind).toBe('unknown');
    expect(classifyFailure('a string').kind).toBe('unknown');
  });
});
