import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { Keyring } from '../modules/keys/keyring.ts';
import { rotateDataKeys } from '../modules/keys/rotate-data-keys.ts';
import { sealInPlace } from '../modules/keys/seal-in-place.ts';
import { masterCipherFor } from '../platform/crypto/master-key.ts';
import { SEAL_STEPS } from '../seal-existing-data.ts';
import { withDatabase } from './with-database.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);

/** Operator commands about the keys that protect data at rest. */
export function registerKeyCommands(program: Command): void {
  program
    .command('rotate-keys')
    .description(
      'Re-wrap every clinic and patient data key with the first key of CARELINE_SECRET_KEY (run while serving)',
    )
    .option('--batch-size <n>', 'keys re-wrapped per round trip', '500')
    .action((o: { batchSize: string }) =>
      withDatabase(async (db) => {
        const master = masterCipherFor(loadConfig().secretKey);
        const batchSize = Number.parseInt(o.batchSize, 10);
        if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
          throw new Error('--batch-size must be a whole number from 1 to 10000');
        }
        const report = await rotateDataKeys(db, master, { batchSize });
        say(
          `Data keys: ${report.checked} checked, ${report.rewrapped} re-wrapped with master key "${master.currentKeyId}".`,
        );
      }),
    );

  program
    .command('seal-existing-data')
    .description('Encrypt what an older version stored in plain text (the server also does it after start)')
    .action(() =>
      withDatabase(async (db) => {
        const keyring = new Keyring(masterCipherFor(loadConfig().secretKey));
        const reports = await sealInPlace(db, keyring, SEAL_STEPS);
        for (const { step, sealed } of reports) say(`${step}: ${sealed} sealed`);
        say('Nothing is left in plain text.');
      }),
    );
}
