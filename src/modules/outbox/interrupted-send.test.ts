import { describe, expect, it } from 'vitest';
import { CAUGHT_UP_MARGIN_MS, decideAfterEchoWait, echoWaitEndsAt, QUIET_MS } from './interrupted-send.ts';

const MINUTE = 60_000;
const at = (ms: number) => new Date(Date.UTC(2026, 5, 1, 9) + ms);
const wait = { sendingAt: at(0), upSince: at(-60 * MINUTE), waitMs: 5 * MINUTE };
const idle = { pending: false, caughtUp: false, lastReceivedAt: null };

describe('an interrupted send', () => {
  it('waits the echo wait from its sending time, or from Careline’s start when that came later', () => {
    expect(echoWaitEndsAt(wait)).toEqual(at(5 * MINUTE));
    // Down for an hour: Meta's retries of the echo can only arrive now that Careline is back.
    expect(echoWaitEndsAt({ ...wait, upSince: at(60 * MINUTE) })).toEqual(at(65 * MINUTE));
  });

  it('waits, past the echo wait, while a webhook received before is still to be processed', () => {
    const decision = decideAfterEchoWait(wait, { ...idle, pending: true }, at(5 * MINUTE));
    expect(decision).toMatchObject({ send: false, reason: 'waiting for received webhooks to be processed' });
  });

  it('waits while Meta is still delivering webhooks from before the send, and goes once they pass it', () => {
    const busy = { ...idle, lastReceivedAt: at(5 * MINUTE - 1000) };
    expect(decideAfterEchoWait(wait, busy, at(5 * MINUTE))).toMatchObject({ send: false });
    expect(decideAfterEchoWait(wait, { ...busy, caughtUp: true }, at(5 * MINUTE))).toEqual({ send: true });
    expect(CAUGHT_UP_MARGIN_MS).toBeGreaterThanOrEqual(5000);
  });

  it('goes when Meta has sent nothing for a while: no echo is queued behind others', () => {
    const quiet = { ...idle, lastReceivedAt: at(5 * MINUTE - QUIET_MS) };
    expect(decideAfterEchoWait(wait, quiet, at(5 * MINUTE))).toEqual({ send: true });
    expect(decideAfterEchoWait(wait, idle, at(5 * MINUTE))).toEqual({ send: true });
  });

  it('goes after a second echo wait whatever holds it, so a stuck webhook never keeps it for good', () => {
    const stuck = { pending: true, caughtUp: false, lastReceivedAt: at(10 * MINUTE) };
    const early = decideAfterEchoWait(wait, stuck, at(10 * MINUTE - 500));
    expect(early).toMatchObject({ send: false, recheckAt: at(10 * MINUTE) });
    expect(decideAfterEchoWait(wait, stuck, at(10 * MINUTE))).toEqual({ send: true });
  });
});
