/**
 * `npm run bench -- reminders`: appointment reminders due at a steady rate, fired by the real
 * dispatcher (`dispatchReminderBatch`: claim with FOR UPDATE SKIP LOCKED, consent, conversation,
 * message queued in the outbox and reminder marked sent, in one transaction per batch) running in this
 * process against PostgreSQL. The outbox's own sending to Meta is not the subject: messages stay queued.
 *
 * A reminder is FIRED when the transaction that marks it `sent` and queues its outbox message has
 * COMMITTED; its lateness is the wall-clock time right after that commit minus its `due_at`.
 *
 *   --reminders 1000000  reminders scheduled (bulk insert), one per appointment
 *   --rate 1000          reminders due per second, evenly spaced (so the run lasts reminders/rate s)
 *   --patients 10000     patients the appointments are spread over (each has a WhatsApp conversation)
 *   --mode jobs|loop     jobs (default): N JobWorkers run the `reminders.dispatch` job chain as Careline
 *                        does (one run queued per 100-ms slot with reminders due); loop: N dispatchers
 *                        call dispatchReminderBatch in a loop, sleeping --poll-ms when idle. Either way the
 *                        queued outbox jobs are marked done in bulk every second, as if the outbox kept up
 *   --dispatchers 2      job workers (jobs) or dispatch loops (loop), each on its own connection
 *   --batch 100          reminders per claim (loop mode; the job uses the service's default, 100)
 *   --poll-ms N          idle poll interval: the JobWorker's (default 500, Careline's) or the loop's (50)
 *   --warmup 10          the first N seconds of reminders warm the process up (JIT, caches): fired and
 *                        counted like the others, their lateness reported apart from the steady run's
 *   --window closed|open closed (default): reminders go as the approved template; open: as buttons
 *   --lead 10            seconds between the end of set-up and the first reminder due
 *   --drain-timeout 60   seconds after the last reminder's due time before giving up on the rest
 *   --keep-db on|off     leave the database for inspection (its URL is printed)
 */
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { pino } from 'pino';
import { addWhatsAppAccount } from '../src/modules/channel-accounts/whatsapp-account.service.ts';
import { REMINDER_CONSENT_QUESTION } from '../src/modules/consent/consent-texts.ts';
import { Keyring } from '../src/modules/keys/keyring.ts';
import { createOrg } from '../src/modules/orgs/org.service.ts';
import { outboxSendQueue } from '../src/modules/outbox/outbox-queue.ts';
import { whatsappSender } from '../src/modules/outbox/whatsapp-sender.test-support.ts';
import { runReminderDispatch } from '../src/modules/reminders/reminder-dispatch.job.ts';
import {
  dispatchReminderBatch,
  type ReminderBatch,
  type ReminderDispatchDeps,
} from '../src/modules/reminders/reminder-dispatch.service.ts';
import {
  DISPATCH_SLOT_MS,
  enqueueReminderDispatch,
  reminderDispatchQueue,
} from '../src/modules/reminders/reminder-dispatch-queue.ts';
import { reminderTemplateComponents } from '../src/modules/reminders/reminder-template.ts';
import { insertLocation } from '../src/modules/scheduling/location.repository.ts';
import { insertPractitioner } from '../src/modules/scheduling/practitioner.repository.ts';
import { syncTemplates } from '../src/modules/templates/template.service.ts';
import { FieldCipher } from '../src/platform/crypto/field-cipher.ts';
import { createDb, type DbHandle } from '../src/platform/db/create-db.ts';
import { JobWorker } from '../src/platform/jobs/job-worker.ts';
import { handle as handleQueue } from '../src/platform/jobs/queue-handler.ts';
import { systemClock } from '../src/platform/time/clock.ts';
import { Flags } from './lib/args.ts';
import { sleep } from './lib/careline.ts';
import { cpuBetween, cpuSnapshot, describeCpu } from './lib/cpu.ts';
import { createBenchDatabase, observer, scalar } from './lib/pg.ts';
import { fmt, median, percentile, perSecond, say, verdict } from './lib/stats.ts';

// Seals the number's secrets; the patients are inserted in plain text, as an older version stored them,
// and read as they are.
const keyring = new Keyring(FieldCipher.forKey(randomBytes(32)));

interface ReminderBenchOptions {
  reminders: number;
  rate: number;
  patients: number;
  mode: 'loop' | 'jobs';
  dispatchers: number;
  batch: number;
  pollMs: number;
  warmup: number;
  window: 'open' | 'closed';
  lead: number;
  drainTimeout: number;
  keepDb: boolean;
}

const TARGET_P99_MS = 1000;

export async function runReminders(argv: string[]): Promise<void> {
  const options = readOptions(argv);
  const seconds = options.reminders / options.rate;
  say(`# Reminders benchmark — ${new Date().toISOString()}`);
  say(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}; ` +
      `${options.reminders.toLocaleString('en-US')} reminders due at ${options.rate}/s (${fmt(seconds, 0)} s) ` +
      `over ${options.patients} patients; ${options.mode} mode, ${options.dispatchers} dispatcher(s), ` +
      `batch ${options.batch}, poll ${options.pollMs} ms, warm-up ${options.warmup} s, window ${options.window} ` +
      `(${options.window === 'closed' ? 'template' : 'buttons'})`,
  );
  say(
    'fired = the transaction marking the reminder sent and queuing its outbox message has committed; ' +
      'lateness = wall clock right after that commit − due_at',
  );
  say('');

  const database = await createBenchDatabase('reminders');
  let handle: DbHandle | undefined;
  const pool = observer(database.url);
  try {
    handle = await createDb({ engine: 'postgres', url: database.url, poolSize: options.dispatchers + 4 });
    await handle.migrate();
    const world = await setUp(handle, pool, options);
    const result = await fire(handle, pool, world, options);
    await report(pool, world, options, result);
  } finally {
    await handle?.close();
    await pool.end();
    if (options.keepDb) say(`database kept: ${database.url}`);
    else await database.drop();
  }
}

function readOptions(argv: string[]): ReminderBenchOptions {
  const flags = new Flags(argv);
  const mode = flags.string('mode', 'jobs');
  if (mode !== 'loop' && mode !== 'jobs') throw new Error('--mode must be jobs or loop');
  const window = flags.string('window', 'closed');
  if (window !== 'open' && window !== 'closed') throw new Error('--window must be open or closed');
  const options: ReminderBenchOptions = {
    reminders: flags.number('reminders', 1_000_000, { min: 1, max: 10_000_000 }),
    rate: flags.number('rate', 1000, { min: 1, max: 100_000 }),
    patients: flags.number('patients', 10_000, { min: 1, max: 1_000_000 }),
    mode,
    dispatchers: flags.number('dispatchers', 2, { min: 1, max: 64 }),
    batch: flags.number('batch', 100, { min: 1, max: 10_000 }),
    pollMs: flags.number('poll-ms', mode === 'jobs' ? 500 : 50, { min: 1, max: 10_000 }),
    warmup: flags.number('warmup', 10, { min: 0, max: 3600 }),
    window,
    lead: flags.number('lead', 10, { min: 1, max: 3600 }),
    drainTimeout: flags.number('drain-timeout', 60, { min: 1, max: 3600 }),
    keepDb: flags.boolean('keep-db', false),
  };
  flags.rejectUnknown();
  return options;
}

interface World {
  orgId: string;
  /** When reminder n (0-based) is due: firstDueMs + n × stepMs. */
  firstDueMs: number;
  stepMs: number;
}

/** A clinic, its patients with consent and a conversation, one appointment and one reminder each. */
async function setUp(
  handle: DbHandle,
  pool: ReturnType<typeof observer>,
  options: ReminderBenchOptions,
): Promise<World> {
  const { db } = handle;
  const started = Date.now();
  const org = await createOrg(db, { name: 'Bench clinic', slug: 'bench-reminders' });
  const wabaId = '102290129340398';
  const account = await addWhatsAppAccount(db, keyring, {
    orgId: org.id,
    phoneNumberId: '106540352242922',
    accessToken: 'bench-token-0123456789',
    appSecret: 'bench-secret-0123456789',
    verifyToken: 'bench-verify-0123456789',
    wabaId,
  });
  await syncTemplates(
    db,
    org.id,
    'whatsapp',
    wabaId,
    (['fr', 'en'] as const).map((language) => ({
      externalId: `tpl-${language}`,
      name: 'rappel_rendez_vous',
      language,
      category: 'UTILITY',
      status: 'APPROVED',
      parameterFormat: 'POSITIONAL',
      components: reminderTemplateComponents(language),
    })),
    new Date(),
  );
  const location = await insertLocation(db, {
    orgId: org.id,
    name: 'Centre Belleville',
    address: '12 rue de Belleville, 75020 Paris',
  });
  const practitioner = await insertPractitioner(db, {
    orgId: org.id,
    name: 'Dr Hélène Roux',
    specialty: 'general_practice',
  });

  const patients = Math.min(options.patients, options.reminders);
  await pool.query(
    `insert into contacts (org_id, display_name, phone)
     select $1, 'Patient ' || g, '+336' || lpad(g::text, 8, '0') from generate_series(0, $2 - 1) g`,
    [org.id, patients],
  );
  await pool.query(
    `insert into contact_identities (org_id, contact_id, channel_type, external_id, phone)
     select org_id, id, 'whatsapp', substr(phone, 2), phone from contacts where org_id = $1`,
    [org.id],
  );
  await pool.query(
    `insert into consent_records (org_id, contact_id, channel, purpose, granted, method, text_shown)
     select org_id, id, 'whatsapp', 'appointment_reminders', true, 'chat', $2 from contacts where org_id = $1`,
    [org.id, REMINDER_CONSENT_QUESTION.fr],
  );
  await pool.query(
    `insert into conversations (org_id, contact_id, channel_account_id, status, last_inbound_at)
     select org_id, id, $2, 'open', ${options.window === 'open' ? 'now()' : 'null'} from contacts where org_id = $1`,
    [org.id, account.id],
  );
  say(
    `set-up: ${patients} patients with consent and a conversation (${fmt((Date.now() - started) / 1000)} s)`,
  );

  // Appointments a month ahead (reminders are only sent for appointments still to come); `reason`
  // holds each one's number, which orders the reminders' due times.
  const appointmentsStarted = Date.now();
  const chunk = 100_000;
  for (let from = 0; from < options.reminders; from += chunk) {
    const to = Math.min(options.reminders, from + chunk) - 1;
    await pool.query(
      `insert into appointments (org_id, contact_id, practitioner_id, location_id, status, start, "end", source, conversation_id, reason)
       select $1, v.contact_id, $2, $3, 'booked', now() + interval '30 days', now() + interval '30 days 30 minutes', 'staff', v.id, g::text
       from generate_series($4::int, $5::int) g
       join contacts c on c.org_id = $1 and c.phone = '+336' || lpad((g % $6)::text, 8, '0')
       join conversations v on v.contact_id = c.id`,
      [org.id, practitioner.id, location.id, from, to, patients],
    );
  }
  const appointmentsSeconds = (Date.now() - appointmentsStarted) / 1000;
  say(`set-up: ${options.reminders.toLocaleString('en-US')} appointments (${fmt(appointmentsSeconds)} s)`);

  // The reminders' insert takes about as long as the appointments' did: the first is due after it.
  const stepMs = 1000 / options.rate;
  const firstDueMs = Date.now() + Math.ceil(appointmentsSeconds * 1.5 * 1000) + options.lead * 1000;
  const remindersStarted = Date.now();
  await pool.query(
    `insert into reminders (org_id, appointment_id, offset_minutes, due_at)
     select $1, id, 2880, to_timestamp(($2::float8 + reason::bigint * $3::float8) / 1000.0)
     from appointments where org_id = $1`,
    [org.id, firstDueMs, stepMs],
  );
  await pool.query('analyze');
  say(
    `set-up: ${options.reminders.toLocaleString('en-US')} reminders scheduled (${fmt((Date.now() - remindersStarted) / 1000)} s)`,
  );
  if (options.mode === 'jobs') {
    // What planning queues: one dispatch run per 100-ms slot that has reminders due.
    const lastDueMs = firstDueMs + (options.reminders - 1) * stepMs;
    for (let at = firstDueMs; at <= lastDueMs + DISPATCH_SLOT_MS; at += DISPATCH_SLOT_MS) {
      await enqueueReminderDispatch(db, new Date(at));
    }
  }
  const wait = firstDueMs - Date.now();
  if (wait < 0) say(`WARNING: set-up ended ${fmt(-wait / 1000)} s after the first reminder was due`);
  else await sleep(wait);
  return { orgId: org.id, firstDueMs, stepMs };
}

interface FireResult {
  latenessMs: Float64Array;
  firedAtMs: Float64Array;
  /** Reminder numbers (their order of due time) of the fired ones, to tell the warm-up apart. */
  numbers: Float64Array;
  fired: number;
  events: number;
  distinct: number;
  skipped: number;
  failed: number;
  cpu: Record<string, number>;
  seconds: number;
}

/** Runs the dispatchers until every reminder has been handled or the drain time-out passes. */
async function fire(
  handle: DbHandle,
  pool: ReturnType<typeof observer>,
  world: World,
  options: ReminderBenchOptions,
): Promise<FireResult> {
  const latenessMs = new Float64Array(options.reminders);
  const firedAtMs = new Float64Array(options.reminders);
  const numbers = new Float64Array(options.reminders);
  const seen = new Set<string>();
  let fired = 0;
  let events = 0;
  let skipped = 0;
  let failed = 0;
  const onBatchCommitted = (batch: ReminderBatch) => {
    const at = Date.now();
    for (const done of batch.finished) {
      events += 1;
      if (seen.has(done.id)) continue;
      seen.add(done.id);
      if (done.status === 'skipped') skipped += 1;
      else if (done.status === 'failed') failed += 1;
      else {
        latenessMs[fired] = at - done.dueAt.getTime();
        firedAtMs[fired] = at;
        numbers[fired] = Math.round((done.dueAt.getTime() - world.firstDueMs) / world.stepMs);
        fired += 1;
      }
    }
  };
  const senders = {
    whatsapp: whatsappSender({ graphUrl: 'http://127.0.0.1:9', apiVersion: 'v25.0' }),
  };
  const logger = pino({ level: 'silent' });
  const keyring = new Keyring(FieldCipher.forKey(randomBytes(32)));
  const deps: ReminderDispatchDeps = {
    db: handle.db,
    clock: systemClock,
    keyring,
    senders,
    logger,
    onBatchCommitted,
  };
  const lastDueMs = world.firstDueMs + (options.reminders - 1) * world.stepMs;
  const deadline = lastDueMs + options.drainTimeout * 1000;
  const done = () => seen.size >= options.reminders || Date.now() > deadline;

  const cpuBefore = cpuSnapshot({});
  const started = Date.now();
  const workers: JobWorker[] = [];
  const loops: Array<Promise<void>> = [];
  if (options.mode === 'loop') {
    for (let i = 0; i < options.dispatchers; i += 1) {
      loops.push(
        (async () => {
          while (!done()) {
            const batch = await dispatchReminderBatch(deps, options.batch);
            if (batch.claimed === 0) await sleep(options.pollMs);
          }
        })(),
      );
    }
  } else {
    for (let i = 0; i < options.dispatchers; i += 1) {
      const worker: JobWorker = new JobWorker({
        db: handle.db,
        logger,
        pollIntervalMs: options.pollMs,
        handlers: [
          handleQueue(reminderDispatchQueue, () =>
            runReminderDispatch({ ...deps, wake: () => worker.wake() }),
          ),
        ],
      });
      worker.start();
      workers.push(worker);
    }
  }
  // As if the outbox kept up: its jobs leave the queue (every second, in bulk) without a call to Meta,
  // so the jobs table looks as it does in production rather than piling up a million queued sends.
  const sweeper = setInterval(() => {
    pool
      .query("update jobs set status = 'done', finished_at = now() where queue = $1 and status = 'queued'", [
        outboxSendQueue.name,
      ])
      .catch(() => {});
  }, 1000);
  // This server may run without autovacuum (test servers often do): then the bench vacuums the tables
  // the dispatcher churns, as autovacuum would, or their dead rows pile up for the whole run.
  const autovacuum = (await pool.query('show autovacuum')).rows[0] as { autovacuum?: string } | undefined;
  const vacuumer =
    autovacuum?.autovacuum === 'off'
      ? setInterval(() => {
          pool.query('vacuum conversations, jobs, reminders').catch(() => {});
        }, 30_000)
      : undefined;
  if (vacuumer)
    say('  (autovacuum is off on this server: the bench vacuums conversations, jobs, reminders every 30 s)');
  let lastReport = Date.now();
  let finishedAt = Date.now();
  while (!done()) {
    await sleep(200);
    finishedAt = Date.now();
    if (Date.now() - lastReport >= 10_000) {
      lastReport = Date.now();
      const due = Math.min(
        options.reminders,
        Math.max(0, Math.floor((Date.now() - world.firstDueMs) / world.stepMs) + 1),
      );
      const recent = [...latenessMs.subarray(Math.max(0, fired - options.rate * 10), fired)];
      say(
        `  t=${fmt((Date.now() - world.firstDueMs) / 1000, 0)} s: due ${due.toLocaleString('en-US')}, ` +
          `handled ${seen.size.toLocaleString('en-US')} (backlog ${Math.max(0, due - seen.size)}), ` +
          `last 10 s p99 lateness ${fmt(percentile(recent, 99), 0)} ms`,
      );
    }
  }
  const cpu = cpuBetween(cpuBefore, cpuSnapshot({}));
  clearInterval(sweeper);
  clearInterval(vacuumer);
  await Promise.all(loops);
  await Promise.all(workers.map((w) => w.stop()));
  const distinct = await scalar(
    pool,
    "select count(*) from reminders where org_id = $1 and status <> 'scheduled'",
    [world.orgId],
  );
  const seconds = (finishedAt - started) / 1000;
  return { latenessMs, firedAtMs, numbers, fired, events, distinct, skipped, failed, cpu, seconds };
}

async function report(
  pool: ReturnType<typeof observer>,
  world: World,
  options: ReminderBenchOptions,
  result: FireResult,
): Promise<void> {
  const all = [...result.latenessMs.subarray(0, result.fired)];
  const warmupCount = options.warmup * options.rate;
  const lateness = all.filter((_, i) => (result.numbers[i] ?? 0) >= warmupCount);
  const warmup = all.filter((_, i) => (result.numbers[i] ?? 0) < warmupCount);
  const sent = await scalar(pool, "select count(*) from reminders where org_id = $1 and status = 'sent'", [
    world.orgId,
  ]);
  const messages = await scalar(
    pool,
    "select count(*) from messages where org_id = $1 and direction = 'outbound'",
    [world.orgId],
  );
  const distinctMessages = await scalar(
    pool,
    "select count(distinct message_id) from reminders where org_id = $1 and status = 'sent'",
    [world.orgId],
  );
  const outboxJobs = await scalar(pool, 'select count(*) from jobs where queue = $1', [outboxSendQueue.name]);
  const perSec = perSecond([...result.firedAtMs.subarray(0, result.fired)], world.firstDueMs);
  const steady = perSec.slice(5, Math.max(5, perSec.length - 5));
  const duplicates = result.events - (result.fired + result.skipped + result.failed) + (messages - sent);

  say('');
  say('## Results');
  say(
    `fired ${result.fired.toLocaleString('en-US')} of ${options.reminders.toLocaleString('en-US')} ` +
      `(skipped ${result.skipped}, failed ${result.failed}, still scheduled ${options.reminders - result.distinct}) ` +
      `in ${fmt(result.seconds)} s`,
  );
  const describe = (values: readonly number[]) =>
    `p50 ${fmt(median(values), 0)} ms, p90 ${fmt(percentile(values, 90), 0)} ms, ` +
    `p99 ${fmt(percentile(values, 99), 0)} ms, max ${fmt(maxOf(values), 0)} ms`;
  say(
    `lateness (fired_at − due_at) after the ${options.warmup}-s warm-up (${lateness.length} reminders): ${describe(lateness)}`,
  );
  if (warmup.length > 0) say(`lateness during the warm-up (${warmup.length} reminders): ${describe(warmup)}`);
  say(`lateness over the whole run: ${describe(all)}`);
  say(
    `fired per second (steady part): median ${fmt(median(steady), 0)}, min ${fmt(Math.min(...steady), 0)}, ` +
      `max ${fmt(Math.max(...steady), 0)}`,
  );
  say(
    `exactly once: ${result.events} completions reported for ${result.fired + result.skipped + result.failed} reminders; ` +
      `${sent} reminders sent, ${distinctMessages} distinct messages, ${messages} outbound messages, ${outboxJobs} outbox jobs`,
  );
  say(`CPU (cores): ${describeCpu(result.cpu)}`);
  say('');
  say('## Verdict');
  const p99 = percentile(lateness, 99);
  say(
    `p99 lateness after warm-up ${fmt(p99, 0)} ms (target ≤ ${TARGET_P99_MS} ms): ${verdict(p99 <= TARGET_P99_MS)}`,
  );
  say(`duplicates ${duplicates} (target 0): ${verdict(duplicates === 0)}`);
  say(`every reminder fired: ${verdict(result.fired === options.reminders)}`);
}

/** The largest value, without spreading a million numbers into Math.max's arguments. */
function maxOf(values: readonly number[]): number {
  let max = Number.NaN;
  for (const v of values) if (!(v <= max)) max = v;
  return max;
}
