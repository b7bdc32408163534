import { randomBytes } from 'node:crypto';
import { Keyring } from '../../src/modules/keys/keyring.ts';
import { FieldCipher } from '../../src/platform/crypto/field-cipher.ts';

/**
 * The keyring of tests that work on a database without a running Careline: one master key per test
 * process, so every helper that writes patients and every service that reads them agree.
 */
export const testKeyring = new Keyring(FieldCipher.forKey(randomBytes(32)));
