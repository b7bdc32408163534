import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { FieldCipher, loadOrCreateKeyFile, parseKeySetting } from './field-cipher.ts';

/** Where the master key comes from: the CARELINE_SECRET_KEY setting, or a key file made once. */
export type MasterKeySource = { setting: string } | { keyFile: string };

/**
 * The master key: it encrypts media files and the webhook journal, and wraps every clinic's and
 * patient's data key. CARELINE_SECRET_KEY, or a key file created once in the data directory.
 */
export function masterCipherFor(source: MasterKeySource): FieldCipher {
  if ('setting' in source) return new FieldCipher(parseKeySetting(source.setting));
  mkdirSync(dirname(source.keyFile), { recursive: true });
  return FieldCipher.forKey(loadOrCreateKeyFile(source.keyFile));
}
