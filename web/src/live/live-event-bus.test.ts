import { describe, expect, test } from 'vitest';
import type { RedFlagEvent } from '../api/live-events.ts';
import { createLiveEventBus } from './live-event-bus.ts';

const redFlag: RedFlagEvent = {
  conversationId: 'c1',
  redFlagId: 'r1',
  category: 'chest_pain',
  assigneeUserId: null,
  teamId: null,
};

describe('createLiveEventBus', () => {
  test('hands a published event to every listener of its name', () => {
    const bus = createLiveEventBus();
    const first: RedFlagEvent[] = [];
    const second: RedFlagEvent[] = [];
    bus.subscribe('conversation.red_flag', (event) => first.push(event));
    bus.subscribe('conversation.red_flag', (event) => second.push(event));
    bus.publish('conversation.red_flag', redFlag);
    expect(first).toEqual([redFlag]);
    expect(second).toEqual([redFlag]);
  });

  test('stops handing events to a listener once it unsubscribed', () => {
    const bus = createLiveEventBus();
    const seen: RedFlagEvent[] = [];
    const unsubscribe = bus.subscribe('conversation.red_flag', (event) => seen.push(event));
    bus.publish('conversation.red_flag', redFlag);
    unsubscribe();
    bus.publish('conversation.red_flag', { ...redFlag, redFlagId: 'r2' });
    expect(seen).toEqual([redFlag]);
  });

  test('publishes to nobody without error when nothing listens', () => {
    expect(() => createLiveEventBus().publish('conversation.red_flag', redFlag)).not.toThrow();
  });
});
