import type { FastifyReply, FastifyRequest } from 'fastify';

/** A year, the value HSTS preload lists ask for; no includeSubDomains: other hosts are not ours to decide. */
const HSTS = 'max-age=31536000';

/**
 * An onRequest hook giving every answer `X-Content-Type-Options: nosniff`, API answers
 * `Cache-Control: no-store` (patient data must stay out of shared and browser caches; a route may
 * set its own), and `Strict-Transport-Security` when Careline is served over TLS: PUBLIC_URL is https,
 * or the request came over https (through a proxy TRUST_PROXY names). They are set on the raw
 * response so that answers a route streams itself (live events) carry them too.
 */
export function securityHeaders(options: { publicUrl?: string | undefined; apiPrefix: string }) {
  const servedOverTls = options.publicUrl?.startsWith('https:') ?? false;
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const raw = reply.raw;
    raw.setHeader('x-content-type-options', 'nosniff');
    if (request.url.startsWith(options.apiPrefix)) raw.setHeader('cache-control', 'no-store');
    if (servedOverTls || request.protocol === 'https') raw.setHeader('strict-transport-security', HSTS);
  };
}
