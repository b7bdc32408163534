import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditEvents, exportSchedules, jobs } from '../../src/db-schema.ts';
import { exportChunks } from '../../src/modules/exports/export-stream.ts';
import { setUpSchedulingApi, slotsOf } from '../../src/modules/scheduling/scheduling.test-support.ts';
import { type S3Bucket, startS3Bucket } from '../support/s3-bucket.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import {
  addStaff,
  call,
  getJson,
  type Json,
  newPhone,
  type PageJson,
  patientWrites,
} from './inbox-support.ts';
import { signIn } from './settings-support.ts';

/** What a spreadsheet would run, what breaks naive CSV: what patients may well write. */
const TRICKY = [
  'Bonjour, j’ai mal au dos',
  'Il a dit "demain" puis\nil a rappelé',
  '=HYPERLINK("http://evil.test","ordonnance")',
  '+33 6 12 34 56 78',
  '@SOMME(A1:A2)',
];

/** RFC 4180, as a spreadsheet reads it: quoted cells may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) throw new Error('the CSV does not end with CRLF');
  return rows;
}

function csvRecords(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error('no header row');
  return rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}

const ndjsonRecords = (text: string): Json[] =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Json);

describe.each(TEST_ENGINES)('exports of a clinic’s data (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let other: TestClinic;
  let bucket: S3Bucket;
  let conversationId = '';
  let otherConversationId = '';
  // The clinic's day (Paris, the default time zone of a clinic).
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });

  const download = (c: TestClinic, query: string) => env.api(c.apiKey, `/api/v1/exports/${query}`);

  beforeAll(async () => {
    bucket = await startS3Bucket();
    env = await startTestCareline(engine, { outboundAllowedHosts: ['127.0.0.1'] });
    clinic = await env.addClinic('Maison de santé du Canal');
    other = await env.addClinic('Cabinet du Phare');
    const phone = newPhone();
    for (const text of TRICKY) {
      const { conversation } = await patientWrites(env, clinic, phone, text, 'Awa Diallo');
      conversationId = String(conversation.id);
    }
    await patientWrites(env, clinic, newPhone(), 'Un autre patient, une autre conversation');
    otherConversationId = String(
      (await patientWrites(env, other, newPhone(), 'Secret du Phare')).conversation.id,
    );
    await env.settle();
  });
  afterAll(async () => {
    await env?.close();
    await bucket?.close();
  });

  test('a conversation’s messages in the CSV are those the API shows, quoted and defused for spreadsheets', async () => {
    const response = await download(clinic, `messages?format=csv&from=${today}&to=${today}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="careline-messages-${today}-to-${today}.csv"`,
    );
    const exported = csvRecords(await response.text()).filter((r) => r.conversation_id === conversationId);
    const api = await getJson<PageJson>(env, clinic, `/conversations/${conversationId}/messages?limit=100`);
    const shown = [...api.data].reverse();
    expect(exported.map((r) => r.id)).toEqual(shown.map((m) => m.id));
    expect(exported.map((r) => r.text)).toEqual([
      'Bonjour, j’ai mal au dos',
      'Il a dit "demain" puis\nil a rappelé',
      `'=HYPERLINK("http://evil.test","ordonnance")`,
      "'+33 6 12 34 56 78",
      "'@SOMME(A1:A2)",
    ]);
    expect(exported.every((r) => r.direction === 'inbound' && r.occurred_at !== '')).toBe(true);
  });

  test('NDJSON holds one JSON object per line, the text as the patient wrote it', async () => {
    const response = await download(clinic, `messages?format=ndjson&from=${today}&to=${today}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const rows = ndjsonRecords(await response.text());
    expect(rows.filter((r) => r.conversation_id === conversationId).map((r) => r.text)).toEqual(TRICKY);
    expect(rows.some((r) => r.text === 'Un autre patient, une autre conversation')).toBe(true);
  });

  test('read in small pages, the export is the same row for row: no row lost or doubled at a page edge', async () => {
    const whole = await (await download(clinic, `messages?format=csv&from=${today}&to=${today}`)).text();
    for (const pageSize of [1, 2, 4]) {
      let paged = '';
      let pages = 0;
      for await (const chunk of exportChunks(
        env.handle.db,
        env.careline.keyring,
        {
          orgId: clinic.org.id,
          dataset: 'messages',
          format: 'csv',
          from: new Date(Date.now() - 86_400_000),
          to: new Date(Date.now() + 86_400_000),
          seesMedical: true,
        },
        { pageSize },
      )) {
        paged += chunk;
        pages++;
      }
      expect(paged, `pages of ${pageSize}`).toBe(whole);
      expect(pages).toBeGreaterThan(TRICKY.length / pageSize);
    }
  });

  test('each clinic exports only its own data', async () => {
    const ours = ndjsonRecords(await (await download(clinic, `messages?format=ndjson`)).text());
    const theirs = ndjsonRecords(await (await download(other, `messages?format=ndjson`)).text());
    expect(ours.some((r) => r.text === 'Secret du Phare')).toBe(false);
    expect(theirs.map((r) => r.conversation_id)).toEqual([otherConversationId]);
    const conversations = ndjsonRecords(await (await download(other, `conversations?format=ndjson`)).text());
    expect(conversations.map((c) => c.id)).toEqual([otherConversationId]);
  });

  test('the period and the team filter the rows', async () => {
    const tomorrow = nextDay(today);
    const none = await download(clinic, `messages?from=${tomorrow}&to=${tomorrow}`);
    expect(await none.text()).toBe(
      `${'id,conversation_id,patient_id,team_id,channel_account_id,direction,type,text,status,medical,failure_reason,author_user_id,occurred_at,edited_at,deleted_at'}\r\n`,
    );
    const team = await call(env, clinic, 'POST', '/teams', { name: 'Kinés' });
    expect(team.status).toBe(201);
    const assigned = await call(env, clinic, 'POST', `/conversations/${conversationId}/assign`, {
      team_id: team.body.id,
    });
    expect(assigned.status).toBe(200);
    const ofTeam = ndjsonRecords(
      await (await download(clinic, `messages?format=ndjson&team_id=${String(team.body.id)}`)).text(),
    );
    expect(ofTeam.map((r) => r.text)).toEqual(TRICKY);
    const conversationsOfTeam = ndjsonRecords(
      await (await download(clinic, `conversations?format=ndjson&team_id=${String(team.body.id)}`)).text(),
    );
    expect(conversationsOfTeam.map((c) => c.id)).toEqual([conversationId]);
  });

  test('appointments exported are those the appointments API lists', async () => {
    const setup = await setUpSchedulingApi(env, clinic);
    const contact = (await getJson(env, clinic, `/conversations/${conversationId}`)).contact as Json;
    const slots = await slotsOf(env, clinic, `type=${String(setup.type.key)}&limit=2`);
    expect(slots.length).toBe(2);
    for (const [i, slot] of slots.entries()) {
      const booked = await call(env, clinic, 'POST', '/appointments', {
        contact_id: contact.id,
        practitioner_id: slot.practitioner.id,
        location_id: slot.location.id,
        appointment_type_id: setup.type.id,
        start: slot.start,
        reason: i === 0 ? 'Douleur, lombaire; "aiguë"' : 'Contrôle',
      });
      expect(booked.status).toBe(201);
    }
    const from = today;
    const to = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    const listed = await getJson<{ data: Json[] }>(
      env,
      clinic,
      `/appointments?from=${from}T00:00:00Z&to=${nextDay(to)}T00:00:00Z`,
    );
    const exported = csvRecords(await (await download(clinic, `appointments?from=${from}&to=${to}`)).text());
    expect(exported.map((a) => [a.id, a.start, a.status, a.reason, a.patient_id])).toEqual(
      listed.data.map((a) => [a.id, a.start, a.status, a.reason, contact.id]),
    );
    expect(exported.map((a) => a.reason)).toContain('Douleur, lombaire; "aiguë"');
  });

  test('every dataset answers in both formats', async () => {
    for (const dataset of ['reminders', 'consents', 'csat', 'red-flags', 'conversations']) {
      const csv = await download(clinic, `${dataset}?format=csv`);
      expect(csv.status, dataset).toBe(200);
      expect((await csv.text()).split('\r\n')[0]).toMatch(/^id,/);
      const ndjson = await download(clinic, `${dataset}?format=ndjson`);
      expect(ndjson.status, dataset).toBe(200);
      ndjsonRecords(await ndjson.text());
    }
  });

  test('an export is written in the audit log: who, which dataset, which period', async () => {
    await download(clinic, `consents?from=2026-01-01&to=2026-01-31`);
    const recorded = await env.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, clinic.org.id), eq(auditEvents.subtype, 'dataset-export')));
    const entities = recorded.flatMap((e) => e.entity.map((x) => x.id));
    expect(
      entities.some((id) => id.startsWith('consents 2025-12-31T23:00:00.000Z/2026-01-31T23:00:00.000Z')),
    ).toBe(true);
    expect(recorded.every((e) => e.type === 'export' && e.agentApiKeyId !== null)).toBe(true);
  });

  test('an agent and a supervisor are refused; an administrator exports', async () => {
    for (const role of ['agent', 'supervisor', 'clinician'] as const) {
      const member = await addStaff(env, clinic, { name: `Export ${role}`, role });
      const browser = await signIn(env, member.email);
      expect((await browser.call('GET', '/exports/messages')).status, role).toBe(403);
    }
    const admin = await addStaff(env, clinic, { name: 'Admin', role: 'admin' });
    const browser = await signIn(env, admin.email);
    const response = await fetch(`${env.url}/api/v1/exports/messages?format=ndjson`, {
      headers: { cookie: browser.cookie },
    });
    expect(response.status).toBe(200);
    expect(ndjsonRecords(await response.text()).length).toBeGreaterThanOrEqual(TRICKY.length);
  });

  test('hostile parameters are 4xx naming the parameter, never a 5xx', async () => {
    const cases: Array<[string, string]> = [
      ['messages?format=xlsx', 'query.format'],
      ['messages?from=%00', 'query.from'],
      [`messages?from=${'9'.repeat(5000)}`, 'query.from'],
      ['messages?to=2026-02-30', 'query.to'],
      ['messages?from=2026-03-02&to=2026-03-01', 'query.to'],
      ['messages?team_id=not-a-team', 'query.team_id'],
      ['messages?team_id=00000000-0000-4000-8000-000000000000', 'query.team_id'],
      ['appointments?team_id=00000000-0000-4000-8000-000000000000', 'query.team_id'],
      ['patients', 'params.dataset'],
      ['messages?from=2026-01-01&from=2026-01-02', 'query.from'],
    ];
    for (const [query, field] of cases) {
      const response = await download(clinic, query);
      expect(response.status, query).toBe(400);
      const problem = (await response.json()) as { errors?: Array<{ field: string }>; detail: string };
      expect(problem.errors?.map((e) => e.field).join(' ') ?? problem.detail, query).toContain(
        field.split('.')[1],
      );
    }
  });

  test('the scheduled export writes a signed object per dataset that matches the API’s export', async () => {
    const saved = await call(env, clinic, 'PUT', '/exports/schedule', {
      endpoint: bucket.url,
      region: bucket.region,
      bucket: bucket.bucket,
      prefix: 'careline/canal',
      access_key_id: bucket.accessKeyId,
      secret_access_key: bucket.secretAccessKey,
      datasets: ['messages', 'appointments'],
      format: 'ndjson',
      hour: 4,
      enabled: true,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).not.toHaveProperty('secret_access_key');
    expect(JSON.stringify(saved.body)).not.toContain(bucket.secretAccessKey);
    // The next run is 04:00 in Paris, the clinic's time zone.
    expect(
      new Date(String(saved.body.next_run_at)).toLocaleTimeString('en-GB', { timeZone: 'Europe/Paris' }),
    ).toBe('04:00:00');
    const [stored] = await env.handle.db
      .select()
      .from(exportSchedules)
      .where(eq(exportSchedules.orgId, clinic.org.id));
    expect(stored?.secretAccessKey.startsWith('cl1.')).toBe(true);

    const run = await call(env, clinic, 'POST', '/exports/schedule/run', { day: today });
    expect(run.status).toBe(202);
    const runs = await eventually(async () => {
      const log = await getJson<{ runs: Json[] }>(env, clinic, '/exports/schedule');
      return log.runs.length >= 2 ? log.runs : undefined;
    }, 15_000);
    expect(runs.map((r) => [r.dataset, r.status, r.trigger])).toEqual(
      expect.arrayContaining([
        ['messages', 'done', 'manual'],
        ['appointments', 'done', 'manual'],
      ]),
    );
    expect(bucket.refusals).toEqual([]);
    const runsRecorded = await env.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, clinic.org.id), eq(auditEvents.subtype, 'scheduled-export-run')));
    expect(runsRecorded.flatMap((e) => e.entity.map((x) => x.id))).toContain(`scheduled ${today}`);
    const object = bucket.objects.get(`careline/canal/messages/${today}.ndjson`);
    expect(object?.contentType).toContain('application/x-ndjson');
    const fromApi = await (await download(clinic, `messages?format=ndjson&from=${today}&to=${today}`)).text();
    expect(object?.body.toString('utf8')).toBe(fromApi);
    expect(ndjsonRecords(fromApi).length).toBeGreaterThan(0);
  });

  test('a refused signature is logged as failed without the secret; a throttled PUT is tried again', async () => {
    const base = {
      endpoint: bucket.url,
      region: bucket.region,
      bucket: bucket.bucket,
      prefix: '',
      access_key_id: bucket.accessKeyId,
      datasets: ['consents'],
      format: 'csv',
      hour: 5,
      enabled: false,
    };
    expect(
      (await call(env, clinic, 'PUT', '/exports/schedule', { ...base, secret_access_key: 'not-the-secret' }))
        .status,
    ).toBe(200);
    expect((await call(env, clinic, 'POST', '/exports/schedule/run', { day: today })).status).toBe(202);
    const failed = await eventually(async () => {
      const log = await getJson<{ runs: Json[] }>(env, clinic, '/exports/schedule');
      return log.runs.find((r) => r.dataset === 'consents');
    }, 15_000);
    expect(failed).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: 'the bucket answered 403 SignatureDoesNotMatch',
    });
    expect(JSON.stringify(failed)).not.toContain('not-the-secret');
    expect(bucket.refusals).toContain('SignatureDoesNotMatch');

    expect(
      (
        await call(env, clinic, 'PUT', '/exports/schedule', {
          ...base,
          secret_access_key: bucket.secretAccessKey,
        })
      ).status,
    ).toBe(200);
    bucket.failNext(1);
    expect((await call(env, clinic, 'POST', '/exports/schedule/run', { day: today })).status).toBe(202);
    const retried = await eventually(async () => {
      const log = await getJson<{ runs: Json[] }>(env, clinic, '/exports/schedule');
      return log.runs.find((r) => r.dataset === 'consents' && r.status === 'done');
    }, 15_000);
    expect(retried).toMatchObject({ attempts: 2, object_key: `consents/${today}.csv` });
    expect(bucket.objects.get(`consents/${today}.csv`)?.body.toString('utf8')).toMatch(/^id,patient_id,/);
  });

  test('at the hour, the daily run exports the day before and plans the next day; a run planned for another hour does nothing', async () => {
    const base = {
      endpoint: bucket.url,
      region: bucket.region,
      bucket: bucket.bucket,
      prefix: 'daily',
      access_key_id: bucket.accessKeyId,
      secret_access_key: bucket.secretAccessKey,
      datasets: ['conversations'],
      format: 'csv',
      enabled: true,
    };
    const first = await call(env, clinic, 'PUT', '/exports/schedule', { ...base, hour: 2 });
    const changed = await call(env, clinic, 'PUT', '/exports/schedule', { ...base, hour: 6 });
    expect([first.status, changed.status]).toEqual([200, 200]);
    const planned = await env.handle.db
      .select()
      .from(jobs)
      .where(
        and(eq(jobs.queue, 'exports.scheduled'), eq(jobs.orgId, clinic.org.id), eq(jobs.status, 'queued')),
      );
    const runAts = planned.map((j) => j.runAt.toISOString()).sort();
    expect(runAts).toContain(String(changed.body.next_run_at));
    expect(runAts).toContain(String(first.body.next_run_at));
    // The hours come: both jobs are due now (the job queue runs by the database's time).
    await env.handle.db
      .update(jobs)
      .set({ runAt: new Date() })
      .where(
        and(eq(jobs.queue, 'exports.scheduled'), eq(jobs.orgId, clinic.org.id), eq(jobs.status, 'queued')),
      );
    const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('sv-SE', {
      timeZone: 'Europe/Paris',
    });
    const daily = await eventually(async () => {
      const log = await getJson<{ runs: Json[] }>(env, clinic, '/exports/schedule');
      return log.runs.find((r) => r.trigger === 'schedule');
    }, 15_000);
    await env.settle();
    expect(daily).toMatchObject({
      status: 'done',
      day: yesterday,
      object_key: `daily/conversations/${yesterday}.csv`,
    });
    const log = await getJson<{ runs: Json[]; schedule: Json }>(env, clinic, '/exports/schedule');
    // Once, by the job planned for 06:00; the 02:00 one was stale.
    expect(log.runs.filter((r) => r.trigger === 'schedule')).toHaveLength(1);
    const next = new Date(String(log.schedule.next_run_at));
    // The day after the run that was due (the test moved it to now: the next is the day after it).
    expect(next.getTime() - Date.parse(String(changed.body.next_run_at))).toBe(86_400_000);
    expect(next.toLocaleTimeString('en-GB', { timeZone: 'Europe/Paris' })).toBe('06:00:00');
    const chained = await env.handle.db
      .select()
      .from(jobs)
      .where(
        and(eq(jobs.queue, 'exports.scheduled'), eq(jobs.orgId, clinic.org.id), eq(jobs.status, 'queued')),
      );
    expect(chained.map((j) => j.runAt.toISOString())).toContain(next.toISOString());
  });

  test('the schedule is refused without a secret the first time, and with a bad endpoint, naming the field', async () => {
    const first = await call(env, other, 'PUT', '/exports/schedule', {
      endpoint: bucket.url,
      region: 'eu-west-3',
      bucket: 'warehouse',
      access_key_id: 'AKIA',
      datasets: ['messages'],
      format: 'csv',
      hour: 3,
      enabled: true,
    });
    expect(first.status).toBe(400);
    expect(JSON.stringify(first.body)).toContain('body.secret_access_key');
    const badUrl = await call(env, other, 'PUT', '/exports/schedule', {
      endpoint: 'file:///etc/passwd',
      region: 'eu-west-3',
      bucket: 'warehouse',
      access_key_id: 'AKIA',
      secret_access_key: 'x',
      datasets: ['messages'],
      format: 'csv',
      hour: 25,
      enabled: true,
    });
    expect(badUrl.status).toBe(400);
    const climbing = await call(env, other, 'PUT', '/exports/schedule', {
      endpoint: bucket.url,
      region: 'eu-west-3',
      bucket: 'warehouse',
      prefix: 'careline/../../other-bucket',
      access_key_id: 'AKIA',
      secret_access_key: 'x',
      datasets: ['messages'],
      format: 'csv',
      hour: 3,
      enabled: true,
    });
    expect(climbing.status).toBe(400);
    expect(JSON.stringify(climbing.body)).toContain('body.prefix');
    expect(JSON.stringify(badUrl.body)).toContain('endpoint');
    expect(JSON.stringify(badUrl.body)).toContain('hour');
    expect((await call(env, other, 'POST', '/exports/schedule/run', {})).status).toBe(404);
  });
});

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
