import { describe, expect, it } from 'vitest';
import { lifecyclePlan } from './lifecycle-plan.ts';

const delays = { sentAfterMs: 100, deliveredAfterMs: 400, readAfterMs: 1500 };

describe('lifecyclePlan', () => {
  it('goes sent → delivered → read by default', () => {
    expect(lifecyclePlan({}, delays)).toEqual([
      { status: 'sent', delayMs: 100 },
      { status: 'delivered', delayMs: 400 },
      { status: 'read', delayMs: 1500 },
    ]);
  });

  it('skips delivered without moving read', () => {
    expect(lifecyclePlan({ skipDelivered: true }, delays)).toEqual([
      { status: 'sent', delayMs: 100 },
      { status: 'read', delayMs: 1900 },
    ]);
  });

  it('stops after the given status', () => {
    expect(lifecyclePlan({ stopAfter: 'delivered' }, delays).map((step) => step.status)).toEqual([
      'sent',
      'delivered',
    ]);
    expect(lifecyclePlan({ stopAfter: 'accepted' }, delays)).toEqual([]);
  });

  it('fails in place of sent by default, or after the status named', () => {
    const fail = { code: 131026, title: 'Message undeliverable' };
    expect(lifecyclePlan({ fail }, delays)).toEqual([{ status: 'failed', delayMs: 100 }]);
    expect(lifecyclePlan({ fail: { ...fail, after: 'sent' } }, delays)).toEqual([
      { status: 'sent', delayMs: 100 },
      { status: 'failed', delayMs: 400 },
    ]);
  });
});
