import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { webhookJournalRetentionQueue } from '../../src/channels/webhook-journal-retention.job.ts';
import { signMetaPayload } from '../../src/channels/whatsapp/webhook-signature.ts';
import { openContents } from '../../src/modules/inbox/message-sealing.ts';
import { privacyRetentionQueue } from '../../src/modules/privacy/retention.job.ts';
import { patientText } from '../support/meta-webhooks.ts';
import { refuseMarkedValues, UNSTORABLE, UNUSABLE_NAME } from '../support/refused-values.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { type CarelineProcess, spawnCareline, waitFor } from './careline-process.ts';
import {
  type CrashDb,
  createClinic,
  engineLabel,
  expireLeasesOfDeadWorker,
  listAllMessages,
  openCrashDb,
  report,
  rows,
} from './crash-fixtures.ts';

const PATIENTS = 30;
const MESSAGES_PER_PATIENT = 10;
const BURST = PATIENTS * MESSAGES_PER_PATIENT;
/** Sent and acknowledged first, so the worker is busy turning them into messages when the kill comes. */
const FIRST_WAVE = 90;
/** SIGKILL once this many webhooks of the concurrent burst were acknowledged: the rest is in flight. */
const KILL_AFTER_ACKS = 60;

/**
 * Mixed into the stream: messages the database refuses whole (they must end failed and shown in
 * Alerts, holding nobody back), and messages with a sender name it refuses (stored without it).
 */
type Poison = 'unstorable' | 'unusable_name' | null;
function poisonOf(patient: number, message: number): Poison {
  const n = patient * MESSAGES_PER_PATIENT + message;
  if (n % 29 === 7) return 'unstorable';
  if (n % 31 === 11) return 'unusable_name';
  return null;
}

interface Webhook {
  wamid: string;
  body: string;
  signature: string;
  poison: Poison;
}

type Outcome = { webhook: Webhook; status: number } | { webhook: Webhook; error: string };

let careline: CarelineProcess | undefined;
let crashDb: CrashDb | undefined;

afterEach(async () => {
  await careline?.kill('SIGKILL');
  careline = undefined;
  await crashDb?.close();
  crashDb = undefined;
});

describe.each(TEST_ENGINES)('inbound webhooks survive a SIGKILL (%s)', (engine) => {
  it(`every acknowledged webhook is stored exactly once after a crash and restart, poison ones kept failed and shown (${engineLabel(engine)})`, async () => {
    crashDb = await openCrashDb(engine);
    const db = crashDb;
    const clinic = await db.withDb(async (d) => {
      await refuseMarkedValues(d);
      return createClinic(d, db.keyring, 'http://127.0.0.1:9');
    });
    const webhooks: Webhook[] = [];
    for (let m = 0; m < MESSAGES_PER_PATIENT; m += 1) {
      for (let p = 0; p < PATIENTS; p += 1) {
        const poison = poisonOf(p, m);
        const wamid = `wamid.CRASHIN${engine}${p}x${m}${poison === 'unstorable' ? `.${UNSTORABLE}` : ''}`;
        const body = patientText(
          clinic.phoneNumberId,
          `336120${String(p).padStart(5, '0')}`,
          wamid,
          poison === 'unstorable' ? `message ${m} ${UNSTORABLE}` : `message ${m}`,
          poison === 'unusable_name' ? `Patient ${UNUSABLE_NAME}` : 'Test',
        );
        webhooks.push({ wamid, body, poison, signature: signMetaPayload(body, clinic.appSecret) });
      }
    }

    careline = await spawnCareline({ ...db.env, LOG_LEVEL: 'error' });
    const first = careline;
    const firstWave = await Promise.all(
      webhooks.slice(0, FIRST_WAVE).map(async (webhook): Promise<Outcome> => {
        const response = await post(first.url, webhook);
        await response.arrayBuffer();
        return { webhook, status: response.status };
      }),
    );
    // The worker has started on the first wave: the kill will also interrupt processing.
    await waitFor(
      async () => ((await listAllMessages(first.url, clinic.apiKey)).length >= 5 ? true : undefined),
      20_000,
      () => 'waiting for the worker to store the first messages',
      20,
    );
    let acked = 0;
    const burst: Outcome[] = await Promise.all(
      webhooks.slice(FIRST_WAVE).map(async (webhook): Promise<Outcome> => {
        try {
          const response = await post(first.url, webhook);
          await response.arrayBuffer();
          if (response.status === 200 && ++acked === KILL_AFTER_ACKS) first.child.kill('SIGKILL');
          return { webhook, status: response.status };
        } catch (error) {
          return { webhook, error: String(error) };
        }
      }),
    );
    const exit = await first.exited;
    expect(exit.signal, 'Careline was killed by the test, mid-burst').toBe('SIGKILL');
    const outcomes = [...firstWave, ...burst];

    const acknowledged = outcomes.filter((o) => 'status' in o && o.status === 200).map((o) => o.webhook);
    const unanswered = outcomes.filter((o) => !('status' in o)).map((o) => o.webhook);
    const refused = outcomes.filter((o) => 'status' in o && o.status !== 200);
    expect(refused, 'no webhook may be refused (they are all correctly signed)').toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    // If the kill came after the whole burst the test would prove little: it must cut the burst.
    expect(unanswered.length, 'the kill must land in the middle of the burst').toBeGreaterThan(0);

    // The dead worker's claimed jobs wait for their lease (60 s) to run out; make that time pass.
    const expiredLeases = await db.withDb(expireLeasesOfDeadWorker);

    careline = await spawnCareline({ ...db.env, LOG_LEVEL: 'error' });
    const second = careline;
    // Meta redelivers what it got no 200 for: the exact same bytes.
    for (const webhook of unanswered) {
      const status = await waitFor(
        async () => {
          const response = await post(second.url, webhook);
          await response.arrayBuffer();
          return response.status === 200 ? 200 : undefined;
        },
        10_000,
        () => `redelivery of ${webhook.wamid}`,
      );
      expect(status).toBe(200);
    }

    const expected = new Set(webhooks.filter((w) => w.poison !== 'unstorable').map((w) => w.wamid));
    const unstorable = webhooks.filter((w) => w.poison === 'unstorable').map((w) => w.wamid);
    await waitFor(
      async () => {
        const stored = await listAllMessages(second.url, clinic.apiKey);
        const inbound = stored.filter((m) => m.direction === 'inbound');
        return inbound.length >= expected.size ? true : undefined;
      },
      40_000,
      () => `waiting for ${expected.size} inbound messages\n--- Careline output ---\n${second.output()}`,
      250,
    );
    // Every delivery that could not be stored is shown to operators, once, with a retry.
    const shown = await waitFor(
      async () => {
        const alerts = (await openAlerts(second.url, clinic.apiKey)).filter(
          (a) => a.kind === 'inbound_not_stored',
        );
        return alerts.length >= unstorable.length ? alerts : undefined;
      },
      20_000,
      () => `waiting for ${unstorable.length} alerts\n--- Careline output ---\n${second.output()}`,
      250,
    );
    await second.stop();
    careline = undefined;

    await db.withDb(async (d) => {
      const counts = await rows<{ external_id: string; n: number | string }>(
        d,
        sql`select external_id, count(*) as n from messages
              where direction = 'inbound' and org_id = ${clinic.orgId} group by external_id`,
      );
      const byWamid = new Map(counts.map((r) => [r.external_id, Number(r.n)]));
      const duplicates = [...byWamid].filter(([, n]) => n > 1);
      const unexpected = [...byWamid.keys()].filter((w) => !expected.has(w));
      const storable = (w: Webhook) => w.poison !== 'unstorable';
      const missingAcked = acknowledged
        .filter((w) => storable(w) && !byWamid.has(w.wamid))
        .map((w) => w.wamid);
      const missingResent = unanswered
        .filter((w) => storable(w) && !byWamid.has(w.wamid))
        .map((w) => w.wamid);
      // The journal keeps no readable body: a delivery is known by its hash.
      const wamidOf = new Map(
        webhooks.map((w) => [createHash('sha256').update(w.body).digest('hex'), w.wamid]),
      );
      const journal = (
        await rows<{
          body_sha256: string;
          failed_at: unknown;
          failure_reason: string | null;
          alerts: number | string;
        }>(
          d,
          sql`select e.body_sha256, e.failed_at, e.failure_reason,
                (select count(*) from alerts a where a.webhook_event_id = e.id and a.resolved_at is null) as alerts
              from webhook_events e where e.org_id = ${clinic.orgId}`,
        )
      ).map((e) => ({ ...e, wamid: wamidOf.get(e.body_sha256) }));
      const failed = journal.filter((e) => e.failed_at !== null);
      report(
        `inbound ${engine}: ${BURST} fired (${unstorable.length} unstorable, ` +
          `${webhooks.filter((w) => w.poison === 'unusable_name').length} with an unusable name), ` +
          `${acknowledged.length} acknowledged before the kill, ` +
          `${unanswered.length} unanswered (resent), ${expiredLeases} claimed jobs left running, ` +
          `${counts.length} wamids stored, ${duplicates.length} duplicated, ${failed.length} kept as failed`,
      );
      expect(duplicates, 'no wamid stored twice').toEqual([]);
      expect(unexpected, 'no message that was never sent (nor one the database refuses)').toEqual([]);
      expect(missingAcked, 'every webhook acknowledged before the kill is stored').toEqual([]);
      expect(missingResent, 'every webhook redelivered after the restart is stored').toEqual([]);
      // The refused ones are kept, marked failed, each with one open alert: none lost, none twice.
      expect(failed.map((e) => e.wamid).sort(), 'exactly the unstorable deliveries are failed').toEqual(
        [...unstorable].sort(),
      );
      expect(
        failed.filter((e) => Number(e.alerts) !== 1 || !/check_violation/.test(e.failure_reason ?? '')),
      ).toEqual([]);
      expect(shown.filter((a) => a.retryable)).toHaveLength(unstorable.length);
      // Message details are sealed: read them as the inbox does.
      const stored = await rows<{ external_id: string; content: null; content_sealed: string | null }>(
        d,
        sql`select external_id, content, content_sealed from messages where org_id = ${clinic.orgId}`,
      );
      const details = await openContents(
        d,
        db.keyring,
        clinic.orgId,
        stored.map((m) => ({ content: m.content, contentSealed: m.content_sealed })),
      );
      const renamed = stored
        .map((m, at) => ({
          external_id: m.external_id,
          content: details[at] as { omitted?: unknown } | null,
        }))
        .filter((m) => m.content?.omitted !== undefined);
      expect(
        renamed.map((m) => [m.external_id, m.content?.omitted]).sort(),
        'a refused sender name is left out, and said so',
      ).toEqual(
        webhooks
          .filter((w) => w.poison === 'unusable_name')
          .map((w) => [w.wamid, ['profile_name']])
          .sort(),
      );

      const [conversations] = await rows<{ n: number | string }>(
        d,
        sql`select count(*) as n from conversations where org_id = ${clinic.orgId}`,
      );
      expect(Number(conversations?.n), 'one conversation per patient').toBe(PATIENTS);
      // The journal's retention runs at start, then waits for the next hour, and the clinics' retention
      // policies for the next night: neither is unfinished work.
      const failedJobs = await rows<{ id: number; last_error: string | null }>(
        d,
        sql`select id, last_error from jobs
             where status <> 'done'
               and queue not in (${webhookJournalRetentionQueue.name}, ${privacyRetentionQueue.name})`,
      );
      expect(failedJobs, 'every job ran to completion').toEqual([]);
    });
  }, 90_000);
});

interface Alert {
  id: string;
  kind: string;
  retryable: boolean;
}

async function openAlerts(url: string, apiKey: string): Promise<Alert[]> {
  const response = await fetch(`${url}/api/v1/alerts`, { headers: { authorization: `Bearer ${apiKey}` } });
  if (response.status !== 200) throw new Error(`GET /api/v1/alerts: HTTP ${response.status}`);
  return ((await response.json()) as { data: Alert[] }).data;
}

function post(url: string, webhook: Webhook): Promise<Response> {
  return fetch(`${url}/webhooks/whatsapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': webhook.signature },
    body: webhook.body,
    signal: AbortSignal.timeout(15_000),
  });
}
