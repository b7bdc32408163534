import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import { testKeyring } from '../../../test/support/test-keyring.ts';
import {
  type BotApiStandIn,
  startBotApiStandIn,
} from '../../channels/telegram/bot-api-stand-in.test-support.ts';
import type { DbHandle } from '../../platform/db/create-db.ts';
import { DeferJob } from '../../platform/jobs/job-worker.ts';
import { type Clock, fixedClock, systemClock } from '../../platform/time/clock.ts';
import { openAlerts } from '../alerts/alert.service.ts';
import { findMessage } from '../inbox/message.service.ts';
import { submitOutboundMessage } from './outbound-submission.service.ts';
import { type SendJob, sendQueuedMessage } from './outbox.service.ts';
import {
  addOutboxPatient,
  botTokenOf,
  claimedSendJob,
  type OutboxClinic,
  type OutboxPatient,
  outboxDeps,
  outboxSenders,
  seedOutboxClinic,
} from './outbox.test-support.ts';
import { sendQueuedMessages } from './outbox-batch.service.ts';
import type { OutboxDeps } from './outbox-deps.ts';

const HOUR = 3_600_000;

/**
 * The worker runs the send job one message at a time (an interrupted send, a reaction) or a batch of
 * them at once (everything else): both must do the same with each answer. The error is what the job
 * ends with (the worker retries or defers it), undefined when the job is done.
 */
const RUNS = {
  'one by one': (deps: OutboxDeps, job: SendJob) =>
    sendQueuedMessage(deps, job).then(
      () => undefined,
      (error: unknown) => error,
    ),
  'in a batch': async (deps: OutboxDeps, job: SendJob) => (await sendQueuedMessages(deps, [job])).get(job.id),
};

/** Telegram's refusals, as the Bot API words them (https://core.telegram.org/bots/api#making-requests). */
const TELEGRAM = {
  outage: { status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } },
  blocked: {
    status: 403,
    body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' },
  },
  flood: {
    status: 429,
    body: {
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 30',
      parameters: { retry_after: 30 },
    },
  },
  // A proxy's page where the Bot API's answer should be: whether Telegram took the message is unknown.
  unreadable: { status: 200, body: '<html><body>upstream answered nothing readable</body></html>' },
};

describe.each(TEST_ENGINES)('the send job (%s)', (engine) => {
  let handle: DbHandle;
  let botApi: BotApiStandIn;
  let clinic: OutboxClinic;
  let senders: OutboxDeps['senders'];
  let deps: OutboxDeps;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    const botToken = botTokenOf('7100000001');
    botApi = await startBotApiStandIn({ tokens: [botToken] });
    clinic = await seedOutboxClinic(handle.db, 'Maison de santé du Canal', botApi.url, botToken);
    senders = outboxSenders(handle.db);
    deps = outboxDeps(handle.db, senders, systemClock);
  });
  afterAll(async () => {
    await botApi?.close();
    await handle?.close();
  });

  /** A message an agent sent, as the submission queues it; its id. */
  async function queued(
    patient: OutboxPatient,
    text: string,
    of: OutboxClinic = clinic,
    clock: Clock = systemClock,
  ): Promise<string> {
    const submission = await submitOutboundMessage(
      { db: handle.db, keyring: testKeyring, senders, clock },
      {
        orgId: of.org.id,
        conversationId: patient.conversationId,
        message: { type: 'text', text },
        sentByApiKeyId: null,
      },
    );
    expect(submission.outcome).toBe('queued');
    return submission.message.id;
  }

  const telegramPatient = (of: OutboxClinic = clinic) =>
    addOutboxPatient(handle.db, of, 'telegram', new Date(Date.now() - HOUR));
  const sentTo = (patient: OutboxPatient) =>
    botApi.calls.filter((c) => c.method === 'sendMessage' && String(c.params.chat_id) === patient.externalId);
  const stored = async (id: string, of: OutboxClinic = clinic) => findMessage(handle.db, of.org.id, id);

  describe.each(Object.entries(RUNS))('%s', (_mode, run) => {
    test('accepted: the patient gets it once, and it keeps Telegram’s id', async () => {
      const patient = await telegramPatient();
      const id = await queued(patient, 'Votre ordonnance est prête');

      expect(await run(deps, await claimedSendJob(handle.db, id))).toBeUndefined();
      expect(sentTo(patient).map((c) => c.params.text)).toEqual(['Votre ordonnance est prête']);
      expect(await stored(id)).toMatchObject({ status: 'accepted', externalId: `${patient.externalId}:1` });

      // The job handed over once more (a lease that ran out) sends nothing again.
      expect(await run(deps, await claimedSendJob(handle.db, id, 2))).toBeUndefined();
      expect(sentTo(patient)).toHaveLength(1);
    });

    test('Telegram’s own outage: the message goes back to the queue, and the next attempt sends it', async () => {
      const patient = await telegramPatient();
      const id = await queued(patient, 'Le cabinet est fermé lundi');
      botApi.answerNext('sendMessage', TELEGRAM.outage);

      expect(await run(deps, await claimedSendJob(handle.db, id, 1))).toBeInstanceOf(Error);
      expect(await stored(id)).toMatchObject({ status: 'queued', externalId: null, failureReason: null });

      expect(await run(deps, await claimedSendJob(handle.db, id, 2))).toBeUndefined();
      expect(await stored(id)).toMatchObject({ status: 'accepted', externalId: `${patient.externalId}:1` });
      expect(sentTo(patient)).toHaveLength(2);
    });

    test('an outage on the last attempt fails the message, with Telegram’s words', async () => {
      const patient = await telegramPatient();
      const id = await queued(patient, 'Rappel : prise de sang à jeun');
      botApi.answerNext('sendMessage', TELEGRAM.outage);
      const last = await claimedSendJob(handle.db, id);

      expect(await run(deps, { ...last, attempts: last.maxAttempts })).toBeUndefined();
      expect(await stored(id)).toMatchObject({
        status: 'failed',
        failureReason: 'provider_refused',
        errorCode: 500,
        errorTitle: 'Telegram had an internal error',
        errorDetail: 'Internal Server Error',
      });
    });

    test('a refusal for good (the patient blocked the bot) fails it at once, and it is not sent again', async () => {
      const patient = await telegramPatient();
      const id = await queued(patient, 'Pensez à votre carte Vitale');
      botApi.answerNext('sendMessage', TELEGRAM.blocked);

      expect(await run(deps, await claimedSendJob(handle.db, id))).toBeUndefined();
      expect(await stored(id)).toMatchObject({
        status: 'failed',
        failureReason: 'provider_refused',
        errorCode: 403,
        errorTitle: 'Telegram refused the message: Forbidden: bot was blocked by the user',
      });
      expect(await run(deps, await claimedSendJob(handle.db, id, 2))).toBeUndefined();
      expect(sentTo(patient)).toHaveLength(1);
    });

    test('flood control: the message waits for later, not failed', async () => {
      const patient = await telegramPatient();
      const id = await queued(patient, 'Votre rendez-vous est confirmé');
      botApi.answerNext('sendMessage', TELEGRAM.flood);
      const before = Date.now();

      const error = await run(deps, await claimedSendJob(handle.db, id));
      expect(error).toBeInstanceOf(DeferJob);
      expect((error as DeferJob).until.getTime()).toBeGreaterThan(before);
      expect(await stored(id)).toMatchObject({ status: 'queued', failureReason: null });
      expect(sentTo(patient)).toHaveLength(1);
    });

    test('a bot token Telegram refuses fails the message as token_invalid and raises one alert, naming no token', async () => {
      const revokedToken = botTokenOf(String(7_200_000_000 + Math.floor(Math.random() * 1e6)));
      const revoked = await seedOutboxClinic(handle.db, 'Cabinet au jeton révoqué', botApi.url, revokedToken);
      const patient = await telegramPatient(revoked);
      const first = await queued(patient, 'Bonjour', revoked);
      const second = await queued(patient, 'Êtes-vous là ?', revoked);

      for (const id of [first, second]) {
        expect(await run(deps, await claimedSendJob(handle.db, id))).toBeUndefined();
        expect(await stored(id, revoked)).toMatchObject({
          status: 'failed',
          failureReason: 'token_invalid',
          errorCode: 401,
          errorTitle: 'Telegram refused the bot token',
        });
      }
      const alerts = await openAlerts(handle.db, revoked.org.id);
      expect(alerts).toEqual([
        expect.objectContaining({ kind: 'channel_token_invalid', channelAccountId: revoked.telegram.id }),
      ]);
      const secret = revokedToken.split(':')[1] ?? revokedToken;
      const written = JSON.stringify(
        [alerts, await stored(first, revoked), await stored(second, revoked)],
        (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value),
      );
      expect(written).not.toContain(secret);
      // The clinic whose token works has no such alert.
      expect(await openAlerts(handle.db, clinic.org.id)).toEqual([]);
    });

    test('an answer that cannot be read leaves the message sending: not failed, not sent again at once', async () => {
      const patient = await telegramPatient();
      const id = await queued(patient, 'Vos résultats sont disponibles');
      botApi.answerNext('sendMessage', TELEGRAM.unreadable);

      expect(await run(deps, await claimedSendJob(handle.db, id, 1))).toBeInstanceOf(Error);
      expect(await stored(id)).toMatchObject({ status: 'sending', externalId: null, failureReason: null });
      // Its next run waits for a sign that Telegram took it, rather than risk a second copy.
      expect(await run(deps, await claimedSendJob(handle.db, id, 2))).toBeInstanceOf(DeferJob);
      expect(sentTo(patient)).toHaveLength(1);
    });

    test('the WhatsApp window closed between queueing and sending: refused as window_closed, not sent', async () => {
      const queuedAt = new Date();
      const patient = await addOutboxPatient(
        handle.db,
        clinic,
        'whatsapp',
        new Date(queuedAt.getTime() - 23.5 * HOUR),
      );
      const id = await queued(patient, 'Merci de rappeler le cabinet', clinic, fixedClock(queuedAt));
      // The job runs an hour later (a backlog, an outage): the 24 hours are over.
      const later = outboxDeps(handle.db, senders, fixedClock(new Date(queuedAt.getTime() + HOUR)));

      expect(await run(later, await claimedSendJob(handle.db, id))).toBeUndefined();
      // Had it called Meta (nobody listens at its Graph URL here), it would be back in the queue.
      expect(await stored(id)).toMatchObject({
        status: 'refused',
        failureReason: 'window_closed',
        externalId: null,
      });
    });
  });
});
