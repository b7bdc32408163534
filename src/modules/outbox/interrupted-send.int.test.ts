import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesWebhook, postWebhook, unixNow } from '../../../test/support/meta-webhooks.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../../../test/support/test-careline.ts';
import { TEST_ENGINES } from '../../../test/support/test-db.ts';
import { channelWebhookQueue } from '../../channels/webhook-queues.ts';
import { conversations, jobs, messages } from '../../db-schema.ts';
import { DeferJob } from '../../platform/jobs/job-worker.ts';
import { createLogger } from '../../platform/logger.ts';
import { systemClock } from '../../platform/time/clock.ts';
import type { ChannelSender } from './channel-sender.ts';
import { recordDeliveryReceipt } from './delivery-receipt.service.ts';
import { sendQueuedMessage } from './outbox.service.ts';
import type { OutboxDeps } from './outbox-deps.ts';
import { outboxSendQueue } from './outbox-queue.ts';
import { SendPacer } from './pacing/send-pacer.ts';
import { whatsappSender } from './whatsapp-sender.test-support.ts';

const PATIENT = '+33614141414';
/** The job lease the worker takes (JobWorker's default), and what the echo wait used to be. */
const LEASE_MS = 60_000;

describe.each(TEST_ENGINES)('a send interrupted by a crash (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let conversationId: string;

  beforeAll(async () => {
    // The echo wait as it was: equal to the job lease.
    env = await startTestCareline(engine, { reconcileAfterMs: LEASE_MS });
    clinic = await env.addClinic('Maison de santé Ménilmontant');
    await env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: PATIENT,
      name: 'Inès',
      text: 'Bonjour',
    });
    conversationId = await eventually(async () => {
      const page = (await (await env.api(clinic.apiKey, '/api/v1/conversations')).json()) as {
        data: Array<{ id: string }>;
      };
      return page.data[0]?.id;
    });
  });
  afterAll(async () => {
    await env?.close();
  });

  const sim = () => env.simulator.simulator;

  /** A reply queued while no worker runs, then left as a crash mid-call leaves it. */
  async function interruptedReply(
    text: string,
    sendingAgoMs: number,
    conversation = conversationId,
  ): Promise<string> {
    await env.careline.worker.stop();
    const response = await env.api(clinic.apiKey, `/api/v1/conversations/${conversation}/messages`, {
      method: 'POST',
      body: { type: 'text', text },
    });
    expect(response.status).toBe(202);
    const id = ((await response.json()) as { id: string }).id;
    await env.handle.db
      .update(messages)
      .set({ status: 'sending', statusAt: new Date(Date.now() - sendingAgoMs) })
      .where(eq(messages.id, id));
    // The dead worker's claim: one attempt used, and its lease has just run out.
    await env.handle.db
      .update(jobs)
      .set({ status: 'running', attempts: 1, lockedUntil: sql`now() - interval '1 second'` })
      .where(and(eq(jobs.queue, outboxSendQueue.name), eq(jobs.dedupeKey, id)));
    return id;
  }

  /** Meta got the call before the crash: it holds the message, and its status webhook is still to come. */
  function metaGot(id: string, text: string): string {
    sim().setBehaviour({ stopAfter: 'accepted' }, clinic.number.phoneNumberId);
    const answer = sim().handleSendRequest({
      phoneNumberId: clinic.number.phoneNumberId,
      authorization: `Bearer ${clinic.number.accessToken}`,
      body: {
        messaging_product: 'whatsapp',
        to: PATIENT.slice(1),
        type: 'text',
        text: { body: text },
        biz_opaque_callback_data: id,
      },
    });
    sim().setBehaviour({}, clinic.number.phoneNumberId);
    const wamid = 'messages' in answer.body ? answer.body.messages[0]?.id : undefined;
    if (!wamid) throw new Error(`the simulator refused the send: ${JSON.stringify(answer.body)}`);
    return wamid;
  }

  /** Meta's `sent` webhook for that call, echoing our id: what adopts the wamid. */
  async function echo(id: string, wamid: string): Promise<void> {
    const body = messagesWebhook(clinic.number.phoneNumberId, {
      statuses: [
        {
          id: wamid,
          status: 'sent',
          timestamp: unixNow(),
          recipient_id: PATIENT.slice(1),
          biz_opaque_callback_data: id,
        },
      ],
    });
    expect((await postWebhook(env.url, body, clinic.number.appSecret)).status).toBe(200);
  }

  function callsFor(id: string, phoneNumberId = clinic.number.phoneNumberId) {
    return sim()
      .sends(phoneNumberId)
      .filter((s) => (s.request as { biz_opaque_callback_data?: string }).biz_opaque_callback_data === id);
  }

  async function row(id: string) {
    const [message] = await env.handle.db.select().from(messages).where(eq(messages.id, id));
    return message;
  }

  it('an echo processed just after the lease ran out does not re-send', async () => {
    // Careline died mid-call a little over a lease ago; Meta kept its status webhook, retrying.
    const id = await interruptedReply('Votre ordonnance est prête', LEASE_MS + 1000);
    const wamid = metaGot(id, 'Votre ordonnance est prête');
    env.careline.worker.start();
    // The restarted worker takes the job whose lease ran out and decides what to do with it…
    await eventually(async () => {
      const [job] = await env.handle.db.select().from(jobs).where(eq(jobs.dedupeKey, id));
      return job?.status !== 'running' ? true : undefined;
    });
    // …and Meta's retry of the status webhook arrives a moment later.
    await echo(id, wamid);
    const adopted = await eventually(async () => {
      const message = await row(id);
      return message?.externalId ? message : undefined;
    });
    await env.settle();
    expect(adopted.externalId).toBe(wamid);
    expect(callsFor(id), 'the patient gets the message once').toHaveLength(1);
  });

  it('an echo adopted while the re-send is being decided stops the re-send', async () => {
    // Long past the echo wait: the outbox decides to send again, and the echo lands during that decision.
    const id = await interruptedReply('Rappel : jeûne avant la prise de sang', 10 * LEASE_MS);
    const wamid = metaGot(id, 'Rappel : jeûne avant la prise de sang');
    const real = whatsappSender({
      graphUrl: env.simulator.url,
      apiVersion: 'v25.0',
      secretsOf: env.careline.secretsOf,
    });
    let calls = 0;
    const sender: ChannelSender = {
      capabilities: real.capabilities,
      window: real.window,
      windowHours: real.windowHours,
      async validate(account, message, findTemplate) {
        // The last check before the call: the webhook worker adopts the echoed wamid right now.
        await recordDeliveryReceipt(
          env.handle.db,
          {
            orgId: clinic.org.id,
            channelAccountId: clinic.account.id,
            externalId: wamid,
            status: 'sent',
            occurredAt: new Date(),
            errorCode: null,
            errorTitle: null,
            errorDetail: null,
            correlationId: id,
          },
          new Date(),
        );
        return real.validate(account, message, findTemplate);
      },
      uploadMedia: (account, file) => real.uploadMedia(account, file),
      send(account, recipient, message, options) {
        calls += 1;
        return real.send(account, recipient, message, options);
      },
      markRead: (account, externalId, recipient) => real.markRead(account, externalId, recipient),
    };
    await sendQueuedMessage(outboxDeps({ whatsapp: sender }), await jobOf(id));
    expect(calls, 'no second call once the echo was adopted').toBe(0);
    expect(callsFor(id)).toHaveLength(1);
    expect((await row(id))?.externalId).toBe(wamid);
  });

  it('an echo arriving while the re-send is in flight keeps one wamid and is reported', async () => {
    const id = await interruptedReply('Résultats disponibles', 10 * LEASE_MS);
    const firstWamid = metaGot(id, 'Résultats disponibles');
    const real = whatsappSender({
      graphUrl: env.simulator.url,
      apiVersion: 'v25.0',
      secretsOf: env.careline.secretsOf,
    });
    const sender: ChannelSender = {
      capabilities: real.capabilities,
      window: real.window,
      windowHours: real.windowHours,
      validate: (account, message, findTemplate) => real.validate(account, message, findTemplate),
      uploadMedia: (account, file) => real.uploadMedia(account, file),
      async send(account, recipient, message, options) {
        // The re-send has left; the first call's echo, retried by Meta, is processed before its answer.
        const answer = real.send(account, recipient, message, options);
        await recordDeliveryReceipt(
          env.handle.db,
          {
            orgId: clinic.org.id,
            channelAccountId: clinic.account.id,
            externalId: firstWamid,
            status: 'sent',
            occurredAt: new Date(),
            errorCode: null,
            errorTitle: null,
            errorDetail: null,
            correlationId: id,
          },
          new Date(),
        );
        return answer;
      },
      markRead: (account, externalId, recipient) => real.markRead(account, externalId, recipient),
    };
    const logs: string[] = [];
    await sendQueuedMessage(outboxDeps({ whatsapp: sender }, logs), await jobOf(id));
    const message = await row(id);
    expect(message?.externalId, 'the id of what reached the patient first stays').toBe(firstWamid);
    expect(message?.status).not.toBe('sending');
    expect(callsFor(id)).toHaveLength(2);
    const warnings = logs.map((line) => JSON.parse(line) as { msg: string; messageId?: string });
    expect(warnings).toContainEqual(
      expect.objectContaining({
        messageId: id,
        msg: 'an interrupted send was echoed only after it was sent again: the patient got it twice',
      }),
    );
  });

  it('an echo received but not yet processed holds the re-send back', async () => {
    // Its echo wait is over, by a second.
    const id = await interruptedReply('Votre vaccin est arrivé', LEASE_MS + 1000);
    const wamid = metaGot(id, 'Votre vaccin est arrivé');
    // Meta's echo is acknowledged and journaled, but the webhook worker has not processed it yet.
    await echo(id, wamid);
    const real = whatsappSender({
      graphUrl: env.simulator.url,
      apiVersion: 'v25.0',
      secretsOf: env.careline.secretsOf,
    });
    await expect(
      sendQueuedMessage(
        { ...outboxDeps({ whatsapp: real }), webhookQueues: [channelWebhookQueue.name] },
        await jobOf(id),
      ),
    ).rejects.toBeInstanceOf(DeferJob);
    expect(callsFor(id)).toHaveLength(1);
    env.careline.worker.start();
    const adopted = await eventually(async () => {
      const message = await row(id);
      return message?.externalId ? message : undefined;
    });
    await env.settle();
    expect(adopted.externalId).toBe(wamid);
    expect(callsFor(id), 'the patient gets the message once').toHaveLength(1);
  });

  it('a re-send waits while Meta still delivers webhooks older than the send, and goes once they pass it', async () => {
    // A number of its own: no status of it was reported yet.
    const other = await env.addNumber(clinic, '+33180000002');
    env.careline.worker.start();
    await sim().patientSends({ phoneNumberId: other.number.phoneNumberId, from: PATIENT, text: 'Bonjour' });
    const conversation = await eventually(async () => {
      const [found] = await env.handle.db
        .select()
        .from(conversations)
        .where(eq(conversations.channelAccountId, other.account.id));
      return found?.id;
    });
    // Never reached Meta: no echo will come. But Meta's queue lags: it is still delivering statuses
    // stamped at the time of the send, so an echo could still be behind them.
    const id = await interruptedReply('Merci de rappeler le cabinet', LEASE_MS + 1000, conversation);
    const [message] = await env.handle.db.select().from(messages).where(eq(messages.id, id));
    const lagging = messagesWebhook(other.number.phoneNumberId, {
      statuses: [
        {
          id: 'wamid.LAGGING',
          status: 'delivered',
          timestamp: String(Math.floor((message?.statusAt.getTime() ?? 0) / 1000)),
          recipient_id: PATIENT.slice(1),
        },
      ],
    });
    expect((await postWebhook(env.url, lagging, other.number.appSecret)).status).toBe(200);
    // …and it was processed: nothing waits in Careline's own queue.
    await env.handle.db.update(jobs).set({ status: 'done' }).where(eq(jobs.queue, channelWebhookQueue.name));
    const real = whatsappSender({
      graphUrl: env.simulator.url,
      apiVersion: 'v25.0',
      secretsOf: env.careline.secretsOf,
    });
    const deps = { ...outboxDeps({ whatsapp: real }), webhookQueues: [channelWebhookQueue.name] };
    await expect(sendQueuedMessage(deps, await jobOf(id))).rejects.toThrow(/catch up/);
    expect(callsFor(id, other.number.phoneNumberId)).toHaveLength(0);
    // A status Meta stamped well after the send: its queue has passed the send, and no echo came.
    await recordDeliveryReceipt(
      env.handle.db,
      {
        orgId: clinic.org.id,
        channelAccountId: other.account.id,
        externalId: 'wamid.LATER',
        status: 'delivered',
        occurredAt: new Date(),
        errorCode: null,
        errorTitle: null,
        errorDetail: null,
      },
      new Date(),
    );
    await sendQueuedMessage(deps, await jobOf(id));
    expect(callsFor(id, other.number.phoneNumberId), 'sent once, now').toHaveLength(1);
  });

  function outboxDeps(senders: OutboxDeps['senders'], logs: string[] = []): OutboxDeps {
    return {
      db: env.handle.db,
      clock: systemClock,
      keyring: env.careline.keyring,
      senders,
      logger: createLogger({ level: 'info', destination: { write: (line: string) => logs.push(line) } }),
      pacer: new SendPacer({ pairBurst: 10_000, pairIntervalMs: 1 }),
      mediaStore: {} as OutboxDeps['mediaStore'],
      reconcileAfterMs: LEASE_MS,
      upSince: new Date(Date.now() - 10 * LEASE_MS),
    };
  }

  async function jobOf(id: string) {
    const [job] = await env.handle.db.select().from(jobs).where(eq(jobs.dedupeKey, id));
    if (!job) throw new Error(`no job for ${id}`);
    return outboxSendQueue.parse(job);
  }
});
