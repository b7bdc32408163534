import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { channelAccounts, messageTemplates } from '../../src/db-schema.ts';
import { findIdentities } from '../../src/modules/contacts/contact.repository.ts';
import {
  businessWebhook,
  messagesWebhook,
  patientText,
  postWebhook,
  unixNow,
} from '../support/meta-webhooks.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';

interface Json {
  [key: string]: unknown;
}

const WABA = '555000111222333';

describe.each(TEST_ENGINES)('every kind of WhatsApp event a patient or Meta sends (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let conversationId: string;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Clinique Saint-Roch');
    const [account] = await env.handle.db
      .select()
      .from(channelAccounts)
      .where(eq(channelAccounts.id, clinic.account.id));
    await env.handle.db
      .update(channelAccounts)
      .set({ settings: { ...account?.settings, wabaId: WABA } })
      .where(eq(channelAccounts.id, clinic.account.id));
    await send(
      patientText(clinic.number.phoneNumberId, '33677777777', 'wamid.original', 'Bonjour docteur', 'Inès'),
    );
    conversationId = await eventually(async () => {
      const page = (await (await env.api(clinic.apiKey, '/api/v1/conversations')).json()) as { data: Json[] };
      return page.data[0] ? String(page.data[0].id) : undefined;
    });
  });
  afterAll(async () => {
    await env?.close();
  });

  async function send(body: string): Promise<void> {
    const response = await postWebhook(env.url, body, clinic.number.appSecret);
    expect(response.status).toBe(200);
    await env.settle();
  }

  async function timeline(): Promise<Json[]> {
    const page = (await (
      await env.api(clinic.apiKey, `/api/v1/conversations/${conversationId}/messages?limit=100`)
    ).json()) as { data: Json[] };
    return page.data;
  }

  const byWamid = async (wamid: string) => (await timeline()).find((m) => m.external_id === wamid);

  test('media, location, contact cards and button replies are stored with their details', async () => {
    await send(
      messagesWebhook(clinic.number.phoneNumberId, {
        contacts: [{ profile: { name: 'Inès' }, wa_id: '33677777777' }],
        messages: [
          {
            from: '33677777777',
            id: 'wamid.photo',
            timestamp: unixNow(),
            type: 'image',
            image: { id: '1479537139650973', mime_type: 'image/jpeg', sha256: 'abc=', caption: 'Ma radio' },
          },
          {
            from: '33677777777',
            id: 'wamid.voice',
            timestamp: unixNow(),
            type: 'audio',
            audio: { id: '5554443332', mime_type: 'audio/ogg; codecs=opus', sha256: 'def=', voice: true },
          },
          {
            from: '33677777777',
            id: 'wamid.where',
            timestamp: unixNow(),
            type: 'location',
            location: { latitude: 48.8566, longitude: 2.3522, name: 'Domicile' },
          },
          {
            from: '33677777777',
            id: 'wamid.choice',
            timestamp: unixNow(),
            type: 'interactive',
            context: { from: '33180000000', id: 'wamid.menu' },
            interactive: { type: 'button_reply', button_reply: { id: 'confirm', title: 'Je confirme' } },
          },
        ],
      }),
    );
    expect(await byWamid('wamid.photo')).toMatchObject({
      type: 'image',
      text: 'Ma radio',
      content: {
        media: [expect.objectContaining({ kind: 'image', id: '1479537139650973', mimeType: 'image/jpeg' })],
      },
    });
    expect(await byWamid('wamid.voice')).toMatchObject({ type: 'voice' });
    expect(await byWamid('wamid.where')).toMatchObject({
      type: 'location',
      content: { location: expect.objectContaining({ latitude: 48.8566, name: 'Domicile' }) },
    });
    expect(await byWamid('wamid.choice')).toMatchObject({
      type: 'button_reply',
      text: 'Je confirme',
      reply_to_external_id: 'wamid.menu',
      content: { reply: expect.objectContaining({ id: 'confirm' }) },
    });
  });

  test('reactions are set, replaced and removed', async () => {
    const react = (emoji: string | undefined, wamid: string) =>
      send(
        messagesWebhook(clinic.number.phoneNumberId, {
          contacts: [{ profile: { name: 'Inès' }, wa_id: '33677777777' }],
          messages: [
            {
              from: '33677777777',
              id: wamid,
              timestamp: unixNow(),
              type: 'reaction',
              reaction: { message_id: 'wamid.original', ...(emoji === undefined ? {} : { emoji }) },
            },
          ],
        }),
      );
    await react('👍', 'wamid.r1');
    expect((await byWamid('wamid.original'))?.reactions).toEqual([
      expect.objectContaining({ emoji: '👍', direction: 'inbound' }),
    ]);
    await react('❤️', 'wamid.r2');
    expect((await byWamid('wamid.original'))?.reactions).toEqual([expect.objectContaining({ emoji: '❤️' })]);
    await react(undefined, 'wamid.r3');
    expect((await byWamid('wamid.original'))?.reactions).toEqual([]);
    // A reaction is not a message of its own in the timeline.
    expect(await byWamid('wamid.r1')).toBeUndefined();
  });

  test('an edit replaces the text and keeps the previous one; a deletion erases it', async () => {
    await send(patientText(clinic.number.phoneNumberId, '33677777777', 'wamid.typo', 'J’ai mal au dois'));
    await send(
      messagesWebhook(clinic.number.phoneNumberId, {
        contacts: [{ profile: { name: 'Inès' }, wa_id: '33677777777' }],
        messages: [
          {
            from: '33677777777',
            id: 'wamid.edit1',
            timestamp: unixNow(1),
            type: 'edit',
            edit: {
              original_message_id: 'wamid.typo',
              message: { type: 'text', text: { body: 'J’ai mal au doigt' } },
            },
          },
        ],
      }),
    );
    const edited = await byWamid('wamid.typo');
    expect(edited).toMatchObject({ text: 'J’ai mal au doigt', edited_at: expect.any(String) });
    expect(JSON.stringify(edited?.content)).toContain('J’ai mal au dois');

    await send(
      messagesWebhook(clinic.number.phoneNumberId, {
        contacts: [{ profile: { name: 'Inès' }, wa_id: '33677777777' }],
        messages: [
          {
            from: '33677777777',
            id: 'wamid.rev',
            timestamp: unixNow(2),
            type: 'revoke',
            revoke: { original_message_id: 'wamid.typo' },
          },
        ],
      }),
    );
    const deleted = await byWamid('wamid.typo');
    expect(deleted).toMatchObject({ text: null, content: null, deleted_at: expect.any(String) });
  });

  test('a patient who changes number keeps their history, and replies go to the new number', async () => {
    await send(
      messagesWebhook(clinic.number.phoneNumberId, {
        messages: [
          {
            from: '33677777777',
            id: 'wamid.system',
            timestamp: unixNow(),
            type: 'system',
            system: {
              body: 'Inès changed from 33677777777 to 33688888888',
              wa_id: '33688888888',
              type: 'user_changed_number',
            },
          },
        ],
      }),
    );
    expect(await byWamid('wamid.system')).toMatchObject({
      type: 'system',
      text: expect.stringContaining('changed'),
    });
    const contacts = (await (
      await env.api(clinic.apiKey, '/api/v1/contacts?phone=%2B33688888888')
    ).json()) as {
      data: Json[];
    };
    expect(contacts.data).toHaveLength(1);
    expect(contacts.data[0]).toMatchObject({
      phone: '+33688888888',
      identities: [expect.objectContaining({ external_id: '33688888888' })],
    });

    await send(
      patientText(clinic.number.phoneNumberId, '33688888888', 'wamid.newnumber', 'C’est mon nouveau numéro'),
    );
    const list = (await (await env.api(clinic.apiKey, '/api/v1/conversations')).json()) as { data: Json[] };
    expect(list.data).toHaveLength(1);
  });

  test('marketing stop and resume from WhatsApp are recorded on the patient', async () => {
    const preference = (value: string) =>
      messagesWebhook(clinic.number.phoneNumberId, {
        contacts: [{ wa_id: '33688888888', profile: { name: 'Inès' } }],
        user_preferences: [
          {
            wa_id: '33688888888',
            detail: 'User requested to stop marketing messages',
            category: 'marketing_messages',
            value,
            timestamp: Number(unixNow()),
          },
        ],
      }).replace('"field":"messages"', '"field":"user_preferences"');
    const optOut = async () =>
      (
        await findIdentities(env.handle.db, env.careline.keyring, clinic.org.id, 'whatsapp', {
          externalId: '33688888888',
          scopedId: null,
        })
      )[0]?.marketingOptOutAt;
    await send(preference('stop'));
    expect(await optOut()).toBeInstanceOf(Date);
    await send(preference('resume'));
    expect(await optOut()).toBeNull();
  });

  test('template status webhooks keep the registry current, routed by WABA id', async () => {
    await send(
      businessWebhook(WABA, 'message_template_status_update', {
        event: 'APPROVED',
        message_template_id: 1689556908129832,
        message_template_name: 'rappel_rdv',
        message_template_language: 'fr',
        reason: 'NONE',
        message_template_category: 'UTILITY',
      }),
    );
    const templates = (await (await env.api(clinic.apiKey, '/api/v1/templates')).json()) as { data: Json[] };
    expect(templates.data).toEqual([
      expect.objectContaining({
        name: 'rappel_rdv',
        language: 'fr',
        status: 'APPROVED',
        business_account_id: WABA,
      }),
    ]);
    await send(
      businessWebhook(WABA, 'message_template_status_update', {
        event: 'PAUSED',
        message_template_id: 1689556908129832,
        message_template_name: 'rappel_rdv',
        message_template_language: 'fr',
        reason: 'Low quality',
      }),
    );
    const [row] = await env.handle.db.select().from(messageTemplates);
    expect(row).toMatchObject({
      status: 'PAUSED',
      statusReason: 'Low quality',
      externalId: '1689556908129832',
    });

    // Another WABA's template update is not ours.
    await send(
      businessWebhook('999888777666555', 'message_template_status_update', {
        event: 'APPROVED',
        message_template_id: 42,
        message_template_name: 'someone_else',
        message_template_language: 'en',
      }),
    );
    expect(await env.handle.db.select().from(messageTemplates)).toHaveLength(1);
  });
});
