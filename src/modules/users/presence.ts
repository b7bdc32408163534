/** An agent whose inbox refreshed its presence this recently is online (and can be given conversations). */
export const ONLINE_WITHIN_MS = 2 * 60_000;

export function isOnline(lastSeenAt: Date | null, now: Date): boolean {
  return lastSeenAt !== null && now.getTime() - lastSeenAt.getTime() <= ONLINE_WITHIN_MS;
}
