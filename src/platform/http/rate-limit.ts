import fastifyRateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem } from './problem.ts';

/** At most `max` requests per `windowMs`, counted per key (an IP, an API key, a user…). */
export interface RateLimit {
  max: number;
  windowMs: number;
}

/** The limits an operator sets (config.ts); each is counted in this process. */
export interface RateLimits {
  /** Every request from one client address, signed webhook deliveries excepted. */
  perIp: RateLimit;
  perApiKey: RateLimit;
  perSession: RateLimit;
  /** Sign-in attempts from one address (or one browser that signed in before). */
  signIn: RateLimit;
}

export type RateLimitHook = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/**
 * Registers the limiter (every rateLimitHook needs it) and, given a limit, counts every request per
 * client address before anything else runs, signed webhook deliveries excepted. Counters live in this
 * process: N processes behind a balancer allow N times the limit.
 */
export async function limitPerAddress(app: FastifyInstance, limit: RateLimit | undefined): Promise<void> {
  if (!app.hasDecorator('createRateLimit')) await app.register(fastifyRateLimit, { global: false });
  if (!limit) return;
  app.addHook(
    'onRequest',
    rateLimitHook(app, limit, {
      per: 'from this address',
      keyOf: (request) => (isSignedWebhookDelivery(request) ? undefined : clientIpKey(request)),
    }),
  );
}

/**
 * An onRequest hook that answers 429 (problem+json, Retry-After) once a key has made `limit.max`
 * requests within the window. `keyOf` answering undefined leaves the request uncounted.
 */
export function rateLimitHook(
  app: FastifyInstance,
  limit: RateLimit,
  options: {
    per: string;
    keyOf: (request: FastifyRequest) => string | undefined | Promise<string | undefined>;
  },
): RateLimitHook {
  const check = app.createRateLimit({
    max: limit.max,
    timeWindow: limit.windowMs,
    keyGenerator: async (request) => (await options.keyOf(request)) ?? NOT_COUNTED,
    allowList: (_request, key) => key === NOT_COUNTED,
  });
  return async (request, reply) => {
    const outcome = await check(request);
    if (outcome.isAllowed || !outcome.isExceeded) return;
    const seconds = Math.max(1, outcome.ttlInSeconds);
    reply.header('retry-after', String(seconds));
    throw new HttpProblem(
      429,
      `Too many requests ${options.per}: at most ${limit.max} every ${durationText(limit.windowMs)}; try again in ${seconds} s`,
    );
  };
}

/** The client's address, IPv6 by /64 (one machine has a whole prefix); X-Forwarded-For only from TRUST_PROXY. */
export function clientIpKey(request: FastifyRequest): string {
  return `ip:${normalizeIP(request.ip)}`;
}

/**
 * Webhook deliveries that carry a provider's signature are never limited: refusing one risks losing a
 * patient's message if the provider gives up, and forging one buys nothing (the route checks it).
 * Unsigned ones count against the sender's address like any other request.
 */
export function isSignedWebhookDelivery(request: FastifyRequest): boolean {
  return (
    request.method === 'POST' &&
    request.url.startsWith('/webhooks/') &&
    WEBHOOK_SIGNATURE_HEADERS.some((header) => typeof request.headers[header] === 'string')
  );
}

const NOT_COUNTED = '\u0000not-counted';

/** Meta (WhatsApp, Messenger, Instagram), LINE, Viber and Telegram sign their deliveries in these. */
const WEBHOOK_SIGNATURE_HEADERS = [
  'x-hub-signature-256',
  'x-line-signature',
  'x-viber-content-signature',
  'x-telegram-bot-api-secret-token',
];

function durationText(ms: number): string {
  if (ms % 3_600_000 === 0) return ms === 3_600_000 ? 'hour' : `${ms / 3_600_000} hours`;
  if (ms % 60_000 === 0) return ms === 60_000 ? 'minute' : `${ms / 60_000} minutes`;
  return `${Math.ceil(ms / 1000)} s`;
}
