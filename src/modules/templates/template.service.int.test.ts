import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import type { OutboundMessage } from '../../channels/channel.ts';
import type { DbHandle } from '../../platform/db/create-db.ts';
import type { ChannelAccount } from '../channel-accounts/channel-account.schema.ts';
import { createOrg } from '../orgs/org.service.ts';
import { whatsappSender } from '../outbox/whatsapp-sender.test-support.ts';
import {
  applyTemplateStatus,
  findTemplate,
  listTemplates,
  syncTemplates,
  type TemplateDefinition,
} from './template.service.ts';

const WABA = '102290129340398';
const T1 = new Date('2026-03-02T09:00:00.000Z');
const T2 = new Date('2026-03-03T09:00:00.000Z');

const body = (text: string) => [{ type: 'BODY', text }];
const definition = (name: string, language: string, extra: Partial<TemplateDefinition> = {}) => ({
  externalId: `tpl-${name}-${language}`,
  name,
  language,
  category: 'UTILITY',
  status: 'APPROVED',
  statusReason: null,
  parameterFormat: 'POSITIONAL',
  components: body(`Bonjour {{1}}, ${name}.`),
  ...extra,
});

describe.each(TEST_ENGINES)('the template registry (%s)', (engine) => {
  let handle: DbHandle;
  let orgId: string;
  let otherOrgId: string;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    orgId = (await createOrg(handle.db, { name: 'Centre de santé du Canal' })).id;
    otherOrgId = (await createOrg(handle.db, { name: 'Cabinet Pasteur' })).id;
  });
  afterAll(async () => {
    await handle?.close();
  });

  const sync = (listed: TemplateDefinition[], at = T1, org = orgId, waba = WABA) =>
    handle.db.transaction((tx) => syncTemplates(tx, org, 'whatsapp', waba, listed, at));
  const statuses = async (org = orgId, waba = WABA) =>
    (await listTemplates(handle.db, org, waba)).map((t) => `${t.name}/${t.language} ${t.status}`);

  /** What an agent's template send meets: the WhatsApp sender checking it against the registry. */
  async function violationsOf(message: OutboundMessage, org = orgId): Promise<string[]> {
    const sender = whatsappSender({ graphUrl: 'http://127.0.0.1:9', apiVersion: 'v25.0' });
    const account = { settings: { wabaId: WABA } } as ChannelAccount;
    const found = await sender.validate(account, message, (name, language) =>
      findTemplate(handle.db, org, WABA, name, language),
    );
    return found.map((v) => `${v.field}: ${v.limit}`);
  }

  const reminder = (name: string, language = 'fr'): OutboundMessage => ({
    type: 'template',
    name,
    language,
    components: { body: ['Chloé'] },
  });

  test('a sync keeps what the provider lists; what it no longer lists stays on record as DELETED', async () => {
    expect(
      await sync([
        definition('rappel', 'fr'),
        definition('rappel', 'en'),
        definition('promo', 'fr', { status: 'PENDING' }),
      ]),
    ).toBe(3);
    expect(await statuses()).toEqual(['promo/fr PENDING', 'rappel/en APPROVED', 'rappel/fr APPROVED']);

    await sync(
      [
        definition('rappel', 'fr', { components: body('Bonjour {{1}}, à demain.') }),
        definition('bienvenue', 'fr'),
      ],
      T2,
    );
    expect(await statuses()).toEqual([
      'bienvenue/fr APPROVED',
      'promo/fr DELETED',
      'rappel/en DELETED',
      'rappel/fr APPROVED',
    ]);
    expect(await findTemplate(handle.db, orgId, WABA, 'rappel', 'fr')).toMatchObject({
      components: body('Bonjour {{1}}, à demain.'),
      syncedAt: T2,
    });
    expect(await violationsOf(reminder('rappel'))).toEqual([]);
    expect(await violationsOf(reminder('rappel', 'en'))).toEqual([
      'name: template rappel is DELETED; only APPROVED templates can be sent',
    ]);
  });

  test('a status webhook pauses a template by its id, and approves it again without its old reason', async () => {
    await sync([definition('resultats', 'fr')]);
    const event = { externalId: 'tpl-resultats-fr', name: null, language: null, category: null };

    await applyTemplateStatus(
      handle.db,
      orgId,
      'whatsapp',
      WABA,
      { ...event, status: 'PAUSED', reason: 'LOW_QUALITY' },
      T2,
    );
    expect(await findTemplate(handle.db, orgId, WABA, 'resultats', 'fr')).toMatchObject({
      status: 'PAUSED',
      statusReason: 'LOW_QUALITY',
    });
    expect(await violationsOf(reminder('resultats'))).toEqual([
      'name: template resultats is PAUSED; only APPROVED templates can be sent',
    ]);

    await applyTemplateStatus(
      handle.db,
      orgId,
      'whatsapp',
      WABA,
      { ...event, status: 'APPROVED', reason: 'NONE' },
      T2,
    );
    expect(await findTemplate(handle.db, orgId, WABA, 'resultats', 'fr')).toMatchObject({
      status: 'APPROVED',
      statusReason: null,
      // What the sync stored stays: the webhook says nothing of the components.
      components: body('Bonjour {{1}}, resultats.'),
    });
    expect(await violationsOf(reminder('resultats'))).toEqual([]);
  });

  test('a status for a template not synced yet is remembered; the next sync fills in its text', async () => {
    await applyTemplateStatus(
      handle.db,
      orgId,
      'whatsapp',
      WABA,
      {
        externalId: 'tpl-nouveau',
        name: 'nouveau_patient',
        language: 'fr',
        status: 'APPROVED',
        reason: null,
        category: 'UTILITY',
      },
      T1,
    );
    expect(await findTemplate(handle.db, orgId, WABA, 'nouveau_patient', 'fr')).toMatchObject({
      externalId: 'tpl-nouveau',
      status: 'APPROVED',
      components: [],
      syncedAt: null,
    });
    // Without its text, the values cannot be checked: the send is refused rather than guessed.
    expect((await violationsOf(reminder('nouveau_patient'))).map((v) => v.split(':')[0])).toEqual([
      'components.body',
    ]);

    await sync([definition('nouveau_patient', 'fr', { externalId: 'tpl-nouveau' })], T2);
    expect(await violationsOf(reminder('nouveau_patient'))).toEqual([]);

    // A status that names no template this registry knows, and gives no name, stores nothing.
    const before = await listTemplates(handle.db, orgId, WABA);
    await applyTemplateStatus(
      handle.db,
      orgId,
      'whatsapp',
      WABA,
      {
        externalId: 'tpl-unknown',
        name: null,
        language: null,
        status: 'REJECTED',
        reason: 'SPAM',
        category: null,
      },
      T2,
    );
    expect(await listTemplates(handle.db, orgId, WABA)).toEqual(before);
  });

  test('each clinic has its own registry: another clinic’s sync, statuses and sends do not reach this one', async () => {
    await sync([definition('ordonnance', 'fr')]);
    // The other clinic's sync of the same WABA id lists nothing: this clinic's template is not DELETED.
    await sync([], T2, otherOrgId);
    await applyTemplateStatus(
      handle.db,
      otherOrgId,
      'whatsapp',
      WABA,
      {
        externalId: 'tpl-ordonnance-fr',
        name: null,
        language: null,
        status: 'DISABLED',
        reason: 'SCAM',
        category: null,
      },
      T2,
    );
    expect(await findTemplate(handle.db, orgId, WABA, 'ordonnance', 'fr')).toMatchObject({
      status: 'APPROVED',
    });
    expect(await findTemplate(handle.db, otherOrgId, WABA, 'ordonnance', 'fr')).toBeUndefined();
    expect(await listTemplates(handle.db, otherOrgId)).toEqual([]);
    expect(await violationsOf(reminder('ordonnance'), otherOrgId)).toEqual([
      `name: no template "ordonnance" in fr for WABA ${WABA}; sync the templates`,
    ]);
  });
});
