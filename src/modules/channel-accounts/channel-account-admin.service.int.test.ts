import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import { testKeyring } from '../../../test/support/test-keyring.ts';
import { channelAccountSetups } from '../../channel-account-setups.ts';
import {
  type BotApiStandIn,
  startBotApiStandIn,
} from '../../channels/telegram/bot-api-stand-in.test-support.ts';
import type { DbHandle } from '../../platform/db/create-db.ts';
import { fixedClock } from '../../platform/time/clock.ts';
import { findAuditEvents, saveReasonRequiredRoles } from '../audit/audit.repository.ts';
import { recordChange } from '../audit/audit.service.ts';
import { insertContact } from '../contacts/contact.repository.ts';
import { insertConversationIfAbsent } from '../inbox/conversation.repository.ts';
import { createOrg } from '../orgs/org.service.ts';
import { findChannelAccount, listChannelAccountsOfOrg } from './channel-account.service.ts';
import {
  addChannelAccount,
  type ChannelAdminDeps,
  type NewChannelAccount,
  removeChannelAccount,
  updateChannelAccountOfClinic,
} from './channel-account-admin.service.ts';
import { ChannelAccountError } from './channel-account-error.ts';
import type { ChangeActor } from './channel-change-audit.ts';
import { ChannelSecretsVault } from './channel-secrets.ts';

const PUBLIC_URL = 'https://careline.example';
const BOT = '7300000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1';
const OTHER_BOT = '7300000002:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw2';
const THIRD_BOT = '7300000003:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw3';
const ADMIN: ChangeActor = {
  via: 'rest',
  userId: null,
  apiKeyId: null,
  role: 'admin',
  network: '203.0.113.7',
  reason: null,
};
const WHATSAPP_SECRETS = {
  accessToken: 'EAAG-access-token-0123456789',
  appSecret: 'app-secret-0123456789',
  verifyToken: 'verify-token-0123456789',
};
const META_SECRETS = {
  pageAccessToken: 'EAAG-page-token-0123456789',
  appSecret: 'app-secret-0123456789',
  verifyToken: 'verify-token-0123456789',
};

describe.each(TEST_ENGINES)('a clinic’s channels, connected and changed (%s)', (engine) => {
  let handle: DbHandle;
  let botApi: BotApiStandIn;
  let deps: ChannelAdminDeps;
  let orgId: string;
  let otherOrgId: string;
  let page = 100_200_300;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    botApi = await startBotApiStandIn({ tokens: [BOT, OTHER_BOT, THIRD_BOT] });
    orgId = (await createOrg(handle.db, { name: 'Maison de santé du Port' })).id;
    otherOrgId = (await createOrg(handle.db, { name: 'Cabinet Pasteur' })).id;
    deps = {
      db: handle.db,
      keyring: testKeyring,
      clock: fixedClock('2026-03-02T09:00:00.000Z'),
      setups: channelAccountSetups(),
      publicUrl: PUBLIC_URL,
      recordChange,
    };
  });
  afterAll(async () => {
    await botApi?.close();
    await handle?.close();
  });

  const add = (input: NewChannelAccount, org = orgId, actor = ADMIN) =>
    addChannelAccount(deps, org, actor, input);
  const messenger = (extra: Partial<NewChannelAccount> = {}): NewChannelAccount => {
    page += 1;
    return { type: 'messenger', externalId: String(page), secrets: META_SECRETS, ...extra };
  };
  const refusal = (promise: Promise<unknown>, what = '') =>
    promise.then(
      () => {
        throw new Error(`not refused: ${what}`);
      },
      (error: unknown) => {
        expect(error).toBeInstanceOf(ChannelAccountError);
        return error as ChannelAccountError;
      },
    );
  const setWebhookCalls = () => botApi.calls.filter((c) => c.method === 'setWebhook').length;
  const changes = async (org = orgId) =>
    (await findAuditEvents(handle.db, org, { limit: 100 })).map((e) => `${e.subtype} ${e.entity[0]?.id}`);

  test('a Telegram bot: told its webhook first, its id read from the token, secrets sealed, the addition audited', async () => {
    const account = await add({
      type: 'telegram',
      settings: { apiUrl: botApi.url },
      secrets: { botToken: BOT },
    });

    expect(account).toMatchObject({
      orgId,
      type: 'telegram',
      externalId: '7300000001',
      name: 'Telegram bot 7300000001',
    });
    const webhook = botApi.webhooks.get(BOT);
    expect(webhook?.url).toBe(`${PUBLIC_URL}/webhooks/telegram/${account.id}`);
    // Careline made the secret Telegram sends back, and keeps it sealed with the token.
    const secrets = await new ChannelSecretsVault(handle.db, testKeyring).of(account);
    expect(secrets).toEqual({ botToken: BOT, secretToken: webhook?.secretToken });
    expect(account.secrets).not.toContain(BOT.split(':')[1]);
    expect(await changes()).toContain(`channel-add ${account.id}`);
  });

  test('bad input names its field; nothing is stored, and Telegram is not called', async () => {
    const before = {
      accounts: (await listChannelAccountsOfOrg(handle.db, orgId)).length,
      calls: setWebhookCalls(),
    };
    const whatsapp: NewChannelAccount = {
      type: 'whatsapp',
      externalId: '106540352242922',
      secrets: WHATSAPP_SECRETS,
    };
    const cases: Array<[NewChannelAccount, string]> = [
      [{ type: 'messenger', secrets: META_SECRETS }, 'externalId'],
      [messenger({ externalId: 'ma-page' }), 'externalId'],
      [messenger({ secrets: { ...META_SECRETS, pageAccessToken: '' } }), 'secrets.pageAccessToken'],
      [{ ...whatsapp, settings: { colour: 'blue' } }, 'settings.colour'],
      [messenger({ name: 'x'.repeat(201) }), 'name'],
      [{ type: 'telegram', secrets: { botToken: 'not-a-token' } }, 'secrets.botToken'],
      [
        { type: 'telegram', settings: { apiUrl: 'ftp://bots.example' }, secrets: { botToken: BOT } },
        'settings.apiUrl',
      ],
      [{ ...whatsapp, secrets: { accessToken: 'EAAG-0123456789' } }, 'secrets.appSecret'],
      [{ ...whatsapp, externalId: '+33 1 80 00 00 00' }, 'externalId'],
    ];
    for (const [input, field] of cases) {
      const error = await refusal(add(input), JSON.stringify(input));
      expect(error.kind, JSON.stringify(input)).toBe('invalid');
      expect(error.fields[0]?.field, JSON.stringify(input)).toBe(field);
      expect(error.message.startsWith(`${field}: `), error.message).toBe(true);
    }
    expect((await listChannelAccountsOfOrg(handle.db, orgId)).length).toBe(before.accounts);
    expect(setWebhookCalls()).toBe(before.calls);
  });

  test('one provider account belongs to one clinic: connecting it again, here or elsewhere, is a duplicate', async () => {
    const first = await add(messenger());
    for (const org of [orgId, otherOrgId]) {
      const error = await refusal(add(messenger({ externalId: first.externalId }), org));
      expect(error).toMatchObject({
        kind: 'duplicate',
        fields: [{ field: 'externalId', message: 'is already connected' }],
      });
    }
    expect((await listChannelAccountsOfOrg(handle.db, otherOrgId)).map((a) => a.externalId)).not.toContain(
      first.externalId,
    );
  });

  test('a change keeps what it does not name; another bot’s token is another account; each change audited', async () => {
    const account = await add(messenger({ settings: { apiVersion: 'v24.0' } }));
    const renamed = await updateChannelAccountOfClinic(deps, orgId, ADMIN, account.id, {
      name: '  Page du cabinet  ',
      settings: { graphUrl: 'https://graph.example' },
    });
    expect(renamed).toMatchObject({
      name: 'Page du cabinet',
      settings: { apiVersion: 'v24.0', graphUrl: 'https://graph.example' },
    });
    expect(await changes()).toEqual(
      expect.arrayContaining([`channel-rename ${account.id}`, `channel-settings ${account.id}`]),
    );

    const bot = await add({
      type: 'telegram',
      settings: { apiUrl: botApi.url },
      secrets: { botToken: OTHER_BOT },
    });
    const error = await refusal(
      updateChannelAccountOfClinic(deps, orgId, ADMIN, bot.id, { secrets: { botToken: BOT } }),
    );
    expect(error.fields).toEqual([
      { field: 'secrets.botToken', message: expect.stringContaining('belongs to another account') },
    ]);
    expect(await new ChannelSecretsVault(handle.db, testKeyring).of(bot)).toMatchObject({
      botToken: OTHER_BOT,
    });
    expect(
      await refusal(updateChannelAccountOfClinic(deps, orgId, ADMIN, bot.id, { name: '   ' })),
    ).toMatchObject({
      fields: [{ field: 'name', message: 'must not be empty' }],
    });
  });

  test('another clinic’s channel is not found to change or remove, and stays as it was', async () => {
    const theirs = await add(messenger({ name: 'Page Pasteur' }), otherOrgId);
    // One at a time: a refusal made before it is awaited would be an unhandled rejection.
    for (const attempt of [
      () => updateChannelAccountOfClinic(deps, orgId, ADMIN, theirs.id, { name: 'Piratée' }),
      () => removeChannelAccount(deps, orgId, ADMIN, theirs.id),
    ]) {
      expect(await refusal(attempt())).toMatchObject({ kind: 'not_found' });
    }
    expect(await findChannelAccount(handle.db, otherOrgId, theirs.id)).toMatchObject({
      name: 'Page Pasteur',
    });
  });

  test('removing: an unused channel goes; one a patient wrote through is kept, with the reason', async () => {
    const unused = await add(messenger());
    await removeChannelAccount(deps, orgId, ADMIN, unused.id);
    expect(await findChannelAccount(handle.db, orgId, unused.id)).toBeUndefined();
    expect(await changes()).toContain(`channel-remove ${unused.id}`);

    const used = await add(messenger());
    const contact = await insertContact(handle.db, testKeyring, { orgId, displayName: 'Léa Martin' });
    await insertConversationIfAbsent(handle.db, { orgId, channelAccountId: used.id, contactId: contact.id });
    expect(await refusal(removeChannelAccount(deps, orgId, ADMIN, used.id))).toMatchObject({
      kind: 'in_use',
      message: expect.stringContaining('conversations'),
    });
    expect(await findChannelAccount(handle.db, orgId, used.id)).toBeDefined();
  });

  test('a clinic that asks its administrators for a reason: without one nothing changes, with one it is on record', async () => {
    const strict = (await createOrg(handle.db, { name: 'Clinique des Lilas' })).id;
    await saveReasonRequiredRoles(handle.db, strict, ['admin']);

    expect(await refusal(add(messenger(), strict))).toMatchObject({ kind: 'reason_required' });
    expect(await listChannelAccountsOfOrg(handle.db, strict)).toEqual([]);

    const account = await add(messenger(), strict, { ...ADMIN, reason: 'Nouvelle page Facebook du cabinet' });
    expect(await refusal(removeChannelAccount(deps, strict, ADMIN, account.id))).toMatchObject({
      kind: 'reason_required',
    });
    expect(await findChannelAccount(handle.db, strict, account.id)).toBeDefined();
    expect(await findAuditEvents(handle.db, strict, { limit: 10 })).toEqual([
      expect.objectContaining({
        subtype: 'channel-add',
        purposeOfUse: 'Nouvelle page Facebook du cabinet',
        agentRole: 'admin',
        agentNetwork: '203.0.113.7',
      }),
    ]);
  });

  test('a change the audit refuses leaves Telegram as it was: no webhook moved, no secret Careline does not hold', async () => {
    const strict = (await createOrg(handle.db, { name: 'Clinique du Parc' })).id;
    const telegram = {
      type: 'telegram' as const,
      settings: { apiUrl: botApi.url },
      secrets: { botToken: THIRD_BOT },
    };
    await saveReasonRequiredRoles(handle.db, strict, ['admin']);
    const before = setWebhookCalls();
    expect(await refusal(add(telegram, strict))).toMatchObject({ kind: 'reason_required' });
    expect(setWebhookCalls()).toBe(before);
    expect(botApi.webhooks.get(THIRD_BOT)).toBeUndefined();

    const bot = await add(telegram, strict, { ...ADMIN, reason: 'Bot du cabinet' });
    const registered = botApi.webhooks.get(THIRD_BOT);
    // New secrets (a new secret token made for them) without a reason: refused before Telegram hears of them.
    expect(
      await refusal(
        updateChannelAccountOfClinic(deps, strict, ADMIN, bot.id, { secrets: { botToken: THIRD_BOT } }),
      ),
    ).toMatchObject({ kind: 'reason_required' });
    expect(botApi.webhooks.get(THIRD_BOT)).toEqual(registered);
    const stored = await findChannelAccount(handle.db, strict, bot.id);
    if (!stored) throw new Error('the bot is gone');
    // What Telegram sends back with every delivery is still what Careline checks it against.
    expect(await new ChannelSecretsVault(handle.db, testKeyring).of(stored)).toMatchObject({
      secretToken: registered?.secretToken,
    });
  });
});
