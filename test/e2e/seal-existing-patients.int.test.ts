import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sealInPlace } from '../../src/modules/keys/seal-in-place.ts';
import { insertLocation } from '../../src/modules/scheduling/location.repository.ts';
import { insertPractitioner } from '../../src/modules/scheduling/practitioner.repository.ts';
import { SEAL_STEPS } from '../../src/seal-existing-data.ts';
import { startTestCareline, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { getJson, type Json, type PageJson, patientWrites } from './inbox-support.ts';

/**
 * A clinic whose patients an older Careline stored in plain text: Careline serves them as they are,
 * then the in-place sealing encrypts them, and reads, lookups and search still work.
 */
describe.each(TEST_ENGINES)('sealing the patients of an older database in place (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  const anna = '6a2b8c1e-0d7f-4b7e-9b1a-5f0c9a1d2e01';
  const visit = '6a2b8c1e-0d7f-4b7e-9b1a-5f0c9a1d2e02';
  let accessToken = '';
  let appSecret = '';
  let verifyToken = '';

  async function rowsAsText(): Promise<string> {
    const rows = await env.handle.db.execute(
      sql`select c::text as contact, i::text as identity, a::text as appointment, r::text as consent
          from contacts c left join contact_identities i on i.contact_id = c.id
          left join appointments a on a.contact_id = c.id left join consent_records r on r.contact_id = c.id`,
    );
    return JSON.stringify(rows);
  }

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Clinique des Lilas');
    // As the previous version wrote them (the migration turned tags and custom fields into JSON text).
    await env.handle.db.execute(sql`
      insert into contacts (id, org_id, display_name, phone, tags, custom_fields)
      values (${anna}, ${clinic.org.id}, 'Anna Lindqvist', '+33645454545', '["diabète"]',
              '{"allergie":"pénicilline"}')`);
    await env.handle.db.execute(sql`
      insert into contact_identities (org_id, contact_id, channel_type, external_id, phone, profile_name)
      values (${clinic.org.id}, ${anna}, 'whatsapp', '33645454545', '+33645454545', 'Anna L.')`);
    // The number's secrets as the previous version kept them: readable JSON.
    ({ accessToken, appSecret, verifyToken } = clinic.number);
    await env.handle.db.execute(sql`
      update channel_accounts set secrets = ${JSON.stringify({ accessToken, appSecret, verifyToken })}
      where id = ${clinic.account.id}`);
    const location = await insertLocation(env.handle.db, {
      orgId: clinic.org.id,
      name: 'Centre',
      address: '1 rue',
    });
    const practitioner = await insertPractitioner(env.handle.db, {
      orgId: clinic.org.id,
      name: 'Dr Roux',
      specialty: 'general_practice',
    });
    await env.handle.db.execute(sql`
      insert into appointments (id, org_id, contact_id, practitioner_id, location_id, status, start, "end", reason, source)
      values (${visit}, ${clinic.org.id}, ${anna}, ${practitioner.id}, ${location.id}, 'booked',
              '2030-01-07T09:00:00Z', '2030-01-07T09:20:00Z', 'Glycémie trop haute', 'staff')`);
    await env.handle.db.execute(sql`
      insert into consent_records (org_id, contact_id, channel, purpose, granted, method, text_shown)
      values (${clinic.org.id}, ${anna}, 'whatsapp', 'appointment_reminders', true, 'staff', 'Rappels par WhatsApp ?')`);
  });
  afterAll(async () => {
    await env?.close();
  });

  test('before sealing: the patient reads as before and her next message joins her record', async () => {
    expect(await getJson(env, clinic, `/contacts/${anna}`)).toMatchObject({
      display_name: 'Anna Lindqvist',
      tags: ['diabète'],
      custom_fields: { allergie: 'pénicilline' },
    });
    const { conversation } = await patientWrites(env, clinic, '+33645454545', 'Bonjour', 'Anna L.');
    expect((conversation.contact as Json).id).toBe(anna);
    const list = await getJson<PageJson>(env, clinic, '/contacts?phone=%2B33%206%2045%2045%2045%2045');
    expect(list.data.map((c) => c.id)).toEqual([anna]);
  });

  test('the steps seal every plain value once; the API, lookups, search and webhooks work as before', async () => {
    const first = await sealInPlace(env.handle.db, env.careline.keyring, SEAL_STEPS, { batchSize: 1 });
    const second = await sealInPlace(env.handle.db, env.careline.keyring, SEAL_STEPS);

    expect(first.find((r) => r.step === 'contacts')?.sealed).toBeGreaterThanOrEqual(1);
    expect(second.every((r) => r.sealed === 0)).toBe(true);
    const stored = await rowsAsText();
    const secrets = JSON.stringify(await env.handle.db.execute(sql`select secrets from channel_accounts`));
    for (const plain of [
      'Anna',
      'Lindqvist',
      '645454545',
      'diab',
      'allergie',
      'cilline',
      'Glyc',
      'Rappels',
    ]) {
      expect(stored).not.toContain(plain);
    }
    for (const secret of [accessToken, appSecret, verifyToken]) expect(secrets).not.toContain(secret);
    expect(await getJson(env, clinic, `/appointments/${visit}`)).toMatchObject({
      reason: 'Glycémie trop haute',
    });
    expect(await getJson(env, clinic, `/contacts/${anna}/consents`)).toMatchObject({
      history: [{ text_shown: 'Rappels par WhatsApp ?' }],
    });
    expect(await getJson(env, clinic, `/contacts/${anna}`)).toMatchObject({
      display_name: 'Anna Lindqvist',
      phone: '+33645454545',
      tags: ['diabète'],
      custom_fields: { allergie: 'pénicilline' },
      identities: [{ external_id: '33645454545', phone: '+33645454545', profile_name: 'Anna L.' }],
    });
    const list = await getJson<PageJson>(env, clinic, '/contacts?phone=%2B33645454545');
    expect(list.data.map((c) => c.id)).toEqual([anna]);
    for (const q of ['lindq', 'anna', '06 45 45 45 45']) {
      const found = await getJson<{ contacts: Json[] }>(env, clinic, `/search?q=${encodeURIComponent(q)}`);
      expect(
        found.contacts.map((c) => c.id),
        q,
      ).toEqual([anna]);
    }
    const { conversation } = await patientWrites(env, clinic, '+33645454545', 'Encore moi', 'Anna L.');
    expect((conversation.contact as Json).id).toBe(anna);
  });
});
