import type { WhatsAppMediaKind } from './whatsapp-media-types.ts';

export type MediaTransferProblem =
  | 'unreachable'
  | 'refused'
  | 'expired'
  | 'invalid_response'
  | 'checksum_mismatch'
  | 'too_large'
  | 'unsupported_type';

/** A media transfer that did not happen; `message` says why in words an operator can act on. */
export class MediaTransferError extends Error {
  override name = 'MediaTransferError';
  readonly disposition: 'retry' | 'fail';
  readonly problem: MediaTransferProblem;
  /** Meta's error code, when Graph refused (e.g. 131053 retry, 100 fail, 190 token). */
  readonly graphCode: number | null;
  readonly detail: string | null;

  constructor(init: {
    disposition: 'retry' | 'fail';
    problem: MediaTransferProblem;
    message: string;
    graphCode?: number | null;
    detail?: string | null;
  }) {
    super(init.message);
    this.disposition = init.disposition;
    this.problem = init.problem;
    this.graphCode = init.graphCode ?? null;
    this.detail = init.detail ?? null;
  }
}

export function unreachable(message: string, error: unknown): MediaTransferError {
  const reason = error instanceof Error ? error.message : String(error);
  return new MediaTransferError({
    disposition: 'retry',
    problem: 'unreachable',
    message: `${message}: ${reason}`,
  });
}

export function invalidResponse(message: string): MediaTransferError {
  return new MediaTransferError({ disposition: 'retry', problem: 'invalid_response', message });
}

export function tooLarge(kind: WhatsAppMediaKind, maxBytes: number, size: number | null): MediaTransferError {
  const actual = size === null ? '' : ` (${size} bytes)`;
  return new MediaTransferError({
    disposition: 'fail',
    problem: 'too_large',
    message: `The ${kind} is larger than the ${maxBytes} bytes allowed${actual}`,
  });
}
