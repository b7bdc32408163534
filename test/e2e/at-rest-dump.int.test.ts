import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { setUpSchedulingApi, slotsOf } from '../../src/modules/scheduling/scheduling.test-support.ts';
import { startTestCareline, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { call, getJson, type Json, patientWrites } from './inbox-support.ts';

const run = promisify(execFile);

// Words no built-in text contains, so finding one in the dump means patient data leaked.
const PATIENT_NAME = 'Zéphyrine Quillebeuf';
const PHONE = '+33698765432';
const PATIENT_TEXT = 'Ma cheville gauche gonfle depuis la randonnée au Vercors';
const REPLY_TEXT = 'Pouvez-vous envoyer une photo de la cheville enflée ?';
const NOTE_TEXT = 'Antécédent : entorse ligamentaire traitée par le Dr Ostrovski';
const REASON = 'Contrôle ligamentaire Quillebeuf';
const TAG = 'kinésithérapie-vercors';
const FIELD = 'mutuelle Harmonie Zéphyr';

/**
 * What someone holding a copy of the database sees: a pg_dump on PostgreSQL, the raw data directory on
 * PGlite. Patient names, numbers, texts, notes, reasons, fields and tags, and the channel's secrets must
 * not be in it, while the clinic's staff still read and search them.
 */
describe.each(TEST_ENGINES)('patient data at rest (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let dump = '';

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Clinique des Lilas');
    const { conversation } = await patientWrites(env, clinic, PHONE, PATIENT_TEXT, PATIENT_NAME);
    const id = String(conversation.id);
    const patientId = String((conversation.contact as Json).id);
    expect(
      (await call(env, clinic, 'POST', `/conversations/${id}/messages`, { type: 'text', text: REPLY_TEXT }))
        .status,
    ).toBe(202);
    expect((await call(env, clinic, 'POST', `/conversations/${id}/notes`, { text: NOTE_TEXT })).status).toBe(
      201,
    );
    const patched = await call(env, clinic, 'PATCH', `/contacts/${patientId}`, {
      tags: [TAG],
      custom_fields: { assurance: FIELD },
    });
    expect(patched.status).toBe(200);
    const setup = await setUpSchedulingApi(env, clinic);
    const [slot] = await slotsOf(env, clinic, `type=${String(setup.type.key)}&limit=1`);
    if (!slot) throw new Error('no slot offered');
    const booked = await call(env, clinic, 'POST', '/appointments', {
      contact_id: patientId,
      practitioner_id: slot.practitioner.id,
      location_id: slot.location.id,
      appointment_type_id: setup.type.id,
      start: slot.start,
      reason: REASON,
    });
    expect(booked.status).toBe(201);
    await env.settle();
    dump = await dumpOf(env);
  });
  afterAll(async () => {
    await env?.close();
  });

  test('a copy of the database holds none of the patient’s data nor the channel’s secrets', () => {
    expect(dump.length).toBeGreaterThan(10_000);
    const secrets = [clinic.number.accessToken, clinic.number.appSecret, clinic.number.verifyToken];
    const personal = [
      PATIENT_NAME,
      'Quillebeuf',
      PHONE,
      PHONE.slice(1),
      '0698765432',
      PATIENT_TEXT,
      'Vercors',
    ];
    const written = [REPLY_TEXT, 'enflée', NOTE_TEXT, 'Ostrovski', REASON, TAG, FIELD];
    for (const value of [...secrets, ...personal, ...written]) {
      expect(dump.includes(value), `found in the dump: ${value}`).toBe(false);
    }
  });

  test('the clinic still reads and finds it all', async () => {
    const found = await getJson(env, clinic, `/search?q=${encodeURIComponent('chevilles')}`);
    const snippets = (found.messages as Json[]).map((m) => String(m.snippet).replace(/[⟦⟧]/g, ''));
    expect(snippets).toEqual(expect.arrayContaining([PATIENT_TEXT, REPLY_TEXT]));
    const byPhone = await getJson(env, clinic, `/search?q=${encodeURIComponent('06 98 76 54 32')}`);
    expect((byPhone.contacts as Json[]).map((c) => c.display_name)).toEqual([PATIENT_NAME]);
    const byName = await getJson(env, clinic, `/search?q=${encodeURIComponent('quille')}`);
    expect((byName.contacts as Json[]).map((c) => c.phone)).toEqual([PHONE]);
  });
});

async function dumpOf(env: TestCareline): Promise<string> {
  const client = (env.handle.db as unknown as { $client: unknown }).$client;
  if (env.handle.engine === 'postgres') {
    const url = (env.handle as { url?: string }).url;
    if (!url) throw new Error('no database URL to dump');
    const { stdout } = await run('pg_dump', ['--no-owner', url], { maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  }
  const pglite = client as { query(sql: string): Promise<unknown>; dumpDataDir(c: 'none'): Promise<Blob> };
  await pglite.query('checkpoint');
  const tarball = await pglite.dumpDataDir('none');
  return Buffer.from(await tarball.arrayBuffer()).toString('utf8');
}
