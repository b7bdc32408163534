/**
 * When a send interrupted mid-call (a crash left it `sending`, with no provider id) may go again. If
 * Meta got the call, its status webhook will echo our message id and adopt the wamid; sending before
 * that echo could arrive sends twice, waiting forever loses a message Meta never got. The wait is
 * counted from the later of the sending time and Careline's start (Meta retries the webhooks it could
 * not deliver while Careline was down only once it is up), never from the job lease.
 */
export interface EchoWait {
  sendingAt: Date;
  /** When this process started taking webhooks. */
  upSince: Date;
  /** The echo wait (OUTBOX_ECHO_WAIT_SECONDS). */
  waitMs: number;
}

/** What Careline knows of the webhooks once the echo wait has passed. */
export interface WebhookFacts {
  /** A webhook of the clinic, received before now, is still waiting to be processed (it may be the echo). */
  pending: boolean;
  /** Meta reported a status of this number stamped CAUGHT_UP_MARGIN_MS or more after the send. */
  caughtUp: boolean;
  /** The last webhook Careline received for the clinic. */
  lastReceivedAt: Date | null;
}

export type EchoDecision = { send: true } | { send: false; recheckAt: Date; reason: string };

/**
 * Meta sends a number's webhooks in order: once it reports a status stamped this long after the send,
 * the echo of the send (stamped within a second or two of it) has been delivered before.
 */
export const CAUGHT_UP_MARGIN_MS = 10_000;
/** No webhook for this long: Meta has none queued for the clinic, so none is late. */
export const QUIET_MS = 30_000;
const RECHECK_MS = 1000;

/** The end of the echo wait: before it, the send waits without looking further. */
export function echoWaitEndsAt(wait: EchoWait): Date {
  return new Date(Math.max(wait.sendingAt.getTime(), wait.upSince.getTime()) + wait.waitMs);
}

/**
 * Past the echo wait, the send goes again unless an echo may still be on its way: received and not yet
 * processed, or held in Meta's queue behind webhooks it is still delivering (under load it lags). A
 * second echo wait bounds that, so a webhook that keeps failing never holds the message for good.
 */
export function decideAfterEchoWait(wait: EchoWait, facts: WebhookFacts, now: Date): EchoDecision {
  const giveUpAt = echoWaitEndsAt(wait).getTime() + wait.waitMs;
  if (now.getTime() >= giveUpAt) return { send: true };
  const recheckAt = new Date(Math.min(now.getTime() + RECHECK_MS, giveUpAt));
  if (facts.pending)
    return { send: false, recheckAt, reason: 'waiting for received webhooks to be processed' };
  if (facts.caughtUp) return { send: true };
  const quiet = facts.lastReceivedAt === null || now.getTime() - facts.lastReceivedAt.getTime() >= QUIET_MS;
  if (quiet) return { send: true };
  return { send: false, recheckAt, reason: "waiting for Meta's webhooks to catch up with the send" };
}
