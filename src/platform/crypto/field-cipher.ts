import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface FieldCipherKeys {
  /** Key id → 32-byte AES-256 key. Ids are written into every envelope; they are not secret. */
  keys: Record<string, Buffer>;
  /** The key new envelopes are encrypted with; the others only decrypt. */
  currentKeyId: string;
}

export type FieldCipherProblem = 'invalid_key' | 'unknown_key' | 'malformed' | 'authentication_failed';

/** A key that cannot be used, or an envelope that does not decrypt. Messages never contain key material. */
export class FieldCipherError extends Error {
  override name = 'FieldCipherError';
  readonly problem: FieldCipherProblem;

  constructor(problem: FieldCipherProblem, message: string) {
    super(message);
    this.problem = problem;
  }
}

/**
 * AES-256-GCM envelope encryption with key ids, so keys can rotate: an envelope names the key that
 * sealed it, and old keys stay configured (not current) until everything they sealed is re-encrypted.
 *
 * Envelope: version (1 byte) | key id length (1 byte) | key id (UTF-8) | IV (12) | tag (16) | ciphertext.
 * The header (version and key id) is authenticated along with the associated data, so no byte of the
 * envelope can change without decryption failing.
 */
export class FieldCipher {
  readonly currentKeyId: string;
  private readonly keys: ReadonlyMap<string, Buffer>;

  constructor({ keys, currentKeyId }: FieldCipherKeys) {
    const entries = Object.entries(keys);
    for (const [id, key] of entries) checkKey(id, key);
    if (!entries.some(([id]) => id === currentKeyId)) {
      throw new FieldCipherError('invalid_key', `The current key id "${currentKeyId}" has no key`);
    }
    // Copies, so a caller zeroing or reusing its buffers cannot change the keys under us.
    this.keys = new Map(entries.map(([id, key]) => [id, Buffer.from(key)]));
    this.currentKeyId = currentKeyId;
  }

  /** A cipher with one key, named after the key itself (see {@link keyIdFor}). */
  static forKey(key: Buffer): FieldCipher {
    const id = keyIdFor(key);
    return new FieldCipher({ keys: { [id]: key }, currentKeyId: id });
  }

  encrypt(plain: Buffer, associatedData = ''): Buffer {
    const keyId = Buffer.from(this.currentKeyId, 'utf8');
    const header = Buffer.concat([Buffer.from([VERSION, keyId.length]), keyId]);
    const iv = randomBytes(IV_LENGTH);
    const cipher = createCipheriv('aes-256-gcm', this.key(this.currentKeyId), iv, {
      authTagLength: TAG_LENGTH,
    });
    cipher.setAAD(Buffer.concat([header, Buffer.from(associatedData, 'utf8')]));
    const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([header, iv, cipher.getAuthTag(), ciphertext]);
  }

  /** Throws {@link FieldCipherError} on an unknown key id, any changed byte, or other associated data. */
  decrypt(envelope: Buffer, associatedData = ''): Buffer {
    const { header, keyId, iv, tag, ciphertext } = splitEnvelope(envelope);
    const decipher = createDecipheriv('aes-256-gcm', this.key(keyId), iv, { authTagLength: TAG_LENGTH });
    decipher.setAAD(Buffer.concat([header, Buffer.from(associatedData, 'utf8')]));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    } catch {
      throw new FieldCipherError(
        'authentication_failed',
        `Encrypted data did not authenticate with key "${keyId}": it was altered, belongs elsewhere ` +
          '(other associated data), or the key under that id changed',
      );
    }
  }

  /** Encrypts text into a base64 envelope, for a text column. */
  encryptText(plain: string, associatedData?: string): string {
    return this.encrypt(Buffer.from(plain, 'utf8'), associatedData).toString('base64');
  }

  decryptText(envelope: string, associatedData?: string): string {
    if (!BASE64.test(envelope)) throw new FieldCipherError('malformed', 'Encrypted text is not base64');
    return this.decrypt(Buffer.from(envelope, 'base64'), associatedData).toString('utf8');
  }

  /** The id of the key that sealed an envelope: re-encrypt when it is not {@link currentKeyId}. */
  keyIdOf(envelope: Buffer): string {
    return splitEnvelope(envelope).keyId;
  }

  private key(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key) {
      throw new FieldCipherError(
        'unknown_key',
        `Encrypted with key "${id}", which is not configured: add that key back to the key setting (not first)`,
      );
    }
    return key;
  }
}

/**
 * Reads a key setting such as `CARELINE_SECRET_KEY`: one base64 key (32 bytes), or a comma-separated
 * list whose first entry is current, each `keyId:base64` or a bare base64 key. A bare key's id is
 * derived from the key ({@link keyIdFor}), so a key first used alone keeps its id when listed later.
 */
export function parseKeySetting(value: string): FieldCipherKeys {
  const keys: Record<string, Buffer> = {};
  let currentKeyId: string | null = null;
  for (const entry of value.split(',').map((part) => part.trim())) {
    if (entry === '') continue;
    const colon = entry.indexOf(':');
    const key = decodeKey(colon === -1 ? entry : entry.slice(colon + 1));
    const id = colon === -1 ? keyIdFor(key) : entry.slice(0, colon).trim();
    checkKey(id, key);
    if (Object.hasOwn(keys, id)) throw new FieldCipherError('invalid_key', `Key id "${id}" is listed twice`);
    keys[id] = key;
    currentKeyId ??= id;
  }
  if (currentKeyId === null) throw new FieldCipherError('invalid_key', 'The key setting is empty');
  return { keys, currentKeyId };
}

/**
 * Reads a base64 32-byte key from a file, or creates the file with a new random key, readable by its
 * owner only (0600). Creation is atomic and never replaces a file another process wrote first.
 */
export function loadOrCreateKeyFile(path: string): Buffer {
  try {
    return decodeKey(readFileSync(path, 'utf8').trim(), path);
  } catch (error) {
    if (!hasCode(error, 'ENOENT')) throw error;
  }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, `${randomBytes(KEY_LENGTH).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
    chmodSync(temp, 0o600);
    // link fails if the file exists: the first writer wins and everyone reads its key.
    linkSync(temp, path);
  } catch (error) {
    if (!hasCode(error, 'EEXIST')) throw error;
  } finally {
    rmSync(temp, { force: true });
  }
  return decodeKey(readFileSync(path, 'utf8').trim(), path);
}

/** A key's default id: `k` and 12 hex digits of its SHA-256 (safe to show; says nothing of the key). */
export function keyIdFor(key: Buffer): string {
  return `k${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

const VERSION = 1;
const KEY_LENGTH = 32;
const IV_LENGTH = 12;
const TAG_LENGTH = 16;
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

function splitEnvelope(envelope: Buffer) {
  if (envelope.length < 2 || envelope[0] !== VERSION) {
    throw new FieldCipherError('malformed', 'Not an encrypted envelope of a known version');
  }
  const idEnd = 2 + (envelope[1] ?? 0);
  const ivEnd = idEnd + IV_LENGTH;
  const tagEnd = ivEnd + TAG_LENGTH;
  if (envelope.length < tagEnd) throw new FieldCipherError('malformed', 'Encrypted envelope is truncated');
  return {
    header: envelope.subarray(0, idEnd),
    keyId: envelope.subarray(2, idEnd).toString('utf8'),
    iv: envelope.subarray(idEnd, ivEnd),
    tag: envelope.subarray(ivEnd, tagEnd),
    ciphertext: envelope.subarray(tagEnd),
  };
}

function checkKey(id: string, key: Buffer): void {
  if (!KEY_ID.test(id)) {
    throw new FieldCipherError('invalid_key', `Key id "${id}" must be 1-64 letters, digits, ".", "_" or "-"`);
  }
  if (key.length !== KEY_LENGTH) {
    throw new FieldCipherError('invalid_key', `Key "${id}" is ${key.length} bytes; AES-256 needs 32`);
  }
}

function decodeKey(base64: string, source = 'the key setting'): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (base64 === '' || !BASE64.test(base64) || key.length !== KEY_LENGTH) {
    throw new FieldCipherError(
      'invalid_key',
      `A key in ${source} is not 32 bytes in base64 (make one with: openssl rand -base64 32)`,
    );
  }
  return key;
}

function hasCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
