import { describe, expect, test } from 'vitest';
import { formatComment, formatServerSentEvent, readServerSentEvents } from './server-sent-events.ts';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function all(chunks: string[]) {
  const events = [];
  for await (const event of readServerSentEvents(streamOf(chunks))) events.push(event);
  return events;
}

describe('server-sent events', () => {
  test('formats an event frame with id, type and JSON data', () => {
    expect(
      formatServerSentEvent({ id: '42', event: 'message.created', data: '{"conversationId":"c"}' }),
    ).toBe('id: 42\nevent: message.created\ndata: {"conversationId":"c"}\n\n');
  });

  test('a newline in the data cannot end the frame, nor a newline in the type inject a field', () => {
    const frame = formatServerSentEvent({ event: 'x\ndata: injected', data: 'a\nb' });
    expect(frame).toBe('event: x data: injected\ndata: a\ndata: b\n\n');
  });

  test('reads frames back, whatever the chunking, skipping comments and retry', async () => {
    const text =
      `retry: 2000\n${formatComment('connected')}` +
      formatServerSentEvent({ id: '1', event: 'message.created', data: '{"a":1}' }) +
      formatComment('heartbeat') +
      formatServerSentEvent({ id: '2', event: 'reset', data: 'line 1\nline 2' });
    const expected = [
      { id: '1', event: 'message.created', data: '{"a":1}' },
      { id: '2', event: 'reset', data: 'line 1\nline 2' },
    ];
    expect(await all([text])).toEqual(expected);
    expect(await all(text.split(''))).toEqual(expected);
    expect(await all([text.replaceAll('\n', '\r\n')].flatMap((t) => [t.slice(0, 41), t.slice(41)]))).toEqual(
      expected,
    );
  });
});
