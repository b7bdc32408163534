import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FieldCipher,
  FieldCipherError,
  keyIdFor,
  loadOrCreateKeyFile,
  parseKeySetting,
} from './field-cipher.ts';

const keyA = Buffer.alloc(32, 0xa1);
const keyB = Buffer.alloc(32, 0xb2);

function problemOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof FieldCipherError) return error.problem;
    throw error;
  }
  return 'no error';
}

describe('FieldCipher', () => {
  const cipher = new FieldCipher({ keys: { a: keyA }, currentKeyId: 'a' });

  it('round-trips bytes and text, with a fresh IV each time', () => {
    const plain = Buffer.from('Résultats: HbA1c 6.1 %');

    expect(cipher.decrypt(cipher.encrypt(plain, 'org-1'), 'org-1')).toEqual(plain);
    expect(cipher.decrypt(cipher.encrypt(Buffer.alloc(0)))).toEqual(Buffer.alloc(0));
    expect(cipher.decryptText(cipher.encryptText('Mme Dupont', 'contact:42'), 'contact:42')).toBe(
      'Mme Dupont',
    );
    expect(cipher.encrypt(plain)).not.toEqual(cipher.encrypt(plain));
  });

  it('writes a self-describing envelope: version, key id, IV, tag, ciphertext', () => {
    const envelope = cipher.encrypt(Buffer.from('hello'));

    expect(envelope[0]).toBe(1);
    expect(envelope[1]).toBe(1);
    expect(envelope.subarray(2, 3).toString()).toBe('a');
    expect(envelope.length).toBe(3 + 12 + 16 + 5);
    expect(cipher.keyIdOf(envelope)).toBe('a');
  });

  it('detects a flipped bit in any byte of the envelope', () => {
    const envelope = cipher.encrypt(Buffer.from('a patient message'), 'aad');

    for (let index = 0; index < envelope.length; index += 1) {
      const tampered = Buffer.from(envelope);
      tampered[index] = (tampered[index] ?? 0) ^ 0x01;
      expect(() => cipher.decrypt(tampered, 'aad'), `byte ${index}`).toThrow(FieldCipherError);
    }
    expect(problemOf(() => cipher.decrypt(envelope.subarray(0, 20), 'aad'))).toBe('malformed');
    expect(problemOf(() => cipher.decryptText('not base64!'))).toBe('malformed');
  });

  it('refuses other associated data', () => {
    const envelope = cipher.encrypt(Buffer.from('x'), 'org-1');

    expect(problemOf(() => cipher.decrypt(envelope, 'org-2'))).toBe('authentication_failed');
    expect(problemOf(() => cipher.decrypt(envelope))).toBe('authentication_failed');
  });

  it('keeps decrypting old envelopes after a new key becomes current', () => {
    const old = cipher.encrypt(Buffer.from('sealed with a'), 'aad');
    const rotated = new FieldCipher({ keys: { b: keyB, a: keyA }, currentKeyId: 'b' });
    const fresh = rotated.encrypt(Buffer.from('sealed with b'), 'aad');

    expect(rotated.decrypt(old, 'aad').toString()).toBe('sealed with a');
    expect(rotated.keyIdOf(fresh)).toBe('b');
    expect(problemOf(() => cipher.decrypt(fresh, 'aad'))).toBe('unknown_key');
  });

  it('detects a different key under the same id', () => {
    const envelope = cipher.encrypt(Buffer.from('x'));
    const impostor = new FieldCipher({ keys: { a: keyB }, currentKeyId: 'a' });

    expect(problemOf(() => impostor.decrypt(envelope))).toBe('authentication_failed');
  });

  it('refuses bad keys and ids at construction', () => {
    expect(problemOf(() => new FieldCipher({ keys: { a: randomBytes(16) }, currentKeyId: 'a' }))).toBe(
      'invalid_key',
    );
    expect(problemOf(() => new FieldCipher({ keys: { a: keyA }, currentKeyId: 'b' }))).toBe('invalid_key');
    expect(problemOf(() => new FieldCipher({ keys: { 'a:b': keyA }, currentKeyId: 'a:b' }))).toBe(
      'invalid_key',
    );
  });
});

describe('parseKeySetting', () => {
  const a64 = keyA.toString('base64');
  const b64 = keyB.toString('base64');

  it('reads one bare key, named after the key', () => {
    expect(parseKeySetting(a64)).toEqual({ keys: { [keyIdFor(keyA)]: keyA }, currentKeyId: keyIdFor(keyA) });
    expect(keyIdFor(keyA)).toMatch(/^k[0-9a-f]{12}$/);
  });

  it('reads a list whose first key is current; a bare key keeps its derived id', () => {
    const setting = parseKeySetting(` 2025:${b64} , ${a64}`);

    expect(setting.currentKeyId).toBe('2025');
    expect(setting.keys).toEqual({ '2025': keyB, [keyIdFor(keyA)]: keyA });
    const before = FieldCipher.forKey(keyA).encrypt(Buffer.from('x'));
    expect(new FieldCipher(setting).decrypt(before).toString()).toBe('x');
  });

  it('explains a bad setting without echoing the key', () => {
    const short = randomBytes(16).toString('base64');
    for (const value of ['', ' , ', short, `a:${a64},a:${b64}`, `bad id:${a64}`, 'a:***']) {
      expect(() => parseKeySetting(value), value).toThrow(FieldCipherError);
    }
    expect(() => parseKeySetting(short)).toThrow(/not 32 bytes in base64/);
    try {
      parseKeySetting(short);
    } catch (error) {
      expect(String(error)).not.toContain(short);
    }
  });
});

describe('loadOrCreateKeyFile', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  function tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'careline-key-'));
    dirs.push(dir);
    return dir;
  }

  it('creates a 32-byte key readable by its owner only, then reads the same key back', () => {
    const path = join(tempDir(), 'nested', 'secret.key');

    const created = loadOrCreateKeyFile(path);

    expect(created.length).toBe(32);
    expect(Buffer.from(readFileSync(path, 'utf8').trim(), 'base64')).toEqual(created);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadOrCreateKeyFile(path)).toEqual(created);
  });

  it('reads an existing key file and refuses one that is not a key', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'good.key'), `${keyA.toString('base64')}\n`);
    writeFileSync(join(dir, 'bad.key'), 'hunter2\n');

    expect(loadOrCreateKeyFile(join(dir, 'good.key'))).toEqual(keyA);
    expect(() => loadOrCreateKeyFile(join(dir, 'bad.key'))).toThrow(FieldCipherError);
  });
});
