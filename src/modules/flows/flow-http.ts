import { z } from 'zod';
import { type GuardedFetch, guardedFetch } from '../../platform/net/guarded-fetch.ts';
import { OutboundRequestError } from '../../platform/net/outbound-request-error.ts';
import type { FlowInput, JsonValue } from './engine/index.ts';
import type { FlowHttpRequest } from './flow-queue.ts';

/** A clinic API answering more than this is not answering a flow: the rest is not read. */
const MAX_RESPONSE_BYTES = 256 * 1024;

/**
 * A flow's HTTP step, carried out through the guarded client (a flow is written by a clinic's admin:
 * its URL must not reach Careline's own network unless the operator allowed the host). JSON in and
 * out, with the step's time-out. The answer goes back to the engine as `http_result`; a time-out or a
 * failure is said as such, never thrown, and a refused address reads as a network failure.
 */
export async function performFlowHttpRequest(
  request: FlowHttpRequest,
  fetch: GuardedFetch = guardedFetch,
): Promise<FlowInput> {
  const hasBody = request.body !== undefined && request.method !== 'GET' && request.method !== 'DELETE';
  try {
    const response = await fetch({
      url: request.url,
      method: request.method,
      headers: {
        accept: 'application/json',
        ...(hasBody ? { 'content-type': 'application/json' } : {}),
        ...request.headers,
      },
      ...(hasBody ? { body: JSON.stringify(request.body) } : {}),
      timeoutMs: request.timeoutMs,
      maxBytes: MAX_RESPONSE_BYTES,
      overflow: 'truncate',
    });
    return {
      kind: 'http_result',
      requestId: request.requestId,
      status: response.status,
      body: parsedBody(response.body.toString('utf8')),
    };
  } catch (error) {
    const timedOut = error instanceof OutboundRequestError && error.reason === 'timeout';
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
