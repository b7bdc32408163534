import { afterEach, describe, expect, it } from 'vitest';
import { graphCall } from './graph-client.test-support.ts';
import type { TemplateInput } from './template.schema.ts';
import {
  startSimulatorAndReceiver,
  statusesFor,
  TEST_NUMBER,
  wamidOf,
  webhookOf,
} from './webhook-receiver.test-support.ts';

type Harness = Awaited<ReturnType<typeof startSimulatorAndReceiver>>;
let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const WABA = TEST_NUMBER.wabaId;

const reminder = {
  wabaId: WABA,
  name: 'rappel_rdv',
  language: 'fr',
  category: 'UTILITY',
  status: 'APPROVED',
  parameterFormat: 'POSITIONAL',
  components: [
    { type: 'HEADER', format: 'IMAGE' },
    { type: 'BODY', text: 'Bonjour {{1}}, rendez-vous le {{2}}.' },
    { type: 'FOOTER', text: 'Cabinet' },
    {
      type: 'BUTTONS',
      buttons: [
        { type: 'QUICK_REPLY', text: 'Confirmer' },
        { type: 'URL', text: 'Détails', url: 'https://example.org/rdv/{{1}}' },
      ],
    },
  ],
} satisfies TemplateInput;

const named = {
  wabaId: WABA,
  name: 'promo',
  language: 'fr',
  category: 'MARKETING',
  status: 'APPROVED',
  parameterFormat: 'NAMED',
  components: [{ type: 'BODY', text: 'Bonjour {{first_name}}, {{offer}}' }],
} satisfies TemplateInput;

const image = { type: 'image', image: { link: 'https://example.org/a.jpg' } };
const text = (value: string, name?: string) => ({
  type: 'text',
  text: value,
  ...(name ? { parameter_name: name } : {}),
});

function templateSend(name: string, components: unknown[], language = 'fr') {
  return {
    messaging_product: 'whatsapp',
    to: '33612345678',
    type: 'template',
    template: { name, language: { code: language }, components },
  };
}

const validReminder = (bodyParams: unknown[] = [text('Marie'), text('lundi')]) =>
  templateSend('rappel_rdv', [
    { type: 'header', parameters: [image] },
    { type: 'body', parameters: bodyParams },
    { type: 'button', sub_type: 'url', index: '1', parameters: [text('42')] },
  ]);

describe('template registry and template sends', () => {
  it('lists templates through Graph, paginated, Bearer-checked', async () => {
    harness = await startSimulatorAndReceiver();
    const { simulator, server } = harness;
    for (let i = 0; i < 5; i += 1) simulator.upsertTemplate({ ...reminder, name: `t${i}` });

    const first = await graphCall(server.url, 'GET', `/v25.0/${WABA}/message_templates?limit=2`);
    const second = await graphCall(
      server.url,
      'GET',
      `/v25.0/${WABA}/message_templates?limit=2&after=${first.body.paging?.cursors.after}`,
    );
    const last = await graphCall(
      server.url,
      'GET',
      `/v25.0/${WABA}/message_templates?limit=2&after=${second.body.paging?.cursors.after}`,
    );
    const noToken = await graphCall(server.url, 'GET', `/v25.0/${WABA}/message_templates`, { token: null });
    const otherWaba = await graphCall(server.url, 'GET', '/v25.0/999/message_templates');

    expect(first.status).toBe(200);
    expect(first.body.data?.map((t) => t.name)).toEqual(['t0', 't1']);
    expect(first.body.data?.[0]).toEqual({
      id: expect.stringMatching(/^\d{15}$/),
      name: 't0',
      language: 'fr',
      status: 'APPROVED',
      category: 'UTILITY',
      parameter_format: 'POSITIONAL',
      components: reminder.components,
    });
    expect(first.body.paging?.cursors).toEqual({ before: expect.any(String), after: expect.any(String) });
    expect(first.body.paging?.next).toContain(`/v25.0/${WABA}/message_templates?limit=2&after=`);
    expect(second.body.data?.map((t) => t.name)).toEqual(['t2', 't3']);
    expect(last.body.data?.map((t) => t.name)).toEqual(['t4']);
    expect(last.body.paging?.next).toBeUndefined();
    expect(noToken.status).toBe(401);
    expect(noToken.body.error?.code).toBe(190);
    expect(otherWaba.body.error?.code).toBe(100);
  });

  it('accepts a send matching the approved template', async () => {
    harness = await startSimulatorAndReceiver({ behaviour: { stopAfter: 'accepted' } });
    harness.simulator.upsertTemplate(reminder);

    const response = await harness.graph(validReminder());

    expect(response.status).toBe(200);
    expect(harness.simulator.message(wamidOf(response))?.text).toBe('Bonjour Marie, rendez-vous le lundi.');
  });

  it('refuses unknown, unapproved, paused and disabled templates (132001 / 132015 / 132016)', async () => {
    harness = await startSimulatorAndReceiver({ behaviour: { stopAfter: 'accepted' } });
    const { simulator, graph } = harness;
    simulator.upsertTemplate(reminder);
    for (const [name, status] of [
      ['pending', 'PENDING'],
      ['rejected', 'REJECTED'],
      ['paused', 'PAUSED'],
      ['disabled', 'DISABLED'],
    ] as const) {
      simulator.upsertTemplate({ ...named, name, status });
    }
    const params = [{ type: 'body', parameters: [text('a', 'first_name'), text('b', 'offer')] }];

    const codes = [];
    for (const send of [
      templateSend('nope', []),
      templateSend('rappel_rdv', [], 'en_US'),
      templateSend('pending', params),
      templateSend('rejected', params),
      templateSend('paused', params),
      templateSend('disabled', params),
    ]) {
      codes.push((await graph(send)).body.error?.code);
    }

    expect(codes).toEqual([132001, 132001, 132001, 132001, 132015, 132016]);
    const missing = await graph(templateSend('nope', []));
    expect(missing.body.error).toMatchObject({
      message: '(#132001) Template name does not exist in the translation',
      error_data: { details: 'template name (nope) does not exist in fr' },
    });
  });

  it('checks parameter counts (132000), formats and names (132012) and hydrated length (132005)', async () => {
    harness = await startSimulatorAndReceiver({ behaviour: { stopAfter: 'accepted' } });
    const { simulator, graph } = harness;
    simulator.upsertTemplate(reminder);
    simulator.upsertTemplate(named);

    const tooFew = await graph(validReminder([text('Marie')]));
    const textHeader = await graph(
      templateSend('rappel_rdv', [
        { type: 'header', parameters: [text('oops')] },
        { type: 'body', parameters: [text('a'), text('b')] },
        { type: 'button', sub_type: 'url', index: '1', parameters: [text('42')] },
      ]),
    );
    const noUrlParam = await graph(
      templateSend('rappel_rdv', [
        { type: 'header', parameters: [image] },
        { type: 'body', parameters: [text('a'), text('b')] },
      ]),
    );
    const wrongName = await graph(
      templateSend('promo', [{ type: 'body', parameters: [text('a', 'first_name'), text('b', 'price')] }]),
    );
    const tooLong = await graph(validReminder([text('x'.repeat(1000)), text('lundi')]));

    expect(tooFew.body.error).toMatchObject({
      code: 132000,
      message: '(#132000) Number of parameters does not match the expected number of params',
      error_data: {
        details: 'body: number of localizable_params (1) does not match the expected number of params (2)',
      },
    });
    expect(textHeader.body.error).toMatchObject({
      code: 132012,
      error_data: { details: 'header: Format mismatch, expected IMAGE, received TEXT' },
    });
    expect(noUrlParam.body.error?.code).toBe(132000);
    expect(noUrlParam.body.error?.error_data?.details).toContain('button at index 1');
    expect(wrongName.body.error?.code).toBe(132012);
    expect(wrongName.body.error?.error_data?.details).toContain("'price'");
    expect(tooLong.body.error?.code).toBe(132005);
    expect(tooLong.body.error?.error_data?.details).toContain('at most 1024');
  });

  it('fails a MARKETING template to a user who opted out with 131050, after a user_preferences webhook', async () => {
    harness = await startSimulatorAndReceiver({ behaviour: { stopAfter: 'sent' } });
    const { simulator, graph, receiver } = harness;
    simulator.upsertTemplate(named);
    const params = [{ type: 'body', parameters: [text('Marie', 'first_name'), text('-20%', 'offer')] }];

    await simulator.patientSetsMarketingPreference({ from: '+33612345678', value: 'stop' });
    const blocked = wamidOf(await graph(templateSend('promo', params)));
    await simulator.patientSetsMarketingPreference({ from: '+33612345678', value: 'resume' });
    const allowed = wamidOf(await graph(templateSend('promo', params)));
    await simulator.idle();

    expect(statusesFor(receiver.received, blocked)[0]).toMatchObject({
      status: 'failed',
      errors: [{ code: 131050 }],
    });
    expect(statusesFor(receiver.received, allowed).map((status) => status.status)).toEqual(['sent']);
    const preferences = receiver.received
      .map(webhookOf)
      .filter((webhook) => webhook.entry[0]?.changes[0]?.field === 'user_preferences');
    expect(preferences).toHaveLength(2);
    expect(preferences[0]?.entry[0]?.changes[0]?.value).toMatchObject({
      messaging_product: 'whatsapp',
      metadata: { phone_number_id: TEST_NUMBER.phoneNumberId },
      user_preferences: [
        {
          wa_id: '33612345678',
          detail: 'User requested to stop marketing messages',
          category: 'marketing_messages',
          value: 'stop',
          timestamp: expect.any(Number),
        },
      ],
    });
  });

  it('posts a signed message_template_status_update webhook to every number of the WABA when a status changes', async () => {
    const at = new Date('2026-03-02T09:00:00Z');
    harness = await startSimulatorAndReceiver({ now: () => at });
    const { simulator, receiver } = harness;
    simulator.registerNumber({ ...TEST_NUMBER, phoneNumberId: '200000000000001', webhookUrl: receiver.url });
    simulator.registerNumber({
      ...TEST_NUMBER,
      phoneNumberId: '200000000000002',
      wabaId: '555',
      webhookUrl: receiver.url,
    });

    const created = simulator.upsertTemplate({ ...reminder, status: 'PENDING' });
    simulator.upsertTemplate({ ...reminder, status: 'PENDING' });
    simulator.setTemplateStatus(WABA, created.id, 'APPROVED');
    simulator.upsertTemplate({ ...reminder, status: 'PAUSED', reason: 'LOW_QUALITY' });
    await simulator.idle();

    expect(receiver.received).toHaveLength(4);
    expect(receiver.received.every((webhook) => webhook.signatureValid)).toBe(true);
    const [first] = receiver.received;
    if (!first) throw new Error('no webhook');
    expect(webhookOf(first)).toEqual({
      entry: [
        {
          id: WABA,
          time: at.getTime() / 1000,
          changes: [
            {
              value: {
                event: 'APPROVED',
                message_template_id: Number(created.id),
                message_template_name: 'rappel_rdv',
                message_template_language: 'fr',
                reason: 'NONE',
                message_template_category: 'UTILITY',
              },
              field: 'message_template_status_update',
            },
          ],
        },
      ],
      object: 'whatsapp_business_account',
    });
    const events = receiver.received.map((webhook) => JSON.stringify(webhook.payload));
    expect(events.filter((body) => body.includes('"PAUSED"') && body.includes('LOW_QUALITY'))).toHaveLength(
      2,
    );
  });
});
