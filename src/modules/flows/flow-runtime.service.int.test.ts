import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import { testKeyring } from '../../../test/support/test-keyring.ts';
import type { DbHandle } from '../../platform/db/create-db.ts';
import { jobs } from '../../platform/jobs/job.schema.ts';
import { PermanentJobError } from '../../platform/jobs/job-worker.ts';
import { TestClock } from '../../platform/time/test-clock.ts';
import { appendInboundMessage } from '../inbox/inbox.service.ts';
import { messages } from '../inbox/message.schema.ts';
import { openMessages } from '../inbox/message-sealing.ts';
import {
  addOutboxPatient,
  type OutboxClinic,
  type OutboxPatient,
  outboxSenders,
  seedOutboxClinic,
} from '../outbox/outbox.test-support.ts';
import { flowSessions } from './flow.schema.ts';
import { createFlow } from './flow.service.ts';
import { FLOW_HTTP_REQUEST_PURPOSE, flowsQueue } from './flow-queue.ts';
import { processFlowJob, startFlowOnRequest } from './flow-runtime.service.ts';
import type { FlowRuntimeDeps } from './flow-runtime-deps.ts';

/** A menu of two buttons: opening hours (an answer, then the end) or a reminder after a pause. */
const RECEPTION = {
  key: 'accueil',
  version: 1,
  name: { fr: 'Accueil', en: 'Reception' },
  start: 'menu',
  steps: {
    menu: {
      type: 'menu',
      prompt: {
        fr: 'Bonjour {{contact.firstName}} ! Que souhaitez-vous ?',
        en: 'Hello! What would you like?',
      },
      options: [
        { id: 'hours', title: { fr: 'Horaires', en: 'Opening hours' }, next: 'hours' },
        { id: 'later', title: { fr: 'Plus tard', en: 'Later' }, next: 'pause' },
      ],
    },
    hours: {
      type: 'send',
      message: { type: 'text', text: { fr: 'Ouvert de 9 h à 18 h.', en: 'Open 9am to 6pm.' } },
    },
    pause: { type: 'wait', minutes: 90, next: 'nudge' },
    nudge: {
      type: 'send',
      message: { type: 'text', text: { fr: 'Nous revenons vers vous.', en: 'Back to you.' } },
    },
  },
};

/** A flow only the API or an agent starts. */
const SURVEY = {
  key: 'enquete',
  version: 1,
  name: { fr: 'Enquête', en: 'Survey' },
  start: 'ask',
  steps: {
    ask: {
      type: 'ask',
      kind: 'text',
      prompt: { fr: 'Qu’avez-vous pensé de votre visite ?', en: 'How was your visit?' },
      saveAs: 'avis',
      next: 'done',
    },
    done: { type: 'send', message: { type: 'text', text: { fr: 'Merci.', en: 'Thanks.' } } },
  },
};

// The runtime's own suite, beside it: test/e2e/flows-runtime.int.test.ts drives the same through the
// webhook and the simulator; this one calls the job handler as the worker does, one job at a time.
describe.each(TEST_ENGINES)('the automation job (%s)', (engine) => {
  let handle: DbHandle;
  let clinic: OutboxClinic;
  let other: OutboxClinic;
  let deps: FlowRuntimeDeps;
  const clock = new TestClock('2026-03-02T09:00:00.000Z');

  beforeAll(async () => {
    handle = await openTestDb(engine);
    clinic = await seedOutboxClinic(handle.db, 'Maison de santé des Tilleuls', 'http://127.0.0.1:9');
    other = await seedOutboxClinic(handle.db, 'Cabinet du Port', 'http://127.0.0.1:9');
    await createFlow(handle.db, clinic.org.id, {
      key: 'accueil',
      definition: RECEPTION,
      triggers: [{ kind: 'keyword', match: 'exact', words: { fr: ['menu'], en: ['menu'] } }],
    });
    await createFlow(handle.db, clinic.org.id, { key: 'enquete', definition: SURVEY, triggers: [] });
    deps = {
      db: handle.db,
      keyring: testKeyring,
      logger: pino({ level: 'silent' }),
      senders: outboxSenders(handle.db),
      clock,
    };
  });
  afterAll(async () => {
    await handle?.close();
  });

  /** The patient writes: stored as ingest stores it, the automation job left for the test to run. */
  async function patientWrites(patient: OutboxPatient, text: string): Promise<void> {
    await handle.db.transaction((tx) =>
      appendInboundMessage(
        tx,
        testKeyring,
        {
          orgId: clinic.org.id,
          channelAccountId: clinic.telegram.id,
          contactId: patient.contactId,
          externalId: `tg-${randomUUID()}`,
          type: 'text',
          text,
          content: null,
          replyToExternalId: null,
          occurredAt: clock.now(),
        },
        clock.now(),
        async () => undefined,
      ),
    );
  }

  const inbound = (patient: OutboxPatient) =>
    ({ kind: 'inbound', orgId: clinic.org.id, conversationId: patient.conversationId }) as const;

  /** What the clinic's side queued to the patient, oldest first, as the patient will read it. */
  async function repliesTo(patient: OutboxPatient): Promise<string[]> {
    const rows = await handle.db
      .select()
      .from(messages)
      .where(and(eq(messages.conversationId, patient.conversationId), eq(messages.direction, 'outbound')))
      .orderBy(asc(messages.seq));
    return (await openMessages(handle.db, testKeyring, rows)).map((m) => m.text ?? '');
  }

  /** A new patient who wrote "menu" and was shown it: the reception flow runs, waiting for a tap. */
  async function patientAtTheMenu(): Promise<OutboxPatient> {
    const patient = await addOutboxPatient(handle.db, clinic, 'telegram', clock.now());
    await patientWrites(patient, 'menu');
    await processFlowJob(deps, inbound(patient));
    return patient;
  }

  async function sessionsOf(patient: OutboxPatient) {
    return (
      handle.db
        .select({ status: flowSessions.status, reason: flowSessions.reason, trigger: flowSessions.trigger })
        .from(flowSessions)
        .where(eq(flowSessions.conversationId, patient.conversationId))
        // A session ended in the transaction that started the next one may carry the same creation time.
        .orderBy(asc(flowSessions.createdAt), sql`${flowSessions.endedAt} is null`)
    );
  }

  test('a keyword starts its flow and the menu goes to the patient, addressed by name', async () => {
    const patient = await addOutboxPatient(handle.db, clinic, 'telegram', clock.now());
    await patientWrites(patient, 'menu');

    await processFlowJob(deps, inbound(patient));

    const replies = await repliesTo(patient);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('Bonjour Chloé');
    expect(await sessionsOf(patient)).toEqual([
      expect.objectContaining({ status: 'running', trigger: 'keyword' }),
    ]);
  });

  test('a message is handed to automation once, however often its job runs', async () => {
    const patient = await addOutboxPatient(handle.db, clinic, 'telegram', clock.now());
    await patientWrites(patient, 'menu');

    await processFlowJob(deps, inbound(patient));
    await processFlowJob(deps, inbound(patient));

    expect(await repliesTo(patient)).toHaveLength(1);
  });

  test('messages waiting together are answered in the order the patient sent them', async () => {
    const patient = await addOutboxPatient(handle.db, clinic, 'telegram', clock.now());
    await patientWrites(patient, 'menu');
    clock.advance(1000);
    await patientWrites(patient, 'Horaires');

    await processFlowJob(deps, inbound(patient));

    const replies = await repliesTo(patient);
    expect(replies).toHaveLength(2);
    expect(replies[1]).toBe('Ouvert de 9 h à 18 h.');
    expect(await sessionsOf(patient)).toEqual([expect.objectContaining({ status: 'completed' })]);
  });

  test('a pause resumes on its timer job, and only then', async () => {
    const patient = await patientAtTheMenu();
    await patientWrites(patient, 'Plus tard');
    await processFlowJob(deps, inbound(patient));
    expect(await repliesTo(patient)).toHaveLength(1);

    const [timer] = await handle.db
      .select()
      .from(jobs)
      .where(
        and(
          eq(jobs.queue, flowsQueue.name),
          sql`${jobs.payload}->>'kind' = 'timer'`,
          sql`${jobs.payload}->>'conversationId' = ${patient.conversationId}`,
        ),
      );
    if (!timer) throw new Error('the pause scheduled no timer job');
    expect(timer.runAt.getTime() - clock.nowMs()).toBe(90 * 60_000);

    clock.advance(90 * 60_000);
    await processFlowJob(deps, flowsQueue.parse(timer).payload);

    expect((await repliesTo(patient)).at(-1)).toBe('Nous revenons vers vous.');
    expect(await sessionsOf(patient)).toEqual([expect.objectContaining({ status: 'completed' })]);
  });

  test('a flow started on request replaces the one running, which ends as replaced', async () => {
    const patient = await patientAtTheMenu();

    const started = await startFlowOnRequest(deps, {
      orgId: clinic.org.id,
      conversationId: patient.conversationId,
      flowKey: 'enquete',
    });

    expect(started?.status).toBe('running');
    expect(await sessionsOf(patient)).toEqual([
      expect.objectContaining({ status: 'stopped', reason: 'replaced' }),
      expect.objectContaining({ status: 'running', trigger: 'api' }),
    ]);
    expect((await repliesTo(patient)).at(-1)).toBe('Qu’avez-vous pensé de votre visite ?');
  });

  test('an unknown flow key starts nothing and leaves the running flow alone', async () => {
    const patient = await patientAtTheMenu();

    const started = await startFlowOnRequest(deps, {
      orgId: clinic.org.id,
      conversationId: patient.conversationId,
      flowKey: 'no-such-flow',
    });

    expect(started).toBeNull();
    expect(await sessionsOf(patient)).toEqual([expect.objectContaining({ status: 'running' })]);
  });

  test('closing the conversation stops the flow running in it', async () => {
    const patient = await patientAtTheMenu();

    await processFlowJob(deps, { ...inbound(patient), kind: 'closed' });

    expect(await sessionsOf(patient)).toEqual([
      expect.objectContaining({ status: 'stopped', reason: 'conversation_closed' }),
    ]);
  });

  test("a job naming another clinic's conversation does nothing there", async () => {
    const patient = await addOutboxPatient(handle.db, clinic, 'telegram', clock.now());
    await patientWrites(patient, 'menu');

    await processFlowJob(deps, { ...inbound(patient), orgId: other.org.id });
    expect(
      await startFlowOnRequest(deps, {
        orgId: other.org.id,
        conversationId: patient.conversationId,
        flowKey: 'enquete',
      }),
    ).toBeNull();

    expect(await repliesTo(patient)).toEqual([]);
    expect(await sessionsOf(patient)).toEqual([]);
  });

  test('a clinic API call whose patient was erased fails for good, without calling out', async () => {
    const patient = await addOutboxPatient(handle.db, clinic, 'telegram', clock.now());
    // Sealed as flow effects seal it, then the patient erased: erasure destroys their key.
    const sealer = await testKeyring.patient(handle.db, clinic.org.id, patient.contactId);
    const request = sealer.seal(
      JSON.stringify({
        requestId: 'r1',
        method: 'GET',
        url: 'http://127.0.0.1:9/',
        headers: {},
        timeoutMs: 1000,
      }),
      FLOW_HTTP_REQUEST_PURPOSE,
    );
    await testKeyring.destroyPatientKey(handle.db, clinic.org.id, patient.contactId);

    const job = {
      kind: 'http',
      orgId: clinic.org.id,
      conversationId: patient.conversationId,
      sessionId: randomUUID(),
      request,
    } as const;
    await expect(processFlowJob(deps, job)).rejects.toBeInstanceOf(PermanentJobError);
  });
});
