import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Page } from 'playwright-core';
import { buildCareline, type Careline } from '../../../src/app.ts';
import { attachSimulatedChannels } from '../../../src/demo/attach-simulated-channels.ts';
import { attachSimulatedNumbers } from '../../../src/demo/attach-simulator.ts';
import { type DemoCredentials, seedDemoClinic } from '../../../src/demo/demo-clinic.ts';
import { Keyring } from '../../../src/modules/keys/keyring.ts';
import { FieldCipher } from '../../../src/platform/crypto/field-cipher.ts';
import type { DbHandle } from '../../../src/platform/db/create-db.ts';
import type { DbEngine } from '../../../src/platform/db/db.ts';
import { LocalEncryptedMediaStore } from '../../../src/platform/media/local-encrypted-media-store.ts';
import { WhatsAppSimulator } from '../../../src/simulator/whatsapp-simulator.ts';
import { openTestDb } from '../../support/test-db.ts';

export interface CarelineWithWeb {
  url: string;
  handle: DbHandle;
  careline: Careline;
  /** The simulator mounted in-process at /simulator, as in the demo. */
  simulator: WhatsAppSimulator;
  demo: DemoCredentials;
  close(): Promise<void>;
}

/**
 * Careline as `npm start` runs it in demo mode — demo clinic, simulator in-process at /simulator,
 * the web app at / — on a test database, with a fast simulated phone.
 */
export async function startCarelineWithWeb(
  engine: DbEngine,
  distDir: string,
  options: {
    otherChannels?: boolean;
    /** OUTBOUND_ALLOWED_HOSTS: internal hosts (test servers on loopback) Careline may call. */
    outboundAllowedHosts?: string[];
  } = {},
): Promise<CarelineWithWeb> {
  const handle = await openTestDb(engine);
  const mediaDir = mkdtempSync(join(tmpdir(), 'careline-web-media-'));
  const fieldCipher = FieldCipher.forKey(randomBytes(32));
  const demo = await seedDemoClinic(handle.db, new Keyring(fieldCipher));
  if (!demo) throw new Error('the test database already had a clinic');
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const simulator = new WhatsAppSimulator({
    lifecycle: { sentAfterMs: 50, deliveredAfterMs: 150, readAfterMs: 400 },
    webhookRetry: { initialDelayMs: 20 },
  });
  const careline = await buildCareline({
    db: handle.db,
    engine,
    logger,
    whatsapp: { graphUrl: 'http://127.0.0.1:9', apiVersion: 'v25.0' },
    mediaStore: new LocalEncryptedMediaStore({ root: mediaDir, cipher: FieldCipher.forKey(randomBytes(32)) }),
    fieldCipher,
    simulator,
    pollIntervalMs: 50,
    shutdownGraceMs: 500,
    pacing: { pairBurst: 10_000, pairIntervalMs: 1 },
    webDistDir: distDir,
    outbound: { allowedHosts: options.outboundAllowedHosts ?? [] },
  });
  const url = await careline.http.listen({ port: 0, host: '127.0.0.1' });
  await attachSimulatedNumbers(handle.db, simulator, url, careline.secretsOf);
  // The demo clinic's Telegram bot and Facebook Page, played by the simulator's stand-ins.
  if (options.otherChannels) await attachSimulatedChannels(handle.db, simulator, url, careline.secretsOf);
  careline.worker.start();
  return {
    url,
    handle,
    careline,
    simulator,
    demo,
    async close() {
      await careline.close();
      await simulator.close();
      await handle.close();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}

/** Signs the page in as the demo clinic's administrator, landing in the inbox. */
export async function signInAsDemoAdmin(
  page: Page,
  careline: CarelineWithWeb,
  labels = { email: 'E-mail', password: 'Password', submit: 'Sign in' },
): Promise<void> {
  await page.goto('/login');
  await page.getByRole('textbox', { name: labels.email }).fill(careline.demo.adminEmail);
  await page.getByRole('textbox', { name: labels.password }).fill(careline.demo.adminPassword);
  await page.getByRole('button', { name: labels.submit }).click();
  await page.waitForURL(/\/inbox/);
}
