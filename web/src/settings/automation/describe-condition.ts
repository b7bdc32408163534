import type { TFunction } from 'i18next';
import { isRecord, listOf, textOf } from './json-reading.ts';

const SYMBOLS: Record<string, string> = { eq: '=', neq: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤' };

/**
 * A branch's condition in a line an administrator reads at a glance: "age ≥ 12 and age ≤ 55",
 * "Outside opening hours". Names of answers and fields stay as written: they are the flow's own words.
 */
export function describeCondition(condition: unknown, t: TFunction): string {
  if (!isRecord(condition)) return '?';
  const c = condition;
  const list = (value: unknown) => listOf(value).map(String).join(', ');
  switch (textOf(c.type)) {
    case 'answer':
      return valueTest(textOf(c.key) ?? '?', c, t);
    case 'var':
      return valueTest(textOf(c.path) ?? '?', c, t);
    case 'contact_field':
      return valueTest(t('settings.automation.conditions.field', { name: textOf(c.field) ?? '?' }), c, t);
    case 'tag':
      return c.op === 'lacks'
        ? t('settings.automation.conditions.tagLacks', { tag: textOf(c.tag) ?? '?' })
        : t('settings.automation.conditions.tagHas', { tag: textOf(c.tag) ?? '?' });
    case 'channel':
      return t('settings.automation.conditions.channel', { list: list(c.in) });
    case 'language':
      return t('settings.automation.conditions.language', { list: list(c.in) });
    case 'time_of_day':
      return t('settings.automation.conditions.timeOfDay', { from: textOf(c.from), to: textOf(c.to) });
    case 'day_of_week':
      return t('settings.automation.conditions.dayOfWeek', { list: list(c.in) });
    case 'business_hours':
      return c.is === 'closed'
        ? t('settings.automation.conditions.closed')
        : t('settings.automation.conditions.open');
    case 'all':
    case 'any': {
      const joiner =
        c.type === 'all' ? t('settings.automation.conditions.and') : t('settings.automation.conditions.or');
      return listOf(c.conditions)
        .map((inner) => describeCondition(inner, t))
        .join(` ${joiner} `);
    }
    case 'not':
      return t('settings.automation.conditions.not', { condition: describeCondition(c.condition, t) });
    default:
      return '?';
  }
}

function valueTest(subject: string, test: Record<string, unknown>, t: TFunction): string {
  const op = textOf(test.op) ?? '';
  const value = Array.isArray(test.value) ? test.value.map(String).join(', ') : String(test.value ?? '');
  const symbol = SYMBOLS[op];
  if (symbol !== undefined) return `${subject} ${symbol} ${value}`;
  switch (op) {
    case 'in':
      return t('settings.automation.conditions.in', { subject, value });
    case 'contains':
      return t('settings.automation.conditions.contains', { subject, value });
    case 'exists':
      return t('settings.automation.conditions.exists', { subject });
    case 'missing':
      return t('settings.automation.conditions.missing', { subject });
    default:
      return `${subject} ${op} ${value}`.trim();
  }
}
