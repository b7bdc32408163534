import Fastify from 'fastify';

/** One delivery as Careline's webhook route would receive it: the path, the headers, the exact bytes. */
export interface ReceivedDelivery {
  path: string;
  headers: Record<string, string | undefined>;
  rawBody: Buffer;
}

/**
 * A stand-in for Careline's webhook routes on 127.0.0.1 that keeps every delivery as it came (the raw
 * bytes a signature covers) and answers 200, for the contract tests of the simulator's stand-ins.
 */
export async function startRawWebhookReceiver(): Promise<{
  url: string;
  received: ReceivedDelivery[];
  close(): Promise<void>;
}> {
  const received: ReceivedDelivery[] = [];
  const receiver = Fastify();
  receiver.removeAllContentTypeParsers();
  receiver.addContentTypeParser(
    ['application/json', 'application/x-www-form-urlencoded'],
    { parseAs: 'buffer' },
    (_request, body, done) => done(null, body),
  );
  receiver.post('/*', async (request, reply) => {
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(request.headers))
      headers[name] = typeof value === 'string' ? value : undefined;
    received.push({
      path: request.url,
      headers,
      rawBody: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
    });
    return reply.code(200).send();
  });
  const url = await receiver.listen({ port: 0, host: '127.0.0.1' });
  return { url, received, close: () => receiver.close() };
}
