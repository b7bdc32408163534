import type { GraphError } from './parse-graph-response.ts';

/** Codes where waiting helps: rate limits, throttling, Meta's "try again" errors (channels.md §1.9). */
const RETRYABLE_CODES = new Set([
  1, // unknown Graph error, usually transient
  2, // temporary service outage
  4, // app-level call rate limit
  80007, // WABA rate limit
  130429, // throughput exceeded
  131000, // something went wrong
  131048, // spam rate limit
  131053, // media upload failed on Meta's side
  131056, // pair rate limit
  131057, // account in maintenance / throughput upgrade
  133016, // registration rate limit
]);

/** Whether a refused Graph call is worth trying again, or refused for good (fix something first). */
export function graphErrorDisposition(error: GraphError): 'retry' | 'fail' {
  if (error.errorCode !== null && RETRYABLE_CODES.has(error.errorCode)) return 'retry';
  if (error.isTransient === true) return 'retry';
  if (error.errorCode === null && (error.httpStatus >= 500 || error.httpStatus === 429)) return 'retry';
  return 'fail';
}

/**
 * The same for a send, which must not be repeated if Meta took it. An error with a Graph code is
 * Meta's own refusal, and a 4xx without one a proxy's refusal before Meta: nothing was sent, retry or
 * fail as above. A 5xx without one (a gateway's error page or time-out) or a 2xx that is not Meta's
 * answer may come after Meta took the message: `unknown`, for its status webhook to settle.
 */
export function sendErrorDisposition(error: GraphError): 'retry' | 'fail' | 'unknown' {
  const success = error.httpStatus >= 200 && error.httpStatus < 300;
  if (error.errorCode === null && (success || error.httpStatus >= 500)) return 'unknown';
  return graphErrorDisposition(error);
}
