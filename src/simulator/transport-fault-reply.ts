import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GraphResponse } from './simulator-records.ts';
import type { TransportFault } from './transport-faults.ts';

/**
 * Delivers a send's answer (none when the request never reached Meta) through a transport fault.
 * `closing` ends a slow answer's wait when the server shuts down.
 */
export async function replyThroughFault(
  request: FastifyRequest,
  reply: FastifyReply,
  fault: TransportFault,
  answer: GraphResponse | undefined,
  closing: AbortSignal,
): Promise<FastifyReply> {
  const socket = request.raw.socket;
  switch (fault.kind) {
    case 'slow_answer': {
      const hungUp = new AbortController();
      const onClose = () => hungUp.abort();
      socket.once('close', onClose);
      try {
        await sleep(fault.delayMs, undefined, { signal: AbortSignal.any([hungUp.signal, closing]) });
      } catch {
        // The caller hung up (or the server is closing): nobody is left to answer.
      } finally {
        socket.off('close', onClose);
      }
      if (socket.destroyed) return reply.hijack();
      return reply.code(answer?.httpStatus ?? 504).send(answer?.body ?? gatewayPage(504));
    }
    case 'no_answer':
      reply.hijack();
      socket.destroy();
      return reply;
    case 'cut_answer': {
      reply.hijack();
      const text = JSON.stringify(answer?.body ?? {});
      reply.raw.writeHead(answer?.httpStatus ?? 200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
      });
      reply.raw.write(text.slice(0, Math.floor(text.length / 2)), () => socket.destroy());
      return reply;
    }
    case 'gateway_error':
      return reply.code(fault.httpStatus).type('text/html').send(gatewayPage(fault.httpStatus));
  }
}

/** The kind of page a load balancer answers with: HTML, no Graph error object. */
function gatewayPage(status: number): string {
  return `<html><head><title>${status}</title></head><body><h1>${status} Gateway error</h1></body></html>`;
}
