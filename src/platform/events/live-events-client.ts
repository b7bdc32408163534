import { readServerSentEvents } from './server-sent-events.ts';

/** An event as a client of GET /api/v1/events sees it. */
export interface LiveEvent {
  id: number;
  /** message.created, message.updated, conversation.updated, or reset. */
  type: string;
  data: Record<string, unknown>;
  /** When it arrived (performance.now()), for latency measurements. */
  receivedAt: number;
}

export interface LiveEventsConnection {
  status: number;
  /** Everything received so far, in order. */
  readonly received: readonly LiveEvent[];
  /** The next event not yet taken, or undefined when none comes within `timeoutMs`. */
  next(timeoutMs?: number): Promise<LiveEvent | undefined>;
  close(): void;
}

/**
 * Opens the live event stream with fetch, as a script, a test or a benchmark would (browsers use
 * EventSource). `lastEventId` resumes like a reconnecting EventSource; `after` like `?after=`.
 */
export async function connectLiveEvents(
  baseUrl: string,
  /** An API key, or a signed-in browser's session cookie (`careline_session=…`). */
  options: ({ apiKey: string } | { cookie: string }) & { lastEventId?: number; after?: number },
): Promise<LiveEventsConnection> {
  const abort = new AbortController();
  const url = new URL('/api/v1/events', baseUrl);
  if (options.after !== undefined) url.searchParams.set('after', String(options.after));
  const response = await fetch(url, {
    headers: {
      ...('apiKey' in options ? { authorization: `Bearer ${options.apiKey}` } : { cookie: options.cookie }),
      accept: 'text/event-stream',
      ...(options.lastEventId !== undefined ? { 'last-event-id': String(options.lastEventId) } : {}),
    },
    signal: abort.signal,
  });
  const received: LiveEvent[] = [];
  let taken = 0;
  const waiting: Array<() => void> = [];
  if (response.ok && response.body) {
    const body = response.body;
    void (async () => {
      try {
        for await (const message of readServerSentEvents(body)) {
          const data: unknown = JSON.parse(message.data);
          received.push({
            id: Number(message.id),
            type: message.event ?? 'message',
            data: typeof data === 'object' && data !== null ? { ...data } : {},
            receivedAt: performance.now(),
          });
          for (const wake of waiting.splice(0)) wake();
        }
      } catch {
        // Aborted by close(), or the server ended the stream.
      }
    })();
  }
  return {
    status: response.status,
    received,
    async next(timeoutMs = 2000) {
      if (taken >= received.length) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, timeoutMs);
          waiting.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      const event = received[taken];
      if (event) taken += 1;
      return event;
    },
    close() {
      abort.abort();
    },
  };
}
