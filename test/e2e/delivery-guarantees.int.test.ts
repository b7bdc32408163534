import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openWebhookBody } from '../../src/channels/webhook-body-seal.ts';
import { signMetaPayload } from '../../src/channels/whatsapp/webhook-signature.ts';
import { channelAccounts, conversations, jobs, messages, webhookEvents } from '../../src/db-schema.ts';
import { sealChannelSecrets } from '../../src/modules/channel-accounts/channel-secrets.ts';
import { findIdentities } from '../../src/modules/contacts/contact.repository.ts';
import { openOneMessage } from '../../src/modules/inbox/message-sealing.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { storedMessagesSaying } from './inbox-support.ts';

interface Json {
  [key: string]: unknown;
}

describe.each(TEST_ENGINES)('delivery guarantees (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  const logs: string[] = [];

  beforeAll(async () => {
    env = await startTestCareline(engine, { logs });
    clinic = await env.addClinic('Centre médical Voltaire');
  });
  afterAll(async () => {
    await env?.close();
  });

  async function conversationId(): Promise<string> {
    return eventually(async () => {
      const page = (await (await env.api(clinic.apiKey, '/api/v1/conversations')).json()) as { data: Json[] };
      return page.data[0] ? String(page.data[0].id) : undefined;
    });
  }

  async function reply(text: string): Promise<Json> {
    const response = await env.api(
      clinic.apiKey,
      `/api/v1/conversations/${await conversationId()}/messages`,
      {
        method: 'POST',
        body: { type: 'text', text },
      },
    );
    expect(response.status).toBe(202);
    return (await response.json()) as Json;
  }

  async function statusOf(id: unknown): Promise<Json | undefined> {
    const [row] = await env.handle.db
      .select()
      .from(messages)
      .where(eq(messages.id, String(id)));
    return row ? { status: row.status, errorCode: row.errorCode, errorTitle: row.errorTitle } : undefined;
  }

  test('a webhook is journaled before the 200, and processed even if no worker ran at that time', async () => {
    await env.careline.worker.stop();
    const sentAt = String(Math.floor(Date.now() / 1000) - 60);
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: clinic.number.wabaId,
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: {
                  display_phone_number: '33180000000',
                  phone_number_id: clinic.number.phoneNumberId,
                },
                contacts: [{ profile: { name: 'Émile' }, wa_id: '33644444444' }],
                messages: [
                  {
                    from: '33644444444',
                    id: 'wamid.durable-1',
                    timestamp: sentAt,
                    type: 'text',
                    text: { body: 'Ordonnance à renouveler' },
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    const response = await fetch(`${env.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': signMetaPayload(body, clinic.number.appSecret),
      },
      body,
    });
    expect(response.status).toBe(200);
    const journal = await env.handle.db.select().from(webhookEvents);
    expect(journal.map((e) => openWebhookBody(env.fieldCipher, e))).toContain(body);
    expect(
      await env.handle.db.select().from(messages).where(eq(messages.externalId, 'wamid.durable-1')),
    ).toEqual([]);

    env.careline.worker.start();
    const stored = await eventually(async () => {
      const [row] = await env.handle.db
        .select()
        .from(messages)
        .where(eq(messages.externalId, 'wamid.durable-1'));
      return row;
    });
    expect(await openOneMessage(env.handle.db, env.careline.keyring, stored)).toMatchObject({
      text: 'Ordonnance à renouveler',
      direction: 'inbound',
    });
    expect(stored.occurredAt.getTime()).toBe(Number(sentAt) * 1000);
  });

  test('when WhatsApp cannot be reached the send is retried later, then goes through', async () => {
    const [account] = await env.handle.db
      .select()
      .from(channelAccounts)
      .where(eq(channelAccounts.id, clinic.account.id));
    if (!account) throw new Error('account missing');
    await env.handle.db
      .update(channelAccounts)
      .set({ settings: { ...account.settings, graphUrl: 'http://127.0.0.1:9' } })
      .where(eq(channelAccounts.id, account.id));

    const message = await reply('Votre ordonnance est prête');
    const retrying = await eventually(async () => {
      const [job] = await env.handle.db
        .select()
        .from(jobs)
        .where(eq(jobs.dedupeKey, String(message.id)));
      return job?.attempts === 1 && job.status === 'queued' ? job : undefined;
    });
    expect(retrying.lastError).toContain('Could not reach WhatsApp');
    expect(retrying.runAt.getTime()).toBeGreaterThan(Date.now());
    expect(await statusOf(message.id)).toMatchObject({ status: 'queued' });

    await env.handle.db
      .update(channelAccounts)
      .set({ settings: account.settings })
      .where(eq(channelAccounts.id, account.id));
    await env.handle.db.update(jobs).set({ runAt: new Date() }).where(eq(jobs.id, retrying.id));
    env.careline.worker.wake();
    await eventually(async () => ((await statusOf(message.id))?.status === 'read' ? true : undefined));
  });

  test('a reply waiting for a retry holds back the ones written after it: the patient reads them in order', async () => {
    const [account] = await env.handle.db
      .select()
      .from(channelAccounts)
      .where(eq(channelAccounts.id, clinic.account.id));
    if (!account) throw new Error('account missing');
    const texts = () =>
      env.simulator.simulator
        .sends(clinic.number.phoneNumberId)
        .map((s) => ((s.request as Json).text as Json | undefined)?.body)
        .filter((body) => body === 'Premier message' || body === 'Second message');
    await env.handle.db
      .update(channelAccounts)
      .set({ settings: { ...account.settings, graphUrl: 'http://127.0.0.1:9' } })
      .where(eq(channelAccounts.id, account.id));
    const first = await reply('Premier message');
    const retrying = await eventually(async () => {
      const [job] = await env.handle.db
        .select()
        .from(jobs)
        .where(eq(jobs.dedupeKey, String(first.id)));
      return job?.attempts === 1 && job.status === 'queued' ? job : undefined;
    });
    // Its next try is later than the backoff of a first failure would make it, so the test has time to look.
    await env.handle.db
      .update(jobs)
      .set({ runAt: new Date(Date.now() + 60_000) })
      .where(eq(jobs.id, retrying.id));
    await env.handle.db
      .update(channelAccounts)
      .set({ settings: account.settings })
      .where(eq(channelAccounts.id, account.id));

    // WhatsApp is back, but the first message's retry is not due yet: the second must not overtake it.
    const second = await reply('Second message');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await statusOf(second.id)).toMatchObject({ status: 'queued' });
    expect(texts()).toEqual([]);

    await env.handle.db.update(jobs).set({ runAt: new Date() }).where(eq(jobs.id, retrying.id));
    env.careline.worker.wake();
    await eventually(async () => ((await statusOf(second.id))?.status === 'read' ? true : undefined));
    expect(texts()).toEqual(['Premier message', 'Second message']);
  });

  test('a refusal WhatsApp will not change its mind about fails the message at once, with its reason', async () => {
    const [account] = await env.handle.db
      .select()
      .from(channelAccounts)
      .where(eq(channelAccounts.id, clinic.account.id));
    if (!account) throw new Error('account missing');
    await env.handle.db
      .update(channelAccounts)
      .set({
        secrets: await sealChannelSecrets(env.handle.db, env.careline.keyring, account.orgId, {
          ...(await env.careline.secretsOf(account)),
          accessToken: 'expired-token',
        }),
      })
      .where(eq(channelAccounts.id, account.id));

    const message = await reply('Rappel : rendez-vous demain');
    const failed = await eventually(async () => {
      const row = await statusOf(message.id);
      return row?.status === 'failed' ? row : undefined;
    });
    expect(failed).toMatchObject({ errorCode: 190, errorTitle: expect.stringContaining('access token') });
    const [job] = await env.handle.db
      .select()
      .from(jobs)
      .where(eq(jobs.dedupeKey, String(message.id)));
    expect(job).toMatchObject({ status: 'done', attempts: 1 });

    await env.handle.db
      .update(channelAccounts)
      .set({ secrets: account.secrets })
      .where(eq(channelAccounts.id, account.id));
  });

  test('logs carry no message text, phone number, token or secret', async () => {
    await env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: '+33655555555',
      name: 'Zoé Lambert',
      text: 'Mon fils a de la fièvre',
    });
    await eventually(async () => (await storedMessagesSaying(env, 'Mon fils a de la fièvre'))[0]);
    await fetch(
      `${env.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${clinic.number.verifyToken}&hub.challenge=42`,
    );
    await env.api(clinic.apiKey, '/api/v1/contacts?phone=%2B33655555555');
    await env.settle();

    const text = logs.join('\n');
    expect(logs.length).toBeGreaterThan(5);
    for (const secret of [
      'fièvre',
      'Ordonnance',
      'Votre ordonnance',
      'Zoé',
      '33655555555',
      '33644444444',
      clinic.number.accessToken,
      clinic.number.appSecret,
      clinic.number.verifyToken,
      clinic.apiKey,
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  test('a backlog over many patients goes out together: each reply once, in order per patient, a closed window refused without holding the rest', async () => {
    await env.careline.worker.stop();
    const patients = ['33670000001', '33670000002', '33670000003', '33670000004', '33670000005'];
    for (const [i, waId] of patients.entries()) {
      await env.simulator.simulator.patientSends({
        phoneNumberId: clinic.number.phoneNumberId,
        from: `+${waId}`,
        name: `Patient ${i}`,
        text: 'Bonjour',
      });
    }
    env.careline.worker.start();
    const conversationOf = new Map(
      await eventually(async () => {
        // Numbers are sealed: each patient is found as inbound messages find them, by blind index.
        const rows: Array<readonly [string, string]> = [];
        for (const waId of patients) {
          const [identity] = await findIdentities(
            env.handle.db,
            env.careline.keyring,
            clinic.org.id,
            'whatsapp',
            {
              externalId: waId,
              scopedId: null,
            },
          );
          const [conversation] = identity
            ? await env.handle.db
                .select({ id: conversations.id })
                .from(conversations)
                .where(eq(conversations.contactId, identity.contactId))
            : [];
          if (conversation) rows.push([waId, conversation.id] as const);
        }
        return rows.length === patients.length ? rows : undefined;
      }),
    );
    await env.settle();
    await env.careline.worker.stop();
    const written: { waId: string; id: string; text: string }[] = [];
    for (let n = 1; n <= 4; n += 1) {
      for (const waId of patients) {
        const text = `Réponse ${n} pour ${waId}`;
        const response = await env.api(
          clinic.apiKey,
          `/api/v1/conversations/${conversationOf.get(waId)}/messages`,
          {
            method: 'POST',
            body: { type: 'text', text },
          },
        );
        expect(response.status).toBe(202);
        written.push({ waId, text, id: String(((await response.json()) as Json).id) });
      }
    }
    // The last patient's window closed while the replies waited: free text can no longer reach them.
    const lapsed = String(conversationOf.get('33670000005'));
    await env.handle.db
      .update(conversations)
      .set({ lastInboundAt: new Date(Date.now() - 25 * 3_600_000) })
      .where(eq(conversations.id, lapsed));

    env.careline.worker.start();

    const reachable = written.filter((w) => w.waId !== '33670000005');
    await eventually(async () => {
      const rows = await env.handle.db
        .select({ status: messages.status })
        .from(messages)
        .where(
          inArray(
            messages.id,
            written.map((w) => w.id),
          ),
        );
      return rows.every((r) => r.status === 'read' || r.status === 'refused') ? true : undefined;
    }, 20_000);
    const calls = env.simulator.simulator
      .sends(clinic.number.phoneNumberId)
      .map((s) => s.request as Json)
      .filter((r) => written.some((w) => w.id === r.biz_opaque_callback_data));
    expect(calls).toHaveLength(reachable.length);
    for (const waId of patients.slice(0, 4)) {
      expect(calls.filter((c) => c.to === waId).map((c) => (c.text as Json).body)).toEqual(
        [1, 2, 3, 4].map((n) => `Réponse ${n} pour ${waId}`),
      );
    }
    const refused = await env.handle.db
      .select()
      .from(messages)
      .where(and(eq(messages.conversationId, lapsed), eq(messages.direction, 'outbound')));
    expect(refused.map((m) => [m.status, m.failureReason])).toEqual(
      Array.from({ length: 4 }, () => ['refused', 'window_closed']),
    );
  });
});
