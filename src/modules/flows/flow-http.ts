import { z } from 'zod';
import type { FlowInput, JsonValue } from './engine/index.ts';
import type { FlowHttpRequest } from './flow-queue.ts';

/** A clinic API answering more than this is not answering a flow: the rest is not read. */
const MAX_RESPONSE_BYTES = 256 * 1024;

/**
 * A flow's HTTP step, carried out: JSON in and out, with the step's time-out. The answer goes back to
 * the engine as `http_result`; a time-out or a network failure is said as such, never thrown.
 */
export async function performFlowHttpRequest(request: FlowHttpRequest): Promise<FlowInput> {
  const hasBody = request.body !== undefined && request.method !== 'GET' && request.method !== 'DELETE';
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: {
        accept: 'application/json',
        ...(hasBody ? { 'content-type': 'application/json' } : {}),
        ...request.headers,
      },
      ...(hasBody ? { body: JSON.stringify(request.body) } : {}),
      redirect: 'follow',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    const text = (await response.text()).slice(0, MAX_RESPONSE_BYTES);
    return {
      kind: 'http_result',
      requestId: request.requestId,
      status: response.status,
      body: parsedBody(text),
    };
  } catch (error) {
    const timedOut =
      error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return { kind: 'http_result', requestId: request.requestId, error: timedOut ? 'timeout' : 'network' };
  }
}

/** JSON when the body is JSON (as the flow's variables use it), the text otherwise. */
function parsedBody(text: string): JsonValue {
  if (text === '') return null;
  try {
    const parsed = z.json().safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : text;
  } catch {
    return text;
  }
}
