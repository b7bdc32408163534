import { type GuardedFetch, guardedFetch } from '../../platform/net/guarded-fetch.ts';
import { OutboundRequestError } from '../../platform/net/outbound-request-error.ts';

/** A calendar that could not be fetched, said without its URL (private calendar links are secrets). */
export class CalendarFetchError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CalendarFetchError';
  }
}

export interface CalendarFetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

/** A year of a busy practitioner's calendar is well under 1 MB; more is a mistake or an attack. */
export const CALENDAR_FETCH_LIMITS: CalendarFetchLimits = { timeoutMs: 10_000, maxBytes: 2 * 1024 * 1024 };

export interface CalendarFetchOptions {
  limits?: CalendarFetchLimits;
  /** The guarded client with the operator's allowed internal hosts; public addresses only without it. */
  fetch?: GuardedFetch;
}

/**
 * The text of an iCalendar URL (`webcal:` is fetched over https, as calendar apps do), through the
 * guarded client: an address inside Careline's network is refused unless the operator allowed it, with
 * the same words as a server that cannot be reached, so that the error tells nothing of what is there.
 * Gives up after `timeoutMs` for the whole exchange and refuses a body over `maxBytes` without reading
 * the rest, so a slow or huge answer cannot hold a worker. Throws `CalendarFetchError`.
 */
export async function fetchCalendarText(url: string, options: CalendarFetchOptions = {}): Promise<string> {
  const { limits = CALENDAR_FETCH_LIMITS, fetch = guardedFetch } = options;
  const target = httpUrlOf(url);
  let response: Awaited<ReturnType<GuardedFetch>>;
  try {
    response = await fetch({
      url: target,
      headers: { accept: 'text/calendar, */*;q=0.5' },
      timeoutMs: limits.timeoutMs,
      maxBytes: limits.maxBytes,
      overflow: 'fail',
    });
  } catch (error) {
    if (!(error instanceof OutboundRequestError)) throw error;
    throw new CalendarFetchError(failure(error, limits));
  }
  if (response.status < 200 || response.status > 299) {
    throw new CalendarFetchError(`the calendar server answered HTTP ${response.status}`);
  }
  return new TextDecoder().decode(response.body);
}

function httpUrlOf(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url.replace(/^webcals?:/i, 'https:'));
  } catch {
    throw new CalendarFetchError('the calendar URL is not a URL');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new CalendarFetchError('the calendar URL must start with https://, http:// or webcal://');
  }
  return parsed;
}

function failure(error: OutboundRequestError, limits: CalendarFetchLimits): string {
  switch (error.reason) {
    case 'timeout':
      return `the calendar server did not answer within ${limits.timeoutMs / 1000} s`;
    case 'too_large':
      return `the calendar is larger than ${Math.round(limits.maxBytes / 1024)} KB`;
    case 'invalid_url':
    case 'invalid_request':
    case 'unreachable':
      return 'the calendar server could not be reached, or its address is not one Careline may call';
  }
}
