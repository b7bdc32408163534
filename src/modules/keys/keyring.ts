import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import { FieldCipher, FieldCipherError } from '../../platform/crypto/field-cipher.ts';
import type { DbOrTx } from '../../platform/db/db.ts';
import { dataKeys } from './data-key.schema.ts';
import { envelopeOf, looksSealed, SEALED_PREFIX, sealedTextOf } from './sealed-text.ts';

/** Seals values under one key. `purpose` (e.g. `messages.text`) is bound to the envelope. */
export interface Sealer {
  readonly keyId: string;
  seal(plain: string, purpose: string): string;
  sealNullable(plain: string | null | undefined, purpose: string): string | null;
}

/** Opens values whose keys {@link Keyring.opener} loaded. */
export interface Opener {
  /**
   * The plain text of a sealed value. A value written before encryption (no `cl1.` prefix) comes back
   * as it is, so reads work while the in-place migration runs; a value whose key was destroyed (the
   * patient was erased) comes back null. A value that does not authenticate throws.
   */
  open(value: string | null | undefined, purpose: string): string | null;
}

/** Keyed hashes for the blind index: equal inputs in one clinic give equal hashes; nothing else does. */
export interface BlindIndex {
  /** A signed 64-bit hash as decimal text, for `bigint[]` columns; `domain` keeps kinds apart (`word`, `phone`). */
  hash(domain: string, value: string): string;
}

interface LoadedKey {
  orgId: string;
  cipher: FieldCipher;
  /** Clinic keys only: the key the blind index hashes with, derived once. */
  blindKey: Buffer | null;
}

/** What reading a key needs: its id (in every envelope), its clinic and patient, and the wrapped key. */
const KEY_COLUMNS = {
  id: dataKeys.id,
  orgId: dataKeys.orgId,
  contactId: dataKeys.contactId,
  wrapped: dataKeys.wrapped,
};

const PATIENT_PREFIX = 'p';
const CLINIC_PREFIX = 'c';
// Short-lived enough that a patient erased through another process stops being readable here soon.
const KEY_TTL_MS = 10 * 60_000;

/**
 * Per-clinic and per-patient data keys, wrapped by the master key. Lookups of which key belongs to a
 * clinic or patient are cached only once the key row is known to be committed: a key created inside a
 * transaction that later rolls back must never seal data again.
 */
export class Keyring {
  readonly master: FieldCipher;
  private readonly loaded = new LRUCache<string, LoadedKey>({ max: 100_000, ttl: KEY_TTL_MS });
  private readonly ownerKeyIds = new LRUCache<string, string>({ max: 100_000, ttl: KEY_TTL_MS });
  private readonly createdInTransaction = new WeakMap<object, Set<string>>();

  constructor(master: FieldCipher) {
    this.master = master;
  }

  /** The clinic's own key, created on first use: shared clinic data (channel secrets, canned replies). */
  async clinic(db: DbOrTx, orgId: string): Promise<Sealer> {
    const id = await this.clinicKeyId(db, orgId);
    return this.sealerOf(id);
  }

  /** One patient's key, created on first use: everything about that patient. */
  async patient(db: DbOrTx, orgId: string, contactId: string): Promise<Sealer> {
    const sealers = await this.patients(db, orgId, [contactId]);
    const sealer = sealers.get(contactId);
    if (!sealer) throw new Error('A patient key was not created');
    return sealer;
  }

  /** Several patients' keys in one round trip (two when some are new). */
  async patients(db: DbOrTx, orgId: string, contactIds: readonly string[]): Promise<Map<string, Sealer>> {
    const unique = [...new Set(contactIds)];
    const ids = await this.patientKeyIds(db, orgId, unique);
    return new Map(unique.map((contactId) => [contactId, this.sealerOf(ids.get(contactId) ?? '')]));
  }

  /** The clinic's blind index, for searchable hashes of words, phone numbers and name prefixes. */
  async blindIndex(db: DbOrTx, orgId: string): Promise<BlindIndex> {
    const id = await this.clinicKeyId(db, orgId);
    const blindKey = this.loaded.get(id)?.blindKey;
    if (!blindKey) throw new Error('The clinic key is not loaded');
    return {
      hash(domain, value) {
        const digest = createHmac('sha256', blindKey).update(`${domain}\u0000${value}`).digest();
        return digest.readBigInt64BE(0).toString();
      },
    };
  }

  /**
   * Loads the keys the given sealed values need (one query for those not cached) and returns an
   * opener. Keys of another clinic are refused: a value copied across clinics does not open.
   */
  async opener(db: DbOrTx, orgId: string, values: Iterable<string | null | undefined>): Promise<Opener> {
    const wanted = new Set<string>();
    for (const value of values) {
      if (typeof value !== 'string' || !looksSealed(value)) continue;
      const id = keyIdInSealed(value);
      if (id !== null && !this.loaded.has(id)) wanted.add(id);
    }
    if (wanted.size > 0) {
      const rows = await db
        .select(KEY_COLUMNS)
        .from(dataKeys)
        .where(and(inArray(dataKeys.id, [...wanted]), eq(dataKeys.orgId, orgId)));
      for (const row of rows) this.load(row);
    }
    return {
      open: (value, purpose) => {
        if (value === null || value === undefined) return null;
        if (!looksSealed(value)) return value;
        const id = keyIdInSealed(value);
        const key = id === null ? undefined : this.loaded.get(id);
        if (id === null) throw new FieldCipherError('malformed', 'A sealed value has no readable key id');
        if (!key) return null;
        if (key.orgId !== orgId) {
          throw new FieldCipherError('authentication_failed', 'A sealed value belongs to another clinic');
        }
        return key.cipher.decrypt(envelopeOf(value), purpose).toString('utf8');
      },
    };
  }

  /**
   * Destroys a patient's key: every value sealed with it, in this database and in every backup, can
   * no longer be read. Run it in the erasure's transaction.
   */
  async destroyPatientKey(db: DbOrTx, orgId: string, contactId: string): Promise<boolean> {
    const deleted = await db
      .delete(dataKeys)
      .where(and(eq(dataKeys.orgId, orgId), eq(dataKeys.contactId, contactId)))
      .returning({ id: dataKeys.id });
    this.ownerKeyIds.delete(ownerOf(orgId, contactId));
    for (const { id } of deleted) this.loaded.delete(id);
    return deleted.length > 0;
  }

  /** Forgets cached keys (tests; or after a restore from backup). */
  clearCache(): void {
    this.loaded.clear();
    this.ownerKeyIds.clear();
  }

  /** Unwraps a key row with the master key; the associated data ties it to its id and clinic. */
  load(row: { id: string; orgId: string; contactId: string | null; wrapped: string }): LoadedKey {
    const raw = this.master.decrypt(Buffer.from(row.wrapped, 'base64'), wrapContext(row.id, row.orgId));
    const key: LoadedKey = {
      orgId: row.orgId,
      cipher: new FieldCipher({ keys: { [row.id]: raw }, currentKeyId: row.id }),
      blindKey:
        row.contactId === null
          ? Buffer.from(hkdfSync('sha256', raw, Buffer.alloc(0), 'careline blind index v1', 32))
          : null,
    };
    raw.fill(0);
    this.loaded.set(row.id, key);
    return key;
  }

  /** The key wrapped anew with the master's current key: what `careline rotate-keys` writes. */
  rewrap(row: { id: string; orgId: string; wrapped: string }): string | null {
    const envelope = Buffer.from(row.wrapped, 'base64');
    if (this.master.keyIdOf(envelope) === this.master.currentKeyId) return null;
    const raw = this.master.decrypt(envelope, wrapContext(row.id, row.orgId));
    const rewrapped = this.master.encrypt(raw, wrapContext(row.id, row.orgId)).toString('base64');
    raw.fill(0);
    return rewrapped;
  }

  private sealerOf(id: string): Sealer {
    const key = this.loaded.get(id);
    if (!key) throw new Error('A data key was used before it was loaded');
    const seal = (plain: string, purpose: string) =>
      sealedTextOf(key.cipher.encrypt(Buffer.from(plain, 'utf8'), purpose));
    return {
      keyId: id,
      seal,
      sealNullable: (plain, purpose) => (plain === null || plain === undefined ? null : seal(plain, purpose)),
    };
  }

  private async clinicKeyId(db: DbOrTx, orgId: string): Promise<string> {
    const owner = ownerOf(orgId, null);
    const cached = this.ownerKeyIds.get(owner);
    if (cached && this.loaded.has(cached)) return cached;
    const existing = await db
      .select(KEY_COLUMNS)
      .from(dataKeys)
      .where(and(eq(dataKeys.orgId, orgId), isNull(dataKeys.contactId)));
    const row = existing[0] ?? (await this.create(db, orgId, [null]))[0];
    if (!row) throw new Error('The clinic key could not be created');
    this.load(row);
    this.remember(db, owner, row.id);
    return row.id;
  }

  private async patientKeyIds(db: DbOrTx, orgId: string, contactIds: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const missing: string[] = [];
    for (const contactId of contactIds) {
      const cached = this.ownerKeyIds.get(ownerOf(orgId, contactId));
      if (cached && this.loaded.has(cached)) found.set(contactId, cached);
      else missing.push(contactId);
    }
    if (missing.length === 0) return found;
    const rows = await db
      .select(KEY_COLUMNS)
      .from(dataKeys)
      .where(and(eq(dataKeys.orgId, orgId), inArray(dataKeys.contactId, missing)));
    const absent = new Set(missing);
    for (const row of rows) absent.delete(row.contactId ?? '');
    const created = absent.size > 0 ? await this.create(db, orgId, [...absent]) : [];
    for (const row of [...rows, ...created]) {
      this.load(row);
      this.remember(db, ownerOf(orgId, row.contactId), row.id);
      if (row.contactId) found.set(row.contactId, row.id);
    }
    return found;
  }

  /** Inserts new keys; where another writer won the race, reads theirs instead. */
  private async create(db: DbOrTx, orgId: string, contactIds: Array<string | null>) {
    const fresh = contactIds.map((contactId) => {
      const id = `${contactId === null ? CLINIC_PREFIX : PATIENT_PREFIX}${randomBytes(12).toString('hex')}`;
      const raw = randomBytes(32);
      const wrapped = this.master.encrypt(raw, wrapContext(id, orgId)).toString('base64');
      raw.fill(0);
      return { id, orgId, contactId, wrapped };
    });
    const inserted = await db.insert(dataKeys).values(fresh).onConflictDoNothing().returning(KEY_COLUMNS);
    if (isTransaction(db)) {
      const created = this.createdInTransaction.get(db) ?? new Set<string>();
      for (const row of inserted) created.add(row.id);
      this.createdInTransaction.set(db, created);
    }
    const lost = contactIds.filter((contactId) => !inserted.some((row) => row.contactId === contactId));
    if (lost.length === 0) return inserted;
    const theirs = await db
      .select(KEY_COLUMNS)
      .from(dataKeys)
      .where(
        and(
          eq(dataKeys.orgId, orgId),
          lost.includes(null) ? isNull(dataKeys.contactId) : inArray(dataKeys.contactId, lost as string[]),
        ),
      );
    return [...inserted, ...theirs];
  }

  private remember(db: DbOrTx, owner: string, id: string): void {
    // Created in this still-open transaction: it may roll back, so the next call looks again.
    if (isTransaction(db) && this.createdInTransaction.get(db)?.has(id)) return;
    this.ownerKeyIds.set(owner, id);
  }
}

/** The key id in a sealed value's envelope header, without decrypting it. */
export function keyIdInSealed(value: string): string | null {
  const head = Buffer.from(value.slice(SEALED_PREFIX.length, SEALED_PREFIX.length + 120), 'base64');
  const length = head[1] ?? 0;
  if (head[0] !== 1 || length === 0 || head.length < 2 + length) return null;
  return head.subarray(2, 2 + length).toString('utf8');
}

function ownerOf(orgId: string, contactId: string | null): string {
  return contactId === null ? orgId : `${orgId}:${contactId}`;
}

function wrapContext(id: string, orgId: string): string {
  return `data_keys:${id}:${orgId}`;
}

function isTransaction(db: DbOrTx): boolean {
  return typeof (db as { rollback?: unknown }).rollback === 'function';
}
