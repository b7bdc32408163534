import type { OutboundMessage } from './outbound-message.ts';

export type { LimitViolation, OutboundMessage } from './outbound-message.ts';

/** A plain text message; the quote and our correlation id travel as send options, not in the message. */
export type OutboundText = Extract<OutboundMessage, { type: 'text' }>;

/**
 * Why a send did not go through, when the outbox must act on it beyond retrying: the customer-service
 * window closed, the access token is invalid (an operator must fix it), or the provider is throttling
 * the number or the pair of number and patient.
 */
export type SendFailureReason = 'window_closed' | 'token_invalid' | 'throttled_number' | 'throttled_pair';

/**
 * What came of one call. `retry`: it certainly did not reach the provider, or the provider refused it
 * for a passing reason (throttling, its own outage) — try again later; `fail`: the provider refused for
 * good, with a reason a person can read; `unknown`: the call may have reached the provider (timed out
 * or broke after the request left, an answer that cannot be read) — sending again could deliver it
 * twice, so only the provider's status echo of our id (or its absence) can tell.
 */
export type SendOutcome =
  | { ok: true; externalId: string }
  | {
      ok: false;
      disposition: SendDisposition;
      code: number | null;
      title: string;
      detail: string | null;
      reason?: SendFailureReason;
    };

export type SendDisposition = 'retry' | 'fail' | 'unknown';

export type UploadOutcome =
  | { ok: true; providerMediaId: string }
  | { ok: false; disposition: 'retry' | 'fail'; title: string };
