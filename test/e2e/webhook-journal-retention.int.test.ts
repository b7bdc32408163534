import { createHash } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { openWebhookBody } from '../../src/channels/webhook-body-seal.ts';
import { runWebhookJournalRetention } from '../../src/channels/webhook-journal-retention.job.ts';
import { whatsappWebhookQueue } from '../../src/channels/webhook-queues.ts';
import { alerts, messages, webhookEvents } from '../../src/db-schema.ts';
import { openOneMessage } from '../../src/modules/inbox/message-sealing.ts';
import { rowsOf } from '../../src/platform/db/raw-rows.ts';
import { systemClock } from '../../src/platform/time/clock.ts';
import { TestClock } from '../../src/platform/time/test-clock.ts';
import { patientText, postWebhook } from '../support/meta-webhooks.ts';
import { refuseMarkedValues, UNSTORABLE } from '../support/refused-values.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import type { Json } from './inbox-support.ts';

const DAY_MS = 86_400_000;

/**
 * The webhook journal forgets (issue 14, item 3): a delivery's body holds a patient's words, so it is
 * kept encrypted, only while it may still be needed (not yet processed, or failed and retryable), and a
 * retention job forgets what is past that.
 */
describe.each(TEST_ENGINES)('the webhook journal forgets (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let nextPatient = 0;
  const newPatient = () => `3361400${String(++nextPatient).padStart(4, '0')}`;
  let nextWamid = 0;
  const newWamid = () => `wamid.FORGET${engine}${++nextWamid}`;
  // Careline's time: a test moves it a month on rather than back-dating what the journal recorded.
  const clock = new TestClock(new Date());

  beforeAll(async () => {
    env = await startTestCareline(engine, { clock });
    clinic = await env.addClinic('Centre de santé Belleville');
    await refuseMarkedValues(env.handle.db);
  });
  afterAll(async () => {
    await env?.close();
  });

  const sha256 = (body: string) => createHash('sha256').update(body).digest('hex');

  async function post(body: string): Promise<Json> {
    const response = await postWebhook(env.url, body, clinic.number.appSecret);
    expect(response.status).toBe(200);
    return (await response.json()) as Json;
  }

  async function journalOf(body: string) {
    const [row] = await env.handle.db
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.bodySha256, sha256(body)));
    if (!row) throw new Error('the delivery was not journaled');
    return row;
  }

  /** What `pg_dump` would show of the journal: every row, every column, as text. */
  async function journalDump(): Promise<string> {
    const result = await env.handle.db.execute(sql`select w::text as line from webhook_events w`);
    return z
      .array(z.object({ line: z.string() }))
      .parse(rowsOf(result))
      .map((row) => row.line)
      .join('\n');
  }

  /** The message as the inbox reads it (opened with the patient's key). */
  async function storedMessage(wamid: string) {
    const [row] = await env.handle.db.select().from(messages).where(eq(messages.externalId, wamid));
    return openOneMessage(env.handle.db, env.careline.keyring, row);
  }

  async function openAlerts(): Promise<Json[]> {
    const response = await env.api(clinic.apiKey, '/api/v1/alerts');
    return ((await response.json()) as { data: Json[] }).data;
  }

  async function failedDelivery(words: string) {
    // The database sees the marker in the id: the words are stored sealed.
    const wamid = `${newWamid()}.${UNSTORABLE}`;
    const body = patientText(clinic.number.phoneNumberId, newPatient(), wamid, words, 'Capucine Lefort');
    await post(body);
    const journaled = await eventually(async () => {
      const row = await journalOf(body);
      return row.failedAt ? row : undefined;
    }, 5000);
    const [alert] = await env.handle.db
      .select()
      .from(alerts)
      .where(and(eq(alerts.webhookEventId, journaled.id), isNull(alerts.resolvedAt)));
    if (!alert) throw new Error('no alert to retry from');
    return { wamid, body, journaled, alertId: alert.id };
  }

  test("a processed delivery's raw body is erased", async () => {
    const wamid = newWamid();
    const body = patientText(
      clinic.number.phoneNumberId,
      newPatient(),
      wamid,
      'Bonjour, mon rendez-vous de mardi',
    );
    await post(body);
    await eventually(() => storedMessage(wamid), 5000);
    await env.settle();

    const journaled = await journalOf(body);
    expect(journaled.processedAt).not.toBeNull();
    expect(journaled.sealedBody).toBeNull();
    expect(journaled.rawBody).toBeNull();
  });

  test("a dump of webhook_events holds none of the patient's words, before processing or after", async () => {
    const patient = newPatient();
    const wamid = newWamid();
    const words = 'Ma fille a de la fièvre depuis trois jours et une éruption';
    const body = patientText(clinic.number.phoneNumberId, patient, wamid, words, 'Bérénice Galland');
    // Meta escapes what is not ASCII (\u00e8): both spellings must be absent.
    const secrets = ['fièvre', 'fi\\u00e8vre', 'éruption', 'trois jours', 'Bérénice', 'Galland', patient];

    await env.careline.worker.stop();
    try {
      await post(body);
      // Journaled before the 200, still to be processed: kept, but encrypted.
      expect(openWebhookBody(env.fieldCipher, await journalOf(body))).toBe(body);
      const waiting = await journalDump();
      for (const secret of secrets) expect(waiting).not.toContain(secret);
    } finally {
      env.careline.worker.start();
    }

    expect((await eventually(() => storedMessage(wamid), 5000)).text).toBe(words);
    await env.settle();
    const dump = await journalDump();
    for (const secret of secrets) expect(dump).not.toContain(secret);
  });

  test('a redelivery of a processed delivery is still recognised once its body is erased', async () => {
    const wamid = newWamid();
    const body = patientText(clinic.number.phoneNumberId, newPatient(), wamid, 'Merci docteur');
    await post(body);
    await eventually(() => storedMessage(wamid), 5000);
    await env.settle();
    expect((await journalOf(body)).sealedBody).toBeNull();

    expect(await post(body)).toMatchObject({ stored: 0 });
    await env.settle();
    const copies = await env.handle.db.select().from(messages).where(eq(messages.externalId, wamid));
    expect(copies).toHaveLength(1);
  });

  test("a failed delivery's body is stored encrypted and can still be retried", async () => {
    const words = `Renouvellement de Lévothyrox ${UNSTORABLE}`;
    const { wamid, body, journaled, alertId } = await failedDelivery(words);

    expect(journaled.processedAt).toBeNull();
    expect(journaled.rawBody).toBeNull();
    expect(journaled.sealedBody).not.toBeNull();
    expect(journaled.sealedBody).not.toContain('Lévothyrox');
    expect(openWebhookBody(env.fieldCipher, journaled)).toBe(body);
    const dump = await journalDump();
    for (const secret of ['Lévothyrox', 'Renouvellement', 'Capucine', UNSTORABLE]) {
      expect(dump).not.toContain(secret);
    }

    await env.handle.db.execute(sql`delete from test_refused_markers where marker = ${UNSTORABLE}`);
    try {
      const retried = await env.api(clinic.apiKey, `/api/v1/alerts/${alertId}/retry`, { method: 'POST' });
      expect(retried.status).toBe(202);
      expect((await eventually(() => storedMessage(wamid), 5000)).text).toBe(words);
      await env.settle();
      expect(await journalOf(body)).toMatchObject({ failedAt: null, sealedBody: null, rawBody: null });
    } finally {
      await env.handle.db.execute(sql`insert into test_refused_markers (marker) values (${UNSTORABLE})`);
    }
  });

  test('the retention job erases failed bodies past the retention period', async () => {
    const expired = await failedDelivery(`Résultats de la prise de sang ${UNSTORABLE}`);
    clock.advance(31 * DAY_MS);
    const recent = await failedDelivery(`Question sur le vaccin ${UNSTORABLE}`);

    await runWebhookJournalRetention({
      db: env.handle.db,
      clock,
      cipher: env.fieldCipher,
      logger: pino({ level: 'silent' }),
      failedRetentionMs: 30 * DAY_MS,
    });

    // Past the period: forgotten, its alert closed with a note saying so, nothing left to retry.
    expect(await journalOf(expired.body)).toMatchObject({ sealedBody: null, rawBody: null });
    const [closed] = await env.handle.db.select().from(alerts).where(eq(alerts.id, expired.alertId));
    expect(closed?.resolvedAt).not.toBeNull();
    expect(closed?.detail).toMatch(/kept 30 days for a retry .*then erased/);
    expect((await openAlerts()).map((a) => a.id)).not.toContain(expired.alertId);
    const retry = await env.api(clinic.apiKey, `/api/v1/alerts/${expired.alertId}/retry`, { method: 'POST' });
    expect(retry.status).toBe(404);

    // Within the period: kept, encrypted, still retryable.
    const kept = await journalOf(recent.body);
    expect(openWebhookBody(env.fieldCipher, kept)).toBe(recent.body);
    expect((await openAlerts()).map((a) => a.id)).toContain(recent.alertId);
  });

  test('the retention job encrypts the bodies a version before encryption left plain, and they are still processed', async () => {
    const wamid = newWamid();
    const words = 'Je voudrais déplacer ma consultation de kinésithérapie';
    const body = patientText(clinic.number.phoneNumberId, newPatient(), wamid, words, 'Odile Fourcade');
    // As the journal was before migration 0018: a plain body, not yet processed.
    const [legacy] = await env.handle.db
      .insert(webhookEvents)
      .values({
        orgId: clinic.org.id,
        channelAccountId: clinic.account.id,
        channelType: 'whatsapp',
        bodySha256: sha256(body),
        rawBody: body,
      })
      .returning();
    if (!legacy) throw new Error('not inserted');

    await runWebhookJournalRetention({
      db: env.handle.db,
      clock: systemClock,
      cipher: env.fieldCipher,
      logger: pino({ level: 'silent' }),
      failedRetentionMs: 30 * DAY_MS,
    });

    const sealed = await journalOf(body);
    expect(sealed.rawBody).toBeNull();
    expect(openWebhookBody(env.fieldCipher, sealed)).toBe(body);
    expect(await journalDump()).not.toContain('kinésithérapie');

    // A redelivery is known by its hash; the journaled one is processed from its encrypted body.
    expect(await post(body)).toMatchObject({ stored: 0 });
    // Queued as an older Careline queued WhatsApp's deliveries: that queue is still served.
    await whatsappWebhookQueue.enqueue(
      env.handle.db,
      { webhookEventId: legacy.id },
      { orgId: clinic.org.id },
    );
    env.careline.worker.wake();
    expect((await eventually(() => storedMessage(wamid), 5000)).text).toBe(words);
    await env.settle();
    expect(await journalOf(body)).toMatchObject({ sealedBody: null, rawBody: null });
  });
});
