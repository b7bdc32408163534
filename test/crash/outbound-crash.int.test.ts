import { afterEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulatorServer } from '../../src/simulator/simulator-server.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { type CarelineProcess, freePort, spawnCareline, waitFor } from './careline-process.ts';
import {
  type CrashDb,
  createClinic,
  engineLabel,
  expireLeasesOfDeadWorker,
  listAllMessages,
  listPages,
  openCrashDb,
  report,
} from './crash-fixtures.ts';

const PATIENTS = 20;
const REPLIES_PER_PATIENT = 10;
const REPLIES = PATIENTS * REPLIES_PER_PATIENT;
/** Careline is SIGKILLed while the simulator handles this send (counted once the worker is up): mid-call. */
const KILL_DURING_SEND = 40;
/** Statuses a message keeps until its send call has been answered. */
const UNSENT = new Set(['queued', 'sending']);
/** How long the outbox waits for the status echo of a send interrupted mid-call (reconcileAfterMs). */
const OUTBOX_RECONCILE_MS = 60_000;

let careline: CarelineProcess | undefined;
let crashDb: CrashDb | undefined;
let simulator: RunningSimulator | undefined;

afterEach(async () => {
  await careline?.kill('SIGKILL');
  careline = undefined;
  await simulator?.close();
  simulator = undefined;
  await crashDb?.close();
  crashDb = undefined;
});

describe.each(TEST_ENGINES)('outbound messages survive a SIGKILL (%s)', (engine) => {
  it(`every queued reply reaches Meta exactly once after a crash mid-send and a restart (${engineLabel(engine)})`, async () => {
    crashDb = await openCrashDb(engine);
    const db = crashDb;
    const port = await freePort();
    const env = { ...db.env, LOG_LEVEL: 'error' };
    simulator = await startSimulatorServer({
      port: 0,
      lifecycle: { sentAfterMs: 5, deliveredAfterMs: 10, readAfterMs: 15 },
      // Meta retries a webhook for days; here retries go on for about a minute, gaps growing from
      // 250 ms, so a restart however slow on a busy machine still gets the status webhooks it missed.
      webhookRetry: { initialDelayMs: 250, factor: 1.3, maxAttempts: 16 },
    });
    const sim = simulator;
    const clinic = await db.withDb((d) => createClinic(d, sim.url));
    sim.simulator.registerNumber({
      phoneNumberId: clinic.phoneNumberId,
      displayPhoneNumber: '33180000000',
      wabaId: clinic.wabaId,
      accessToken: clinic.accessToken,
      appSecret: clinic.appSecret,
      webhookUrl: `http://127.0.0.1:${port}/webhooks/whatsapp`,
    });

    // Patients write first, so each has a conversation with an open 24-hour window.
    careline = await spawnCareline(env, { port });
    for (let p = 0; p < PATIENTS; p += 1) {
      const sent = await sim.simulator.patientSends({
        phoneNumberId: clinic.phoneNumberId,
        type: 'text',
        from: `+336130${String(p).padStart(5, '0')}`,
        name: `Patient ${p}`,
        text: 'Bonjour, une question sur mon traitement',
      });
      expect(sent.httpStatus).toBe(200);
    }
    const running = careline;
    const conversations = await waitFor(
      async () => {
        const list = await listPages<{ id: string }>(running.url, clinic.apiKey, '/api/v1/conversations');
        return list.length === PATIENTS ? list : undefined;
      },
      20_000,
      () => `waiting for ${PATIENTS} conversations`,
    );
    await careline.stop();

    // The replies are queued with no worker running: a backlog the next process will send. A patient's
    // replies are queued one after the other, so they go out as one burst: spread out, they would meet
    // Careline's pair pacing (Meta's ~1 message per 6 s to one user) and wait, slowly, for it.
    careline = await spawnCareline({ ...env, WORKER: 'off' }, { port });
    const queuer = careline;
    const queued: string[] = [];
    for (const conversation of conversations) {
      for (let reply = 0; reply < REPLIES_PER_PATIENT; reply += 1) {
        const response = await fetch(`${queuer.url}/api/v1/conversations/${conversation.id}/messages`, {
          method: 'POST',
          headers: { authorization: `Bearer ${clinic.apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'text', text: `Réponse ${reply}` }),
        });
        expect(response.status).toBe(202);
        queued.push(((await response.json()) as { id: string }).id);
      }
    }
    await careline.stop();

    // SIGKILL while the simulator holds one send call: Meta accepts it, Careline never hears the answer.
    let armed = false;
    let sendsSinceArmed = 0;
    let victim: string | undefined;
    let victimPid: number | undefined;
    const handle = sim.simulator.handleSendRequest.bind(sim.simulator);
    sim.simulator.handleSendRequest = (request) => {
      if (armed && ++sendsSinceArmed === KILL_DURING_SEND && victimPid !== undefined) {
        victim = correlationOf(request.body);
        process.kill(victimPid, 'SIGKILL');
      }
      return handle(request);
    };
    careline = await spawnCareline(env, { port });
    const sender = careline;
    victimPid = sender.pid;
    const sentBeforeArming = sim.simulator.sends(clinic.phoneNumberId).length;
    armed = true;
    const exit = await Promise.race([
      sender.exited,
      new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 30_000)),
    ]);
    expect(
      exit,
      `Careline should have been killed during a send (${sentBeforeArming} sends before arming)`,
    ).not.toBe('timeout');
    expect(victim, 'the kill happened during a send call').toBeDefined();
    expect(sentBeforeArming, 'the backlog must not be sent before the kill is armed').toBeLessThan(
      REPLIES / 2,
    );

    // The dead worker's claimed jobs wait for their lease (60 s) to run out; make that time pass. Only
    // the leases: the interrupted message keeps its `sending` time, so Careline still waits (up to 60 s)
    // for Meta's status webhook echoing its id before sending it again, and the simulator, like Meta,
    // retries that webhook until the restarted Careline takes it. Without that echo in time (Careline
    // down longer than the wait, Meta's webhooks late) the interrupted message is sent a second time.
    // The sends of the same wave that were marked `sending` but had not left when the process died get no
    // echo at all: they wait the whole 60 s, and their conversations' later replies wait behind them, so
    // the wait below must outlast that window.
    const expiredLeases = await db.withDb(expireLeasesOfDeadWorker);
    careline = await spawnCareline(env, { port });
    const restarted = careline;
    const queuedIds = new Set(queued);
    let unsent: Array<{ id: string; status: string }> = [];
    await waitFor(
      async () => {
        const outbound = (await listAllMessages(restarted.url, clinic.apiKey)).filter((m) =>
          queuedIds.has(m.id),
        );
        unsent = outbound.filter((m) => UNSENT.has(m.status)).map((m) => ({ id: m.id, status: m.status }));
        return outbound.length === REPLIES && unsent.length === 0 ? true : undefined;
      },
      OUTBOX_RECONCILE_MS + 30_000,
      () =>
        `waiting for the outbox to send ${REPLIES} replies; still unsent: ${JSON.stringify(unsent.slice(0, 10))} ` +
        `(${unsent.length}); in flight at the kill: ${victim}; Graph sends for it: ` +
        `${sim.simulator.sends(clinic.phoneNumberId).filter((s) => correlationOf(s.request) === victim).length}; ` +
        `simulator webhooks given up: ${
          sim.simulator.deliveries(clinic.phoneNumberId).filter((d) => d.outcome === 'gave_up').length
        }\n--- Careline output ---\n${restarted.output()}`,
      250,
    );
    const finalMessages = (await listAllMessages(restarted.url, clinic.apiKey)).filter((m) =>
      queuedIds.has(m.id),
    );
    await careline.stop();
    careline = undefined;

    // What Meta received: accepted Graph send calls per Careline message id (biz_opaque_callback_data).
    const accepted = new Map<string, Array<{ wamid: string; at: string }>>();
    const refusals: Array<{ id: string | undefined; httpStatus: number; body: unknown }> = [];
    for (const send of sim.simulator.sends(clinic.phoneNumberId)) {
      const id = correlationOf(send.request);
      if (send.response.httpStatus === 200 && send.wamid) {
        const list = accepted.get(id ?? '(none)') ?? [];
        list.push({ wamid: send.wamid, at: send.receivedAt });
        accepted.set(id ?? '(none)', list);
      } else {
        refusals.push({ id, httpStatus: send.response.httpStatus, body: send.response.body });
      }
    }
    const stored = new Map(finalMessages.map((m) => [m.id, m]));
    const duplicates = [...accepted]
      .filter(([, sends]) => sends.length > 1)
      .map(([id, sends]) => ({
        messageId: id,
        acceptedSends: sends.length,
        wamids: sends.map((s) => `${s.wamid} at ${s.at}`),
        wamidCarelineKept: stored.get(id)?.external_id ?? null,
        wasInFlightAtKill: id === victim,
      }));
    const missing = queued.filter((id) => !accepted.has(id));
    const strangers = [...accepted.keys()].filter((id) => !queuedIds.has(id));

    report(
      `outbound ${engine}: ${REPLIES} queued, ${sentBeforeArming + KILL_DURING_SEND} sends seen when killed ` +
        `(in flight: ${victim}), ${expiredLeases} claimed jobs left running, ` +
        `${[...accepted.values()].reduce((n, s) => n + s.length, 0)} accepted sends in all, ` +
        `${duplicates.length} duplicated, ${missing.length} missing, ${refusals.length} refused; ` +
        `in-flight message now ${stored.get(victim ?? '')?.status} with ${stored.get(victim ?? '')?.external_id}`,
    );
    expect(refusals, 'Graph refused no send').toEqual([]);
    expect(strangers, 'every accepted send is one of the queued replies').toEqual([]);
    expect(missing, 'every queued reply was delivered to Meta').toEqual([]);
    expect(
      duplicates,
      `every queued reply was delivered to Meta exactly once; the send in flight at the kill was ${victim}`,
    ).toEqual([]);
    expect(finalMessages.filter((m) => m.status === 'failed')).toEqual([]);
  }, 180_000);
});

function correlationOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('biz_opaque_callback_data' in body)) return undefined;
  const value = body.biz_opaque_callback_data;
  return typeof value === 'string' ? value : undefined;
}
