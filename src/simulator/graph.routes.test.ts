import { afterEach, describe, expect, it } from 'vitest';
import {
  changeValue,
  startSimulatorAndReceiver,
  TEST_NUMBER,
  textTo,
} from './webhook-receiver.test-support.ts';

type Harness = Awaited<ReturnType<typeof startSimulatorAndReceiver>>;
let harness: Harness | undefined;

async function start(): Promise<Harness> {
  harness = await startSimulatorAndReceiver({ behaviour: { stopAfter: 'accepted' } });
  return harness;
}

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('Graph POST /{version}/{phone-number-id}/messages', () => {
  it('answers 401 with code 190 for a wrong or missing token', async () => {
    const { graph } = await start();

    for (const token of ['not-a-real-token', null]) {
      const response = await graph(textTo('33612345678', 'hi'), { token });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({
        error: {
          message: 'Invalid OAuth access token - Cannot parse access token',
          type: 'OAuthException',
          code: 190,
          fbtrace_id: expect.stringMatching(/^[A-Za-z0-9_-]{23}$/),
        },
      });
    }
  });

  it('answers 400 with code 100 for a phone number id it does not know', async () => {
    const { graph } = await start();

    const response = await graph(textTo('33612345678', 'hi'), { phoneNumberId: '999999999' });

    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 100, error_subcode: 33, type: 'GraphMethodException' });
    expect(response.body.error.message).toContain("Object with ID '999999999' does not exist");
  });

  it('accepts a send addressed to a business-scoped user id and reports statuses to that user id', async () => {
    harness = await startSimulatorAndReceiver({ behaviour: { stopAfter: 'sent' } });
    const { graph, simulator } = harness;

    const response = await graph({
      messaging_product: 'whatsapp',
      recipient: 'US.13491208655302741918',
      type: 'text',
      text: { body: 'hi' },
    });

    expect(response.status).toBe(200);
    expect(response.body.contacts).toEqual([
      { input: 'US.13491208655302741918', user_id: 'US.13491208655302741918' },
    ]);
    await simulator.idle();
    const status = harness.receiver.received.map(changeValue).flatMap((value) => value.statuses ?? [])[0];
    expect(status).toMatchObject({ status: 'sent', recipient_user_id: 'US.13491208655302741918' });
    expect(status).not.toHaveProperty('recipient_id');
  });

  it('refuses a send with neither `to` nor `recipient`', async () => {
    const { graph } = await start();
    const response = await graph({ messaging_product: 'whatsapp', type: 'text', text: { body: 'hi' } });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('(#100) The parameter to is required.');
  });

  it('refuses a text over 4096 characters, naming the limit', async () => {
    const { graph } = await start();

    const atLimit = await graph(textTo('33612345678', 'é'.repeat(4096)));
    const over = await graph(textTo('33612345678', 'a'.repeat(4097)));

    expect(atLimit.status).toBe(200);
    expect(over.status).toBe(400);
    expect(over.body.error.code).toBe(100);
    expect(over.body.error.message).toBe("(#100) Param text['body'] must be at most 4096 characters long.");
  });

  it('refuses other message types and malformed bodies with code 100, naming the parameter', async () => {
    const { graph } = await start();

    const image = await graph({
      messaging_product: 'whatsapp',
      to: '33612345678',
      type: 'image',
      image: { id: '1' },
    });
    const missingTo = await graph({ messaging_product: 'whatsapp', type: 'text', text: { body: 'hi' } });
    const badTo = await graph(textTo('not-a-number', 'hi'));

    expect(image.status).toBe(400);
    expect(image.body.error).toMatchObject({ code: 100, message: '(#100) Invalid parameter' });
    expect(missingTo.body.error).toMatchObject({
      code: 100,
      message: '(#100) The parameter to is required.',
    });
    expect(badTo.body.error.code).toBe(100);
    expect(badTo.body.error.error_data.details).toContain('Param to');
  });

  it('answers code 100 to a body that is not JSON', async () => {
    const { server } = await start();

    const response = await fetch(`${server.url}/v25.0/${TEST_NUMBER.phoneNumberId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_NUMBER.accessToken}` },
      body: '{"messaging_product":',
    });

    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: number } }).error.code).toBe(100);
  });

  it('records every request the number received with the answer given', async () => {
    const { simulator, graph } = await start();

    await graph(textTo('33612345678', 'first'));
    await graph(textTo('33612345678', 'second'), { token: 'wrong' });

    const sends = simulator.sends(TEST_NUMBER.phoneNumberId);
    expect(sends.map((send) => send.response.httpStatus)).toEqual([200, 401]);
    expect(sends[0]).toMatchObject({ request: { text: { body: 'first' } }, status: 'accepted' });
    expect(sends[0]?.wamid).toMatch(/^wamid\./);
    expect(sends[1]?.wamid).toBeUndefined();
  });
});
