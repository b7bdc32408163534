import { describe, expect, test } from 'vitest';
import { builtInFlowSchema, flowTriggerSchema } from './built-in-flow.schema.ts';
import { csatFlow } from './csat.flow.ts';

describe('flowTriggerSchema', () => {
  test('keywords in one language only get an empty list for the other', () => {
    expect(flowTriggerSchema.parse({ kind: 'keyword', match: 'exact', words: { fr: [' menu '] } })).toEqual({
      kind: 'keyword',
      match: 'exact',
      words: { fr: ['menu'], en: [] },
    });
  });

  test('refuses an unknown kind, a keyword without a match, and a blank word', () => {
    expect(flowTriggerSchema.safeParse({ kind: 'birthday' }).success).toBe(false);
    expect(flowTriggerSchema.safeParse({ kind: 'keyword', words: { fr: ['menu'] } }).success).toBe(false);
    expect(
      flowTriggerSchema.safeParse({ kind: 'keyword', match: 'exact', words: { fr: ['  '] } }).success,
    ).toBe(false);
  });
});

describe('builtInFlowSchema', () => {
  const messages = (value: unknown) =>
    builtInFlowSchema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];

  test('refuses a key that is not the definition’s', () => {
    expect(messages({ ...csatFlow, key: 'survey' })).toContain('must be survey');
  });

  test('refuses a key a start_flow step could not name', () => {
    const key = 'non-urgent';
    expect(messages({ ...csatFlow, key, definition: { ...csatFlow.definition, key } })).toContain(
      'must be a key of lower-case letters, digits or _',
    );
  });

  test('refuses a definition whose steps point nowhere', () => {
    const steps = { ...csatFlow.definition.steps, thanks: { type: 'goto', next: 'gone' } };
    expect(messages({ ...csatFlow, definition: { ...csatFlow.definition, steps } })).toContain(
      'steps.thanks.next: points at step gone, which does not exist',
    );
  });

  test('refuses a flow nothing can start', () => {
    expect(messages({ ...csatFlow, triggers: [] })).toContain('must hold at least one trigger');
  });
});
