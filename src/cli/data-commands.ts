import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { createApiKey } from '../modules/auth/api-key.service.ts';
import { listChannelAccountsOfOrg } from '../modules/channel-accounts/channel-account.repository.ts';
import { businessAccountIdOf } from '../modules/channel-accounts/channel-account.service.ts';
import { addWhatsAppAccount } from '../modules/channel-accounts/whatsapp-account.service.ts';
import { installBuiltInFlows } from '../modules/flows/flow.service.ts';
import { Keyring } from '../modules/keys/keyring.ts';
import { createOrg, requireOrg } from '../modules/orgs/org.service.ts';
import { enqueueTemplateSync } from '../modules/templates/template-sync-queue.ts';
import { createUser } from '../modules/users/user.service.ts';
import { masterCipherFor } from '../platform/crypto/master-key.ts';
import { registerChannelCommands } from './channel-commands.ts';
import { readSecret, type SecretSource } from './secret-input.ts';
import { withDatabase } from './with-database.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);

const PASSWORD: SecretSource = { flag: '--password', env: 'CARELINE_USER_PASSWORD', label: 'Password' };
const ACCESS_TOKEN: SecretSource = {
  flag: '--access-token',
  env: 'WHATSAPP_ACCESS_TOKEN',
  label: 'System User access token',
};
const APP_SECRET: SecretSource = {
  flag: '--app-secret',
  env: 'WHATSAPP_APP_SECRET',
  label: 'Meta app secret',
};
const VERIFY_TOKEN: SecretSource = {
  flag: '--verify-token',
  env: 'WHATSAPP_VERIFY_TOKEN',
  label: 'Webhook verify token',
};

/** Operator commands that change the database: clinics, people, keys, channels. */
export function registerDataCommands(program: Command): void {
  program
    .command('migrate')
    .description('Apply database migrations (the server also does it at start)')
    .action(async () => {
      await withDatabase(async () => say('Database is up to date.'));
    });

  program
    .command('create-org')
    .description('Create a clinic (tenant)')
    .requiredOption('--name <name>', 'display name, e.g. "Cabinet Pasteur"')
    .option('--slug <slug>', 'short unique name used by other commands (default: from the name)')
    .option('--time-zone <iana>', 'IANA time zone of the clinic', 'Europe/Paris')
    .option(
      '--kind <kind>',
      'clinic, or pharmacy (receives prescription orders from paired clinics)',
      'clinic',
    )
    .action((o: { name: string; slug?: string; timeZone: string; kind: string }) =>
      withDatabase(async (db) => {
        if (o.kind !== 'clinic' && o.kind !== 'pharmacy') throw new Error('--kind: clinic or pharmacy');
        const org = await createOrg(db, {
          name: o.name,
          timeZone: o.timeZone,
          kind: o.kind,
          ...(o.slug ? { slug: o.slug } : {}),
        });
        say(
          `Created ${o.kind === 'pharmacy' ? 'pharmacy' : 'clinic'} "${org.name}"  slug=${org.slug}  id=${org.id}`,
        );
      }),
    );

  program
    .command('create-user')
    .description('Create a staff account in a clinic')
    .requiredOption('--org <slug-or-id>', 'the clinic')
    .requiredOption('--email <email>', 'sign-in e-mail')
    .option('--password <password>', 'at least 12 characters (better: CARELINE_USER_PASSWORD, or be asked)')
    .requiredOption('--role <role>', 'admin, supervisor, agent, clinician or auditor (README › Roles)')
    .option('--name <name>', 'display name')
    .action(async (o: { org: string; email: string; password?: string; role: string; name?: string }) => {
      const password = await readSecret(PASSWORD, o.password);
      await withDatabase(async (db) => {
        const org = await requireOrg(db, o.org);
        const user = await createUser(db, {
          orgId: org.id,
          email: o.email,
          password,
          role: o.role as 'admin',
          ...(o.name ? { name: o.name } : {}),
        });
        say(`Created ${user.role} ${user.email} in ${org.slug}  id=${user.id}`);
      });
    });

  program
    .command('create-api-key')
    .description('Issue an API key for a clinic (shown once; only its hash is stored)')
    .requiredOption('--org <slug-or-id>', 'the clinic')
    .option('--name <name>', 'what the key is for', 'default')
    .action((o: { org: string; name: string }) =>
      withDatabase(async (db) => {
        const org = await requireOrg(db, o.org);
        const { key, record } = await createApiKey(db, org.id, o.name);
        say(key);
        process.stderr.write(
          `API key "${record.name}" for ${org.slug} (id ${record.id}). It will not be shown again.\n`,
        );
      }),
    );

  program
    .command('install-flows')
    .description('Install the built-in automation flows in a clinic (FAQ menu, symptom intake, survey…)')
    .requiredOption('--org <slug-or-id>', 'the clinic')
    .action((o: { org: string }) =>
      withDatabase(async (db) => {
        const org = await requireOrg(db, o.org);
        const installed = await installBuiltInFlows(db, org.id);
        say(
          installed.length > 0
            ? `Installed in ${org.slug}: ${installed.join(', ')}`
            : `${org.slug} already has them`,
        );
        say(
          'They hand patients to teams named Accueil, Médecine générale, Pédiatrie, Dermatologie, Infirmiers.',
        );
      }),
    );

  program
    .command('sync-templates')
    .description('Queue a refresh of the clinic’s WhatsApp message templates from Meta (the server runs it)')
    .requiredOption('--org <slug-or-id>', 'the clinic')
    .action((o: { org: string }) =>
      withDatabase(async (db) => {
        const org = await requireOrg(db, o.org);
        const accounts = (await listChannelAccountsOfOrg(db, org.id)).filter(
          (a) => businessAccountIdOf(a) !== null,
        );
        for (const account of accounts) await enqueueTemplateSync(db, account);
        say(`Template sync queued for ${accounts.length} WhatsApp number(s) of ${org.slug}.`);
      }),
    );

  program
    .command('add-whatsapp-channel')
    .description('Connect a WhatsApp Business phone number (Cloud API) to a clinic')
    .requiredOption('--org <slug-or-id>', 'the clinic')
    .requiredOption('--phone-number-id <id>', 'Meta’s phone number id (not the phone number)')
    .option('--access-token <token>', 'System User access token (better: WHATSAPP_ACCESS_TOKEN, or be asked)')
    .option('--app-secret <secret>', 'the Meta app secret (better: WHATSAPP_APP_SECRET, or be asked)')
    .option(
      '--verify-token <token>',
      'the token you type in Meta’s webhook settings (or WHATSAPP_VERIFY_TOKEN)',
    )
    .option('--graph-url <url>', 'Graph API base URL (a simulator’s, for tests)')
    .option('--api-version <version>', 'Graph API version, e.g. v25.0')
    .option('--waba-id <id>', 'WhatsApp Business Account id')
    .option('--display-phone-number <number>', 'the number patients see, e.g. +33180000000')
    .option('--name <name>', 'label shown to agents')
    .option('--messages-per-second <n>', 'the number’s throughput at Meta: 80 by default, up to 1000')
    .option('--no-mark-as-read', 'do not send read receipts when an agent opens a conversation')
    .action(
      async (o: {
        org: string;
        phoneNumberId: string;
        accessToken?: string;
        appSecret?: string;
        verifyToken?: string;
        graphUrl?: string;
        apiVersion?: string;
        wabaId?: string;
        displayPhoneNumber?: string;
        name?: string;
        messagesPerSecond?: string;
        markAsRead: boolean;
      }) => {
        const secrets = {
          accessToken: await readSecret(ACCESS_TOKEN, o.accessToken),
          appSecret: await readSecret(APP_SECRET, o.appSecret),
          verifyToken: await readSecret(VERIFY_TOKEN, o.verifyToken),
        };
        await withDatabase(async (db) => {
          const config = loadConfig();
          const org = await requireOrg(db, o.org);
          const { org: _ref, messagesPerSecond, ...input } = o;
          const account = await addWhatsAppAccount(
            db,
            new Keyring(masterCipherFor(config.secretKey)),
            {
              ...input,
              ...secrets,
              orgId: org.id,
              ...(messagesPerSecond ? { messagesPerSecond: Number(messagesPerSecond) } : {}),
            },
            config.whatsapp,
          );
          say(`Connected WhatsApp number ${account.externalId} to ${org.slug}  id=${account.id}`);
          if (businessAccountIdOf(account) !== null) {
            await enqueueTemplateSync(db, account);
            say('Its message templates will be synced from Meta by the running server.');
          }
          say(`Meta callback URL: ${config.publicUrl}/webhooks/whatsapp  (verify token as given)`);
        });
      },
    );

  registerChannelCommands(program);
}
