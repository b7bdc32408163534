import type { Temporal } from 'temporal-polyfill';
import type { Channel } from '../../../channels/inbound-event.ts';
import { clockOf, isBetween, isOpen, weekdayOf } from './clinic-time.ts';
import type { Condition, Scalar, ValueOperator } from './condition.schema.ts';
import type { BusinessHours } from './flow-context.ts';
import type { JsonValue } from './flow-session.ts';
import { foldText } from './fold-text.ts';
import type { FlowLanguage } from './localised.ts';
import { type RenderScope, resolvePath } from './render-template.ts';

export interface ConditionScope extends RenderScope {
  channel: Channel;
  language: FlowLanguage;
  /** Now, on the clinic's wall clock. */
  at: Temporal.ZonedDateTime;
  businessHours: BusinessHours;
}

/** Whether a branch case holds. Times and days are the clinic's, whatever the server's time zone. */
export function evaluateCondition(condition: Condition, scope: ConditionScope): boolean {
  switch (condition.type) {
    case 'answer':
      return testValue(resolvePath(scope, `answers.${condition.key}`), condition.op, condition.value);
    case 'var':
      return testValue(resolvePath(scope, `vars.${condition.path}`), condition.op, condition.value);
    case 'contact_field':
      return testValue(
        resolvePath(scope, `contact.fields.${condition.field}`),
        condition.op,
        condition.value,
      );
    case 'tag': {
      const has = scope.contact.tags.some((tag) => foldText(tag) === foldText(condition.tag));
      return condition.op === 'has' ? has : !has;
    }
    case 'channel':
      return condition.in.includes(scope.channel);
    case 'language':
      return condition.in.includes(scope.language);
    case 'time_of_day':
      return isBetween(clockOf(scope.at), condition.from, condition.to);
    case 'day_of_week':
      return condition.in.includes(weekdayOf(scope.at));
    case 'business_hours':
      return isOpen(scope.businessHours, scope.at) === (condition.is === 'open');
    case 'all':
      return condition.conditions.every((c) => evaluateCondition(c, scope));
    case 'any':
      return condition.conditions.some((c) => evaluateCondition(c, scope));
    case 'not':
      return !evaluateCondition(condition.condition, scope);
  }
}

/**
 * Compares what a patient said with what the flow expects, the way a person would: "Oui" equals "oui",
 * "42" equals 42; ordering is numeric for numbers and textual otherwise, which orders YYYY-MM-DD dates
 * and HH:MM times correctly.
 */
export function testValue(
  actual: JsonValue | undefined,
  op: ValueOperator,
  expected?: Scalar | Scalar[],
): boolean {
  const present = actual !== undefined && actual !== null && actual !== '' && !isEmptyList(actual);
  switch (op) {
    case 'exists':
      return present;
    case 'missing':
      return !present;
    case 'eq':
      return present && !Array.isArray(expected) && expected !== undefined && same(actual, expected);
    case 'neq':
      return !(present && !Array.isArray(expected) && expected !== undefined && same(actual, expected));
    case 'in':
      return present && Array.isArray(expected) && expected.some((value) => same(actual, value));
    case 'contains':
      return present && expected !== undefined && !Array.isArray(expected) && contains(actual, expected);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      if (!present || expected === undefined || Array.isArray(expected)) return false;
      const order = compare(actual, expected);
      if (order === undefined) return false;
      if (op === 'gt') return order > 0;
      if (op === 'gte') return order >= 0;
      if (op === 'lt') return order < 0;
      return order <= 0;
    }
  }
}

function same(actual: JsonValue, expected: Scalar): boolean {
  const a = asNumber(actual);
  const b = asNumber(expected);
  if (a !== undefined && b !== undefined) return a === b;
  if (typeof actual === 'object') return false;
  return foldText(String(actual)) === foldText(String(expected));
}

function contains(actual: JsonValue, expected: Scalar): boolean {
  if (Array.isArray(actual)) return actual.some((item) => item !== null && same(item, expected));
  if (typeof actual === 'object' && actual !== null) return false;
  return foldText(String(actual)).includes(foldText(String(expected)));
}

function compare(actual: JsonValue, expected: Scalar): number | undefined {
  const a = asNumber(actual);
  const b = asNumber(expected);
  if (a !== undefined && b !== undefined) return a - b;
  if (typeof actual !== 'string' || typeof expected !== 'string') return undefined;
  return actual < expected ? -1 : actual > expected ? 1 : 0;
}

function asNumber(value: JsonValue | Scalar): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

function isEmptyList(value: JsonValue): boolean {
  return Array.isArray(value) && value.length === 0;
}
