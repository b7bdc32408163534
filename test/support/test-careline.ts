import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq, lte, or, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { buildCareline, type Careline, type CarelineDeps } from '../../src/app.ts';
import { jobs } from '../../src/db-schema.ts';
import { createApiKey } from '../../src/modules/auth/api-key.service.ts';
import type { ChannelAccount } from '../../src/modules/channel-accounts/channel-account.schema.ts';
import { addWhatsAppAccount } from '../../src/modules/channel-accounts/whatsapp-account.service.ts';
import { updateOrgTwoFactor } from '../../src/modules/orgs/org.repository.ts';
import type { Org } from '../../src/modules/orgs/org.schema.ts';
import { createOrg } from '../../src/modules/orgs/org.service.ts';
import type { SendPacerOptions } from '../../src/modules/outbox/pacing/send-pacer.ts';
import { FieldCipher } from '../../src/platform/crypto/field-cipher.ts';
import type { DbHandle } from '../../src/platform/db/create-db.ts';
import type { DbEngine } from '../../src/platform/db/db.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { LocalEncryptedMediaStore } from '../../src/platform/media/local-encrypted-media-store.ts';
import { type Clock, systemClock } from '../../src/platform/time/clock.ts';
import { type RunningSimulator, startSimulatorServer } from '../../src/simulator/simulator-server.ts';
import { openTestDb } from './test-db.ts';

export interface TestClinic {
  org: Org;
  apiKey: string;
  account: ChannelAccount;
  /** The clinic's WhatsApp number as the simulator knows it. */
  number: {
    phoneNumberId: string;
    accessToken: string;
    appSecret: string;
    verifyToken: string;
    wabaId: string;
  };
}

export interface TestCareline {
  url: string;
  handle: DbHandle;
  /** Where the media store keeps its (encrypted) files. */
  mediaDir: string;
  careline: Careline;
  /** The key data is encrypted with at rest (journal bodies, media). */
  fieldCipher: FieldCipher;
  simulator: RunningSimulator;
  /** The time Careline and the simulator read: the system's, unless the test gave a TestClock to move. */
  clock: Clock;
  addClinic(name: string): Promise<TestClinic>;
  /** Another number of the clinic: the clinic as seen through that number. */
  addNumber(clinic: TestClinic, displayPhoneNumber: string): Promise<TestClinic>;
  /** Waits until the worker has no due job left (queued or running): everything sent so far is processed. */
  settle(timeoutMs?: number): Promise<void>;
  /** Calls the API as a clinic. */
  api(apiKey: string, path: string, init?: { method?: string; body?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

let nextPhoneNumberId = 100_000_000_000_001;

/**
 * A real Careline (HTTP server, job worker, database) beside a real simulator playing Meta, wired
 * to each other over loopback HTTP exactly as in production.
 */
export async function startTestCareline(
  engine: DbEngine,
  options: {
    logs?: string[];
    reconcileAfterMs?: number;
    /** How long a send waits for the simulator's answer (Careline's default: 15 s). */
    graphTimeoutMs?: number;
    pacing?: SendPacerOptions;
    /** OUTBOUND_ALLOWED_HOSTS: internal hosts (test servers on loopback) flows and calendars may call. */
    outboundAllowedHosts?: string[];
    /** Proxies, TLS, rate limits (none by default) and session lifetimes, as config.ts would set them. */
    security?: Pick<CarelineDeps, 'trustProxy' | 'publicUrl' | 'rateLimits' | 'sessions'>;
    /**
     * Careline's and the simulator's time (default the system's). A TestClock moves what they decide by
     * time (due reminders, windows, codes, expiries); the job queue still runs jobs by the database's time.
     */
    clock?: Clock;
    /** Outbound webhooks' retry timing and receivers' time to answer (Careline's defaults: 5 s, 3 days, 10 s). */
    outboundWebhooks?: CarelineDeps['outboundWebhooks'];
  } = {},
): Promise<TestCareline> {
  const handle = await openTestDb(engine);
  const mediaDir = mkdtempSync(join(tmpdir(), 'careline-media-'));
  const logger = options.logs
    ? createLogger({ level: 'trace', destination: { write: (line: string) => options.logs?.push(line) } })
    : pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  // The same key as in production for media and the journal: one key here too.
  const fieldCipher = FieldCipher.forKey(randomBytes(32));
  const clock = options.clock ?? systemClock;
  const careline = await buildCareline({
    clock,
    db: handle.db,
    engine,
    listen: handle.listen,
    logger,
    whatsapp: {
      graphUrl: 'http://127.0.0.1:9',
      apiVersion: 'v25.0',
      ...(options.graphTimeoutMs !== undefined ? { sendTimeoutMs: options.graphTimeoutMs } : {}),
    },
    outbound: { allowedHosts: options.outboundAllowedHosts ?? [] },
    mediaStore: new LocalEncryptedMediaStore({ root: mediaDir, cipher: fieldCipher }),
    fieldCipher,
    pollIntervalMs: 50,
    reconcileAfterMs: options.reconcileAfterMs ?? 2000,
    shutdownGraceMs: 500,
    // Tests send many messages to one patient in seconds; pacing has tests of its own.
    pacing: options.pacing ?? { pairBurst: 10_000, pairIntervalMs: 1 },
    ...(options.outboundWebhooks ? { outboundWebhooks: options.outboundWebhooks } : {}),
    ...options.security,
  });
  const url = await careline.http.listen({ port: 0, host: '127.0.0.1' });
  careline.worker.start();
  const simulator = await startSimulatorServer({
    port: 0,
    lifecycle: { sentAfterMs: 5, deliveredAfterMs: 10, readAfterMs: 15 },
    webhookRetry: { initialDelayMs: 20 },
    ...(options.clock ? { now: () => clock.now() } : {}),
  });

  /** A WhatsApp number of the clinic, known to Careline and to the simulator. */
  async function addNumber(org: Org, displayPhoneNumber: string) {
    const number = {
      phoneNumberId: String(nextPhoneNumberId++),
      wabaId: String(nextPhoneNumberId + 500),
      accessToken: `token-${randomBytes(8).toString('hex')}`,
      appSecret: `secret-${randomBytes(8).toString('hex')}`,
      verifyToken: `verify-${randomBytes(8).toString('hex')}`,
    };
    const account = await addWhatsAppAccount(handle.db, careline.keyring, {
      orgId: org.id,
      ...number,
      graphUrl: simulator.url,
      displayPhoneNumber,
      wabaId: number.wabaId,
    });
    simulator.simulator.registerNumber({
      phoneNumberId: number.phoneNumberId,
      displayPhoneNumber: displayPhoneNumber.replace('+', ''),
      wabaId: number.wabaId,
      accessToken: number.accessToken,
      appSecret: number.appSecret,
      webhookUrl: `${url}/webhooks/whatsapp`,
    });
    return { account, number };
  }

  return {
    url,
    handle,
    mediaDir,
    careline,
    fieldCipher,
    simulator,
    clock,
    async addClinic(name) {
      // Tests sign in with passwords only; two-factor sign-in has tests that turn it on.
      const org = await updateOrgTwoFactor(handle.db, (await createOrg(handle.db, { name })).id, 'off');
      if (!org) throw new Error('the clinic just created is gone');
      const { key } = await createApiKey(handle.db, org.id, 'tests');
      return { org, apiKey: key, ...(await addNumber(org, '+33180000000')) };
    },
    async addNumber(clinic, displayPhoneNumber) {
      return { ...clinic, ...(await addNumber(clinic.org, displayPhoneNumber)) };
    },
    async settle(timeoutMs = 5000) {
      await eventually(async () => {
        const [row] = await handle.db
          .select({ n: count() })
          .from(jobs)
          // A job put back for a moment (a send waiting for the one before it, pacing) is still pending.
          .where(
            or(
              eq(jobs.status, 'running'),
              and(eq(jobs.status, 'queued'), lte(jobs.runAt, sql`now() + interval '1 second'`)),
            ),
          );
        return row?.n === 0 ? true : undefined;
      }, timeoutMs);
    },
    api(apiKey, path, init = {}) {
      return fetch(`${url}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          authorization: `Bearer ${apiKey}`,
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
    },
    async close() {
      await simulator.close();
      await careline.close();
      await handle.close();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` returns a value (not undefined) or the deadline passes. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
