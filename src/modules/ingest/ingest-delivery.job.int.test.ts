import { randomBytes } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import { testKeyring } from '../../../test/support/test-keyring.ts';
import { createTelegramAdapter } from '../../channels/telegram/telegram-adapter.ts';
import { webhookEvents } from '../../channels/webhook-event.schema.ts';
import { journalWebhook } from '../../channels/webhook-journal.repository.ts';
import { channelWebhookQueue } from '../../channels/webhook-queues.ts';
import { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { DbHandle } from '../../platform/db/create-db.ts';
import { jobs } from '../../platform/jobs/job.schema.ts';
import { PermanentJobError } from '../../platform/jobs/job-worker.ts';
import { TestClock } from '../../platform/time/test-clock.ts';
import { openAlerts } from '../alerts/alert.service.ts';
import { flowsQueue } from '../flows/flow-queue.ts';
import { messages } from '../inbox/message.schema.ts';
import { openMessages } from '../inbox/message-sealing.ts';
import { type OutboxClinic, seedOutboxClinic } from '../outbox/outbox.test-support.ts';
import { redFlagEvents } from '../safety/red-flag-event.schema.ts';
import { adapterDeliveryReader } from './adapter-delivery-reader.ts';
import { type InboundDeps, ingestDelivery } from './ingest-delivery.job.ts';

/** A private chat's message as the Bot API delivers it (https://core.telegram.org/bots/api#update). */
function telegramUpdate(updateId: number, chatId: number, text: string): unknown {
  const person = { id: chatId, is_bot: false, first_name: 'Chloé', last_name: 'Martin', language_code: 'fr' };
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      from: person,
      chat: { id: chatId, type: 'private', first_name: 'Chloé', last_name: 'Martin' },
      date: 1_772_442_000,
      text,
    },
  };
}

// The ingest job beside its code: deliveries journaled as the webhook route journals them, then the
// job run as the worker runs it. test/e2e covers the same through HTTP and the simulators.
describe.each(TEST_ENGINES)('the ingest job (%s)', (engine) => {
  let handle: DbHandle;
  let clinic: OutboxClinic;
  let deps: InboundDeps;
  const cipher = FieldCipher.forKey(randomBytes(32));
  const clock = new TestClock('2026-03-02T09:00:00.000Z');
  let nextUpdate = 1000;
  let nextChat = 7_300_000_000;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    clinic = await seedOutboxClinic(handle.db, 'Centre médical des Aubépines', 'http://127.0.0.1:9');
    deps = {
      db: handle.db,
      logger: pino({ level: 'silent' }),
      keyring: testKeyring,
      clock,
      cipher,
      readers: { telegram: adapterDeliveryReader(createTelegramAdapter({ timeoutMs: 1000 }), 'Telegram') },
    };
  });
  afterAll(async () => {
    await handle?.close();
  });

  /** Journals the bytes for the clinic's bot, and answers the job the worker would claim for them. */
  async function journal(body: string) {
    const id = await journalWebhook(handle.db, cipher, clinic.telegram, Buffer.from(body), {
      queue: channelWebhookQueue,
      priority: 0,
      maxAttempts: 10,
      sequenceKey: null,
    });
    if (id === undefined) throw new Error('these bytes were journaled before');
    const [row] = await handle.db
      .select()
      .from(jobs)
      .where(
        and(
          eq(jobs.queue, channelWebhookQueue.name),
          sql`(${jobs.payload}->>'webhookEventId')::bigint = ${id}`,
        ),
      );
    if (!row) throw new Error(`delivery ${id} has no job`);
    return { id, job: { ...channelWebhookQueue.parse(row), status: 'running' as const, attempts: 1 } };
  }

  async function journalRow(id: number) {
    const [row] = await handle.db.select().from(webhookEvents).where(eq(webhookEvents.id, id));
    return row;
  }

  async function alertsAbout(id: number) {
    return (await openAlerts(handle.db, clinic.org.id)).filter((a) => a.webhookEventId === id);
  }

  test("a patient's message becomes a message in their conversation, handed to automation", async () => {
    const chat = nextChat++;
    const { id, job } = await journal(
      JSON.stringify(telegramUpdate(nextUpdate++, chat, 'Bonjour, une question')),
    );

    await ingestDelivery(deps, job);

    const [stored] = await handle.db
      .select()
      .from(messages)
      .where(and(eq(messages.channelAccountId, clinic.telegram.id), eq(messages.direction, 'inbound')))
      .orderBy(desc(messages.seq))
      .limit(1);
    if (!stored) throw new Error('no message stored');
    const [opened] = await openMessages(handle.db, testKeyring, [stored]);
    expect(opened?.text).toBe('Bonjour, une question');
    const automation = await handle.db
      .select()
      .from(jobs)
      .where(
        and(
          eq(jobs.queue, flowsQueue.name),
          sql`${jobs.payload}->>'conversationId' = ${stored.conversationId}`,
        ),
      );
    expect(automation).toHaveLength(1);
    const row = await journalRow(id);
    expect(row?.processedAt).not.toBeNull();
    expect(row?.sealedBody).toBeNull();
    expect(await alertsAbout(id)).toEqual([]);
  });

  test('running the job again (a crash after it stored) stores nothing twice', async () => {
    const chat = nextChat++;
    const { job } = await journal(JSON.stringify(telegramUpdate(nextUpdate++, chat, 'Rendez-vous demain ?')));
    const before = await handle.db.$count(messages);

    await ingestDelivery(deps, job);
    await ingestDelivery(deps, job);

    expect(await handle.db.$count(messages)).toBe(before + 1);
  });

  test('an emergency in the message makes its conversation urgent before automation answers', async () => {
    const chat = nextChat++;
    const { job } = await journal(
      JSON.stringify(telegramUpdate(nextUpdate++, chat, "j'ai une douleur dans la poitrine qui serre fort")),
    );

    await ingestDelivery(deps, job);

    const [stored] = await handle.db
      .select({ conversationId: messages.conversationId })
      .from(messages)
      .where(eq(messages.channelAccountId, clinic.telegram.id))
      .orderBy(desc(messages.seq))
      .limit(1);
    if (!stored) throw new Error('no message stored');
    const flags = await handle.db
      .select({ category: redFlagEvents.category })
      .from(redFlagEvents)
      .where(eq(redFlagEvents.conversationId, stored.conversationId));
    expect(flags).toEqual([{ category: 'chest_pain' }]);
  });

  test('bytes that are not a Telegram update stay in the journal, marked failed, with an alert', async () => {
    const { id, job } = await journal('<html><body>502 Bad Gateway</body></html>');

    await ingestDelivery(deps, job);

    const row = await journalRow(id);
    expect(row?.failedAt).not.toBeNull();
    expect(row?.failureReason).toContain('could not be read as a Telegram webhook');
    expect(row?.sealedBody).not.toBeNull();
    expect(await alertsAbout(id)).toEqual([expect.objectContaining({ kind: 'inbound_not_stored' })]);
  });

  test('a delivery journaled under a key no longer configured waits for it, with an alert', async () => {
    const { id, job } = await journal(JSON.stringify(telegramUpdate(nextUpdate++, nextChat++, 'Bonjour')));

    await ingestDelivery({ ...deps, cipher: FieldCipher.forKey(randomBytes(32)) }, job);

    expect((await journalRow(id))?.failureReason).toContain('could not be decrypted');
    expect(await alertsAbout(id)).toEqual([expect.objectContaining({ kind: 'inbound_not_stored' })]);
  });

  test('a job whose journal row is gone fails for good', async () => {
    const { id, job } = await journal(JSON.stringify(telegramUpdate(nextUpdate++, nextChat++, 'Bonjour')));
    await handle.db.delete(webhookEvents).where(eq(webhookEvents.id, id));

    await expect(ingestDelivery(deps, job)).rejects.toBeInstanceOf(PermanentJobError);
  });
});
