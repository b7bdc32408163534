import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { PermanentJobError } from './job-worker.ts';
import { malformedPayloadError } from './malformed-payload.ts';

function reasonFor(schema: z.ZodType, payload: unknown): string {
  const parsed = schema.safeParse(payload);
  if (parsed.success) throw new Error('expected the payload to be refused');
  const error = malformedPayloadError('flows.event', parsed.error);
  expect(error).toBeInstanceOf(PermanentJobError);
  return error.message;
}

describe('the reason a malformed payload fails its job', () => {
  test('keys that come from the data (a record’s) are not shown: they may be a patient’s words', () => {
    const schema = z.object({ headers: z.record(z.string(), z.string()) });
    const reason = reasonFor(schema, { headers: { 'Marie Curie +33612345678': 7 } });
    expect(reason).toBe('malformed flows.event payload: headers.… (expected string)');
  });

  test('a payload wrong in many places names the first few fields and counts the rest', () => {
    const schema = z.object(Object.fromEntries('abcdefg'.split('').map((key) => [key, z.number()])));
    expect(reasonFor(schema, {})).toBe(
      'malformed flows.event payload: a (expected number), b (expected number), c (expected number), d (expected number), e (expected number) and 2 more',
    );
  });

  test('a payload that is not an object at all says so', () => {
    expect(reasonFor(z.object({ orgId: z.uuid() }), 'Jeanne')).toBe(
      'malformed flows.event payload: the payload (expected object)',
    );
  });
});
