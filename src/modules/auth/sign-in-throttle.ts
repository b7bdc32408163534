/**
 * How failed sign-ins slow a source down: after `maxFailures` in a row it is paused, first for
 * `firstPauseMs`, each next pause twice as long up to `maxPauseMs`. A success clears the count; a
 * day without attempts forgets it. The pause applies to one source (see sign-in.service.ts), never
 * to a person's own known browsers.
 */
export interface ThrottlePolicy {
  maxFailures: number;
  firstPauseMs: number;
  maxPauseMs: number;
  forgetAfterMs: number;
}

export const SIGN_IN_THROTTLE: ThrottlePolicy = {
  maxFailures: 5,
  firstPauseMs: 60_000,
  maxPauseMs: 15 * 60_000,
  forgetAfterMs: 24 * 60 * 60_000,
};

export interface ThrottleState {
  failures: number;
  pauses: number;
  pausedUntil: Date | null;
  updatedAt: Date;
}

/** Until when the source is paused, or null when it may try. */
export function pausedUntil(state: ThrottleState | undefined, now: Date): Date | null {
  return state?.pausedUntil && state.pausedUntil > now ? state.pausedUntil : null;
}

/** The state after one more wrong password. Attempts refused during a pause were never checked: not counted. */
export function afterFailure(
  state: ThrottleState | undefined,
  now: Date,
  policy: ThrottlePolicy = SIGN_IN_THROTTLE,
): ThrottleState {
  if (state && pausedUntil(state, now)) return state;
  const stale = !state || now.getTime() - state.updatedAt.getTime() >= policy.forgetAfterMs;
  const failures = (stale ? 0 : state.failures) + 1;
  const pauses = stale ? 0 : state.pauses;
  if (failures < policy.maxFailures) return { failures, pauses, pausedUntil: null, updatedAt: now };
  const pauseMs = Math.min(policy.firstPauseMs * 2 ** pauses, policy.maxPauseMs);
  return { failures: 0, pauses: pauses + 1, pausedUntil: new Date(now.getTime() + pauseMs), updatedAt: now };
}
