/** What an adapter that calls its provider over HTTP may be given (tests, the simulator, app.ts). */
export interface AdapterCallOptions {
  fetch?: typeof fetch;
  /** How long one call may take; 15 s by default. */
  timeoutMs?: number;
  /** The clock the adapter reads (a Telegram tap's time, a LINE reply token's freshness). */
  now?: () => Date;
}
