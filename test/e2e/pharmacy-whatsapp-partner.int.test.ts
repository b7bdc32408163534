import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { conversations, messages } from '../../src/db-schema.ts';
import { installBuiltInFlows } from '../../src/modules/flows/flow.service.ts';
import { BUILT_IN_TEAMS } from '../../src/modules/flows/library/built-in-teams.ts';
import { PATIENT_TEMPLATE_TEXT } from '../../src/modules/pharmacy/patient-templates.ts';
import { createTeam } from '../../src/modules/teams/team.service.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { call, type Json, newPhone } from './inbox-support.ts';
import { order, orderOf, orderReaches, patientOf, phoneReceived, type Received } from './pharmacy-support.ts';

describe.each(TEST_ENGINES)('a prescription order to a pharmacy on WhatsApp (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Centre Belleville');
    // The clinic's menus answer every new conversation: a pharmacy's must not get them.
    for (const name of Object.values(BUILT_IN_TEAMS))
      await createTeam(env.handle.db, clinic.org.id, { name, assignmentMode: 'round_robin' });
    await installBuiltInFlows(env.handle.db, clinic.org.id);
  });
  afterAll(async () => {
    await env?.close();
  });

  async function addPartner(phone: string, language: 'fr' | 'en' = 'fr'): Promise<string> {
    const created = await call(env, clinic, 'POST', '/pharmacies', {
      name: 'Pharmacie du Marché',
      address: '3 rue du Marché, 75011 Paris',
      language,
      reach: {
        kind: 'channel',
        channel_type: 'whatsapp',
        address: phone,
        channel_account_id: clinic.account.id,
      },
    });
    expect(created.status).toBe(201);
    return String(created.body.id);
  }

  async function pharmacistWrites(phone: string, text: string): Promise<void> {
    const sent = await env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: phone,
      text,
      name: 'Pharmacie du Marché',
    });
    expect(sent.httpStatus).toBe(200);
    await env.settle();
  }

  async function pharmacistTaps(phone: string, message: Received, title: string): Promise<void> {
    const interactive = message.request.interactive as Json;
    const action = interactive.action as Json;
    const buttons = (action.buttons as Array<{ reply: { id: string; title: string } }> | undefined)?.map(
      (b) => b.reply,
    );
    const rows = (
      action.sections as Array<{ rows: Array<{ id: string; title: string }> }> | undefined
    )?.flatMap((s) => s.rows);
    const choice = (buttons ?? rows ?? []).find((c) => c.title === title);
    if (!choice) throw new Error(`no "${title}" in ${JSON.stringify(action)}`);
    const sent = await env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: phone,
      type: buttons ? 'button_reply' : 'list_reply',
      replyTo: message.wamid,
      id: choice.id,
      title: choice.title,
    });
    expect(sent.httpStatus).toBe(200);
    await env.settle();
  }

  test('the order reaches the pharmacy’s number with buttons; a tap and typed answers move it; the patient who agreed is told, in French', async () => {
    const pharmacy = newPhone();
    const pharmacyId = await addPartner(pharmacy);
    // The pharmacy says hello: no menu, no welcome, nothing answers it (and it stays in the inbox).
    await pharmacistWrites(pharmacy, 'Bonjour');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      env.simulator.simulator
        .sends(clinic.number.phoneNumberId)
        .filter((s) => (s.request as Json).to === pharmacy.replace('+', '')),
    ).toEqual([]);
    // A patient who writes gets the clinic's welcome, as always.
    const patientPhone = newPhone();
    const contactId = await patientOf(env, clinic, patientPhone, { name: 'Chloé Martin', consent: true });
    const [welcome] = await phoneReceived(env, clinic, patientPhone, 1);
    expect(welcome?.text).toContain('Bienvenue');
    const patientBefore = (await phoneReceived(env, clinic, patientPhone, 1)).length;

    const sent = await call(env, clinic, 'POST', '/prescription-orders', order(contactId, pharmacyId));
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ step: 'sent', status: 'preparation', fulfilment: 'pickup' });
    const orderId = String(sent.body.id);
    const reference = String(sent.body.reference);
    await env.settle();

    const [orderMessage] = await phoneReceived(env, clinic, pharmacy, 1);
    expect(orderMessage?.type).toBe('interactive');
    expect(orderMessage?.text).toContain(`Ordonnance ${reference} – Centre Belleville`);
    expect(orderMessage?.text).toContain('Patient\u00a0: Chloé Martin');
    expect(orderMessage?.text).toContain(
      '1. Amoxicilline 1 g comprimé — qté\u00a0: 2 boîtes — 1 comprimé matin et soir pendant 6 jours — substitution autorisée',
    );
    expect(orderMessage?.text).toContain('2. Paracétamol 500 mg gélule');
    expect(orderMessage?.text).toContain('non substituable');
    expect(JSON.stringify(orderMessage?.request)).not.toMatch(/€|prix|price|paiement|payment/i);

    // A tap on "Disponible".
    if (!orderMessage) throw new Error('no order message');
    await pharmacistTaps(pharmacy, orderMessage, 'Disponible');
    const available = await orderReaches(env, clinic, orderId, 'available');
    expect(available).toMatchObject({ status: 'in-progress' });
    expect((available.items as Json[]).map((i) => i.availability)).toEqual(['available', 'available']);
    const [, noted] = await phoneReceived(env, clinic, pharmacy, 2);
    expect(noted?.text).toContain(`${reference}\u00a0: noté, commande disponible`);

    // Typed: ready at 15:00 (today or tomorrow, whichever comes next).
    await pharmacistWrites(pharmacy, 'prêt 15h');
    const ready = await orderReaches(env, clinic, orderId, 'ready_for_pickup');
    const readyAt = new Date(String(ready.ready_at));
    expect(
      new Intl.DateTimeFormat('fr-FR', {
        timeZone: 'Europe/Paris',
        hour: '2-digit',
        minute: '2-digit',
      }).format(readyAt),
    ).toBe('15:00');
    // The patient, who agreed to pharmacy notifications, is told on WhatsApp in French, with no price.
    const patientMessages = await phoneReceived(env, clinic, patientPhone, patientBefore + 1);
    const notice = patientMessages.at(-1);
    expect(notice?.text).toMatch(
      /^Bonjour Chloé Martin, votre commande à la pharmacie Pharmacie du Marché \(3 rue du Marché, 75011 Paris\) est prête\. Vous pouvez la retirer/,
    );
    expect(notice?.text).not.toMatch(/Amoxicilline|€|prix/);

    // An answer that no longer applies is refused politely; the order does not move.
    await pharmacistWrites(pharmacy, 'rupture');
    const refused = await eventually(async () => {
      const all = await phoneReceived(env, clinic, pharmacy, 1);
      return all.find((m) => m.text.includes('cette réponse ne s’applique plus'));
    });
    expect(refused?.text).toContain(`${reference}\u00a0: la commande est prête à retirer`);
    expect((await orderOf(env, clinic, orderId)).step).toBe('ready_for_pickup');

    await pharmacistWrites(pharmacy, 'remis au patient, merci');
    const done = await orderReaches(env, clinic, orderId, 'handed_over');
    expect(done.status).toBe('completed');
    const events = (done.events as Json[]).map((e) => [e.kind, e.step]);
    expect(events).toEqual([
      ['sent', 'sent'],
      ['response', 'available'],
      ['response', 'ready_for_pickup'],
      ['patient_notified', null],
      ['response', 'handed_over'],
    ]);
    expect((done.events as Json[])[2]).toMatchObject({
      actor: { kind: 'pharmacy' },
      detail: { via: 'channel', text: 'prêt 15h' },
    });
    expect((done.events as Json[])[3]).toMatchObject({ detail: { channel: 'whatsapp' } });
  });

  test('partly available: the pharmacist names the missing medicine in a list and proposes a substitute; the clinic refuses it', async () => {
    const pharmacy = newPhone();
    const pharmacyId = await addPartner(pharmacy, 'en');
    await pharmacistWrites(pharmacy, 'Hello');
    const contactId = await patientOf(env, clinic, newPhone(), { name: 'Paul Durand' });
    const sent = await call(env, clinic, 'POST', '/prescription-orders', order(contactId, pharmacyId));
    const orderId = String(sent.body.id);
    const reference = String(sent.body.reference);
    await env.settle();
    const [orderMessage] = await phoneReceived(env, clinic, pharmacy, 1);
    expect(orderMessage?.text).toContain(`Prescription ${reference} – Centre Belleville`);
    if (!orderMessage) throw new Error('no order message');
    await pharmacistTaps(pharmacy, orderMessage, 'Partly available');
    const [, question] = await phoneReceived(env, clinic, pharmacy, 2);
    expect(question?.text).toBe(`${reference}: which medicine is missing?`);
    if (!question) throw new Error('no question');
    await pharmacistTaps(pharmacy, question, '1. Amoxicilline');
    const partly = await orderReaches(env, clinic, orderId, 'partly_available');
    expect(partly.status).toBe('on-hold');
    expect((partly.items as Json[]).map((i) => i.availability)).toEqual(['unavailable', 'pending']);
    const [, , offer] = await phoneReceived(env, clinic, pharmacy, 3);
    expect(offer?.text).toContain('You can propose a substitute');

    await pharmacistWrites(pharmacy, 'substitute: Clamoxyl 1 g');
    const proposed = await eventually(async () => {
      const json = await orderOf(env, clinic, orderId);
      return (json.items as Json[])[0]?.substitute ? json : undefined;
    });
    expect((proposed.items as Json[])[0]?.substitute).toEqual({
      medication: 'Clamoxyl 1 g',
      strength: null,
      form: null,
      decision: 'proposed',
    });
    const itemId = String((proposed.items as Json[])[0]?.id);
    const refused = await call(
      env,
      clinic,
      'POST',
      `/prescription-orders/${orderId}/items/${itemId}/substitute`,
      {
        accepted: false,
      },
    );
    expect(refused.status).toBe(200);
    expect((refused.body.items as Json[])[0]?.substitute).toMatchObject({ decision: 'refused' });
    const again = await call(
      env,
      clinic,
      'POST',
      `/prescription-orders/${orderId}/items/${itemId}/substitute`,
      {
        accepted: true,
      },
    );
    expect(again.status).toBe(409);
    await env.settle();
    const told = await eventually(async () =>
      (await phoneReceived(env, clinic, pharmacy, 1)).find((m) => m.text.includes('refuses the substitute')),
    );
    expect(told?.text).toBe(`${reference}: the clinic refuses the substitute Clamoxyl 1 g.`);
  });

  test('a pharmacy that has not written within 24 hours gets nothing free-form: without the approved template the order says it was not delivered', async () => {
    const pharmacy = newPhone();
    const pharmacyId = await addPartner(pharmacy);
    const contactId = await patientOf(env, clinic, newPhone(), { name: 'Léa Petit' });
    const sent = await call(env, clinic, 'POST', '/prescription-orders', order(contactId, pharmacyId));
    expect(sent.status).toBe(201);
    const events = (sent.body.events as Json[]).map((e) => [e.kind, (e.detail as Json | null)?.why ?? null]);
    expect(events).toEqual([
      ['sent', null],
      ['not_delivered', 'window_closed_no_template'],
    ]);
  });

  test('a patient whose 24 hours have passed is told with the approved template, once the clinic has it approved', async () => {
    const pharmacy = newPhone();
    const pharmacyId = await addPartner(pharmacy);
    await pharmacistWrites(pharmacy, 'Bonjour');
    const patientPhone = newPhone();
    const contactId = await patientOf(env, clinic, patientPhone, { name: 'Inès Garnier', consent: true });
    const before = (await phoneReceived(env, clinic, patientPhone, 1)).length;
    // She wrote yesterday: nothing free-form may reach her now.
    await env.handle.db
      .update(conversations)
      .set({ lastInboundAt: new Date(Date.now() - 26 * 3_600_000) })
      .where(eq(conversations.contactId, contactId));
    const readyOrder = async (answer: string, step: string, overrides: Json = {}): Promise<Json> => {
      const body = order(contactId, pharmacyId, overrides);
      const sent = await call(env, clinic, 'POST', '/prescription-orders', body);
      expect(sent.status).toBe(201);
      await env.settle();
      // Available first (a time typed from "sent" is when it will be available), then the step.
      const reference = String(sent.body.reference);
      await pharmacistWrites(pharmacy, `${reference} dispo`);
      await orderReaches(env, clinic, String(sent.body.id), 'available');
      await pharmacistWrites(pharmacy, `${reference} ${answer}`);
      return orderReaches(env, clinic, String(sent.body.id), step);
    };
    const notice = (done: Json) => (done.events as Json[]).find((e) => String(e.kind).startsWith('patient_'));

    // No template approved yet: not told, and nothing refused is left in her conversation.
    const first = await readyOrder('prêt 15h', 'ready_for_pickup');
    expect(notice(first)).toMatchObject({
      kind: 'patient_not_notified',
      detail: { why: 'window_closed_no_template' },
    });
    const outbound = await env.handle.db
      .select({ status: messages.status })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(and(eq(conversations.contactId, contactId), eq(messages.direction, 'outbound')));
    expect(outbound.map((m) => m.status)).not.toContain('refused');

    // Meta approves the pharmacy templates; the clinic syncs them.
    const sim = env.simulator.simulator;
    for (const [name, text] of Object.entries(PATIENT_TEMPLATE_TEXT))
      sim.upsertTemplate({
        wabaId: clinic.number.wabaId,
        name,
        language: 'fr',
        category: 'UTILITY',
        status: 'APPROVED',
        components: [{ type: 'BODY', text: text.fr }],
      });
    expect((await call(env, clinic, 'POST', '/templates/sync')).status).toBe(202);
    await env.settle();

    const second = await readyOrder('en livraison, dans 30 min', 'out_for_delivery', {
      fulfilment: 'delivery',
      delivery_address: '12 rue des Pyrénées, 75020 Paris',
    });
    expect(notice(second)).toMatchObject({
      kind: 'patient_notified',
      detail: { channel: 'whatsapp', template: 'commande_en_livraison' },
    });
    const told = (await phoneReceived(env, clinic, patientPhone, before + 1)).at(-1);
    expect(told?.type).toBe('template');
    const template = told?.request.template as Json;
    expect(template).toMatchObject({ name: 'commande_en_livraison', language: { code: 'fr' } });
    const values = JSON.stringify(template.components);
    expect(values).toContain('Inès Garnier');
    expect(values).toContain('Pharmacie du Marché');
    expect(values).toMatch(/vers (demain )?\d{1,2}/);
    expect(values).not.toMatch(/Amoxicilline|€|prix/);
  });

  test('two open orders: a typed answer without a reference is asked about; with the reference it moves that order', async () => {
    const pharmacy = newPhone();
    const pharmacyId = await addPartner(pharmacy);
    await pharmacistWrites(pharmacy, 'Bonjour');
    const contactId = await patientOf(env, clinic, newPhone(), { name: 'Hugo Bernard' });
    const first = await call(env, clinic, 'POST', '/prescription-orders', order(contactId, pharmacyId));
    const second = await call(env, clinic, 'POST', '/prescription-orders', order(contactId, pharmacyId));
    await env.settle();
    await phoneReceived(env, clinic, pharmacy, 2);
    await pharmacistWrites(pharmacy, 'rupture');
    const [, , which] = await phoneReceived(env, clinic, pharmacy, 3);
    expect(which?.text).toBe('Plusieurs commandes sont en cours. De laquelle s’agit-il\u202f?');
    await pharmacistWrites(pharmacy, `rupture ${String(second.body.reference).toLowerCase()}`);
    await orderReaches(env, clinic, String(second.body.id), 'unavailable');
    expect((await orderOf(env, clinic, String(first.body.id))).step).toBe('sent');
  });
});
