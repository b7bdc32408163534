import { expect, test } from 'vitest';
import { backoffDelayMs } from './job-queue.ts';

test('backoff doubles per attempt, keeps jitter within the upper half, and is capped at ten minutes', () => {
  expect(backoffDelayMs(1, () => 0)).toBe(500);
  expect(backoffDelayMs(1, () => 1)).toBe(1000);
  expect(backoffDelayMs(4, () => 0)).toBe(4000);
  expect(backoffDelayMs(4, () => 1)).toBe(8000);
  expect(backoffDelayMs(30, () => 1)).toBe(600_000);
});
