import { join } from 'node:path';
import { z } from 'zod';
import {
  DEFAULT_GRAPH_API_VERSION,
  DEFAULT_GRAPH_URL,
} from './modules/channel-accounts/whatsapp-account.service.ts';

const onOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((v) => v === 'on' || v === 'true' || v === '1');

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
  SIMULATOR: onOff.default(true),
  DEMO_SEED: onOff.default(true),
  WORKER: onOff.default(true),
  // How long a send cut off by a crash waits for Meta's status webhook before it is sent again.
  OUTBOX_ECHO_WAIT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
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
  /** Run the WhatsApp simulator in this process, at /simulator. */
  simulator: boolean;
  /** Create the demo clinic on first start. */
  demoSeed: boolean;
  /** Run the job worker in this process (turn off for HTTP-only nodes). */
  worker: boolean;
  /** How long a send interrupted by a crash waits for Meta's status echo before it is sent again. */
  outboxEchoWaitMs: number;
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
    demoSeed: e.DEMO_SEED,
    worker: e.WORKER,
    outboxEchoWaitMs: e.OUTBOX_ECHO_WAIT_SECONDS * 1000,
  };
}
