import { describe, expect, test } from 'vitest';
import { clinicTime } from './clinic-time.ts';
import type { Condition } from './condition.schema.ts';
import { type ConditionScope, evaluateCondition, testValue } from './evaluate-condition.ts';

describe('testValue', () => {
  test('eq and neq compare as people mean it: case, accents and number-as-text aside', () => {
    expect(testValue('Oui', 'eq', 'oui')).toBe(true);
    expect(testValue('Fièvre', 'eq', 'fievre')).toBe(true);
    expect(testValue(42, 'eq', '42')).toBe(true);
    expect(testValue('42', 'eq', 42)).toBe(true);
    expect(testValue(42, 'eq', 43)).toBe(false);
    expect(testValue(42, 'neq', 43)).toBe(true);
    expect(testValue(undefined, 'neq', 'x')).toBe(true);
    expect(testValue(undefined, 'eq', 'x')).toBe(false);
    expect(testValue(true, 'eq', true)).toBe(true);
    expect(testValue({ a: 1 }, 'eq', 'a')).toBe(false);
  });

  test('in, contains', () => {
    expect(testValue('b', 'in', ['a', 'B'])).toBe(true);
    expect(testValue('c', 'in', ['a', 'b'])).toBe(false);
    expect(testValue('c', 'in', 'c')).toBe(false);
    expect(testValue('Douleur à la Poitrine', 'contains', 'poitrine')).toBe(true);
    expect(testValue('toux', 'contains', 'poitrine')).toBe(false);
    expect(testValue(['a', 'b'], 'contains', 'B')).toBe(true);
  });

  test('ordering is numeric for numbers and textual for dates and times', () => {
    expect(testValue(70, 'gt', 65)).toBe(true);
    expect(testValue(65, 'gt', 65)).toBe(false);
    expect(testValue(65, 'gte', 65)).toBe(true);
    expect(testValue('9', 'lt', 10)).toBe(true);
    expect(testValue('2027-03-28', 'lt', '2027-04-01')).toBe(true);
    expect(testValue('14:30', 'lte', '09:00')).toBe(false);
    expect(testValue(undefined, 'lt', 10)).toBe(false);
    expect(testValue('abc', 'gt', 3)).toBe(false);
  });

  test('exists and missing: empty text and empty lists count as missing', () => {
    expect(testValue('x', 'exists')).toBe(true);
    expect(testValue(0, 'exists')).toBe(true);
    expect(testValue(false, 'exists')).toBe(true);
    for (const value of [undefined, null, '', []]) {
      expect(testValue(value, 'exists')).toBe(false);
      expect(testValue(value, 'missing')).toBe(true);
    }
  });
});

describe('evaluateCondition', () => {
  const scope: ConditionScope = {
    contact: { fields: { insurance: 'MGEN' }, tags: ['VIP'] },
    answers: { age: 70 },
    vars: { api: { status: 404 } },
    org: { name: 'Cabinet' },
    channel: 'whatsapp',
    language: 'fr',
    at: clinicTime('2027-03-29T07:30:00Z', 'Europe/Paris'), // Monday 09:30 CEST
    businessHours: { weekly: { mon: [{ from: '09:00', to: '12:00' }] } },
  };
  const holds = (condition: Condition) => evaluateCondition(condition, scope);

  test('each kind of condition', () => {
    expect(holds({ type: 'answer', key: 'age', op: 'gte', value: 65 })).toBe(true);
    expect(holds({ type: 'var', path: 'api.status', op: 'eq', value: 404 })).toBe(true);
    expect(holds({ type: 'contact_field', field: 'insurance', op: 'eq', value: 'mgen' })).toBe(true);
    expect(holds({ type: 'tag', tag: 'vip', op: 'has' })).toBe(true);
    expect(holds({ type: 'tag', tag: 'vip', op: 'lacks' })).toBe(false);
    expect(holds({ type: 'channel', in: ['messenger'] })).toBe(false);
    expect(holds({ type: 'language', in: ['fr'] })).toBe(true);
    expect(holds({ type: 'time_of_day', from: '09:00', to: '10:00' })).toBe(true);
    expect(holds({ type: 'day_of_week', in: ['sat', 'sun'] })).toBe(false);
    expect(holds({ type: 'business_hours', is: 'open' })).toBe(true);
    expect(holds({ type: 'business_hours', is: 'closed' })).toBe(false);
  });

  test('all, any and not combine', () => {
    const yes: Condition = { type: 'language', in: ['fr'] };
    const no: Condition = { type: 'language', in: ['en'] };
    expect(holds({ type: 'all', conditions: [yes, yes] })).toBe(true);
    expect(holds({ type: 'all', conditions: [yes, no] })).toBe(false);
    expect(holds({ type: 'any', conditions: [no, yes] })).toBe(true);
    expect(holds({ type: 'any', conditions: [no, no] })).toBe(false);
    expect(holds({ type: 'not', condition: no })).toBe(true);
  });
});
