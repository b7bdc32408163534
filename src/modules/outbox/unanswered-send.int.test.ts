import { createServer } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newPhone, patientWrites } from '../../../test/e2e/inbox-support.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../../../test/support/test-careline.ts';
import { TEST_ENGINES } from '../../../test/support/test-db.ts';
import { channelAccounts, jobs, messages } from '../../db-schema.ts';
import type { TransportFaultInput } from '../../simulator/transport-faults.ts';

/** How long Careline waits for the Graph API's answer here (15 s in production). */
const GRAPH_TIMEOUT_MS = 300;

/**
 * A send whose HTTP call to Meta timed out or broke after the request left may have reached Meta.
 * These sends go through the simulator's real HTTP server, whose transport faults lose or delay the
 * answer while Meta (the simulator) takes the message and echoes our id in its status webhooks.
 */
describe.each(TEST_ENGINES)('a send that may have reached Meta unanswered (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;

  beforeAll(async () => {
    // An echo wait far longer than any test: a message re-sent here was re-sent without waiting.
    env = await startTestCareline(engine, { reconcileAfterMs: 60_000, graphTimeoutMs: GRAPH_TIMEOUT_MS });
    clinic = await env.addClinic('Cabinet médical des Lilas');
  });
  afterAll(async () => {
    await env?.close();
  });
  afterEach(() => {
    env.simulator.simulator.setBehaviour({}, clinic.number.phoneNumberId);
  });

  const helpers = () => sendHelpers(env, clinic);

  it('a send that times out after Meta accepted it is not sent again when the status webhook echoes it', async () => {
    const { reply, faults, echoAfter, callsFor, row } = helpers();
    faults([{ kind: 'slow_answer', delayMs: 3 * GRAPH_TIMEOUT_MS }]);
    // Meta's `sent` status, echoing our id, comes after Careline gave up waiting for the answer.
    echoAfter(3 * GRAPH_TIMEOUT_MS);

    const id = await reply('Votre ordonnance est prête à la pharmacie');
    const adopted = await eventually(async () => {
      const message = await row(id);
      return message?.externalId ? message : undefined;
    }, 10_000);
    await env.settle();

    expect(callsFor(id), 'the patient gets the message once').toHaveLength(1);
    expect(adopted.externalId).toBe(callsFor(id)[0]?.wamid);
  });

  it('a send whose connection drops after Meta took it is not sent again when the status webhook echoes it', async () => {
    const { reply, faults, echoAfter, callsFor, row } = helpers();
    faults([{ kind: 'no_answer' }]);
    echoAfter(3 * GRAPH_TIMEOUT_MS);

    const id = await reply('Rappel : rendez-vous demain à 9 h');
    await eventually(async () => ((await row(id))?.externalId ? true : undefined), 10_000);
    await env.settle();

    expect(callsFor(id), 'the patient gets the message once').toHaveLength(1);
  });

  it("a send whose answer was cut off after Meta accepted it is not failed nor sent again: Meta's echo settles it", async () => {
    const { reply, faults, echoAfter, callsFor, row } = helpers();
    faults([{ kind: 'cut_answer' }]);
    echoAfter(3 * GRAPH_TIMEOUT_MS);

    const id = await reply('Vos résultats sont disponibles');
    const settled = await eventually(async () => {
      const message = await row(id);
      return message?.externalId || message?.status === 'failed' ? message : undefined;
    }, 10_000);

    expect(settled.status, 'not failed: the patient got it').not.toBe('failed');
    expect(settled.externalId).toBe(callsFor(id)[0]?.wamid);
    expect(callsFor(id)).toHaveLength(1);
  });

  it("a gateway's 502 after Meta took the send does not make it go twice", async () => {
    const { reply, faults, echoAfter, callsFor, row } = helpers();
    faults([{ kind: 'gateway_error', httpStatus: 502 }]);
    echoAfter(3 * GRAPH_TIMEOUT_MS);

    const id = await reply('Merci de rappeler le secrétariat');
    await eventually(async () => ((await row(id))?.externalId ? true : undefined), 10_000);
    await env.settle();

    expect(callsFor(id), 'the patient gets the message once').toHaveLength(1);
  });

  it('a send that times out on its last attempt after Meta accepted it is adopted by its echo, not failed', async () => {
    const { newConversation, reply, faults, echoAfter, callsFor, row } = helpers();
    const conversation = await newConversation();
    await env.careline.worker.stop();
    const id = await reply('Votre vaccin est arrivé', conversation);
    // Its earlier attempts were spent on WhatsApp being unreachable: this call is its last.
    await env.handle.db.update(jobs).set({ maxAttempts: 1 }).where(eq(jobs.dedupeKey, id));
    faults([{ kind: 'slow_answer', delayMs: 3 * GRAPH_TIMEOUT_MS }]);
    echoAfter(3 * GRAPH_TIMEOUT_MS);
    env.careline.worker.start();

    const settled = await eventually(async () => {
      const message = await row(id);
      return message?.externalId || message?.status === 'failed' ? message : undefined;
    }, 10_000);

    expect(settled.status, 'not failed: the patient got it').not.toBe('failed');
    expect(settled.externalId).toBe(callsFor(id)[0]?.wamid);
    expect(callsFor(id)).toHaveLength(1);
  });

  it('a send refused before it reached Meta is retried at once', async () => {
    const { reply, callsFor, row } = helpers();
    const [account] = await env.handle.db
      .select()
      .from(channelAccounts)
      .where(eq(channelAccounts.id, clinic.account.id));
    if (!account) throw new Error('account missing');
    await env.handle.db
      .update(channelAccounts)
      .set({ settings: { ...account.settings, graphUrl: `http://127.0.0.1:${await closedPort()}` } })
      .where(eq(channelAccounts.id, account.id));

    const id = await reply('Le cabinet sera fermé lundi');
    const retrying = await eventually(async () => {
      const [job] = await env.handle.db.select().from(jobs).where(eq(jobs.dedupeKey, id));
      return job?.lastError ? job : undefined;
    });
    // Connection refused: nothing left for Meta, so it is back in the queue, not waiting for an echo.
    expect(retrying.lastError).toContain('Could not reach WhatsApp');
    expect((await row(id))?.status).toBe('queued');
    await env.handle.db
      .update(channelAccounts)
      .set({ settings: account.settings })
      .where(eq(channelAccounts.id, account.id));

    // Sent on its next try, well within the (60 s) echo wait.
    await eventually(async () => ((await row(id))?.externalId ? true : undefined), 10_000);
    expect(callsFor(id)).toHaveLength(1);
  });
});

describe.each(TEST_ENGINES)('a send that may have reached Meta, with no echo (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  const ECHO_WAIT_MS = 1500;

  beforeAll(async () => {
    env = await startTestCareline(engine, {
      reconcileAfterMs: ECHO_WAIT_MS,
      graphTimeoutMs: GRAPH_TIMEOUT_MS,
    });
    clinic = await env.addClinic('Centre de santé Belleville');
  });
  afterAll(async () => {
    await env?.close();
  });
  afterEach(() => {
    env.simulator.simulator.setBehaviour({}, clinic.number.phoneNumberId);
  });

  const helpers = () => sendHelpers(env, clinic);

  it('a send lost behind a gateway error waits for the echo, then goes once the wait passes without one', async () => {
    const { reply, faults, callsFor, row } = helpers();
    faults([{ kind: 'gateway_error', httpStatus: 504, reachesMeta: false }]);

    const id = await reply('Pensez à apporter votre carte Vitale');
    const answeredAt = await eventually(async () => {
      const [job] = await env.handle.db.select().from(jobs).where(eq(jobs.dedupeKey, id));
      return job?.lastError ? Date.now() : undefined;
    });
    const waiting = await row(id);
    await eventually(async () => ((await row(id))?.externalId ? true : undefined), 10_000);

    expect(waiting?.status, 'kept as possibly sent, not queued again').toBe('sending');
    expect(Date.now() - answeredAt).toBeGreaterThanOrEqual(ECHO_WAIT_MS - 200);
    expect(callsFor(id), 'sent once: the first call never reached Meta').toHaveLength(1);
  });

  it('a re-send after the echo wait that times out after Meta accepted it is not sent a third time', async () => {
    const { reply, faults, echoAfter, callsFor, row } = helpers();
    // The first call never reaches Meta; the re-send (one by one, after the wait) reaches it unanswered.
    faults([
      { kind: 'gateway_error', httpStatus: 502, reachesMeta: false },
      { kind: 'slow_answer', delayMs: 3 * GRAPH_TIMEOUT_MS },
    ]);
    echoAfter(3 * GRAPH_TIMEOUT_MS);

    const id = await reply('Votre compte rendu est prêt');
    await eventually(async () => ((await row(id))?.externalId ? true : undefined), 15_000);
    await env.settle();

    expect(callsFor(id), 'the patient gets the message once').toHaveLength(1);
    expect((await row(id))?.externalId).toBe(callsFor(id)[0]?.wamid);
  });

  it('an unanswered send on its last attempt fails with its reason when no echo comes, instead of staying sending', async () => {
    const { newConversation, reply, faults, callsFor, row } = helpers();
    const conversation = await newConversation();
    await env.careline.worker.stop();
    const id = await reply('Le Dr Martin vous rappellera', conversation);
    await env.handle.db.update(jobs).set({ maxAttempts: 1 }).where(eq(jobs.dedupeKey, id));
    faults([{ kind: 'gateway_error', httpStatus: 504, reachesMeta: false }]);
    env.careline.worker.start();

    const failed = await eventually(async () => {
      const message = await row(id);
      return message?.status === 'failed' ? message : undefined;
    }, 15_000);

    expect(failed).toMatchObject({ failureReason: 'provider_unreachable', errorCode: null });
    expect(failed.errorTitle).toContain('neither answered nor reported');
    expect(callsFor(id)).toHaveLength(0);
    const [job] = await env.handle.db.select().from(jobs).where(eq(jobs.dedupeKey, id));
    expect(job?.status).toBe('done');
  });
});

/** Replies in a conversation of their own, and what the simulated Meta made of them. */
function sendHelpers(env: TestCareline, clinic: TestClinic) {
  const sim = env.simulator.simulator;
  /** A patient writes; `reply` answers in that conversation. */
  async function newConversation(): Promise<string> {
    const { conversation } = await patientWrites(env, clinic, newPhone(), 'Bonjour');
    return String(conversation.id);
  }
  return {
    newConversation,
    async reply(text: string, conversationId?: string): Promise<string> {
      const conversation = conversationId ?? (await newConversation());
      const response = await env.api(clinic.apiKey, `/api/v1/conversations/${conversation}/messages`, {
        method: 'POST',
        body: { type: 'text', text },
      });
      expect(response.status).toBe(202);
      return ((await response.json()) as { id: string }).id;
    },
    faults(faults: TransportFaultInput[]) {
      sim.injectTransportFaults(faults, clinic.number.phoneNumberId);
    },
    /** Meta's status webhooks for the next sends come this long after each step. */
    echoAfter(ms: number) {
      sim.setBehaviour({ delayMs: ms }, clinic.number.phoneNumberId);
    },
    /** The sends Meta took for this message (a wamid each). */
    callsFor(id: string) {
      return sim
        .sends(clinic.number.phoneNumberId)
        .filter(
          (s) =>
            s.wamid !== undefined &&
            (s.request as { biz_opaque_callback_data?: string }).biz_opaque_callback_data === id,
        );
    },
    async row(id: string) {
      const [message] = await env.handle.db.select().from(messages).where(eq(messages.id, id));
      return message;
    },
  };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}
