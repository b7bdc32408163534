import { afterEach, describe, expect, it } from 'vitest';
import {
  startSimulatorAndReceiver,
  statusesFor,
  TEST_NUMBER,
  textTo,
  wamidOf,
} from './webhook-receiver.test-support.ts';

type Harness = Awaited<ReturnType<typeof startSimulatorAndReceiver>>;
let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const HOUR = 60 * 60 * 1000;

describe('24-hour customer-service window', () => {
  it('accepts a free-form send outside the window, then fails it with 131047', async () => {
    let now = new Date('2026-03-02T09:00:00Z');
    harness = await startSimulatorAndReceiver({ now: () => now, behaviour: { enforceServiceWindow: true } });
    const { simulator, receiver, graph } = harness;

    const cold = await graph(textTo('33612345678', 'Bonjour'));
    await simulator.patientSends({ from: '+33612345678', text: 'Bonjour docteur' });
    const inside = wamidOf(await graph(textTo('33612345678', 'Bonjour Marie')));
    now = new Date(now.getTime() + 23 * HOUR);
    const stillInside = wamidOf(await graph(textTo('33612345678', 'Rappel')));
    now = new Date(now.getTime() + 2 * HOUR);
    const expired = await graph(textTo('33612345678', 'Trop tard'));
    await simulator.idle();

    expect(cold.status).toBe(200);
    expect(expired.status).toBe(200);
    for (const response of [cold, expired]) {
      const statuses = statusesFor(receiver.received, wamidOf(response));
      expect(statuses.map((status) => status.status)).toEqual(['failed']);
      expect(statuses[0]?.errors).toEqual([
        {
          code: 131047,
          title: 'Re-engagement message',
          message: 'Re-engagement message',
          error_data: {
            details:
              'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
          },
          href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
        },
      ]);
    }
    for (const wamid of [inside, stillInside]) {
      expect(statusesFor(receiver.received, wamid).map((status) => status.status)).toEqual([
        'sent',
        'delivered',
        'read',
      ]);
    }
  });

  it('is refreshed by every kind of patient message, and keyed by number and user', async () => {
    harness = await startSimulatorAndReceiver({
      clock: { start: new Date('2026-03-02T09:00:00Z') },
      behaviour: { enforceServiceWindow: true, stopAfter: 'sent' },
    });
    const { simulator, receiver, graph } = harness;
    await simulator.patientSends({ from: '+33612345678', text: 'Bonjour' });
    simulator.advanceClock(20 * HOUR);
    await simulator.patientSends({ type: 'location', from: '+33612345678', latitude: 1, longitude: 2 });
    simulator.advanceClock(20 * HOUR);

    const refreshed = wamidOf(await graph(textTo('33612345678', 'ok')));
    const otherUser = wamidOf(await graph(textTo('33699999999', 'ok')));
    await simulator.idle();

    expect(statusesFor(receiver.received, refreshed).map((status) => status.status)).toEqual(['sent']);
    expect(statusesFor(receiver.received, otherUser).map((status) => status.status)).toEqual(['failed']);
    expect(simulator.message(otherUser)?.failure).toEqual({ code: 131047, title: 'Re-engagement message' });
  });

  it('lets templates through outside the window', async () => {
    harness = await startSimulatorAndReceiver({
      behaviour: { enforceServiceWindow: true, stopAfter: 'sent' },
    });
    const { simulator, receiver, graph } = harness;
    simulator.upsertTemplate({
      wabaId: TEST_NUMBER.wabaId,
      name: 'rappel_rdv',
      language: 'fr',
      category: 'UTILITY',
      status: 'APPROVED',
      components: [{ type: 'BODY', text: 'Rendez-vous le {{1}}' }],
    });

    const response = await graph({
      messaging_product: 'whatsapp',
      to: '33612345678',
      type: 'template',
      template: {
        name: 'rappel_rdv',
        language: { code: 'fr' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: 'lundi' }] }],
      },
    });
    await simulator.idle();

    expect(response.body.messages[0]).toEqual({ id: wamidOf(response), message_status: 'accepted' });
    const [sent] = statusesFor(receiver.received, wamidOf(response));
    expect(sent).toMatchObject({
      status: 'sent',
      pricing: { billable: true, pricing_model: 'PMP', category: 'utility', type: 'regular' },
      conversation: { origin: { type: 'utility' } },
    });
  });
});
