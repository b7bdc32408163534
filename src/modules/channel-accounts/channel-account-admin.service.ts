import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { isForeignKeyViolation } from '../../platform/db/foreign-key-violation.ts';
import { isUniqueViolation } from '../../platform/db/unique-violation.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { Keyring } from '../keys/keyring.ts';
import {
  deleteChannelAccount,
  findChannelAccount,
  findChannelAccountByExternalId,
  insertChannelAccount,
  updateChannelAccount,
} from './channel-account.repository.ts';
import type { ChannelAccount, ChannelSettings } from './channel-account.schema.ts';
import { ChannelAccountError } from './channel-account-error.ts';
import type { ChannelAccountSetup, ChannelAccountSetups } from './channel-account-setup.ts';
import type { ChangeActor, ChangeRecorder } from './channel-change-audit.ts';
import { sealChannelSecrets } from './channel-secrets.ts';
import type { ChannelType } from './channel-types.ts';
import { webhookUrlOf } from './channel-webhook-url.ts';

export interface ChannelAdminDeps {
  db: Db;
  keyring: Keyring;
  clock: Clock;
  setups: ChannelAccountSetups;
  /** How providers reach this Careline (PUBLIC_URL): webhook URLs are built on it. */
  publicUrl: string;
  /** The audit trail every change is written to, in the change's transaction. */
  recordChange: ChangeRecorder;
}

export interface NewChannelAccount {
  type: ChannelType;
  name?: string | undefined;
  /** The provider's id when it cannot be read from the secrets (a Page id, an Instagram account id). */
  externalId?: string | undefined;
  settings?: Record<string, unknown> | undefined;
  secrets: Record<string, unknown>;
}

export interface ChannelAccountChange {
  name?: string | undefined;
  /** Settings to change; the others are kept. */
  settings?: Record<string, unknown> | undefined;
  /** The whole set of secrets, replacing the stored one. */
  secrets?: Record<string, unknown> | undefined;
}

const MAX_NAME = 200;

/**
 * Connects an account of any channel Careline has an adapter for. The secrets are checked by the
 * adapter's schema and sealed with the clinic key; a Telegram bot is told its webhook URL first (an
 * account Telegram refuses is not stored). One provider account belongs to one clinic: a second
 * connection of it, here or in another clinic, is a `duplicate`. Audited as `channel-add`.
 */
export async function addChannelAccount(
  deps: ChannelAdminDeps,
  orgId: string,
  actor: ChangeActor,
  input: NewChannelAccount,
): Promise<ChannelAccount> {
  const setup = setupOf(deps.setups, input.type);
  const secrets = parseSecrets(setup, input.secrets);
  const settings = parse(setup.settingsSchema, input.settings ?? {}, 'settings');
  const externalId = await externalIdOf(setup, settings, secrets, input.externalId);
  const name = nameOf(input.name) ?? setup.defaultName(externalId);
  if (await findChannelAccountByExternalId(deps.db, input.type, externalId)) {
    throw duplicate(input.type, externalId);
  }
  const id = randomUUID();
  const url = setup.registerWebhook ? webhookUrl(deps, { id, type: input.type }) : null;
  if (url !== null && !setup.webhookCheckedAtOnce) {
    await auditWouldTake(deps, (tx) => audit(deps, tx, orgId, actor, 'channel-add', 'C', id));
    await register(setup, { id, externalId, settings, secrets }, url);
  }
  let added: ChannelAccount;
  try {
    added = await deps.db.transaction(async (tx) => {
      const account = await insertChannelAccount(tx, {
        id,
        orgId,
        type: input.type,
        name,
        externalId,
        settings,
        secrets: await sealChannelSecrets(tx, deps.keyring, orgId, secrets),
      });
      await audit(deps, tx, orgId, actor, 'channel-add', 'C', id);
      return account;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(input.type, externalId);
    throw error;
  }
  if (setup.webhookCheckedAtOnce && url !== null) {
    try {
      await register(setup, { id, externalId, settings, secrets }, url);
    } catch (error) {
      // The provider would not deliver to it: the account goes again, as its removal is recorded.
      await deps.db.transaction(async (tx) => {
        await deleteChannelAccount(tx, orgId, id);
        await audit(deps, tx, orgId, actor, 'channel-remove', 'D', id);
      });
      throw error;
    }
  }
  return added;
}

/**
 * Renames an account, changes some of its settings, or replaces its secrets (a new access token, a
 * Telegram bot's token after /revoke: its webhook is registered again with the new secrets). A token of
 * another bot or Page is refused: that is another account. Each kind of change is audited on its own.
 */
export async function updateChannelAccountOfClinic(
  deps: ChannelAdminDeps,
  orgId: string,
  actor: ChangeActor,
  id: string,
  change: ChannelAccountChange,
): Promise<ChannelAccount> {
  const account = await findChannelAccount(deps.db, orgId, id);
  if (!account) throw new ChannelAccountError('not_found', 'Channel not found');
  const setup = setupOf(deps.setups, account.type);
  const name = change.name === undefined ? undefined : nameOf(change.name);
  if (change.name !== undefined && name === undefined) {
    throw ChannelAccountError.invalid('name', 'must not be empty');
  }
  const settingsPatch =
    change.settings === undefined ? undefined : parse(setup.settingsSchema, change.settings, 'settings');
  const settings = settingsPatch === undefined ? undefined : { ...account.settings, ...settingsPatch };
  const secrets = change.secrets === undefined ? undefined : parseSecrets(setup, change.secrets);
  if (secrets && setup.externalId.from !== 'input') {
    const externalId = await externalIdOf(setup, settings ?? account.settings, secrets, undefined);
    if (externalId !== account.externalId) {
      const field = Object.keys(change.secrets ?? {})[0] ?? 'secrets';
      throw ChannelAccountError.invalid(
        `secrets.${field}`,
        `belongs to another account (${externalId}, not ${account.externalId}): add it as a new channel`,
      );
    }
  }
  if (secrets && setup.registerWebhook) {
    await auditWouldTake(deps, (tx) => audit(deps, tx, orgId, actor, 'channel-secrets', 'U', id));
    await register(
      setup,
      { id, externalId: account.externalId, settings: settings ?? account.settings, secrets },
      webhookUrl(deps, account),
    );
  }
  return deps.db.transaction(async (tx) => {
    const updated = await updateChannelAccount(tx, orgId, id, {
      ...(name !== undefined ? { name } : {}),
      ...(settings !== undefined ? { settings } : {}),
      ...(secrets !== undefined
        ? { secrets: await sealChannelSecrets(tx, deps.keyring, orgId, secrets) }
        : {}),
    });
    if (!updated) throw new ChannelAccountError('not_found', 'Channel not found');
    if (name !== undefined) await audit(deps, tx, orgId, actor, 'channel-rename', 'U', id);
    if (settings !== undefined) await audit(deps, tx, orgId, actor, 'channel-settings', 'U', id);
    if (secrets !== undefined) await audit(deps, tx, orgId, actor, 'channel-secrets', 'U', id);
    return updated;
  });
}

/**
 * Removes an account nobody has written through yet (one added by mistake, a wrong Page id). An account
 * with conversations, messages, files or received webhooks is refused (`in_use`): their history keeps
 * pointing at it, and Careline does not erase a clinic's conversations as a side effect of a setting.
 * Audited as `channel-remove`.
 */
export async function removeChannelAccount(
  deps: ChannelAdminDeps,
  orgId: string,
  actor: ChangeActor,
  id: string,
): Promise<void> {
  try {
    await deps.db.transaction(async (tx) => {
      if (!(await deleteChannelAccount(tx, orgId, id))) {
        throw new ChannelAccountError('not_found', 'Channel not found');
      }
      await audit(deps, tx, orgId, actor, 'channel-remove', 'D', id);
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) {
      throw new ChannelAccountError(
        'in_use',
        'This channel has conversations (or received messages): they keep it, so it cannot be removed',
      );
    }
    throw error;
  }
}

function setupOf(setups: ChannelAccountSetups, type: ChannelType): ChannelAccountSetup {
  const setup = setups[type];
  if (!setup) throw ChannelAccountError.invalid('type', `Careline cannot connect ${type} accounts yet`);
  return setup;
}

function parseSecrets(setup: ChannelAccountSetup, given: Record<string, unknown>): Record<string, unknown> {
  return parse(setup.secretsSchema, setup.completeSecrets ? setup.completeSecrets(given) : given, 'secrets');
}

function parse<T>(schema: z.ZodType<T>, value: unknown, prefix: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => {
    const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const path = [prefix, ...issue.path.map(String), ...(unknownKey ? [unknownKey] : [])].join('.');
    return { field: path, message: unknownKey ? 'is not a setting of this channel' : issue.message };
  });
  const first = fields[0] ?? { field: prefix, message: 'is not valid' };
  throw new ChannelAccountError('invalid', `${first.field}: ${first.message}`, fields);
}

async function externalIdOf(
  setup: ChannelAccountSetup,
  settings: ChannelSettings,
  secrets: Record<string, unknown>,
  given: string | undefined,
): Promise<string> {
  const rule = setup.externalId;
  if (rule.from === 'secrets') return rule.of(secrets);
  if (rule.from === 'provider') {
    const found = await rule.lookUp(settings, secrets);
    if (!found.ok) throw ChannelAccountError.invalid(`secrets.${rule.secret}`, found.title);
    return found.externalId;
  }
  const value = given?.trim() ?? '';
  if (value === '') throw ChannelAccountError.invalid('externalId', `is required: ${rule.hint}`);
  if (!rule.pattern.test(value)) throw ChannelAccountError.invalid('externalId', rule.hint);
  return value;
}

function nameOf(name: string | undefined): string | undefined {
  const trimmed = name?.trim();
  if (trimmed === undefined || trimmed === '') return undefined;
  if (trimmed.length > MAX_NAME)
    throw ChannelAccountError.invalid('name', `is at most ${MAX_NAME} characters`);
  return trimmed;
}

function duplicate(type: ChannelType, externalId: string): ChannelAccountError {
  return new ChannelAccountError(
    'duplicate',
    `This ${type} account (${externalId}) is already connected to Careline`,
    [{ field: 'externalId', message: 'is already connected' }],
  );
}

function webhookUrl(deps: ChannelAdminDeps, account: { id: string; type: ChannelType }): string {
  const url = webhookUrlOf(deps.publicUrl, account);
  if (url === null)
    throw ChannelAccountError.invalid('type', `Careline has no webhook for ${account.type} yet`);
  return url;
}

async function register(
  setup: ChannelAccountSetup,
  account: Parameters<NonNullable<ChannelAccountSetup['registerWebhook']>>[0],
  url: string,
): Promise<void> {
  const outcome = await setup.registerWebhook?.(account, url);
  if (outcome && !outcome.ok) {
    throw new ChannelAccountError('webhook_refused', `The webhook could not be registered: ${outcome.title}`);
  }
}

/** Ends the trial of a change's record: nothing of it is kept. */
class TrialOver extends Error {
  override name = 'TrialOver';
}

/**
 * Throws `reason_required` when the audit would refuse the change `record` writes down, asked before
 * the provider is told anything: refused after that, it would leave Telegram delivering to a webhook,
 * with a secret, that Careline does not have. The record is tried in a transaction of its own and
 * never kept; the one written with the change still decides.
 */
async function auditWouldTake(deps: ChannelAdminDeps, record: (tx: Tx) => Promise<void>): Promise<void> {
  try {
    await deps.db.transaction(async (tx) => {
      await record(tx);
      throw new TrialOver();
    });
  } catch (error) {
    if (!(error instanceof TrialOver)) throw error;
  }
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

async function audit(
  deps: ChannelAdminDeps,
  tx: Tx,
  orgId: string,
  actor: ChangeActor,
  subtype: string,
  action: 'C' | 'U' | 'D',
  id: string,
): Promise<void> {
  const recorded = await deps.recordChange(tx, {
    orgId,
    recorded: deps.clock.now(),
    actor,
    subtype,
    action,
    entity: { type: 'ChannelAccount', id },
  });
  if (!recorded) {
    throw new ChannelAccountError(
      'reason_required',
      'Your role must give a reason in this clinic: send it in the X-Access-Reason header',
    );
  }
}
