import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { channelWebhookQueue } from '../../src/channels/webhook-queues.ts';
import { jobs, messages, webhookEvents } from '../../src/db-schema.ts';
import { outboxSendQueue } from '../../src/modules/outbox/outbox-queue.ts';
import { claimJobs } from '../../src/platform/jobs/job-queue.ts';
import { patientText, postWebhook as postSignedWebhook, statusUpdate } from '../support/meta-webhooks.ts';
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
interface PageJson<T> {
  data: T[];
  next_cursor: string | null;
}

describe.each(TEST_ENGINES)('a WhatsApp conversation end to end (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Clinique des Lilas');
  });
  afterAll(async () => {
    await env?.close();
  });

  async function conversationOf(phone: string): Promise<Json> {
    return eventually(async () => {
      const contacts = (await (
        await env.api(clinic.apiKey, `/api/v1/contacts?phone=${encodeURIComponent(phone)}`)
      ).json()) as PageJson<Json>;
      const contact = contacts.data[0];
      if (!contact) return undefined;
      const list = (await (await env.api(clinic.apiKey, '/api/v1/conversations')).json()) as PageJson<Json>;
      return list.data.find((c) => c.contact_id === contact.id);
    });
  }

  test('a patient writes, the clinic sees it, replies, and the reply ends up read', async () => {
    const sim = env.simulator.simulator;
    const sent = await sim.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: '+33612345678',
      name: 'Marie Curie',
      text: 'Bonjour, puis-je avancer mon rendez-vous ?',
    });
    expect(sent.httpStatus).toBe(200);

    const conversation = await conversationOf('+33 6 12 34 56 78');
    expect(conversation.status).toBe('open');
    const contacts = (await (
      await env.api(clinic.apiKey, '/api/v1/contacts?phone=0033612345678')
    ).json()) as PageJson<Json>;
    expect(contacts.data).toHaveLength(1);
    expect(contacts.data[0]).toMatchObject({
      display_name: 'Marie Curie',
      phone: '+33612345678',
      identities: [{ channel: 'whatsapp', external_id: '33612345678', phone: '+33612345678' }],
    });

    const inbound = (await (
      await env.api(clinic.apiKey, `/api/v1/conversations/${conversation.id}/messages`)
    ).json()) as PageJson<Json>;
    expect(inbound.data).toHaveLength(1);
    expect(inbound.data[0]).toMatchObject({
      direction: 'inbound',
      type: 'text',
      text: 'Bonjour, puis-je avancer mon rendez-vous ?',
      status: 'received',
      external_id: sent.wamid,
    });
    // The conversation is as recent as the patient's message, not as the moment we processed it.
    expect(conversation.last_message_at).toBe(inbound.data[0]?.occurred_at);

    const reply = await env.api(clinic.apiKey, `/api/v1/conversations/${conversation.id}/messages`, {
      method: 'POST',
      body: { type: 'text', text: 'Bien sûr, quel jour vous arrange ?' },
    });
    expect(reply.status).toBe(202);
    const queued = (await reply.json()) as Json;
    expect(queued).toMatchObject({
      direction: 'outbound',
      status: 'queued',
      text: 'Bien sûr, quel jour vous arrange ?',
    });

    const read = await eventually(async () => {
      const page = (await (
        await env.api(clinic.apiKey, `/api/v1/conversations/${conversation.id}/messages`)
      ).json()) as PageJson<Json>;
      const mine = page.data.find((m) => m.id === queued.id);
      return mine?.status === 'read' ? mine : undefined;
    });
    expect(read.external_id).toMatch(/^wamid\./);

    // Meta received exactly one Graph call, for this patient, with the clinic's token.
    const sends = sim.sends(clinic.number.phoneNumberId);
    expect(sends).toHaveLength(1);
    expect(sends[0]?.request).toMatchObject({
      messaging_product: 'whatsapp',
      to: '33612345678',
      type: 'text',
      text: { body: 'Bien sûr, quel jour vous arrange ?' },
    });
    expect(sends[0]?.wamid).toBe(read.external_id);
  });

  test('a redelivered message is stored once', async () => {
    const sim = env.simulator.simulator;
    const sent = await sim.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: '+33698765432',
      text: 'Message en double',
      duplicate: true,
    });
    await sim.idle();
    const conversation = await conversationOf('+33698765432');
    await env.settle();
    const [row] = await env.handle.db
      .select({ n: count() })
      .from(messages)
      .where(eq(messages.externalId, sent.wamid));
    expect(row?.n).toBe(1);
    const page = (await (
      await env.api(clinic.apiKey, `/api/v1/conversations/${conversation.id}/messages`)
    ).json()) as PageJson<Json>;
    expect(page.data).toHaveLength(1);
  });

  test('a forged signature is refused with 401 and nothing is stored', async () => {
    const before = await journalSize();
    const sent = await env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: '+33611111111',
      text: 'Faux message',
      badSignature: true,
    });
    expect(sent.httpStatus).toBe(401);
    const unsigned = await postWebhook(
      patientText(clinic.number.phoneNumberId, '33633333333', 'wamid.unsigned', 'x'),
      {
        signature: null,
      },
    );
    expect(unsigned.status).toBe(401);
    expect(await journalSize()).toBe(before);
    const [row] = await env.handle.db
      .select({ n: count() })
      .from(messages)
      .where(eq(messages.externalId, sent.wamid));
    expect(row?.n).toBe(0);
  });

  test('a malformed body gets 400, a webhook for an unknown number is acknowledged and dropped', async () => {
    const before = await journalSize();
    const malformed = await postWebhook('{"object": "whatsapp_business_account", "entry": [', {
      secret: clinic.number.appSecret,
    });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toContain('application/problem+json');

    const unknown = await postWebhook(
      patientText('999999999999', '33633333333', 'wamid.unknown-number', 'x'),
      {
        secret: 'whatever',
      },
    );
    expect(unknown.status).toBe(200);
    expect(await journalSize()).toBe(before);
  });

  test('statuses arriving out of order never move a message backwards, and a failure carries its reason', async () => {
    const phoneNumberId = clinic.number.phoneNumberId;
    await env.simulator.simulator.patientSends({ phoneNumberId, from: '+33622222222', text: 'Bonjour' });
    const conversation = await conversationOf('+33622222222');
    const send = async (text: string) => {
      const response = await env.api(clinic.apiKey, `/api/v1/conversations/${conversation.id}/messages`, {
        method: 'POST',
        body: { type: 'text', text },
      });
      return (await response.json()) as Json;
    };
    env.simulator.simulator.setBehaviour({ stopAfter: 'accepted' }, phoneNumberId);
    const first = await send('Premier');
    const accepted = await eventually(async () => {
      const m = await messageById(String(conversation.id), String(first.id));
      return m?.status === 'accepted' ? m : undefined;
    });
    const wamid = String(accepted.external_id);
    // read, then a late delivered, then a stale sent: the message must stay read.
    for (const status of ['read', 'delivered', 'sent']) {
      const response = await postWebhook(statusUpdate(phoneNumberId, wamid, status, '33622222222'), {
        secret: clinic.number.appSecret,
      });
      expect(response.status).toBe(200);
    }
    await env.settle();
    expect((await messageById(String(conversation.id), String(first.id)))?.status).toBe('read');

    env.simulator.simulator.setBehaviour(
      {
        fail: { code: 131026, title: 'Message undeliverable', details: 'The recipient is not on WhatsApp.' },
      },
      phoneNumberId,
    );
    const second = await send('Deuxième');
    const failed = await eventually(async () => {
      const m = await messageById(String(conversation.id), String(second.id));
      return m?.status === 'failed' ? m : undefined;
    });
    expect(failed.error).toEqual({
      code: 131026,
      title: 'Message undeliverable',
      detail: 'The recipient is not on WhatsApp.',
    });
    env.simulator.simulator.setBehaviour({}, phoneNumberId);
  });

  test('a patient known only by a business-scoped user id gets a conversation and an answer', async () => {
    const sim = env.simulator.simulator;
    await sim.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      phoneless: true,
      bsuid: 'FR.7781234567890123',
      name: 'Anonyme',
      text: 'Sans numéro',
    });
    const contact = await eventually(async () => {
      const page = (await (await env.api(clinic.apiKey, '/api/v1/contacts')).json()) as PageJson<Json>;
      return page.data.find((c) => c.display_name === 'Anonyme');
    });
    expect(contact.phone).toBeNull();
    expect(contact.identities).toEqual([
      expect.objectContaining({ scoped_id: 'FR.7781234567890123', external_id: null }),
    ]);
    const list = (await (await env.api(clinic.apiKey, '/api/v1/conversations')).json()) as PageJson<Json>;
    const conversation = list.data.find((c) => c.contact_id === contact.id);
    expect(conversation).toBeDefined();
    const reply = (await (
      await env.api(clinic.apiKey, `/api/v1/conversations/${conversation?.id}/messages`, {
        method: 'POST',
        body: { type: 'text', text: 'Bonjour !' },
      })
    ).json()) as Json;
    const read = await eventually(async () => {
      const m = await messageById(String(conversation?.id), String(reply.id));
      return m?.status === 'read' ? m : undefined;
    });
    const send = sim.sends(clinic.number.phoneNumberId).find((s) => s.wamid === read.external_id);
    expect(send?.request).toMatchObject({ recipient: 'FR.7781234567890123' });
    expect(send?.request).not.toHaveProperty('to');
  });

  test('Meta’s subscription handshake answers the challenge only with a known verify token', async () => {
    const ok = await fetch(
      `${env.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${clinic.number.verifyToken}&hub.challenge=1158201444`,
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const wrong = await fetch(
      `${env.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`,
    );
    expect(wrong.status).toBe(403);
  });

  async function messageById(conversationId: string, id: string): Promise<Json | undefined> {
    const page = (await (
      await env.api(clinic.apiKey, `/api/v1/conversations/${conversationId}/messages`)
    ).json()) as PageJson<Json>;
    return page.data.find((m) => m.id === id);
  }

  async function journalSize(): Promise<number> {
    const [row] = await env.handle.db.select({ n: count() }).from(webhookEvents);
    return row?.n ?? 0;
  }

  test('a patient’s message is taken ahead of the replies waiting to go out', async () => {
    const sim = env.simulator.simulator;
    await sim.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: '+33611223399',
      text: 'Bonjour',
    });
    const conversation = await conversationOf('+33 6 11 22 33 99');
    let urgentWamid = '';
    await env.careline.worker.stop();
    try {
      for (let i = 0; i < 30; i += 1) {
        const queued = await env.api(clinic.apiKey, `/api/v1/conversations/${conversation.id}/messages`, {
          method: 'POST',
          body: { type: 'text', text: `Réponse ${i}` },
        });
        expect(queued.status).toBe(202);
      }
      const urgent = await sim.patientSends({
        phoneNumberId: clinic.number.phoneNumberId,
        from: '+33611223399',
        text: 'J’ai très mal dans la poitrine',
      });
      expect(urgent.httpStatus).toBe(200);
      urgentWamid = urgent.wamid;

      const [next] = await claimJobs(
        env.handle.db,
        [channelWebhookQueue.name, outboxSendQueue.name],
        1,
        60_000,
      );
      expect(next?.queue).toBe(channelWebhookQueue.name);
      // Handed back untouched: the worker takes it again below.
      if (next)
        await env.handle.db
          .update(jobs)
          .set({ status: 'queued', attempts: 0, lockedUntil: null })
          .where(eq(jobs.id, next.id));
    } finally {
      env.careline.worker.start();
    }
    await env.settle(15_000);
    const stored = await env.handle.db
      .select({ direction: messages.direction, externalId: messages.externalId, status: messages.status })
      .from(messages)
      .where(eq(messages.conversationId, String(conversation.id)));
    expect(stored.filter((m) => m.direction === 'inbound').map((m) => m.externalId)).toContain(urgentWamid);
    // The 30 replies, and the emergency advice the patient's chest pain brought.
    expect(stored.filter((m) => m.direction === 'outbound' && m.status !== 'queued')).toHaveLength(31);
  });

  function postWebhook(body: string, options: { secret?: string; signature?: null }): Promise<Response> {
    return postSignedWebhook(env.url, body, options.secret ?? null);
  }
});
