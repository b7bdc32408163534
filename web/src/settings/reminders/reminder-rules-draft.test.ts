import { describe, expect, test } from 'vitest';
import { draftOf, moveChannel, offsetDraftOf, rulesOf, sameRules } from './reminder-rules-draft.ts';

const RULES = {
  enabled: true,
  offsets_minutes: [2880, 120, 45],
  quiet_hours: { start: '20:00', end: '08:00' },
  template_name: 'rappel_rendez_vous',
  late_after_minutes: 15,
  channel_order: [],
};

describe('the reminder rules form', () => {
  test('offsets read as a person says them', () => {
    expect(offsetDraftOf(2880)).toEqual({ amount: 2, unit: 'days' });
    expect(offsetDraftOf(120)).toEqual({ amount: 2, unit: 'hours' });
    expect(offsetDraftOf(90)).toEqual({ amount: 90, unit: 'minutes' });
  });

  test('a draft left alone gives back the same rules', () => {
    expect(rulesOf(draftOf(RULES))).toEqual(RULES);
    expect(sameRules(rulesOf(draftOf(RULES)), RULES)).toBe(true);
  });

  test('switched-off quiet hours are sent as none, and switched on again offer the defaults', () => {
    const none = { ...RULES, quiet_hours: null };
    expect(rulesOf(draftOf(none)).quiet_hours).toBeNull();
    expect(rulesOf({ ...draftOf(none), quiet: true }).quiet_hours).toEqual({ start: '20:00', end: '08:00' });
    expect(sameRules(none, RULES)).toBe(false);
  });

  test('"1 day" is 1440 minutes; an empty amount goes to the server to be named', () => {
    const draft = draftOf(RULES);
    const changed = rulesOf({
      ...draft,
      offsets: [
        { amount: 1, unit: 'days' },
        { amount: '', unit: 'hours' },
      ],
    });
    expect(changed.offsets_minutes[0]).toBe(1440);
    expect(changed.offsets_minutes[1]).toBeNaN();
  });
});

describe('the channel order', () => {
  test('moving a channel up or down swaps it with its neighbour; past either end nothing moves', () => {
    const order = ['whatsapp', 'telegram', 'line'] as const;
    expect(moveChannel(order, 1, -1)).toEqual(['telegram', 'whatsapp', 'line']);
    expect(moveChannel(order, 1, 1)).toEqual(['whatsapp', 'line', 'telegram']);
    expect(moveChannel(order, 0, -1)).toEqual(order);
    expect(moveChannel(order, 2, 1)).toEqual(order);
  });

  test('the order is sent as chosen, and a changed order makes the form dirty', () => {
    const draft = { ...draftOf(RULES), channelOrder: ['line' as const, 'whatsapp' as const] };
    expect(rulesOf(draft).channel_order).toEqual(['line', 'whatsapp']);
    expect(sameRules(rulesOf(draft), RULES)).toBe(false);
    expect(sameRules(rulesOf(draftOf(RULES)), RULES)).toBe(true);
  });
});
