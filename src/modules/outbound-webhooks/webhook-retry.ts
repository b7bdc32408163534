/** How long Careline keeps trying one event before it gives up on it (and turns the subscription off). */
export const DEFAULT_RETRY_WINDOW_MS = 3 * 24 * 3_600_000;
const DEFAULT_FIRST_DELAY_MS = 5_000;
/** Past a few hours the delay stops growing: a receiver back after a day hears from Careline soon. */
const MAX_DELAY_MS = 8 * 3_600_000;

export interface RetryPolicy {
  /** The delay after the first failed attempt; each further one is five times longer, up to 8 hours. */
  firstDelayMs: number;
  /** Since the event, how long attempts go on. */
  windowMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  firstDelayMs: DEFAULT_FIRST_DELAY_MS,
  windowMs: DEFAULT_RETRY_WINDOW_MS,
};

/**
 * When to try again after `attempts` failed attempts: 5 s, 25 s, 2 min, 10 min, 52 min, 4 h, then every
 * 8 h (about 12 attempts in 3 days), each delay drawn in ±20 % so that receivers coming back are not hit
 * by every sender at the same second. Null once the event is older than the retry window.
 */
export function nextAttemptAt(
  policy: RetryPolicy,
  occurredAt: Date,
  attempts: number,
  now: Date,
  random: () => number = Math.random,
): Date | null {
  const base = Math.min(policy.firstDelayMs * 5 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
  const delay = Math.round(base * (0.8 + 0.4 * random()));
  const at = new Date(now.getTime() + delay);
  const giveUpAt = occurredAt.getTime() + policy.windowMs;
  if (now.getTime() >= giveUpAt) return null;
  // The last attempt happens at the end of the window rather than never.
  return at.getTime() > giveUpAt ? new Date(giveUpAt) : at;
}
