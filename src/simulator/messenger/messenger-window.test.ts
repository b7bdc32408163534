import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulatorServer } from '../simulator-server.ts';

const HOUR_MS = 3_600_000;
const PAGE = { id: '104000000000077', token: 'EAAGwindow-page-token', appSecret: 'window-app-secret' };
const IG = { id: '17841400000000077', token: 'EAAGwindow-ig-token', appSecret: 'window-ig-secret' };

/**
 * The Messenger Platform's messaging window as Meta documents it (Send API reference and "Message
 * tags"), played by the stand-in and checked here with request bodies written from that documentation —
 * not with what Careline's adapter builds: a standard message (`RESPONSE`, `UPDATE`) goes for 24 hours
 * after the person's last message; after that only `MESSAGE_TAG` + `HUMAN_AGENT`, until 7 days after it;
 * outside, Graph answers code 10, subcode 2018278 "This message is sent outside of allowed window".
 */
describe('the Messenger stand-in enforces Meta’s 24-hour window and the HUMAN_AGENT tag’s 7 days', () => {
  let sim: RunningSimulator;
  const receiver = Fastify();

  beforeAll(async () => {
    receiver.post('/*', async (_request, reply) => reply.code(200).send());
    const receiverUrl = await receiver.listen({ port: 0, host: '127.0.0.1' });
    sim = await startSimulatorServer({ port: 0, clock: { start: new Date('2026-11-02T08:00:00Z') } });
    for (const [app, account] of [
      ['messenger', PAGE],
      ['instagram', IG],
    ] as const)
      sim.simulator.messenger.registerAccount({
        app,
        accountId: account.id,
        name: `Clinique ${app}`,
        accessToken: account.token,
        appSecret: account.appSecret,
        webhookUrl: `${receiverUrl}/webhooks/${app}`,
      });
  });
  afterAll(async () => {
    await sim?.close();
    await receiver.close();
  });

  /** The person writes now; answers their page-scoped id. */
  async function personWrites(accountId: string, key: string): Promise<string> {
    await sim.simulator.messenger.patientActs(
      accountId,
      { person: { key, name: 'Marie Curie' }, action: { type: 'text', text: 'Bonjour' } },
      sim.url,
    );
    const user = sim.simulator.messenger.userOf(accountId, key);
    if (!user) throw new Error('the person is unknown to the stand-in');
    return user.id;
  }

  /** `POST /v25.0/me/messages` as the Send API reference shows it: recipient, messaging_type, message. */
  async function send(token: string, psid: string, envelope: Record<string, string>) {
    const response = await fetch(`${sim.url}/v25.0/me/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ recipient: { id: psid }, ...envelope, message: { text: 'Bonjour' } }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  const RESPONSE = { messaging_type: 'RESPONSE' };
  const UPDATE = { messaging_type: 'UPDATE' };
  const HUMAN_AGENT = { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' };
  const outsideWindow = {
    status: 400,
    body: {
      error: {
        message: expect.stringContaining('(#10) This message is sent outside of allowed window'),
        type: 'OAuthException',
        code: 10,
        error_subcode: 2018278,
        fbtrace_id: expect.any(String),
      },
    },
  };

  it('within 24 hours RESPONSE and UPDATE go; at 24 hours they are refused with 10/2018278', async () => {
    const psid = await personWrites(PAGE.id, 'within');
    expect(await send(PAGE.token, psid, RESPONSE)).toMatchObject({
      status: 200,
      body: { recipient_id: psid, message_id: expect.stringMatching(/^m_/) },
    });
    sim.simulator.advanceClock(24 * HOUR_MS - 1);
    expect((await send(PAGE.token, psid, UPDATE)).status).toBe(200);
    sim.simulator.advanceClock(1);
    expect(await send(PAGE.token, psid, RESPONSE)).toMatchObject(outsideWindow);
    expect(await send(PAGE.token, psid, UPDATE)).toMatchObject(outsideWindow);
    // A new message from the person opens the window again.
    await personWrites(PAGE.id, 'within');
    expect((await send(PAGE.token, psid, RESPONSE)).status).toBe(200);
  });

  it('after 24 hours MESSAGE_TAG + HUMAN_AGENT goes until 7 days after the person’s last message, then not', async () => {
    const psid = await personWrites(PAGE.id, 'tagged');
    sim.simulator.advanceClock(30 * HOUR_MS);
    expect(await send(PAGE.token, psid, RESPONSE)).toMatchObject(outsideWindow);
    const tagged = await send(PAGE.token, psid, HUMAN_AGENT);
    expect(tagged).toMatchObject({ status: 200, body: { recipient_id: psid } });
    const kept = sim.simulator.messenger.sends(PAGE.id).find((m) => m.mid === tagged.body.message_id);
    expect(kept?.request).toMatchObject(HUMAN_AGENT);
    sim.simulator.advanceClock(7 * 24 * HOUR_MS - 30 * HOUR_MS - 1);
    expect((await send(PAGE.token, psid, HUMAN_AGENT)).status).toBe(200);
    sim.simulator.advanceClock(1);
    expect(await send(PAGE.token, psid, HUMAN_AGENT)).toMatchObject(outsideWindow);
    sim.simulator.advanceClock(24 * HOUR_MS);
    expect(await send(PAGE.token, psid, HUMAN_AGENT)).toMatchObject(outsideWindow);
  });

  it('another tag does not open the window; MESSAGE_TAG without a tag is a #100', async () => {
    const psid = await personWrites(PAGE.id, 'other-tag');
    sim.simulator.advanceClock(25 * HOUR_MS);
    expect(
      await send(PAGE.token, psid, { messaging_type: 'MESSAGE_TAG', tag: 'CONFIRMED_EVENT_UPDATE' }),
    ).toMatchObject(outsideWindow);
    expect(await send(PAGE.token, psid, { messaging_type: 'MESSAGE_TAG' })).toMatchObject({
      status: 400,
      body: { error: { code: 100 } },
    });
  });

  it('Instagram: the same rule, refused as IGApiException 10/2534022', async () => {
    const igsid = await personWrites(IG.id, 'insta');
    sim.simulator.advanceClock(25 * HOUR_MS);
    expect(await send(IG.token, igsid, RESPONSE)).toMatchObject({
      status: 403,
      body: { error: { type: 'IGApiException', code: 10, error_subcode: 2534022 } },
    });
    expect((await send(IG.token, igsid, HUMAN_AGENT)).status).toBe(200);
    sim.simulator.advanceClock(7 * 24 * HOUR_MS);
    expect((await send(IG.token, igsid, HUMAN_AGENT)).body).toMatchObject({
      error: { code: 10, error_subcode: 2534022 },
    });
  });
});
