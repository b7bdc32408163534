import type { Command } from 'commander';
import { findAccountByEmail } from '../modules/auth/sign-in.repository.ts';
import { resetTwoFactorOf } from '../modules/auth/two-factor.service.ts';
import { withDatabase } from './with-database.ts';

/**
 * The way back in when the clinic's only administrator lost both phone and recovery codes (another
 * administrator resets colleagues from Settings › Staff).
 */
export function registerTwoFactorCommands(program: Command): void {
  program
    .command('reset-two-factor')
    .description(
      'Turn off a person’s two-factor sign-in (lost phone and recovery codes) and sign them out everywhere',
    )
    .requiredOption('--email <email>', 'their sign-in e-mail')
    .action((o: { email: string }) =>
      withDatabase(async (db) => {
        const account = await findAccountByEmail(db, o.email.trim());
        if (!account || !(await resetTwoFactorOf(db, account.org.id, account.user.id))) {
          process.stderr.write(`No active account with the e-mail ${o.email}\n`);
          process.exitCode = 2;
          return;
        }
        process.stdout.write(
          `Two-factor sign-in is off for ${account.user.email} (${account.org.slug}); ` +
            `if the clinic requires it, they set it up again after their password.\n`,
        );
      }),
    );
}
