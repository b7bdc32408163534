import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../test/support/test-db.ts';
import { testKeyring } from '../../test/support/test-keyring.ts';
import { buildCareline } from '../app.ts';
import { loadConfig } from '../config.ts';
import { serve } from '../main.ts';
import {
  findChannelAccountsByExternalIds,
  updateChannelSettings,
} from '../modules/channel-accounts/channel-account.repository.ts';
import { addWhatsAppAccount } from '../modules/channel-accounts/whatsapp-account.service.ts';
import { createOrg } from '../modules/orgs/org.service.ts';
import { FieldCipher } from '../platform/crypto/field-cipher.ts';
import type { DbEngine } from '../platform/db/db.ts';
import { LocalEncryptedMediaStore } from '../platform/media/local-encrypted-media-store.ts';
import { WhatsAppSimulator } from '../simulator/whatsapp-simulator.ts';
import { attachSimulatedNumbers, runsSimulator } from './attach-simulator.ts';
import { DEMO_PHONE_NUMBER_ID, seedDemoClinic } from './demo-clinic.ts';

const REAL_NUMBER_ID = '106540352242922';
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** A clinic at Meta beside the demo clinic, on one Careline running its simulator (`SIMULATOR=on`). */
async function demoBesideRealClinic(engine: DbEngine) {
  const handle = await openTestDb(engine);
  closers.push(() => handle.close());
  const demo = await seedDemoClinic(handle.db, testKeyring);
  const real = await createOrg(handle.db, { name: 'Cabinet Pasteur' });
  await addWhatsAppAccount(handle.db, testKeyring, {
    orgId: real.id,
    phoneNumberId: REAL_NUMBER_ID,
    accessToken: `EAAG${randomBytes(16).toString('hex')}`,
    appSecret: randomBytes(16).toString('hex'),
    verifyToken: randomBytes(8).toString('hex'),
  });
  const mediaDir = mkdtempSync(join(tmpdir(), 'careline-sim-access-'));
  closers.push(async () => rmSync(mediaDir, { recursive: true, force: true }));
  const simulator = new WhatsAppSimulator({});
  closers.push(() => simulator.close());
  const careline = await buildCareline({
    db: handle.db,
    engine,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    whatsapp: { graphUrl: 'https://graph.facebook.com', apiVersion: 'v25.0' },
    mediaStore: new LocalEncryptedMediaStore({ root: mediaDir, cipher: FieldCipher.forKey(randomBytes(32)) }),
    fieldCipher: testKeyring.master,
    simulator,
    webDistDir: false,
  });
  closers.push(() => careline.close());
  const url = await careline.http.listen({ port: 0, host: '127.0.0.1' });
  await attachSimulatedNumbers(handle.db, simulator, url, careline.secretsOf);
  const control = async (path: string, body: unknown) => {
    const response = await fetch(`${url}/simulator/_sim${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { db: handle.db, url, demo, simulator, control };
}

describe.each(TEST_ENGINES)('the simulator inside Careline (%s)', (engine) => {
  test("the simulator cannot inject into a real clinic's number", async () => {
    const { db, url, control } = await demoBesideRealClinic(engine);
    const patient = { from: '+33612345678', name: 'Intrus', text: 'Bonjour' };

    const registered = await control('/numbers', {
      phoneNumberId: REAL_NUMBER_ID,
      displayPhoneNumber: '33140000000',
      wabaId: '100000000000099',
      accessToken: 'guessed-token',
      appSecret: 'guessed-secret',
      webhookUrl: `${url}/webhooks/whatsapp`,
    });
    expect(registered.status).toBe(403);
    expect(registered.body.errors).toEqual([expect.objectContaining({ field: 'phoneNumberId' })]);
    expect((await control('/patient-messages', { ...patient, phoneNumberId: REAL_NUMBER_ID })).status).toBe(
      403,
    );

    // The demo number cannot be sent elsewhere either: its webhooks go to this Careline only.
    const diverted = await control('/numbers', {
      phoneNumberId: DEMO_PHONE_NUMBER_ID,
      displayPhoneNumber: '33180000000',
      wabaId: '100000000000002',
      accessToken: 'x',
      appSecret: 'y',
      webhookUrl: 'http://127.0.0.1:9/collect',
    });
    expect(diverted.status).toBe(403);

    // The demo number is played…
    const demoWrite = await control('/patient-messages', { ...patient, phoneNumberId: DEMO_PHONE_NUMBER_ID });
    expect(demoWrite).toMatchObject({ status: 200, body: { httpStatus: 200 } });
    // …until its account is moved to Meta: the simulator no longer signs messages for it.
    const [account] = await findChannelAccountsByExternalIds(db, 'whatsapp', [DEMO_PHONE_NUMBER_ID]);
    if (!account) throw new Error('no demo account');
    await updateChannelSettings(db, account.id, {
      ...account.settings,
      graphUrl: 'https://graph.facebook.com',
    });
    const moved = await control('/patient-messages', { ...patient, phoneNumberId: DEMO_PHONE_NUMBER_ID });
    expect(moved.status).toBe(403);
    expect(JSON.stringify(moved.body)).not.toContain('httpStatus');
  });

  test('the simulator runs with the demo clinic, or when asked', async () => {
    const handle = await openTestDb(engine);
    closers.push(() => handle.close());
    expect(loadConfig({}).simulator).toBe('demo');
    expect(await runsSimulator(handle.db, loadConfig({}))).toBe(false);
    await seedDemoClinic(handle.db, testKeyring);
    expect(await runsSimulator(handle.db, loadConfig({}))).toBe(true);
    expect(await runsSimulator(handle.db, loadConfig({ DEMO_SEED: 'off' }))).toBe(false);
    expect(await runsSimulator(handle.db, loadConfig({ SIMULATOR: 'off' }))).toBe(false);
    expect(await runsSimulator(handle.db, loadConfig({ SIMULATOR: 'on', DEMO_SEED: 'off' }))).toBe(true);
  });
});

describe('careline serve', () => {
  test('the simulator is off by default outside the demo', async () => {
    const engine = TEST_ENGINES[0] ?? 'pglite';
    const database = engine === 'postgres' ? await openTestDb('postgres') : undefined;
    const dataDir = mkdtempSync(join(tmpdir(), 'careline-serve-'));
    closers.push(async () => {
      await database?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    // A Careline for real clinics: the defaults, without the demo clinic.
    const running = await serve(
      loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        DATABASE_URL: database?.url ?? '',
        DEMO_SEED: 'off',
        LOG_LEVEL: 'silent',
        WORKER: 'off',
      }),
    );
    closers.push(() => running.stop());
    const numbers = await fetch(`${running.url}/simulator/_sim/numbers`);
    expect(numbers.status).toBe(404);
    const patient = await fetch(`${running.url}/simulator/_sim/patient-messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '+33612345678', text: 'Bonjour' }),
    });
    expect(patient.status).toBe(404);
  });
});
