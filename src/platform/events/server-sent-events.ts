/**
 * The text/event-stream wire format (WHATWG HTML, "Server-sent events"): frames written by the
 * server, and a reader for clients that consume a stream with fetch (tests, benchmarks, scripts).
 */

export interface ServerSentEvent {
  /** The `id:` field; EventSource sends the last one back as `Last-Event-ID` when it reconnects. */
  id?: string;
  /** The `event:` field; absent means `message`. */
  event?: string;
  data: string;
}

/** One event frame. Data lines are split so a newline in the data cannot end the frame early. */
export function formatServerSentEvent(message: ServerSentEvent): string {
  const lines: string[] = [];
  if (message.id !== undefined) lines.push(`id: ${singleLine(message.id)}`);
  if (message.event !== undefined) lines.push(`event: ${singleLine(message.event)}`);
  for (const line of message.data.split(/\r\n|\r|\n/)) lines.push(`data: ${line}`);
  return `${lines.join('\n')}\n\n`;
}

/** A comment frame: ignored by clients, it keeps proxies from closing an idle connection. */
export function formatComment(text: string): string {
  return `: ${singleLine(text)}\n\n`;
}

/** Parses a text/event-stream body into its events (comments and `retry:` are skipped). */
export async function* readServerSentEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<ServerSentEvent, void, undefined> {
  const decoder = new TextDecoder();
  let buffer = '';
  let pending: { id?: string; event?: string; data: string[] } = { data: [] };
  const reader = body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (;;) {
        const newline = buffer.search(/\r\n|\r|\n/);
        // A CR at the very end may be the first half of a CRLF still on its way.
        if (newline < 0 || (newline === buffer.length - 1 && buffer.endsWith('\r'))) break;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(buffer.startsWith('\r\n', newline) ? newline + 2 : newline + 1);
        if (line === '') {
          if (pending.data.length > 0) yield { ...withoutData(pending), data: pending.data.join('\n') };
          pending = { data: [] };
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'data') pending.data.push(value);
          else if (field === 'id') pending.id = value;
          else if (field === 'event') pending.event = value;
        }
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

function withoutData(pending: { id?: string; event?: string }): Omit<ServerSentEvent, 'data'> {
  return {
    ...(pending.id !== undefined ? { id: pending.id } : {}),
    ...(pending.event !== undefined ? { event: pending.event } : {}),
  };
}

function singleLine(text: string): string {
  return text.replace(/[\r\n]/g, ' ');
}
