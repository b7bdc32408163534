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

/**
 * The text of an iCalendar URL (`webcal:` is fetched over https, as calendar apps do). Gives up after
 * `timeoutMs` for the whole exchange and refuses a body over `maxBytes` without reading the rest, so a
 * slow or huge answer cannot hold a worker. Throws `CalendarFetchError`.
 */
export async function fetchCalendarText(
  url: string,
  limits: CalendarFetchLimits = CALENDAR_FETCH_LIMITS,
): Promise<string> {
  const target = httpUrlOf(url);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let response: Response;
  try {
    response = await fetch(target, { signal, headers: { accept: 'text/calendar, */*;q=0.5' } });
  } catch (error) {
    throw new CalendarFetchError(unreachable(error, limits), { cause: error });
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new CalendarFetchError(`the calendar server answered HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new CalendarFetchError(tooLarge(limits));
  }
  try {
    return await readCapped(response, limits.maxBytes);
  } catch (error) {
    if (error instanceof CalendarFetchError) throw error;
    throw new CalendarFetchError(unreachable(error, limits), { cause: error });
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new CalendarFetchError(tooLarge({ maxBytes }));
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
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

function unreachable(error: unknown, limits: Pick<CalendarFetchLimits, 'timeoutMs'>): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `the calendar server did not answer within ${limits.timeoutMs / 1000} s`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code =
    typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : undefined;
  return `the calendar server could not be reached${code ? ` (${code})` : ''}`;
}

function tooLarge(limits: Pick<CalendarFetchLimits, 'maxBytes'>): string {
  return `the calendar is larger than ${Math.round(limits.maxBytes / 1024)} KB`;
}
