import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulatorAndReceiver, TEST_NUMBER } from '../../simulator/webhook-receiver.test-support.ts';
import type { SendOutcome } from '../channel.ts';
import type { AdapterAccount } from '../channel-adapter.ts';
import { createWhatsAppAdapter, type WhatsAppSecrets, type WhatsAppSettings } from './whatsapp-adapter.ts';

type Harness = Awaited<ReturnType<typeof startSimulatorAndReceiver>>;
let harness: Harness;

beforeEach(async () => {
  harness = await startSimulatorAndReceiver();
});
afterEach(async () => {
  await harness.close();
});

const TIMEOUT_MS = 200;

function account(graphUrl: string): AdapterAccount<WhatsAppSettings, WhatsAppSecrets> {
  return {
    id: '6f1d0c1e-2b1e-4d8a-9c39-0d4f7e2a0b11',
    externalId: TEST_NUMBER.phoneNumberId,
    settings: { graphUrl, apiVersion: 'v25.0' },
    secrets: { accessToken: TEST_NUMBER.accessToken, appSecret: TEST_NUMBER.appSecret, verifyToken: 'v' },
  };
}

const PATIENT = { externalId: '33612345678', scopedId: null };

function send(graphUrl = harness.server.url): Promise<SendOutcome> {
  const adapter = createWhatsAppAdapter({ graphUrl, apiVersion: 'v25.0', timeoutMs: TIMEOUT_MS });
  return adapter.outbound.send(
    account(graphUrl),
    PATIENT,
    { type: 'text', text: 'Votre ordonnance est prête' },
    {
      correlationId: 'b7c1f0de-3a52-4d4e-9a31-5e2f0c6d7a88',
      replyToExternalId: null,
      providerMediaIds: {},
      loadMedia: () => Promise.reject(new Error('WhatsApp uploads its files before the send')),
    },
  );
}

/** What reached the simulated Meta: the sends it took. */
function sendsMetaTook() {
  return harness.simulator.sends(TEST_NUMBER.phoneNumberId).filter((s) => s.wamid !== undefined);
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

describe('the WhatsApp adapter’s send: was it sent, or may it have been?', () => {
  it('a send that times out after Meta accepted it is unknown, not "not sent"', async () => {
    harness.simulator.injectTransportFaults([{ kind: 'slow_answer', delayMs: TIMEOUT_MS * 3 }]);

    const outcome = await send();

    expect(sendsMetaTook()).toHaveLength(1);
    expect(outcome).toMatchObject({ ok: false, disposition: 'unknown', code: null });
    expect(outcome.ok || outcome.title).toContain(`no answer within ${TIMEOUT_MS} ms`);
  });

  it('a send whose connection drops after Meta took it is unknown', async () => {
    harness.simulator.injectTransportFaults([{ kind: 'no_answer' }]);

    expect(await send()).toMatchObject({ ok: false, disposition: 'unknown' });
    expect(sendsMetaTook()).toHaveLength(1);
  });

  it("a send whose answer is cut off after Meta accepted it is unknown, not Meta's refusal", async () => {
    harness.simulator.injectTransportFaults([{ kind: 'cut_answer' }]);

    expect(await send()).toMatchObject({ ok: false, disposition: 'unknown' });
    expect(sendsMetaTook()).toHaveLength(1);
  });

  it("a gateway's error page without Meta's error object is unknown", async () => {
    harness.simulator.injectTransportFaults([{ kind: 'gateway_error', httpStatus: 502 }]);

    expect(await send()).toMatchObject({ ok: false, disposition: 'unknown', code: null });
  });

  it('a send refused before it reached Meta (connection refused) is certainly not sent: retry', async () => {
    const outcome = await send(`http://127.0.0.1:${await closedPort()}`);

    expect(outcome).toMatchObject({ ok: false, disposition: 'retry' });
    expect(outcome.ok || outcome.title).toContain('Could not reach WhatsApp');
  });

  it('a send whose TLS handshake fails is certainly not sent: retry', async () => {
    // The simulator speaks plain HTTP: the handshake fails before any of the request leaves.
    const outcome = await send(harness.server.url.replace('http:', 'https:'));

    expect(outcome).toMatchObject({ ok: false, disposition: 'retry' });
    expect(harness.simulator.sends(TEST_NUMBER.phoneNumberId)).toHaveLength(0);
  });

  it("Meta's refusals are certainly not sent: the pair rate limit is retried, with its reason", async () => {
    harness.simulator.injectErrors([{ code: 131056, httpStatus: 400 }]);

    expect(await send()).toMatchObject({
      ok: false,
      disposition: 'retry',
      code: 131056,
      reason: 'throttled_pair',
    });
  });

  it('an accepted send is answered with its wamid', async () => {
    const outcome = await send();

    expect(outcome).toEqual({ ok: true, externalId: sendsMetaTook()[0]?.wamid });
  });
});
