import { DrizzleQueryError } from 'drizzle-orm/errors';
import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { describeErrorSafely, safeErrorFields, sanitiseErrorText } from './safe-error.ts';

const HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$I38mVwGiA5VwXtvVOmLsng$5tpT2p3ricCCLjDvmA1ksbCz7aGQ4AQj2/D9NdCr4X4';
const PHI = ['Douleur thoracique', 'Louise Martin', '+33612345678', 'louise@example.test', HASH];

/** What node-postgres throws, field for field, for a row a constraint refuses. */
function databaseError(message: string, fields: Partial<pg.DatabaseError>): pg.DatabaseError {
  return Object.assign(new pg.DatabaseError(message, 100, 'error'), { severity: 'ERROR' }, fields);
}

function failedQuery(cause: Error): DrizzleQueryError {
  return new DrizzleQueryError(
    'insert into "users" ("org_id", "email", "name", "password_hash") values ($1, $2, $3, $4)',
    ['5f0b8a52-8a1e-4a43-9a55-3f1f0ad2f3a1', 'louise@example.test', 'Louise Martin', HASH],
    cause,
  );
}

describe('describeErrorSafely', () => {
  test('a failed query is described by class, SQLSTATE, statement, table and constraint, never its parameters or row', () => {
    const error = failedQuery(
      databaseError('duplicate key value violates unique constraint "users_email_lower_idx"', {
        code: '23505',
        detail:
          'Key (lower(email))=(louise@example.test) already exists. Failing row contains (Louise Martin, +33612345678, Douleur thoracique).',
        where: "unnamed portal parameter $3 = 'Louise Martin'",
        table: 'users',
        constraint: 'users_email_lower_idx',
        schema: 'public',
      }),
    );
    expect(error.message).toContain('Louise Martin');
    const line = describeErrorSafely(error);
    expect(line).toBe(
      'DrizzleQueryError: query failed (insert into users); caused by DatabaseError [23505 unique_violation]: ' +
        'duplicate key value violates unique constraint "users_email_lower_idx" (schema public, table users, constraint users_email_lower_idx)',
    );
    for (const value of PHI) expect(line).not.toContain(value);
  });

  test('a value quoted in a database message is taken out', () => {
    const error = databaseError('invalid input syntax for type uuid: "Louise Martin +33612345678"', {
      code: '22P02',
      where: "unnamed portal parameter $1 = '...'",
    });
    expect(describeErrorSafely(error)).toBe(
      'DatabaseError [22P02 invalid_text_representation]: invalid input syntax for type uuid: "…"',
    );
  });

  test('a NUL or a newline in an error never reaches the stored text', () => {
    const line = describeErrorSafely(new Error('bad\u0000byte\nsecond line'));
    expect(line).toBe('bad byte second line');
    expect(describeErrorSafely(new Error('x'.repeat(100_000))).length).toBeLessThanOrEqual(2000);
  });

  test('JSON.parse errors lose the snippet of the body they quote', () => {
    let error: unknown;
    try {
      JSON.parse('Bonjour, Louise Martin a une Douleur thoracique');
    } catch (caught) {
      error = caught;
    }
    expect(String(error)).toContain('Bonjour');
    const line = describeErrorSafely(error);
    expect(line).toMatch(/^SyntaxError: /);
    for (const value of [...PHI, 'Bonjour']) expect(line).not.toContain(value);
  });

  test('e-mail addresses, phone numbers, hashes and tokens in free text are masked; ids stay', () => {
    const text = sanitiseErrorText(
      `user louise@example.test +33 6 12 34 56 78 hash ${HASH} key cl_${'a'.repeat(43)} id 5f0b8a52-8a1e-4a43-9a55-3f1f0ad2f3a1 at 127.0.0.1:5432 on 2026-03-02`,
    );
    expect(text).toBe(
      'user [e-mail] [number] hash [hash] key [token] id 5f0b8a52-8a1e-4a43-9a55-3f1f0ad2f3a1 at 127.0.0.1:5432 on 2026-03-02',
    );
  });

  test('anything that is not an error is described without its content', () => {
    expect(describeErrorSafely('params: Louise Martin')).toBe('string: ');
    expect(describeErrorSafely(undefined)).toBe('undefined: undefined');
  });
});

describe('safeErrorFields (the log serializer)', () => {
  test('keeps the stack frames but not the message line above them', () => {
    const fields = safeErrorFields(failedQuery(new Error('boom')));
    expect(fields.stack).toMatch(/^\s+at /);
    expect(JSON.stringify(fields)).not.toContain('Louise Martin');
    expect(JSON.stringify(fields)).not.toContain('params');
    expect(fields).toMatchObject({
      type: 'DrizzleQueryError',
      message: 'query failed',
      statement: 'insert into users',
      cause: { type: 'Error', message: 'boom' },
    });
  });

  test('keeps Node and Fastify codes and HTTP statuses', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(safeErrorFields(error)).toMatchObject({
      type: 'Error',
      code: 'ECONNREFUSED',
      message: 'connect ECONNREFUSED 127.0.0.1:5432',
    });
    const fastify = Object.assign(new Error('Body is too large'), {
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
      statusCode: 413,
    });
    expect(safeErrorFields(fastify)).toMatchObject({ code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
  });
});
