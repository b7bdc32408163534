import { randomBytes } from 'node:crypto';
import { count, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signMetaPayload } from '../../src/channels/meta/webhook-signature.ts';
import { messages, webhookEvents } from '../../src/db-schema.ts';
import { insertChannelAccount } from '../../src/modules/channel-accounts/channel-account.repository.ts';
import { sealChannelSecrets } from '../../src/modules/channel-accounts/channel-secrets.ts';
import { installBuiltInFlows } from '../../src/modules/flows/flow.service.ts';
import { BUILT_IN_TEAMS } from '../../src/modules/flows/library/built-in-teams.ts';
import { createTeam } from '../../src/modules/teams/team.service.ts';
import { startSendApiStandIn } from '../support/messenger-send-api.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { call, getJson, type Json, type PageJson } from './inbox-support.ts';

const PAGE_ID = '104000000000001';
const PAGE_TOKEN = `EAAG${randomBytes(12).toString('hex')}`;
const APP_SECRET = `app-${randomBytes(8).toString('hex')}`;
const VERIFY_TOKEN = `verify-${randomBytes(8).toString('hex')}`;

/**
 * A clinic's Facebook Page end to end: Meta's handshake, signed deliveries routed by the page id in the
 * body, the patient found by their page-scoped id, and the clinic's reply through the Send API stand-in.
 */
describe.each(TEST_ENGINES)('a Messenger conversation end to end (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let sendApi: Awaited<ReturnType<typeof startSendApiStandIn>>;
  let mid = 0;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Cabinet des Halles');
    for (const name of Object.values(BUILT_IN_TEAMS)) {
      await createTeam(env.handle.db, clinic.org.id, { name, assignmentMode: 'round_robin' });
    }
    await installBuiltInFlows(env.handle.db, clinic.org.id);
    sendApi = await startSendApiStandIn(PAGE_TOKEN);
    await insertChannelAccount(env.handle.db, {
      orgId: clinic.org.id,
      type: 'messenger',
      name: 'Cabinet des Halles (Facebook)',
      externalId: PAGE_ID,
      settings: { graphUrl: sendApi.url, apiVersion: 'v25.0' },
      secrets: await sealChannelSecrets(env.handle.db, env.careline.keyring, clinic.org.id, {
        pageAccessToken: PAGE_TOKEN,
        appSecret: APP_SECRET,
        verifyToken: VERIFY_TOKEN,
      }),
    });
  });
  afterAll(async () => {
    await sendApi?.close();
    await env?.close();
  });

  function textDelivery(psid: string, text: string, pageId = PAGE_ID) {
    mid += 1;
    const now = Date.now();
    return {
      object: 'page',
      entry: [
        {
          id: pageId,
          time: now,
          messaging: [
            {
              sender: { id: psid },
              recipient: { id: pageId },
              timestamp: now,
              message: { mid: `m_patient${mid}`, text },
            },
          ],
        },
      ],
    };
  }

  async function deliver(body: unknown, secret = APP_SECRET) {
    const raw = JSON.stringify(body);
    return fetch(`${env.url}/webhooks/messenger`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaPayload(raw, secret) },
      body: raw,
    });
  }

  async function conversationOf(externalId: string): Promise<Json> {
    return eventually(async () => {
      const list = await getJson<PageJson>(env, clinic, '/conversations');
      for (const conversation of list.data) {
        const timeline = await getJson<PageJson>(
          env,
          clinic,
          `/conversations/${String(conversation.id)}/messages`,
        );
        if (timeline.data.some((m) => m.external_id === externalId)) return conversation;
      }
      return undefined;
    });
  }

  test('Meta’s subscription handshake answers the challenge for the page’s verify token only', async () => {
    const ok = await fetch(
      `${env.url}/webhooks/messenger?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`,
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const wrong = await fetch(
      `${env.url}/webhooks/messenger?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444`,
    );
    expect(wrong.status).toBe(403);
  });

  test('a patient writes to the page, the clinic answers through the Send API', async () => {
    const psid = '6100000000000001';
    const response = await deliver(textDelivery(psid, 'Bonjour, le cabinet est-il ouvert samedi ?'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, stored: 1 });
    const conversation = await conversationOf(`m_patient${mid}`);
    const contact = await getJson(env, clinic, `/contacts/${String(conversation.contact_id)}`);
    expect(contact).toMatchObject({ identities: [{ channel: 'messenger' }] });

    const reply = await call(env, clinic, 'POST', `/conversations/${String(conversation.id)}/messages`, {
      type: 'text',
      text: 'Oui, de 9 h à 12 h.',
    });
    expect(reply.status).toBe(202);
    const sent = await eventually(async () =>
      sendApi.calls.find(
        (c) => (c.body.message as { text?: string } | undefined)?.text === 'Oui, de 9 h à 12 h.',
      ),
    );
    expect(sent.path).toBe('/v25.0/me/messages');
    expect(sent.body).toMatchObject({ recipient: { id: psid }, messaging_type: 'RESPONSE' });
    const stored = await eventually(async () => {
      const timeline = await getJson<PageJson>(
        env,
        clinic,
        `/conversations/${String(conversation.id)}/messages`,
      );
      const message = timeline.data.find((m) => m.id === reply.body.id);
      return message?.external_id ? message : undefined;
    });
    expect(stored.external_id).toMatch(/^m_standin\d+$/);
  });

  test('the welcome menu of five choices reaches Messenger as five quick replies, without row descriptions', async () => {
    const psid = '6100000000000003';
    await deliver(textDelivery(psid, 'Bonjour'));
    const menu = await eventually(async () =>
      sendApi.calls.find(
        (c) =>
          (c.body.recipient as { id?: string } | undefined)?.id === psid &&
          Array.isArray((c.body.message as { quick_replies?: unknown } | undefined)?.quick_replies),
      ),
    );
    const replies = (menu.body.message as { quick_replies: Array<{ title: string; payload: string }> })
      .quick_replies;
    expect(replies.map((reply) => reply.title)).toEqual([
      'Conseils santé',
      'Questions fréquentes',
      'Question médicale',
      'Prendre rendez-vous',
      'Autre chose',
    ]);
  });

  test('a delivery unsigned, signed with another secret, or for a page Careline does not have, is not kept', async () => {
    const before = await env.handle.db.select({ n: count() }).from(webhookEvents);
    const forged = await deliver(textDelivery('6100000000000002', 'hello'), 'not-the-app-secret');
    expect(forged.status).toBe(401);
    // Unsigned: refused before the page is even looked up, whatever it names.
    const unsigned = await fetch(`${env.url}/webhooks/messenger`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(textDelivery('6100000000000002', 'hello')),
    });
    expect(unsigned.status).toBe(401);
    expect(((await unsigned.json()) as Json).detail).toBe('Missing X-Hub-Signature-256');
    const otherPage = await deliver(textDelivery('6100000000000002', 'hello', '999999999'));
    expect(otherPage.status).toBe(200);
    expect(await otherPage.json()).toEqual({ received: true, stored: 0 });
    const after = await env.handle.db.select({ n: count() }).from(webhookEvents);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  test('a postback delivered without a mid (older Page setups) is stored once, even when Meta retries it', async () => {
    const psid = '6100000000000008';
    const now = Date.now();
    const postback = {
      object: 'page',
      entry: [
        {
          id: PAGE_ID,
          time: now,
          messaging: [
            {
              sender: { id: psid },
              recipient: { id: PAGE_ID },
              timestamp: now,
              postback: { title: 'Commencer', payload: 'GET_STARTED' },
            },
          ],
        },
      ],
    };
    expect((await deliver(postback)).status).toBe(200);
    const stored = async () =>
      (
        await env.handle.db
          .select({ id: messages.id, type: messages.type, externalId: messages.externalId })
          .from(messages)
          .where(like(messages.externalId, 'careline-surrogate:%'))
      ).filter((m) => m.type === 'button_reply');
    const [tap] = await eventually(async () => {
      const found = await stored();
      return found.length > 0 ? found : undefined;
    });
    expect(tap?.externalId).toMatch(/^careline-surrogate:/);
    // Meta retries the same bytes: the same id, nothing stored twice.
    expect((await deliver(postback)).status).toBe(200);
    await env.settle();
    expect(await stored()).toHaveLength(1);
  });

  test('an agent opens the conversation: the patient sees it was read (mark_seen to their PSID)', async () => {
    const psid = '6100000000000007';
    await deliver(textDelivery(psid, 'Pouvez-vous me rappeler ?'));
    const conversation = await conversationOf(`m_patient${mid}`);
    const read = await call(env, clinic, 'POST', `/conversations/${String(conversation.id)}/read`);
    expect(read.status).toBe(202);
    expect(read.body).toEqual({ receipt_queued: true });
    const seen = await eventually(async () =>
      sendApi.calls.find((c) => c.body.sender_action === 'mark_seen'),
    );
    expect(seen.body).toEqual({ recipient: { id: psid }, sender_action: 'mark_seen' });
  });
});
