import { sql } from 'drizzle-orm';
import type { DbEngine } from '../../src/platform/db/db.ts';
import { type RunningSimulator, startSimulatorServer } from '../../src/simulator/simulator-server.ts';
import { type CarelineProcess, freePort, sleep, spawnCareline, waitFor } from './careline-process.ts';
import {
  type CrashClinic,
  createClinic,
  expireLeasesOfDeadWorker,
  listAllMessages,
  listPages,
  openCrashDb,
  rows,
} from './crash-fixtures.ts';

export interface OutboundCrashOptions {
  engine: DbEngine;
  patients: number;
  repliesPerPatient: number;
  /** Careline is SIGKILLed this many times, each time during a send call, and restarted. */
  kills: number;
  /** Each start is killed during its n-th send call, n drawn in this range. */
  killDuringSend: readonly [number, number];
  /** OUTBOX_ECHO_WAIT_SECONDS: how long an interrupted send waits for Meta's echo. */
  echoWaitSeconds: number;
  /** How long the last start may take to send the rest; figures are taken then, settled or not. */
  settleTimeoutMs: number;
  progress?: (line: string) => void;
}

export interface KillRecord {
  /** The send call the kill interrupted (a Careline message id). */
  inFlight: string | undefined;
  /** The n-th send call of that start. */
  atSend: number;
  /** Replies left `sending` without a provider id: what the next start had to reconcile. */
  leftSending: number;
  /** Of those, how many had not reached Meta: no echo could come, so they waited the echo window. */
  neverLeft: number;
}

export interface OutboundCrashFigures {
  replies: number;
  kills: KillRecord[];
  /** Send calls Meta accepted, all replies together. */
  acceptedSends: number;
  /** Replies Meta accepted more than once. */
  duplicates: Array<{
    messageId: string;
    sends: number;
    keptWamid: string | null;
    /** When Meta accepted each send. */
    sentAt: string[];
    /** When Careline acknowledged the first send's status webhook (its echo), if it did. */
    echoAcknowledgedAt: string | null;
  }>;
  /** Replies Meta never accepted. */
  missing: string[];
  /** Accepted sends that were none of the queued replies. */
  strangers: string[];
  refused: Array<{ id: string | undefined; httpStatus: number; body: unknown }>;
  /** Replies Careline did not end as sent (still queued or sending, failed, refused). */
  notSent: Array<{ id: string; status: string }>;
  /** Replies whose stored wamid is not one Meta gave for them. */
  wrongWamid: string[];
  /** From the first sending start until every reply was settled (or the timeout). */
  sendingSeconds: number;
  /** From the last start until every reply was settled: the echo window shows here. */
  afterLastStartSeconds: number;
  settled: boolean;
}

const UNSENT = new Set(['queued', 'sending']);

/**
 * The outbound crash scenario of the CI test and of `npm run bench -- send-crash`: patients write, the
 * replies are queued, then a Careline sending them is SIGKILLed during a send call, again and again,
 * and restarted each time (the dead worker's leases made to run out at once, as if their time had
 * passed), until a last start sends the rest. The simulator plays Meta: it keeps every send call, and
 * retries its status webhooks while Careline is down. Answers what Meta received, per reply.
 */
export async function runOutboundCrash(options: OutboundCrashOptions): Promise<OutboundCrashFigures> {
  const progress = options.progress ?? (() => undefined);
  const db = await openCrashDb(options.engine);
  let simulator: RunningSimulator | undefined;
  let careline: CarelineProcess | undefined;
  try {
    simulator = await startSimulatorServer({
      port: 0,
      lifecycle: { sentAfterMs: 5, deliveredAfterMs: 10, readAfterMs: 15 },
      // Meta retries a webhook for days, less and less often; here for about half an hour.
      webhookRetry: { initialDelayMs: 250, factor: 1.3, maxAttempts: 30 },
    });
    const sim = simulator.simulator;
    const port = await freePort();
    const env = {
      ...db.env,
      LOG_LEVEL: 'error',
      OUTBOX_ECHO_WAIT_SECONDS: String(options.echoWaitSeconds),
    };
    const clinic = await db.withDb((d) => createClinic(d, db.keyring, simulator?.url ?? ''));
    sim.registerNumber({
      phoneNumberId: clinic.phoneNumberId,
      displayPhoneNumber: '33180000000',
      wabaId: clinic.wabaId,
      accessToken: clinic.accessToken,
      appSecret: clinic.appSecret,
      webhookUrl: `http://127.0.0.1:${port}/webhooks/whatsapp`,
    });

    // The kill: during the n-th send call of a start, before the simulator answers it (Meta gets it,
    // Careline never hears the answer).
    let victimPid: number | undefined;
    let callsThisStart = 0;
    let killAt = Number.POSITIVE_INFINITY;
    let inFlight: string | undefined;
    const handle = sim.handleSendRequest.bind(sim);
    sim.handleSendRequest = (request) => {
      callsThisStart += 1;
      if (victimPid !== undefined && callsThisStart === killAt) {
        inFlight = correlationOf(request.body);
        process.kill(victimPid, 'SIGKILL');
        victimPid = undefined;
      }
      return handle(request);
    };

    // Patients write first, so each has a conversation with an open 24-hour window.
    careline = await spawnCareline(env, { port });
    await writeAsPatients(simulator, clinic, options.patients);
    const conversations = await waitFor(
      async () => {
        const url = careline?.url ?? '';
        const list = await listPages<{ id: string }>(url, clinic.apiKey, '/api/v1/conversations');
        return list.length === options.patients ? list : undefined;
      },
      60_000,
      () => `waiting for ${options.patients} conversations`,
    );
    await careline.stop();

    // The replies are queued with no worker running, a patient's one after the other (a burst within
    // Meta's pair limit): a backlog for the starts to come.
    careline = await spawnCareline({ ...env, WORKER: 'off' }, { port });
    const queued = await queueReplies(careline.url, clinic.apiKey, conversations, options.repliesPerPatient);
    await careline.stop();
    careline = undefined;
    progress(`${queued.length} replies queued over ${conversations.length} conversations`);

    const kills: KillRecord[] = [];
    const sendingStart = Date.now();
    const everyAccepted = () => acceptedByReply(sim.sends(clinic.phoneNumberId)).size >= queued.length;
    for (let k = 0; k < options.kills && !careline; k += 1) {
      callsThisStart = 0;
      inFlight = undefined;
      killAt = between(options.killDuringSend);
      let started: CarelineProcess | undefined;
      try {
        started = await spawnCareline(env, {
          port,
          onSpawn: (pid) => {
            victimPid = pid;
          },
        });
      } catch (error) {
        // Killed before it answered its health check: a kill all the same.
        if (callsThisStart < killAt) throw error;
      }
      if (started) {
        const running = started;
        const ended = await waitFor(
          async () => (!running.isAlive() ? 'killed' : everyAccepted() ? 'all sent' : undefined),
          120_000,
          () => `waiting for start ${k + 1} to be killed during send ${killAt} (at ${callsThisStart})`,
          20,
        );
        if (ended === 'all sent') {
          // Everything went out before this start's kill came: it carries on as the last start.
          victimPid = undefined;
          careline = running;
          break;
        }
        await running.exited;
      }
      const reachedMeta = acceptedByReply(sim.sends(clinic.phoneNumberId));
      const left = await db.withDb(async (d) => {
        const sending = await rows<{ id: string }>(
          d,
          sql`select id from messages where status = 'sending' and external_id is null`,
        );
        await expireLeasesOfDeadWorker(d);
        return sending.map((r) => r.id);
      });
      const record = {
        inFlight,
        atSend: killAt,
        leftSending: left.length,
        neverLeft: left.filter((id) => !reachedMeta.has(id)).length,
      };
      kills.push(record);
      progress(
        `kill ${kills.length} during send ${killAt} of its start: ${reachedMeta.size} replies at Meta, ` +
          `${record.leftSending} left sending (${record.neverLeft} of them never left)`,
      );
    }

    const lastStart = Date.now();
    careline ??= await spawnCareline(env, { port });
    const last = careline;
    const queuedIds = new Set(queued);
    let final: Array<{ id: string; status: string; external_id: string | null }> = [];
    let settled = false;
    for (const deadline = Date.now() + options.settleTimeoutMs; Date.now() < deadline; ) {
      if (everyAccepted()) {
        final = (await listAllMessages(last.url, clinic.apiKey)).filter((m) => queuedIds.has(m.id));
        settled = final.length === queued.length && !final.some((m) => UNSENT.has(m.status));
        if (settled) break;
      }
      await sleep(500);
    }
    const settledAt = Date.now();
    if (!settled) final = (await listAllMessages(last.url, clinic.apiKey)).filter((m) => queuedIds.has(m.id));
    await last.stop();
    careline = undefined;

    const sends = sim.sends(clinic.phoneNumberId);
    const accepted = acceptedByReply(sends);
    const acknowledged = echoAcknowledgements(sim.deliveries(clinic.phoneNumberId));
    const stored = new Map(final.map((m) => [m.id, m]));
    return {
      replies: queued.length,
      kills,
      acceptedSends: [...accepted.values()].reduce((n, wamids) => n + wamids.length, 0),
      duplicates: [...accepted]
        .filter(([, wamids]) => wamids.length > 1)
        .map(([messageId, wamids]) => ({
          messageId,
          sends: wamids.length,
          keptWamid: stored.get(messageId)?.external_id ?? null,
          sentAt: sends.filter((s) => s.wamid && wamids.includes(s.wamid)).map((s) => s.receivedAt),
          echoAcknowledgedAt: acknowledged.get(wamids[0] ?? '') ?? null,
        })),
      missing: queued.filter((id) => !accepted.has(id)),
      strangers: [...accepted.keys()].filter((id) => !queuedIds.has(id)),
      refused: sends
        .filter((s) => s.response.httpStatus !== 200 || !s.wamid)
        .map((s) => ({
          id: correlationOf(s.request),
          httpStatus: s.response.httpStatus,
          body: s.response.body,
        })),
      notSent: queued
        .map((id) => ({ id, status: stored.get(id)?.status ?? 'missing' }))
        .filter((m) => UNSENT.has(m.status) || ['failed', 'refused', 'missing'].includes(m.status)),
      wrongWamid: final
        .filter((m) => m.external_id !== null && !accepted.get(m.id)?.includes(m.external_id))
        .map((m) => m.id),
      sendingSeconds: (settledAt - sendingStart) / 1000,
      afterLastStartSeconds: (settledAt - lastStart) / 1000,
      settled,
    };
  } finally {
    await careline?.kill('SIGKILL');
    await simulator?.close();
    await db.close();
  }
}

async function writeAsPatients(simulator: RunningSimulator, clinic: CrashClinic, patients: number) {
  for (let p = 0; p < patients; p += 1) {
    const sent = await simulator.simulator.patientSends({
      phoneNumberId: clinic.phoneNumberId,
      type: 'text',
      from: `+336130${String(p).padStart(5, '0')}`,
      name: `Patient ${p}`,
      text: 'Bonjour, une question sur mon traitement',
    });
    if (sent.httpStatus !== 200) throw new Error(`patient ${p}: Careline answered ${sent.httpStatus}`);
  }
}

/** Queues the replies through the API, eight at a time, each conversation's in order. */
async function queueReplies(
  url: string,
  apiKey: string,
  conversations: ReadonlyArray<{ id: string }>,
  perConversation: number,
): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  const lane = async () => {
    for (let c = next++; c < conversations.length; c = next++) {
      for (let reply = 0; reply < perConversation; reply += 1) {
        const response = await fetch(`${url}/api/v1/conversations/${conversations[c]?.id}/messages`, {
          method: 'POST',
          headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'text', text: `Réponse ${reply}` }),
        });
        const body = (await response.json()) as { id?: string };
        if (response.status !== 202 || !body.id) throw new Error(`queueing a reply: HTTP ${response.status}`);
        ids.push(body.id);
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, lane));
  return ids;
}

/** The wamids Meta gave for each Careline message id (biz_opaque_callback_data) it accepted. */
function acceptedByReply(
  sends: ReadonlyArray<{ request: unknown; response: { httpStatus: number }; wamid?: string }>,
): Map<string, string[]> {
  const byReply = new Map<string, string[]>();
  for (const send of sends) {
    if (send.response.httpStatus !== 200 || !send.wamid) continue;
    const id = correlationOf(send.request) ?? '(none)';
    byReply.set(id, [...(byReply.get(id) ?? []), send.wamid]);
  }
  return byReply;
}

/** When Careline first acknowledged a status webhook of each wamid. */
function echoAcknowledgements(
  deliveries: ReadonlyArray<{
    event: { kind: string; wamid?: string };
    attempts: ReadonlyArray<{ at: string; httpStatus: number | null }>;
  }>,
): Map<string, string> {
  const first = new Map<string, string>();
  for (const delivery of deliveries) {
    const wamid = delivery.event.kind === 'status' ? delivery.event.wamid : undefined;
    const ok = delivery.attempts.find((a) => a.httpStatus !== null && a.httpStatus < 300);
    if (!wamid || !ok) continue;
    const known = first.get(wamid);
    if (!known || ok.at < known) first.set(wamid, ok.at);
  }
  return first;
}

export function correlationOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('biz_opaque_callback_data' in body)) return undefined;
  const value = body.biz_opaque_callback_data;
  return typeof value === 'string' ? value : undefined;
}

function between([low, high]: readonly [number, number]): number {
  return low + Math.floor(Math.random() * (high - low + 1));
}
