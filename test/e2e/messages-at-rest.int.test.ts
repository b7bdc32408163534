import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sealInPlace } from '../../src/modules/keys/seal-in-place.ts';
import { rowsOf } from '../../src/platform/db/raw-rows.ts';
import { SEAL_STEPS } from '../../src/seal-existing-data.ts';
import { startTestCareline, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { call, getJson, type Json, newPhone, type PageJson, patientWrites } from './inbox-support.ts';

interface SearchJson {
  messages: Array<{ message_id: string; snippet: string }>;
}

/** Everything a DBA (or a pg_dump) sees of the clinic's messages and what was copied from them. */
async function whatTheDatabaseHolds(env: TestCareline): Promise<string> {
  const tables = await env.handle.db.execute(sql`
    select (select coalesce(string_agg(m::text, ' '), '') from messages m)
      || (select coalesce(string_agg(e.payload::text, ' '), '') from events e)
      || (select coalesce(string_agg(j.payload::text, ' '), '') from jobs j)
      || (select coalesce(string_agg(r::text, ' '), '') from red_flag_events r)
      || (select coalesce(string_agg(i::text, ' '), '') from idempotency_keys i)
      || (select coalesce(string_agg(f::text, ' '), '') from media_files f) as dump`);
  const [row] = rowsOf(tables) as Array<{ dump: string }>;
  return String(row?.dump);
}

describe.each(TEST_ENGINES)('messages encrypted at rest (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Clinique des Lilas');
  });
  afterAll(async () => {
    await env?.close();
  });

  async function timeline(conversationId: unknown): Promise<Json[]> {
    return (await getJson<PageJson>(env, clinic, `/conversations/${conversationId}/messages`)).data;
  }

  async function search(q: string): Promise<SearchJson> {
    const response = await env.api(clinic.apiKey, `/api/v1/search?q=${encodeURIComponent(q)}`);
    expect(response.status).toBe(200);
    return (await response.json()) as SearchJson;
  }

  test('the patient’s words, the reply and the note are sealed in the database and read as before', async () => {
    const { conversation } = await patientWrites(
      env,
      clinic,
      newPhone(),
      'Mon genou est gonflé depuis samedi',
    );
    const id = conversation.id;
    const reply = await call(env, clinic, 'POST', `/conversations/${id}/messages`, {
      type: 'text',
      text: 'Appliquez de la glace sur la rotule',
    });
    expect(reply.status).toBe(202);
    const note = await call(env, clinic, 'POST', `/conversations/${id}/notes`, {
      text: 'Suspicion d’épanchement synovial',
    });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ text: 'Suspicion d’épanchement synovial' });
    await env.settle();

    const dump = await whatTheDatabaseHolds(env);
    for (const words of ['genou', 'gonfl', 'glace', 'rotule', 'panchement', 'synovial']) {
      expect(dump).not.toContain(words);
    }
    expect((await timeline(id)).map((m) => m.text)).toEqual([
      'Suspicion d’épanchement synovial',
      'Appliquez de la glace sur la rotule',
      'Mon genou est gonflé depuis samedi',
    ]);
    // The reply reached the patient in clear, through the outbox.
    const sends = env.simulator.simulator.sends(clinic.number.phoneNumberId);
    expect(sends.some((s) => JSON.stringify(s.request).includes('glace sur la rotule'))).toBe(true);
    expect((await getJson(env, clinic, `/conversations/${id}`)).last_message).toMatchObject({
      text: 'Appliquez de la glace sur la rotule',
    });
    expect((await search('GENOU gonflés')).messages.map((m) => m.snippet)).toEqual([
      'Mon ⟦genou⟧ est ⟦gonflé⟧ depuis samedi',
    ]);
    expect((await search('synovial')).messages.map((m) => m.snippet)).toEqual([
      'Suspicion d’épanchement ⟦synovial⟧',
    ]);
    expect((await search('genou -samedi')).messages).toEqual([]);
  });

  test('the words that raised a red flag are sealed too, and shown to the team', async () => {
    const { conversation } = await patientWrites(
      env,
      clinic,
      newPhone(),
      "je n'arrive plus à respirer du tout",
    );
    await env.settle();
    const urgent = await getJson(env, clinic, `/conversations/${conversation.id}`);
    expect(String((urgent.red_flag as Json).words)).toMatch(/respirer/);
    const flags = (await getJson(env, clinic, '/red-flags')) as unknown as { data: Json[] };
    expect(flags.data.map((f) => f.words)).toContainEqual(expect.stringMatching(/respirer/));
    expect(await whatTheDatabaseHolds(env)).not.toContain('respirer');
  });

  test('once the patient is erased (their key destroyed), their messages read as removed, never a 500', async () => {
    const { conversation } = await patientWrites(env, clinic, newPhone(), 'Ordonnance de kinésithérapie');
    await env.settle();
    expect((await search('kinesitherapie')).messages).toHaveLength(1);

    await env.careline.keyring.destroyPatientKey(
      env.handle.db,
      clinic.org.id,
      String((conversation.contact as Json).id),
    );

    const [message] = await timeline(conversation.id);
    expect(message).toMatchObject({ direction: 'inbound', text: null, content: null });
    expect((await getJson(env, clinic, `/conversations/${conversation.id}`)).last_message).toMatchObject({
      text: null,
    });
    expect((await search('kinesitherapie')).messages).toEqual([]);
  });

  test('messages an older Careline stored in plain text are sealed in place, then read and found', async () => {
    const { conversation } = await patientWrites(env, clinic, newPhone(), 'Bonjour');
    await env.settle();
    const [inbound] = await timeline(conversation.id);
    // As the version before encryption wrote them: plain text and content, no search terms.
    const old = { caption: 'Radio du poignet droit', media: [], edits: [{ text: 'Radio du coude' }] };
    const oldId = randomUUID();
    await env.handle.db.execute(sql`
      insert into messages (id, org_id, conversation_id, channel_account_id, direction, type, text, content,
        status, occurred_at)
      select ${oldId}::uuid, org_id, conversation_id, channel_account_id, 'inbound', 'image',
        'Radio du poignet droit', ${JSON.stringify(old)}::jsonb, 'received', now() - interval '1 day'
      from messages where id = ${String(inbound?.id)}::uuid`);
    await env.handle.db.execute(sql`
      insert into messages (org_id, conversation_id, channel_account_id, direction, type, text, status)
      select org_id, conversation_id, channel_account_id, 'note', 'text', 'Fracture du scaphoïde exclue',
        'received'
      from messages where id = ${String(inbound?.id)}::uuid`);
    // A red flag recorded the old way, the patient's words in plain text.
    await env.handle.db.execute(sql`
      insert into red_flag_events (org_id, conversation_id, contact_id, message_id, category, categories, words,
        raised_at)
      select m.org_id, m.conversation_id, c.contact_id, m.id, 'chest_pain', '["chest_pain"]'::jsonb,
        'oppression thoracique', now()
      from messages m join conversations c on c.id = m.conversation_id where m.id = ${oldId}::uuid`);
    await env.handle.db.execute(sql`
      insert into media_files (org_id, message_id, kind, file_name, status)
      select org_id, id, 'image', 'scanner-poignet.jpg', 'pending' from messages where id = ${oldId}::uuid`);
    expect((await timeline(conversation.id)).map((m) => m.text)).toContain('Radio du poignet droit');
    const eventsBefore = await eventCount(env);

    const reports = await sealInPlace(env.handle.db, env.careline.keyring, SEAL_STEPS, { batchSize: 1 });

    expect(reports).toContainEqual({ step: 'messages', sealed: 2 });
    expect(reports).toContainEqual({ step: 'red_flag_events', sealed: 1 });
    expect(reports).toContainEqual({ step: 'media_files', sealed: 1 });
    const dump = await whatTheDatabaseHolds(env);
    for (const words of ['poignet', 'coude', 'scapho', 'Fracture', 'oppression', 'scanner']) {
      expect(dump).not.toContain(words);
    }
    const flags = (await getJson(env, clinic, '/red-flags')) as unknown as { data: Json[] };
    expect(flags.data.map((f) => f.words)).toContain('oppression thoracique');
    const texts = await timeline(conversation.id);
    expect(texts.find((m) => m.id === oldId)).toMatchObject({
      text: 'Radio du poignet droit',
      content: old,
      media: [{ file_name: 'scanner-poignet.jpg' }],
    });
    expect(texts.map((m) => m.text)).toContain('Fracture du scaphoïde exclue');
    expect((await search('scaphoide')).messages.map((m) => m.snippet)).toEqual([
      'Fracture du ⟦scaphoïde⟧ exclue',
    ]);
    expect((await search('poignets')).messages.map((m) => m.message_id)).toEqual([oldId]);
    // Sealing is no news for the web app: no live event per row.
    expect(await eventCount(env)).toBe(eventsBefore);
    // Nothing left: a second run seals nothing.
    expect(await sealInPlace(env.handle.db, env.careline.keyring, SEAL_STEPS)).toEqual(
      SEAL_STEPS.map((step) => ({ step: step.name, sealed: 0 })),
    );
  });
});

async function eventCount(env: TestCareline): Promise<number> {
  const result = await env.handle.db.execute(sql`select count(*)::int as n from events`);
  const [row] = rowsOf(result) as Array<{ n: number }>;
  return Number(row?.n);
}
