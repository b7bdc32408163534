import type { FastifyInstance } from 'fastify';

/**
 * Gives the simulator's routes a plain JSON parser of their own, whatever the host server installed:
 * Careline mounts these routes in its own app, whose parsers (raw-body capture for webhooks) must not
 * change what the fake Graph API sees. Fastify scopes parsers to the plugin, so the host is untouched.
 */
export function useJsonBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    try {
      done(null, JSON.parse(text));
    } catch {
      done(Object.assign(new Error('The request body is not valid JSON.'), { statusCode: 400 }), undefined);
    }
  });
}

/** The HTTP status a Fastify error carries, when it is a client error (bad JSON, wrong media type). */
export function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return undefined;
  const status = error.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}
