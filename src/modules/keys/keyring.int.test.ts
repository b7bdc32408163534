import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import { dataKeys } from '../../db-schema.ts';
import { FieldCipher, FieldCipherError } from '../../platform/crypto/field-cipher.ts';
import type { DbHandle } from '../../platform/db/create-db.ts';
import type { Org } from '../orgs/org.schema.ts';
import { createOrg } from '../orgs/org.service.ts';
import { Keyring } from './keyring.ts';
import { rotateDataKeys } from './rotate-data-keys.ts';

const masterA = Buffer.alloc(32, 0x0a);
const masterB = Buffer.alloc(32, 0x0b);

describe.each(TEST_ENGINES)('keyring (%s)', (engine) => {
  let handle: DbHandle;
  let clinic: Org;
  let otherClinic: Org;
  let keyring: Keyring;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    clinic = await createOrg(handle.db, { name: 'Clinique des Lilas' });
    otherClinic = await createOrg(handle.db, { name: 'Cabinet Voltaire' });
    keyring = new Keyring(new FieldCipher({ keys: { a: masterA }, currentKeyId: 'a' }));
  });
  afterAll(async () => {
    await handle?.close();
  });

  test('a patient’s data is sealed under their own key and opens again after a restart', async () => {
    const anna = randomUUID();
    const sealed = (await keyring.patient(handle.db, clinic.id, anna)).seal(
      'douleur au genou',
      'messages.text',
    );

    expect(sealed).not.toContain('genou');
    const restarted = new Keyring(new FieldCipher({ keys: { a: masterA }, currentKeyId: 'a' }));
    const opener = await restarted.opener(handle.db, clinic.id, [sealed]);
    expect(opener.open(sealed, 'messages.text')).toBe('douleur au genou');
    expect(() => opener.open(sealed, 'notes.text')).toThrow(FieldCipherError);
    expect((await restarted.patient(handle.db, clinic.id, anna)).keyId).toBe(
      (await keyring.patient(handle.db, clinic.id, anna)).keyId,
    );
  });

  test('two patients never share a key; values from before encryption read as they are', async () => {
    const sealers = await keyring.patients(handle.db, clinic.id, [randomUUID(), randomUUID()]);
    const [first, second] = [...sealers.values()];

    expect(first?.keyId).not.toBe(second?.keyId);
    const opener = await keyring.opener(handle.db, clinic.id, ['bonjour', null]);
    expect(opener.open('bonjour', 'messages.text')).toBe('bonjour');
    expect(opener.open(null, 'messages.text')).toBeNull();
  });

  test('patients written to at once get one key each', async () => {
    const bob = randomUUID();
    const fresh = () => new Keyring(new FieldCipher({ keys: { a: masterA }, currentKeyId: 'a' }));
    const sealers = await Promise.all(
      Array.from({ length: 8 }, () => fresh().patient(handle.db, clinic.id, bob)),
    );

    expect(new Set(sealers.map((s) => s.keyId)).size).toBe(1);
    const rows = await handle.db.select().from(dataKeys).where(eq(dataKeys.contactId, bob));
    expect(rows).toHaveLength(1);
  });

  test('a key made in a transaction that rolls back is never used again', async () => {
    const carl = randomUUID();
    let rolledBackKey = '';
    await expect(
      handle.db.transaction(async (tx) => {
        rolledBackKey = (await keyring.patient(tx, clinic.id, carl)).keyId;
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');

    const sealer = await keyring.patient(handle.db, clinic.id, carl);
    expect(sealer.keyId).not.toBe(rolledBackKey);
    const sealed = sealer.seal('allergie pénicilline', 'contacts.custom_fields');
    const restarted = new Keyring(new FieldCipher({ keys: { a: masterA }, currentKeyId: 'a' }));
    const opener = await restarted.opener(handle.db, clinic.id, [sealed]);
    expect(opener.open(sealed, 'contacts.custom_fields')).toBe('allergie pénicilline');
  });

  test('a value copied into another clinic does not open there', async () => {
    const sealed = (await keyring.patient(handle.db, clinic.id, randomUUID())).seal(
      'secret',
      'messages.text',
    );
    const opener = await keyring.opener(handle.db, otherClinic.id, [sealed]);

    expect(() => opener.open(sealed, 'messages.text')).toThrow(FieldCipherError);
    const restarted = new Keyring(new FieldCipher({ keys: { a: masterA }, currentKeyId: 'a' }));
    const fresh = await restarted.opener(handle.db, otherClinic.id, [sealed]);
    expect(fresh.open(sealed, 'messages.text')).toBeNull();
  });

  test('destroying a patient’s key makes everything sealed with it unreadable', async () => {
    const dora = randomUUID();
    const sealed = (await keyring.patient(handle.db, clinic.id, dora)).seal('idées noires', 'messages.text');

    expect(await keyring.destroyPatientKey(handle.db, clinic.id, dora)).toBe(true);
    const restarted = new Keyring(new FieldCipher({ keys: { a: masterA }, currentKeyId: 'a' }));
    for (const ring of [keyring, restarted]) {
      const opener = await ring.opener(handle.db, clinic.id, [sealed]);
      expect(opener.open(sealed, 'messages.text')).toBeNull();
    }
    const next = await keyring.patient(handle.db, clinic.id, dora);
    expect(next.seal('x', 'messages.text')).not.toBe(sealed);
  });

  test('the blind index hashes a word alike within a clinic and differently across clinics', async () => {
    const here = await keyring.blindIndex(handle.db, clinic.id);
    const there = await keyring.blindIndex(handle.db, otherClinic.id);
    const again = await new Keyring(new FieldCipher({ keys: { a: masterA }, currentKeyId: 'a' })).blindIndex(
      handle.db,
      clinic.id,
    );

    expect(here.hash('word', 'douleur')).toBe(again.hash('word', 'douleur'));
    expect(here.hash('word', 'douleur')).not.toBe(there.hash('word', 'douleur'));
    expect(here.hash('word', 'douleur')).not.toBe(here.hash('phone', 'douleur'));
    expect(here.hash('word', 'douleur')).toMatch(/^-?\d{1,19}$/);
  });

  test('rotating the master key re-wraps every data key; data sealed before still opens', async () => {
    const eve = randomUUID();
    const sealed = (await keyring.patient(handle.db, clinic.id, eve)).seal('IRM lundi', 'messages.text');
    const rotated = new FieldCipher({ keys: { b: masterB, a: masterA }, currentKeyId: 'b' });

    const first = await rotateDataKeys(handle.db, rotated, { batchSize: 2 });
    const second = await rotateDataKeys(handle.db, rotated, { batchSize: 2 });

    expect(first.rewrapped).toBeGreaterThan(0);
    expect(second.rewrapped).toBe(0);
    const onlyB = new Keyring(new FieldCipher({ keys: { b: masterB }, currentKeyId: 'b' }));
    const opener = await onlyB.opener(handle.db, clinic.id, [sealed]);
    expect(opener.open(sealed, 'messages.text')).toBe('IRM lundi');
  });

  test('a wrapped key under the wrong master does not unwrap', async () => {
    const impostor = new Keyring(FieldCipher.forKey(randomBytes(32)));
    const sealed = (await keyring.patient(handle.db, clinic.id, randomUUID())).seal('x', 'messages.text');

    await expect(impostor.opener(handle.db, clinic.id, [sealed])).rejects.toThrow(FieldCipherError);
  });
});
