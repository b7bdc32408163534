import { describe, expect, test } from 'vitest';
import { afterFailure, pausedUntil, SIGN_IN_THROTTLE, type ThrottleState } from './sign-in-throttle.ts';

const T0 = new Date('2026-03-02T08:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;

function fail(times: number, start: ThrottleState | undefined, now: Date): ThrottleState | undefined {
  let state = start;
  for (let i = 0; i < times; i += 1) state = afterFailure(state, now);
  return state;
}

describe('sign-in throttle', () => {
  test('four wrong passwords leave a source free; the fifth pauses it for a minute', () => {
    const four = fail(4, undefined, T0);
    expect(pausedUntil(four, T0)).toBeNull();
    const five = afterFailure(four, T0);
    expect(pausedUntil(five, T0)).toEqual(at(MINUTE));
    expect(pausedUntil(five, at(MINUTE))).toBeNull();
  });

  test('guesses refused during a pause are not counted and do not lengthen it', () => {
    const paused = fail(5, undefined, T0);
    expect(fail(50, paused, at(30_000))).toEqual(paused);
  });

  test('each next pause lasts twice as long, at most fifteen minutes', () => {
    let state: ThrottleState | undefined;
    let now = T0;
    const lengths: number[] = [];
    for (let round = 0; round < 7; round += 1) {
      state = fail(5, state, now);
      const until = pausedUntil(state, now);
      if (!until) throw new Error('not paused');
      lengths.push((until.getTime() - now.getTime()) / MINUTE);
      now = until;
    }
    expect(lengths).toEqual([1, 2, 4, 8, 15, 15, 15]);
  });

  test('a day without attempts forgets the failures and the pauses', () => {
    const state = fail(14, undefined, T0);
    const later = at(SIGN_IN_THROTTLE.forgetAfterMs + 16 * MINUTE);
    expect(afterFailure(state, later)).toEqual({
      failures: 1,
      pauses: 0,
      pausedUntil: null,
      updatedAt: later,
    });
  });
});
