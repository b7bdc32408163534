import { LRUCache } from 'lru-cache';
import type { InboundEvent } from '../inbound-event.ts';

/**
 * How long after its event a reply token is tried. LINE documents a reply token as single-use and
 * short-lived (channels.md §3: about a minute; reports of "Invalid reply token" after ~30 s): past
 * this, Careline pushes without trying; within it, a refused token still falls back to a push.
 */
export const REPLY_TOKEN_TTL_MS = 50_000;

interface HeldToken {
  token: string;
  expiresAt: number;
}

/**
 * The newest reply token of each person who wrote to a bot, kept in memory for the minute it is good
 * for: a reply with it is free, a push counts against the plan's monthly quota. Only a one-to-one chat's
 * token is kept (a group's would answer the whole group), never one of an event in `standby` mode (another
 * channel answers it) or of a redelivered event (its token may be long gone); each token is handed out
 * once, and a token already seen is not taken in again when the same delivery is read a second time.
 * A process that did not receive the webhook has no token, and pushes: correct, if not free.
 */
export class LineReplyTokens {
  readonly #held = new LRUCache<string, HeldToken>({ max: 50_000 });
  readonly #seen = new LRUCache<string, true>({ max: 100_000 });
  readonly #ttlMs: number;

  constructor(ttlMs = REPLY_TOKEN_TTL_MS) {
    this.#ttlMs = ttlMs;
  }

  remember(events: readonly InboundEvent[], now: number): void {
    for (const event of events) {
      if (event.kind !== 'message' && !(event.kind === 'lifecycle' && event.event === 'follow')) continue;
      const token = event.replyToken;
      const userId = event.kind === 'message' ? event.from.id : event.user.id;
      if (!token || !userId || event.accountId === null) continue;
      if (event.conversation?.type !== 'user' || event.mode === 'standby' || event.redelivery === true)
        continue;
      if (this.#seen.has(token)) continue;
      this.#seen.set(token, true);
      const expiresAt = Date.parse(event.timestamp ?? '') + this.#ttlMs;
      if (!(expiresAt > now)) continue;
      const key = keyOf(event.accountId, userId);
      const held = this.#held.get(key);
      if (held === undefined || held.expiresAt < expiresAt) this.#held.set(key, { token, expiresAt });
    }
  }

  /** The person's fresh token, handed out once; null when there is none. */
  take(accountId: string, userId: string, now: number): string | null {
    const key = keyOf(accountId, userId);
    const held = this.#held.get(key);
    if (held === undefined) return null;
    this.#held.delete(key);
    return held.expiresAt > now ? held.token : null;
  }
}

function keyOf(accountId: string, userId: string): string {
  return `${accountId}\n${userId}`;
}
