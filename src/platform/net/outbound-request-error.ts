/**
 * Why a guarded request gave no answer. `unreachable` covers both an address Careline may not call and
 * a server that could not be reached: telling them apart would tell what lies behind an internal
 * address (a port-scan oracle). The log says which.
 */
export type OutboundFailure = 'invalid_url' | 'invalid_request' | 'unreachable' | 'timeout' | 'too_large';

const MESSAGES: Record<OutboundFailure, string> = {
  invalid_url: 'the URL is not an http:// or https:// URL',
  invalid_request: 'the request cannot be sent as it is (a header value is not valid)',
  unreachable: 'the server could not be reached, or its address is not one Careline may call',
  timeout: 'the server did not answer in time',
  too_large: 'the answer is larger than allowed',
};

export class OutboundRequestError extends Error {
  override name = 'OutboundRequestError';
  readonly reason: OutboundFailure;

  constructor(reason: OutboundFailure) {
    super(MESSAGES[reason]);
    this.reason = reason;
  }
}
