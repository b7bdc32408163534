import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { channelAccounts, messages } from '../../src/db-schema.ts';
import { sealChannelSecrets } from '../../src/modules/channel-accounts/channel-secrets.ts';
import { patientText, postWebhook } from '../support/meta-webhooks.ts';
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

const PATIENT = '+33612121212';

describe.each(TEST_ENGINES)('sending every kind of WhatsApp message (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let conversationId: string;
  let patientMessageId: string;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Centre de santé Belleville');
    await env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: PATIENT,
      name: 'Yasmine',
      text: 'Bonjour',
    });
    const conversation = await eventually(async () => {
      const page = (await (await env.api(clinic.apiKey, '/api/v1/conversations')).json()) as { data: Json[] };
      return page.data[0];
    });
    conversationId = String(conversation.id);
    patientMessageId = String((conversation.last_message as Json).id);
  });
  afterAll(async () => {
    await env?.close();
  });

  const sim = () => env.simulator.simulator;

  async function send(body: Json): Promise<{ status: number; json: Json }> {
    const response = await env.api(clinic.apiKey, `/api/v1/conversations/${conversationId}/messages`, {
      method: 'POST',
      body,
    });
    return { status: response.status, json: (await response.json()) as Json };
  }

  async function messageRow(id: unknown) {
    const [row] = await env.handle.db
      .select()
      .from(messages)
      .where(eq(messages.id, String(id)));
    return row;
  }

  async function untilStatus(id: unknown, status: string, timeoutMs?: number) {
    return eventually(async () => {
      const row = await messageRow(id);
      return row?.status === status ? row : undefined;
    }, timeoutMs);
  }

  function graphRequestFor(wamid: string | null | undefined): Json | undefined {
    const send = sim()
      .sends(clinic.number.phoneNumberId)
      .find((s) => s.wamid === wamid);
    return send?.request as Json | undefined;
  }

  test('interactive buttons, lists, locations and quoted replies reach Meta in its shapes and end read', async () => {
    const buttons = await send({
      type: 'buttons',
      body: 'Votre rendez-vous de demain 9 h tient-il toujours ?',
      buttons: [
        { id: 'confirm', title: 'Je confirme' },
        { id: 'cancel', title: 'J’annule' },
      ],
      replyToMessageId: patientMessageId,
    });
    expect(buttons.status).toBe(202);
    const read = await untilStatus(buttons.json.id, 'read');
    expect(graphRequestFor(read.externalId)).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Votre rendez-vous de demain 9 h tient-il toujours ?' },
        action: {
          buttons: [{ type: 'reply', reply: { id: 'confirm', title: 'Je confirme' } }, expect.anything()],
        },
      },
      context: { message_id: expect.stringMatching(/^wamid\./) },
    });

    const list = await send({
      type: 'list',
      body: 'Choisissez un créneau',
      buttonLabel: 'Créneaux',
      sections: [{ title: 'Mardi', rows: [{ id: 'tue-9', title: '9 h 00', description: 'Dr Martin' }] }],
    });
    const listRead = await untilStatus(list.json.id, 'read');
    expect(graphRequestFor(listRead.externalId)).toMatchObject({
      interactive: { type: 'list', action: { button: 'Créneaux', sections: [{ rows: [{ id: 'tue-9' }] }] } },
    });

    const location = await send({
      type: 'location',
      latitude: 48.8722,
      longitude: 2.3767,
      name: 'Centre Belleville',
    });
    const locationRead = await untilStatus(location.json.id, 'read');
    expect(graphRequestFor(locationRead.externalId)).toMatchObject({
      type: 'location',
      location: { latitude: 48.8722, longitude: 2.3767, name: 'Centre Belleville' },
    });
  });

  test('limits are checked before anything is stored, with an error naming the field and the limit', async () => {
    const before = sim().sends(clinic.number.phoneNumberId).length;
    const tooLong = await send({
      type: 'buttons',
      body: 'Choix',
      buttons: [{ id: 'a', title: 'Un titre beaucoup trop long' }],
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json).toMatchObject({
      errors: [{ field: 'body.buttons[0].title', message: expect.stringContaining('20') }],
    });
    const fourButtons = await send({
      type: 'buttons',
      body: 'Choix',
      buttons: ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id })),
    });
    expect(fourButtons.status).toBe(400);
    expect(JSON.stringify(fourButtons.json)).toContain('body.buttons');
    expect(sim().sends(clinic.number.phoneNumberId)).toHaveLength(before);
  });

  test('an agent’s file is uploaded once to Meta and sent by id; a patient’s photo is downloaded and kept encrypted', async () => {
    const form = new FormData();
    const pdf = Buffer.from('%PDF-1.4\nOrdonnance de Yasmine\n%%EOF');
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'ordonnance.pdf');
    const upload = await fetch(`${env.url}/api/v1/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${clinic.apiKey}` },
      body: form,
    });
    expect(upload.status).toBe(201);
    const media = (await upload.json()) as Json;
    expect(media).toMatchObject({
      status: 'stored',
      mime_type: 'application/pdf',
      file_name: 'ordonnance.pdf',
      size: pdf.length,
    });

    const sent = await send({
      type: 'document',
      media: { mediaId: media.id },
      caption: 'Votre ordonnance',
      fileName: 'ordonnance.pdf',
    });
    expect(sent.status).toBe(202);
    const read = await untilStatus(sent.json.id, 'read');
    const request = graphRequestFor(read.externalId);
    expect(request).toMatchObject({
      type: 'document',
      document: { id: expect.any(String), caption: 'Votre ordonnance' },
    });

    // The patient answers with a photo: Careline fetches it from Meta and serves it to the clinic only.
    const photo = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      Buffer.from('radiographie du poignet'),
    ]);
    const inbound = await sim().patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: PATIENT,
      type: 'image',
      bytes: photo,
      mimeType: 'image/jpeg',
      caption: 'Ma radio',
    });
    const stored = await eventually(async () => {
      const page = (await (
        await env.api(clinic.apiKey, `/api/v1/conversations/${conversationId}/messages`)
      ).json()) as {
        data: Json[];
      };
      const message = page.data.find((m) => m.external_id === inbound.wamid);
      const file = (message?.media as Json[] | undefined)?.[0];
      return file?.status === 'stored' ? file : undefined;
    });
    const download = await fetch(`${env.url}/api/v1/media/${stored.id}`, {
      headers: { authorization: `Bearer ${clinic.apiKey}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await download.arrayBuffer()).equals(photo)).toBe(true);
    // At rest, neither file is readable: the store holds only ciphertext.
    const onDisk = filesUnder(env.mediaDir).map((path) => readFileSync(path));
    expect(onDisk.length).toBeGreaterThanOrEqual(2);
    for (const bytes of onDisk) {
      expect(bytes.includes(Buffer.from('radiographie du poignet'))).toBe(false);
      expect(bytes.includes(Buffer.from('Ordonnance de Yasmine'))).toBe(false);
    }
    expect((await fetch(`${env.url}/api/v1/media/${stored.id}`)).status).toBe(401);

    const other = await env.addClinic('Autre clinique');
    const foreign = await fetch(`${env.url}/api/v1/media/${stored.id}`, {
      headers: { authorization: `Bearer ${other.apiKey}` },
    });
    expect(foreign.status).toBe(404);
  });

  test('outside the 24-hour window free text is refused and stored as refused; an approved template goes out', async () => {
    await postWebhook(
      env.url,
      patientText(
        clinic.number.phoneNumberId,
        '33699999999',
        'wamid.old',
        'Message d’il y a deux jours',
        'Paul',
      ),
      clinic.number.appSecret,
    );
    await env.settle();
    // Make that conversation's last patient message 25 hours old.
    const oldConversation = await eventually(async () => {
      const page = (await (await env.api(clinic.apiKey, '/api/v1/conversations')).json()) as { data: Json[] };
      return page.data.find((c) => (c.last_message as Json | null)?.external_id === 'wamid.old');
    });
    await env.handle.db.execute(
      `update conversations set last_inbound_at = now() - interval '25 hours' where id = '${oldConversation.id}'`,
    );
    const free = await env.api(clinic.apiKey, `/api/v1/conversations/${oldConversation.id}/messages`, {
      method: 'POST',
      body: { type: 'text', text: 'Bonjour Paul' },
    });
    expect(free.status).toBe(422);
    const refusal = (await free.json()) as Json;
    expect(refusal).toMatchObject({
      failure_reason: 'window_closed',
      detail: expect.stringContaining('template'),
      message: { status: 'refused', failure_reason: 'window_closed', text: 'Bonjour Paul' },
    });
    expect(
      sim()
        .sends(clinic.number.phoneNumberId)
        .some((s) => JSON.stringify(s.request).includes('Bonjour Paul')),
    ).toBe(false);

    sim().upsertTemplate({
      wabaId: clinic.number.wabaId,
      name: 'rappel_rdv',
      language: 'fr',
      category: 'UTILITY',
      status: 'APPROVED',
      components: [{ type: 'BODY', text: 'Bonjour {{1}}, rappel de votre rendez-vous le {{2}}.' }],
    });
    const sync = await env.api(clinic.apiKey, '/api/v1/templates/sync', { method: 'POST' });
    expect(sync.status).toBe(202);
    await env.settle();
    const templates = (await (await env.api(clinic.apiKey, '/api/v1/templates?status=APPROVED')).json()) as {
      data: Json[];
    };
    expect(templates.data).toEqual([
      expect.objectContaining({ name: 'rappel_rdv', language: 'fr', components: expect.any(Array) }),
    ]);

    const wrongCount = await env.api(clinic.apiKey, `/api/v1/conversations/${oldConversation.id}/messages`, {
      method: 'POST',
      body: { type: 'template', name: 'rappel_rdv', language: 'fr', components: { body: ['Paul'] } },
    });
    expect(wrongCount.status).toBe(400);
    const unknown = await env.api(clinic.apiKey, `/api/v1/conversations/${oldConversation.id}/messages`, {
      method: 'POST',
      body: { type: 'template', name: 'nope', language: 'fr' },
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await unknown.json())).toContain('sync the templates');

    const template = await env.api(clinic.apiKey, `/api/v1/conversations/${oldConversation.id}/messages`, {
      method: 'POST',
      body: {
        type: 'template',
        name: 'rappel_rdv',
        language: 'fr',
        components: { body: ['Paul', 'mardi 2 décembre'] },
      },
    });
    expect(template.status).toBe(202);
    const read = await untilStatus(((await template.json()) as Json).id, 'read');
    expect(graphRequestFor(read.externalId)).toMatchObject({
      type: 'template',
      template: {
        name: 'rappel_rdv',
        language: { code: 'fr' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Paul' },
              { type: 'text', text: 'mardi 2 décembre' },
            ],
          },
        ],
      },
    });
  });

  test('Meta’s late 131047 marks the message failed as window_closed', async () => {
    sim().setBehaviour({ enforceServiceWindow: true }, clinic.number.phoneNumberId);
    // Careline believes the window is open (a recent message it was told about), Meta does not.
    await postWebhook(
      env.url,
      patientText(clinic.number.phoneNumberId, '33644440000', 'wamid.unseen', 'Bonjour', 'Léa'),
      clinic.number.appSecret,
    );
    await env.settle();
    const conversation = await eventually(async () => {
      const page = (await (await env.api(clinic.apiKey, '/api/v1/conversations')).json()) as { data: Json[] };
      return page.data.find((c) => (c.last_message as Json | null)?.external_id === 'wamid.unseen');
    });
    const response = await env.api(clinic.apiKey, `/api/v1/conversations/${conversation.id}/messages`, {
      method: 'POST',
      body: { type: 'text', text: 'Bonjour Léa' },
    });
    expect(response.status).toBe(202);
    const failed = await untilStatus(((await response.json()) as Json).id, 'failed');
    expect(failed).toMatchObject({ errorCode: 131047, failureReason: 'window_closed' });
    sim().setBehaviour({ enforceServiceWindow: false }, clinic.number.phoneNumberId);
  });

  test('throttling by Meta slows down and the message still goes; an invalid token fails it and raises an alert', async () => {
    sim().injectErrors([{ code: 130429, count: 2, httpStatus: 429 }], clinic.number.phoneNumberId);
    const throttled = await send({ type: 'text', text: 'Après un ralentissement' });
    const read = await untilStatus(throttled.json.id, 'read');
    expect(read.failureReason).toBeNull();

    const [account] = await env.handle.db
      .select()
      .from(channelAccounts)
      .where(eq(channelAccounts.id, clinic.account.id));
    if (!account) throw new Error('no account');
    await env.handle.db
      .update(channelAccounts)
      .set({
        secrets: await sealChannelSecrets(env.handle.db, env.careline.keyring, account.orgId, {
          ...(await env.careline.secretsOf(account)),
          accessToken: 'revoked',
        }),
      })
      .where(eq(channelAccounts.id, account.id));
    const refused = await send({ type: 'text', text: 'Jeton invalide' });
    const failed = await untilStatus(refused.json.id, 'failed');
    expect(failed).toMatchObject({ errorCode: 190, failureReason: 'token_invalid' });
    const alerts = (await (await env.api(clinic.apiKey, '/api/v1/alerts')).json()) as { data: Json[] };
    expect(alerts.data).toEqual([
      expect.objectContaining({ kind: 'channel_token_invalid', channel_account_id: account.id }),
    ]);
    await env.handle.db
      .update(channelAccounts)
      .set({ secrets: account.secrets })
      .where(eq(channelAccounts.id, account.id));
  });

  test('a send interrupted after Meta got it is recognised by its echo, not sent twice', async () => {
    await env.careline.worker.stop();
    const queued = await send({ type: 'text', text: 'Envoi interrompu' });
    // What a crash leaves behind: the call went out (Meta has it) but its answer was never stored.
    await env.handle.db
      .update(messages)
      .set({ status: 'sending', statusAt: new Date() })
      .where(eq(messages.id, String(queued.json.id)));
    const call = await fetch(`${env.simulator.url}/v25.0/${clinic.number.phoneNumberId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${clinic.number.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        messaging_product: 'whatsapp',
        to: PATIENT.slice(1),
        type: 'text',
        text: { body: 'Envoi interrompu' },
        biz_opaque_callback_data: queued.json.id,
      }),
    });
    const wamid = ((await call.json()) as { messages: Array<{ id: string }> }).messages[0]?.id;
    env.careline.worker.start();
    const read = await untilStatus(queued.json.id, 'read');
    expect(read.externalId).toBe(wamid);
    await env.settle(10_000);
    const calls = sim()
      .sends(clinic.number.phoneNumberId)
      .filter((s) => (s.request as Json).biz_opaque_callback_data === queued.json.id);
    expect(calls).toHaveLength(1);
  });

  test('a send interrupted before Meta got it goes out once the reconciliation delay has passed', async () => {
    await env.careline.worker.stop();
    const queued = await send({ type: 'text', text: 'Jamais parti' });
    await env.handle.db
      .update(messages)
      .set({ status: 'sending', statusAt: new Date() })
      .where(eq(messages.id, String(queued.json.id)));
    env.careline.worker.start();
    // Up to twice the reconciliation delay: Meta's status webhooks of the sends before it still arrive.
    await untilStatus(queued.json.id, 'read', 15_000);
    const calls = sim()
      .sends(clinic.number.phoneNumberId)
      .filter((s) => (s.request as Json).biz_opaque_callback_data === queued.json.id);
    expect(calls).toHaveLength(1);
  });

  test('opening a conversation sends a read receipt for the patient’s last message', async () => {
    const inbound = await sim().patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: PATIENT,
      text: 'Vous avez vu ?',
    });
    await env.settle();
    const response = await env.api(clinic.apiKey, `/api/v1/conversations/${conversationId}/read`, {
      method: 'POST',
    });
    expect(await response.json()).toEqual({ receipt_queued: true });
    await eventually(async () =>
      sim()
        .inboundMessages(clinic.number.phoneNumberId)
        .find((m) => m.wamid === inbound.wamid && m.readAt)
        ? true
        : undefined,
    );
  });

  test('a reaction from the clinic lands on the patient’s message', async () => {
    const reaction = await send({ type: 'reaction', targetMessageId: patientMessageId, emoji: '👍' });
    expect(reaction.status).toBe(202);
    const page = await eventually(async () => {
      const current = (await (
        await env.api(clinic.apiKey, `/api/v1/conversations/${conversationId}/messages?limit=100`)
      ).json()) as { data: Json[] };
      const target = current.data.find((m) => m.id === patientMessageId);
      return (target?.reactions as Json[] | undefined)?.length ? current : undefined;
    });
    const target = page.data.find((m) => m.id === patientMessageId);
    expect(target?.reactions).toEqual([expect.objectContaining({ direction: 'outbound', emoji: '👍' })]);
    expect(graphRequestFor((await messageRow(reaction.json.id))?.externalId)).toMatchObject({
      type: 'reaction',
      reaction: { emoji: '👍', message_id: expect.stringMatching(/^wamid\./) },
    });
    expect(page.data.some((m) => m.id === reaction.json.id)).toBe(false);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
