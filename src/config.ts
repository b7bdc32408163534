import { isIP } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import type { SessionPolicy } from './modules/auth/session.service.ts';
import {
  DEFAULT_GRAPH_API_VERSION,
  DEFAULT_GRAPH_URL,
} from './modules/channel-accounts/whatsapp-account.service.ts';
import type { RateLimit, RateLimits } from './platform/http/rate-limit.ts';
import { parseAllowedHosts } from './platform/net/outbound-allow-list.ts';

const onOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((v) => v === 'on' || v === 'true' || v === '1');

const WINDOW_UNITS = { s: 1000, m: 60_000, h: 3_600_000 } as const;

/** `3000/1m`, `100/15m`, `20/s`: at most N requests per window. */
const rateLimit = z
  .string()
  .regex(/^\d+\s*\/\s*\d*\s*[smh]$/, 'must read like 3000/1m, 100/15m or 20/s')
  .transform((value): RateLimit => {
    const [, max, count, unit] = value.match(/^(\d+)\s*\/\s*(\d*)\s*([smh])$/) ?? [];
    const perUnit = WINDOW_UNITS[unit === 's' || unit === 'h' ? unit : 'm'];
    return { max: Number(max), windowMs: Number(count || 1) * perUnit };
  })
  .refine(
    (limit) => limit.max >= 1 && limit.windowMs >= 1000,
    'must allow at least 1 request per second or more',
  );

/** Addresses and CIDR ranges (or loopback, linklocal, uniquelocal), comma-separated; off = none. */
const trustedProxies = z
  .string()
  .trim()
  .transform((value) => (['', 'off', 'false', '0'].includes(value) ? false : value))
  .refine(
    (value) => value === false || value.split(',').every((entry) => isProxyAddress(entry.trim())),
    'must list proxy addresses or ranges (10.0.0.1, 10.0.0.0/8, loopback…), or be off',
  );

function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

const environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().min(1).default('./data'),
  MEDIA_DIR: z.string().min(1).optional(),
  CARELINE_SECRET_KEY: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  WHATSAPP_GRAPH_URL: z.url().default(DEFAULT_GRAPH_URL),
  WHATSAPP_API_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/)
    .default(DEFAULT_GRAPH_API_VERSION),
  // Unset: only with the demo clinic. `on` runs it whatever the database holds.
  SIMULATOR: z
    .enum(['on', 'off', 'true', 'false', '1', '0', 'demo'])
    .default('demo')
    .transform((v): 'on' | 'off' | 'demo' => (v === 'demo' ? v : onOff.parse(v) ? 'on' : 'off')),
  SIMULATOR_TOKEN: z
    .string()
    .min(24, 'must be at least 24 characters (e.g. openssl rand -hex 24)')
    .optional(),
  DEMO_SEED: onOff.default(true),
  OUTBOUND_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((value, context) => {
      try {
        return parseAllowedHosts(value);
      } catch (error) {
        context.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    }),
  WORKER: onOff.default(true),
  TRUST_PROXY: trustedProxies.default(false),
  RATE_LIMITS: onOff.default(true),
  RATE_LIMIT_PER_IP: rateLimit.default({ max: 3000, windowMs: 60_000 }),
  RATE_LIMIT_PER_API_KEY: rateLimit.default({ max: 1200, windowMs: 60_000 }),
  RATE_LIMIT_PER_SESSION: rateLimit.default({ max: 600, windowMs: 60_000 }),
  RATE_LIMIT_SIGN_IN: rateLimit.default({ max: 100, windowMs: 15 * 60_000 }),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(240),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 24)
    .default(12),
  // How long a send cut off by a crash waits for Meta's status webhook before it is sent again.
  OUTBOX_ECHO_WAIT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  // How long the body of a delivery that could not be stored is kept (encrypted) for an operator's retry.
  WEBHOOK_FAILED_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
});

export interface Config {
  port: number;
  host: string;
  /** How Careline is reached from outside (Meta's callback URL is {publicUrl}/webhooks/whatsapp). */
  publicUrl: string;
  database: { engine: 'postgres'; url: string } | { engine: 'pglite'; dataDir: string };
  /** Where media files are kept, encrypted. */
  mediaDir: string;
  /** The encryption key setting (`base64` or `id:base64,...`); unset = a key file in the data directory. */
  secretKey: { setting: string } | { keyFile: string };
  logLevel: string;
  logPretty: boolean;
  whatsapp: { graphUrl: string; apiVersion: string };
  /** Run the WhatsApp simulator in this process, at /simulator: `demo` when the demo clinic is there. */
  simulator: 'on' | 'off' | 'demo';
  /** Lets callers from other machines use the simulator's control API (`Authorization: Bearer …`). */
  simulatorToken?: string;
  /** Internal hosts (names or IP addresses) that flows and busy calendars may call. */
  outbound: { allowedHosts: string[] };
  /** Create the demo clinic on first start. */
  demoSeed: boolean;
  /** Run the job worker in this process (turn off for HTTP-only nodes). */
  worker: boolean;
  /** The reverse proxies whose X-Forwarded-* headers are believed; false = none (clients connect directly). */
  trustProxy: string | false;
  /** Requests allowed per address, API key, session and sign-in source; undefined with RATE_LIMITS=off. */
  rateLimits: RateLimits | undefined;
  /** Browser sessions: idle (sliding) and absolute lifetimes. */
  sessions: SessionPolicy;
  /** How long a send interrupted by a crash waits for Meta's status echo before it is sent again. */
  outboxEchoWaitMs: number;
  /** How long a failed delivery's body is kept for a retry after it last failed. */
  webhookFailedRetentionMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and checks the environment; a wrong value stops the start with the variable's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    database: e.DATABASE_URL
      ? { engine: 'postgres', url: e.DATABASE_URL }
      : { engine: 'pglite', dataDir: e.DATA_DIR },
    mediaDir: e.MEDIA_DIR ?? join(e.DATA_DIR, 'media'),
    secretKey: e.CARELINE_SECRET_KEY
      ? { setting: e.CARELINE_SECRET_KEY }
      : { keyFile: join(e.DATA_DIR, 'secret.key') },
    logLevel: e.LOG_LEVEL,
    logPretty: e.LOG_FORMAT ? e.LOG_FORMAT === 'pretty' : Boolean(process.stdout.isTTY),
    whatsapp: { graphUrl: e.WHATSAPP_GRAPH_URL.replace(/\/+$/, ''), apiVersion: e.WHATSAPP_API_VERSION },
    simulator: e.SIMULATOR,
    ...(e.SIMULATOR_TOKEN ? { simulatorToken: e.SIMULATOR_TOKEN } : {}),
    outbound: { allowedHosts: e.OUTBOUND_ALLOWED_HOSTS },
    demoSeed: e.DEMO_SEED,
    worker: e.WORKER,
    trustProxy: e.TRUST_PROXY,
    rateLimits: e.RATE_LIMITS
      ? {
          perIp: e.RATE_LIMIT_PER_IP,
          perApiKey: e.RATE_LIMIT_PER_API_KEY,
          perSession: e.RATE_LIMIT_PER_SESSION,
          signIn: e.RATE_LIMIT_SIGN_IN,
        }
      : undefined,
    sessions: { idleMs: e.SESSION_IDLE_MINUTES * 60_000, maxAgeMs: e.SESSION_MAX_HOURS * 3_600_000 },
    outboxEchoWaitMs: e.OUTBOX_ECHO_WAIT_SECONDS * 1000,
    webhookFailedRetentionMs: e.WEBHOOK_FAILED_RETENTION_DAYS * 86_400_000,
  };
}
