import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterEach, describe, expect, test } from 'vitest';
import { eventually } from '../../test/support/test-careline.ts';
import { openTestDb, TEST_ENGINES } from '../../test/support/test-db.ts';
import { testKeyring } from '../../test/support/test-keyring.ts';
import { buildCareline } from '../app.ts';
import { appointments, cannedReplies, consentRecords, contacts, orgs, reminders } from '../db-schema.ts';
import { signIn } from '../modules/auth/sign-in.service.ts';
import { FieldCipher } from '../platform/crypto/field-cipher.ts';
import type { Db } from '../platform/db/db.ts';
import { LocalEncryptedMediaStore } from '../platform/media/local-encrypted-media-store.ts';
import { WhatsAppSimulator } from '../simulator/whatsapp-simulator.ts';
import { attachSimulatedNumbers } from './attach-simulator.ts';
import { DEMO_PHONE_NUMBER_ID, seedDemoClinic } from './demo-clinic.ts';
import { DEMO_PATIENT } from './demo-reminder.ts';
import { DEMO_SAVED_REPLIES } from './demo-saved-replies.ts';

const MINUTE = 60_000;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function rowCounts(db: Db) {
  const rowsOf = async (table: Parameters<ReturnType<Db['select']>['from']>[0]) =>
    (await db.select({ n: count() }).from(table))[0]?.n;
  return {
    clinics: await rowsOf(orgs),
    savedReplies: await rowsOf(cannedReplies),
    patients: await rowsOf(contacts),
    consents: await rowsOf(consentRecords),
    appointments: await rowsOf(appointments),
    reminders: await rowsOf(reminders),
  };
}

describe.each(TEST_ENGINES)('the demo clinic (%s)', (engine) => {
  test('is seeded once: a second start adds nothing', async () => {
    const handle = await openTestDb(engine);
    closers.push(() => handle.close());
    const now = new Date();

    expect(await seedDemoClinic(handle.db, testKeyring, now)).toMatchObject({ orgSlug: 'demo' });
    const first = await rowCounts(handle.db);
    expect(first).toEqual({
      clinics: 1,
      savedReplies: DEMO_SAVED_REPLIES.length,
      patients: 1,
      consents: 1,
      appointments: 1,
      // 48 h and 2 h before, the default rules.
      reminders: 2,
    });
    expect(await seedDemoClinic(handle.db, testKeyring, new Date(now.getTime() + MINUTE))).toBeNull();
    expect(await rowCounts(handle.db)).toEqual(first);
  });

  test('lets its admin in with a password alone: two-factor sign-in is off for the demo clinic', async () => {
    const handle = await openTestDb(engine);
    closers.push(() => handle.close());
    const credentials = await seedDemoClinic(handle.db, testKeyring, new Date());
    const [org] = await handle.db.select().from(orgs).where(eq(orgs.slug, 'demo'));
    expect(org?.twoFactor).toBe('off');
    const signedIn = await signIn(handle.db, {
      email: credentials?.adminEmail ?? '',
      password: credentials?.adminPassword ?? '',
      now: new Date(),
    });
    expect(signedIn.session.twoFactorEnrolmentOnly).toBe(false);
  });

  test('has saved replies for the desk in French and English', async () => {
    const handle = await openTestDb(engine);
    closers.push(() => handle.close());
    await seedDemoClinic(handle.db, testKeyring);

    const saved = await handle.db
      .select({
        shortcut: cannedReplies.shortcut,
        language: cannedReplies.language,
        text: cannedReplies.text,
      })
      .from(cannedReplies);
    const shortcuts = (language: string) =>
      saved
        .filter((reply) => reply.language === language)
        .map((reply) => reply.shortcut)
        .sort();
    expect(shortcuts('fr')).toEqual(['adresse', 'horaires', 'ordonnance', 'rdv', 'resultats', 'urgence']);
    expect(shortcuts('en')).toEqual([
      'address',
      'appointment',
      'emergency',
      'hours',
      'prescription',
      'results',
    ]);
    expect(saved.find((reply) => reply.shortcut === 'adresse')?.text).toContain('12 rue des Lilas');
  });

  test('a reminder reaches the demo patient on WhatsApp without touching the rules', async () => {
    const handle = await openTestDb(engine);
    closers.push(() => handle.close());
    // Seeded ten minutes ago: its first reminder is due by now (what a newcomer sees 5 to 10 minutes
    // after the first start, or at once during quiet hours).
    const seededAt = new Date(Date.now() - 10 * MINUTE);
    await seedDemoClinic(handle.db, testKeyring, seededAt);
    const [appointment] = await handle.db.select().from(appointments);
    expect(appointment?.start.getTime()).toBeGreaterThan(seededAt.getTime() + 48 * 60 * MINUTE);

    const mediaDir = mkdtempSync(join(tmpdir(), 'careline-demo-media-'));
    closers.push(async () => rmSync(mediaDir, { recursive: true, force: true }));
    const simulator = new WhatsAppSimulator({
      lifecycle: { sentAfterMs: 5, deliveredAfterMs: 10, readAfterMs: 15 },
    });
    closers.push(() => simulator.close());
    const careline = await buildCareline({
      db: handle.db,
      engine,
      listen: handle.listen,
      logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
      whatsapp: { graphUrl: 'http://127.0.0.1:9', apiVersion: 'v25.0' },
      mediaStore: new LocalEncryptedMediaStore({
        root: mediaDir,
        cipher: FieldCipher.forKey(randomBytes(32)),
      }),
      fieldCipher: testKeyring.master,
      simulator,
      pollIntervalMs: 50,
      shutdownGraceMs: 500,
    });
    closers.push(() => careline.close());
    const url = await careline.http.listen({ port: 0, host: '127.0.0.1' });
    // As `npm start` does it: the number is wired to the in-process simulator, then the worker starts.
    await attachSimulatedNumbers(handle.db, simulator, url, careline.secretsOf);
    careline.worker.start();

    const reminder = await eventually(async () => {
      const sent = simulator
        .sends(DEMO_PHONE_NUMBER_ID)
        .find((send) => JSON.stringify(send.request).includes('rappel_rendez_vous'));
      return sent;
    }, 15_000);
    expect(reminder.response.httpStatus).toBe(200);
    expect(JSON.stringify(reminder.request)).toContain(DEMO_PATIENT.phone.slice(1));
    const rows = await handle.db
      .select({ offset: reminders.offsetMinutes, status: reminders.status })
      .from(reminders)
      .where(eq(reminders.appointmentId, appointment?.id ?? ''));
    expect(rows.sort((a, b) => b.offset - a.offset)).toEqual([
      { offset: 2880, status: 'sent' },
      { offset: 120, status: 'scheduled' },
    ]);
  });
});
