import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../../../test/support/test-careline.ts';
import { TEST_ENGINES } from '../../../test/support/test-db.ts';
import { messages } from '../inbox/message.schema.ts';
import { addNote } from '../inbox/note.service.ts';
import { hashedQuery, parseMessageQuery } from './message-query.ts';
import { messagesMatching } from './search.repository.ts';

interface SearchJson {
  messages: Array<{
    message_id: string;
    conversation_id: string;
    contact: { id: string; display_name: string | null; phone: string | null };
    occurred_at: string;
    snippet: string;
  }>;
  contacts: Array<{ id: string; display_name: string | null; phone: string | null }>;
}

describe.each(TEST_ENGINES)('search (%s)', (engine) => {
  let env: TestCareline;
  let lilas: TestClinic;
  let pasteur: TestClinic;

  async function patientWrites(clinic: TestClinic, from: string, name: string, text: string) {
    return env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from,
      name,
      text,
    });
  }

  async function search(clinic: TestClinic, q: string, limit?: number): Promise<SearchJson> {
    const params = new URLSearchParams({ q, ...(limit ? { limit: String(limit) } : {}) });
    const response = await env.api(clinic.apiKey, `/api/v1/search?${params}`);
    expect(response.status).toBe(200);
    return (await response.json()) as SearchJson;
  }

  beforeAll(async () => {
    env = await startTestCareline(engine);
    lilas = await env.addClinic('Clinique des Lilas');
    pasteur = await env.addClinic('Cabinet Pasteur');
    const chloeWrote = await patientWrites(
      lilas,
      '+33612345678',
      'Chloé Martin',
      'J’ai de la fièvre depuis hier soir',
    );
    await patientWrites(lilas, '+33698765432', 'Louis Pasteur', 'Bonjour, puis-je avancer mon rendez-vous ?');
    const regretted = await patientWrites(lilas, '+33698765432', 'Louis Pasteur', 'Une fièvre à effacer');
    await patientWrites(pasteur, '+33611111111', 'Chloé Autre', 'Fièvre chez Pasteur aussi');
    await env.settle();
    await env.simulator.simulator.patientSends({
      phoneNumberId: lilas.number.phoneNumberId,
      from: '+33698765432',
      type: 'revoke',
      originalMessageId: regretted.wamid,
    });
    await env.settle();
    await eventually(async () => {
      const [deleted] = await env.handle.db
        .select({ id: messages.id })
        .from(messages)
        .where(and(eq(messages.orgId, lilas.org.id), isNotNull(messages.deletedAt)));
      return deleted;
    });
    // An internal note of the care team.
    const [chloe] = await env.handle.db
      .select()
      .from(messages)
      .where(and(eq(messages.orgId, lilas.org.id), eq(messages.externalId, chloeWrote.wamid)));
    if (!chloe) throw new Error('Chloé’s message was not stored');
    await addNote(env.handle.db, env.careline.keyring, {
      orgId: lilas.org.id,
      conversationId: chloe.conversationId,
      text: 'Patiente fébrile : fièvres à surveiller',
      authorUserId: null,
      now: new Date(),
      apiKeyId: null,
    });
  });
  afterAll(async () => {
    await env?.close();
  });

  test('"fievre" finds "fièvre" in patients’ messages and notes, marked, with the patient', async () => {
    const found = await search(lilas, 'fievre');
    expect(found.messages.map((m) => m.snippet)).toEqual([
      'Patiente fébrile : ⟦fièvres⟧ à surveiller',
      'J’ai de la ⟦fièvre⟧ depuis hier soir',
    ]);
    const [, patient] = found.messages;
    expect(patient?.contact).toMatchObject({ display_name: 'Chloé Martin', phone: '+33612345678' });
    const conversations = (await (await env.api(lilas.apiKey, '/api/v1/conversations')).json()) as {
      data: Array<{ id: string }>;
    };
    expect(conversations.data.map((c) => c.id)).toContain(patient?.conversation_id);
    expect(Date.parse(found.messages[0]?.occurred_at ?? '')).toBeGreaterThanOrEqual(
      Date.parse(patient?.occurred_at ?? ''),
    );
  });

  test('stems and ignores case and accents: "Fièvres", "FIEVRE", "fébrile"', async () => {
    for (const q of ['Fièvres', 'FIEVRE']) {
      expect((await search(lilas, q)).messages).toHaveLength(2);
    }
    expect((await search(lilas, 'febrile')).messages.map((m) => m.snippet)).toEqual([
      'Patiente ⟦fébrile⟧ : fièvres à surveiller',
    ]);
  });

  test('never another clinic’s messages or patients, never a deleted message', async () => {
    const found = await search(lilas, 'fièvre pasteur');
    expect(found.messages).toEqual([]);
    const everything = await search(lilas, 'fièvre');
    expect(everything.messages.some((m) => m.snippet.includes('effacer'))).toBe(false);
    expect(everything.messages.some((m) => m.snippet.includes('Pasteur'))).toBe(false);
    expect((await search(lilas, 'autre')).contacts).toEqual([]);
    expect((await search(pasteur, 'fievre')).messages.map((m) => m.snippet)).toEqual([
      '⟦Fièvre⟧ chez Pasteur aussi',
    ]);
  });

  test('contacts by name, accents ignored, the last word as a prefix', async () => {
    for (const q of ['chloe', 'CHLOÉ', 'chl', 'martin chlo']) {
      expect((await search(lilas, q)).contacts.map((c) => c.display_name)).toEqual(['Chloé Martin']);
    }
    expect((await search(lilas, 'chloe')).messages).toEqual([]);
  });

  test('contacts by their exact phone number, however it is typed; a part of it finds no one', async () => {
    for (const q of [
      '06 12 34 56 78',
      '0612345678',
      '+33 6 12 34 56 78',
      '0033612345678',
      '+33 (0)6.12.34.56.78',
    ]) {
      expect(
        (await search(lilas, q)).contacts.map((c) => c.phone),
        q,
      ).toEqual(['+33612345678']);
    }
    expect((await search(lilas, '06 98 76 54 32')).contacts.map((c) => c.display_name)).toEqual([
      'Louis Pasteur',
    ]);
    // Numbers are sealed and found through a keyed hash of the whole number: digits alone match nothing.
    for (const q of ['0612', '06 12 34', '612345']) expect((await search(lilas, q)).contacts, q).toEqual([]);
    expect((await search(pasteur, '06 12 34 56 78')).contacts).toEqual([]);
  });

  test('the database holds no patient name nor number in readable form', async () => {
    const dump = JSON.stringify(
      await env.handle.db.execute(
        sql`select c::text as contact, i::text as identity from contacts c join contact_identities i on i.contact_id = c.id`,
      ),
    );
    for (const plain of ['Chloé', 'Martin', 'Louis', '33612345678', '612345678', '33698765432']) {
      expect(dump).not.toContain(plain);
    }
  });

  test('limit and order: newest first', async () => {
    const found = await search(lilas, 'fièvre', 1);
    expect(found.messages.map((m) => m.snippet)).toEqual(['Patiente fébrile : ⟦fièvres⟧ à surveiller']);
  });

  test('q must be 1 to 100 characters: a 400 naming query.q', async () => {
    for (const q of ['', '   ', 'x'.repeat(101)]) {
      const response = await env.api(lilas.apiKey, `/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ errors: [{ field: 'query.q' }] });
    }
    const missing = await env.api(lilas.apiKey, '/api/v1/search');
    expect(await missing.json()).toMatchObject({ errors: [{ field: 'query.q' }] });
    expect((await env.api(lilas.apiKey, '/api/v1/search?q=x&limit=101')).status).toBe(400);
  });

  // PostgreSQL only: PGlite's planner reads tables this small sequentially whatever the settings.
  if (engine === 'postgres')
    test('the message search can use the GIN index over the blind index', async () => {
      const index = await env.careline.keyring.blindIndex(env.handle.db, lilas.org.id);
      const query = hashedQuery(index, await parseMessageQuery(env.handle.db, 'fievre'));
      let plan = '';
      await expect(
        env.handle.db.transaction(async (tx) => {
          // A handful of rows: without this the planner rightly prefers reading the table, or the
          // clinic's messages newest first (what it does for a common word); both rolled back.
          await tx.execute(sql`set local enable_seqscan = off`);
          await tx.execute(sql`drop index messages_org_recent_idx`);
          const explained = await tx.execute(sql`explain ${messagesMatching(tx, lilas.org.id, query, 20)}`);
          plan = JSON.stringify((explained as unknown as { rows: unknown[] }).rows);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(plan).toContain('messages_search_terms_idx');
    });
});
