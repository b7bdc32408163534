import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  auditEvents,
  pharmacyInboundOrders,
  prescriptionOrderItems,
  prescriptionOrders,
} from '../../src/db-schema.ts';
import { expectValidR4, fhirCall } from '../support/fhir-validate.ts';
import { startTestCareline, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { addStaff, call, type Json, newPhone } from './inbox-support.ts';
import { addPharmacyOrg, order, orderOf, patientOf, phoneReceived } from './pharmacy-support.ts';
import { signIn } from './settings-support.ts';

describe.each(TEST_ENGINES)('prescription orders to a pharmacy that runs Careline (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let pharmacy: TestClinic;
  let pharmacyId: string;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Centre Belleville');
    pharmacy = await addPharmacyOrg(env, 'Pharmacie des Lilas');
    const code = await call(env, pharmacy, 'POST', '/pharmacy/link-codes');
    expect(code.status).toBe(201);
    const paired = await call(env, clinic, 'POST', '/pharmacies', {
      name: 'Pharmacie des Lilas',
      reach: { kind: 'careline', link_code: String(code.body.code).toLowerCase() },
    });
    expect(paired.status).toBe(201);
    expect(paired.body.reach).toEqual({
      kind: 'careline',
      org_id: pharmacy.org.id,
      org_name: 'Pharmacie des Lilas',
    });
    pharmacyId = String(paired.body.id);
    // The code served once: nobody else pairs with it.
    const other = await env.addClinic('Cabinet Voltaire');
    const reused = await call(env, other, 'POST', '/pharmacies', {
      name: 'Pharmacie des Lilas',
      reach: { kind: 'careline', link_code: code.body.code },
    });
    expect(reused.status).toBe(400);
    expect(reused.body.errors).toEqual([expect.objectContaining({ field: 'body.reach.link_code' })]);
  });
  afterAll(async () => {
    await env?.close();
  });

  test('the order arrives in the pharmacy’s org as a structured order; its answers move the clinic’s order; the English patient who agreed is told it is on its way', async () => {
    const patientPhone = newPhone();
    const contactId = await patientOf(env, clinic, patientPhone, {
      name: 'John Smith',
      language: 'en',
      consent: true,
    });
    const sent = await call(
      env,
      clinic,
      'POST',
      '/prescription-orders',
      order(contactId, pharmacyId, {
        fulfilment: 'delivery',
        delivery_address: '8 rue des Lilas, 75019 Paris',
        note: 'Allergie : pénicilline ? vérifier',
      }),
    );
    expect(sent.status).toBe(201);
    const orderId = String(sent.body.id);

    // The pharmacy sees it, with the patient's name, the medicines and the address.
    const list = await call(env, pharmacy, 'GET', '/pharmacy/orders');
    expect(list.status).toBe(200);
    const [copy] = list.body.data as Json[];
    expect(copy).toMatchObject({
      reference: sent.body.reference,
      clinic: { org_id: clinic.org.id, name: 'Centre Belleville' },
      patient: { name: 'John Smith' },
      fulfilment: 'delivery',
      delivery_address: '8 rue des Lilas, 75019 Paris',
      step: 'sent',
      status: 'preparation',
    });
    expect(((copy?.items ?? []) as Json[]).map((i) => i.medication)).toEqual(['Amoxicilline', 'Paracétamol']);
    const copyId = String(copy?.id);
    const [amoxicillin, paracetamol] = (copy?.items ?? []) as Json[];

    // A substitute where the prescriber refused one is refused, naming the field.
    const forbidden = await call(env, pharmacy, 'POST', `/pharmacy/orders/${copyId}/responses`, {
      step: 'partly_available',
      items: [{ item_id: paracetamol?.id, available: false, substitute: { medication: 'Dafalgan' } }],
    });
    expect(forbidden.status).toBe(400);
    expect(forbidden.body.errors).toEqual([expect.objectContaining({ field: 'body.items.0.substitute' })]);

    const partly = await call(env, pharmacy, 'POST', `/pharmacy/orders/${copyId}/responses`, {
      step: 'partly_available',
      items: [
        {
          item_id: amoxicillin?.id,
          available: false,
          substitute: { medication: 'Clamoxyl', strength: '1 g' },
        },
        { item_id: paracetamol?.id, available: true },
      ],
    });
    expect(partly.status).toBe(200);
    expect(partly.body).toMatchObject({ step: 'partly_available', status: 'on-hold' });
    let clinicView = await orderOf(env, clinic, orderId);
    expect(clinicView).toMatchObject({ step: 'partly_available', status: 'on-hold' });
    expect((clinicView.items as Json[])[0]).toMatchObject({
      availability: 'unavailable',
      substitute: { medication: 'Clamoxyl', strength: '1 g', form: null, decision: 'proposed' },
    });
    const accepted = await call(
      env,
      clinic,
      'POST',
      `/prescription-orders/${orderId}/items/${String(amoxicillin?.id)}/substitute`,
      { accepted: true },
    );
    expect(accepted.status).toBe(200);
    const pharmacySees = await call(env, pharmacy, 'GET', `/pharmacy/orders/${copyId}`);
    expect((pharmacySees.body.items as Json[])[0]).toMatchObject({ substitute: { decision: 'accepted' } });

    // A step out of order: 409 naming where the order is.
    const illegal = await call(env, pharmacy, 'POST', `/pharmacy/orders/${copyId}/responses`, {
      step: 'handed_over',
    });
    expect(illegal.status).toBe(409);
    expect(illegal.body.detail).toContain('current step: partly_available');
    const wrongWay = await call(env, pharmacy, 'POST', `/pharmacy/orders/${copyId}/responses`, {
      step: 'ready_for_pickup',
    });
    expect(wrongWay.status).toBe(409);
    expect(wrongWay.body.detail).toContain('the order is for delivery');

    const eta = new Date(Date.now() + 45 * 60_000);
    const out = await call(env, pharmacy, 'POST', `/pharmacy/orders/${copyId}/responses`, {
      step: 'out_for_delivery',
      eta: eta.toISOString(),
    });
    expect(out.status).toBe(200);
    clinicView = await orderOf(env, clinic, orderId);
    expect(clinicView).toMatchObject({
      step: 'out_for_delivery',
      status: 'in-progress',
      eta: eta.toISOString(),
    });
    await env.settle();
    const received = await phoneReceived(env, clinic, patientPhone, 1);
    expect(received.at(-1)?.text).toMatch(
      // Late in the evening the time falls after midnight: "tomorrow 12:40 am".
      /^Hello John Smith, your order from Pharmacie des Lilas is out for delivery, expected around (tomorrow )?\d{1,2}:\d{2} [ap]m\.$/,
    );
    const handed = await call(env, pharmacy, 'POST', `/pharmacy/orders/${copyId}/responses`, {
      step: 'handed_over',
    });
    expect(handed.body).toMatchObject({ step: 'handed_over', status: 'completed', next_steps: [] });
    expect((await orderOf(env, clinic, orderId)).status).toBe('completed');
    // Cancelling what was handed over: 409.
    const cancel = await call(env, clinic, 'POST', `/prescription-orders/${orderId}/cancel`, {});
    expect(cancel.status).toBe(409);
  });

  test('a patient who did not agree is not told, and the timeline says why; the clinic cancels and the pharmacy sees it', async () => {
    const patientPhone = newPhone();
    const contactId = await patientOf(env, clinic, patientPhone, { name: 'Marie Curie' });
    const sent = await call(env, clinic, 'POST', '/prescription-orders', order(contactId, pharmacyId));
    const orderId = String(sent.body.id);
    const [copy] = (await call(env, pharmacy, 'GET', '/pharmacy/orders?step=sent')).body.data as Json[];
    const ready = await call(env, pharmacy, 'POST', `/pharmacy/orders/${String(copy?.id)}/responses`, {
      step: 'ready_for_pickup',
    });
    expect(ready.status).toBe(200);
    const view = await orderOf(env, clinic, orderId);
    expect((view.events as Json[]).at(-1)).toMatchObject({
      kind: 'patient_not_notified',
      detail: { why: 'no_consent' },
    });
    await env.settle();
    expect(
      env.simulator.simulator
        .sends(clinic.number.phoneNumberId)
        .filter((s) => (s.request as Json).to === patientPhone.replace('+', '')),
    ).toEqual([]);

    const second = await call(env, clinic, 'POST', '/prescription-orders', order(contactId, pharmacyId));
    const cancelled = await call(
      env,
      clinic,
      'POST',
      `/prescription-orders/${String(second.body.id)}/cancel`,
      {
        reason: 'Traitement modifié',
      },
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ step: 'cancelled', status: 'cancelled' });
    const seen = (await call(env, pharmacy, 'GET', '/pharmacy/orders?step=cancelled')).body.data as Json[];
    expect(seen.map((o) => o.reference)).toContain(second.body.reference);
    const late = await call(env, pharmacy, 'POST', `/pharmacy/orders/${String(seen[0]?.id)}/responses`, {
      step: 'available',
    });
    expect(late.status).toBe(409);
  });

  test('isolation: another clinic reads none of the orders, an unpaired pharmacy gets nothing, a clinic has no pharmacy side', async () => {
    const contactId = await patientOf(env, clinic, newPhone(), { name: 'Ada Lovelace' });
    const sent = await call(env, clinic, 'POST', '/prescription-orders', order(contactId, pharmacyId));
    const orderId = String(sent.body.id);
    const other = await env.addClinic('Cabinet République');
    expect((await call(env, other, 'GET', `/prescription-orders/${orderId}`)).status).toBe(404);
    expect((await call(env, other, 'GET', '/prescription-orders')).body.data).toEqual([]);
    expect((await call(env, other, 'POST', `/prescription-orders/${orderId}/cancel`, {})).status).toBe(404);
    // Another clinic cannot order for this clinic's patient, nor to this clinic's pharmacy partner.
    const foreign = await call(env, other, 'POST', '/prescription-orders', order(contactId, pharmacyId));
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'body.pharmacy_id' })]);

    const unpaired = await addPharmacyOrg(env, 'Pharmacie Inconnue');
    expect((await call(env, unpaired, 'GET', '/pharmacy/orders')).body.data).toEqual([]);
    const [copy] = (await call(env, pharmacy, 'GET', '/pharmacy/orders?step=sent')).body.data as Json[];
    expect((await call(env, unpaired, 'GET', `/pharmacy/orders/${String(copy?.id)}`)).status).toBe(404);
    expect(
      (
        await call(env, unpaired, 'POST', `/pharmacy/orders/${String(copy?.id)}/responses`, {
          step: 'available',
        })
      ).status,
    ).toBe(404);
    // A clinic has no pharmacy side, and cannot issue pairing codes.
    expect((await call(env, clinic, 'GET', '/pharmacy/orders')).body.data).toEqual([]);
    expect((await call(env, clinic, 'POST', '/pharmacy/link-codes')).status).toBe(409);
  });

  test('medicines, notes and addresses are sealed at rest, in the clinic with the patient’s key and in the pharmacy with its own; erasing the patient erases them', async () => {
    const contactId = await patientOf(env, clinic, newPhone(), { name: 'Alan Turing' });
    const sent = await call(
      env,
      clinic,
      'POST',
      '/prescription-orders',
      order(contactId, pharmacyId, {
        fulfilment: 'delivery',
        delivery_address: '1 rue Secrète',
        note: 'Note privée',
      }),
    );
    const orderId = String(sent.body.id);
    const [row] = await env.handle.db
      .select()
      .from(prescriptionOrders)
      .where(eq(prescriptionOrders.id, orderId));
    const items = await env.handle.db
      .select()
      .from(prescriptionOrderItems)
      .where(eq(prescriptionOrderItems.orderId, orderId));
    const [copy] = await env.handle.db
      .select()
      .from(pharmacyInboundOrders)
      .where(eq(pharmacyInboundOrders.clinicOrderId, orderId));
    const stored = JSON.stringify([row, items, copy]);
    for (const secret of ['1 rue Secrète', 'Note privée', 'Amoxicilline', 'matin et soir', 'Alan Turing'])
      expect(stored).not.toContain(secret);
    expect(row?.note).toMatch(/^cl1\./);
    expect(copy?.content).toMatch(/^cl1\./);

    // Erasing the patient erases their orders, and the pharmacy's copy of them.
    const erased = await call(env, clinic, 'DELETE', `/contacts/${contactId}`, { confirm: 'Alan Turing' });
    expect(erased.status).toBe(200);
    expect(erased.body.removed).toMatchObject({ prescription_orders: 1 });
    expect((await call(env, clinic, 'GET', `/prescription-orders/${orderId}`)).status).toBe(404);
    expect((await call(env, pharmacy, 'GET', `/pharmacy/orders/${String(copy?.id)}`)).status).toBe(404);
  });

  test('reads are audited; a clinician sends orders, the front desk cannot; bad input names the field', async () => {
    const contactId = await patientOf(env, clinic, newPhone(), { name: 'Grace Hopper' });
    const sent = await call(env, clinic, 'POST', '/prescription-orders', order(contactId, pharmacyId));
    await call(env, clinic, 'GET', `/prescription-orders/${String(sent.body.id)}`);
    const audited = await env.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.orgId, clinic.org.id));
    expect(JSON.stringify(audited)).toContain(String(sent.body.id));

    const agent = await addStaff(env, clinic, { name: 'Accueil', role: 'agent' });
    const clinician = await addStaff(env, clinic, { name: 'Dr Martin', role: 'clinician' });
    const asAgent = await signIn(env, agent.email);
    const asClinician = await signIn(env, clinician.email);
    expect((await asAgent.call('POST', '/prescription-orders', order(contactId, pharmacyId))).status).toBe(
      403,
    );
    expect((await asAgent.call('GET', `/prescription-orders/${String(sent.body.id)}`)).status).toBe(403);
    const byClinician = await asClinician.call('POST', '/prescription-orders', order(contactId, pharmacyId));
    expect(byClinician.status).toBe(201);
    expect(byClinician.body.created_by_user_id).toBe(clinician.id);
    // Partners are settings: a clinician lists them but cannot add one.
    expect((await asClinician.call('GET', '/pharmacies')).status).toBe(200);
    expect(
      (
        await asClinician.call('POST', '/pharmacies', {
          name: 'X',
          reach: { kind: 'careline', link_code: 'PH-0' },
        })
      ).status,
    ).toBe(403);

    const empty = await call(
      env,
      clinic,
      'POST',
      '/prescription-orders',
      order(contactId, pharmacyId, { items: [] }),
    );
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual([expect.objectContaining({ field: 'body.items' })]);
    const noAddress = await call(
      env,
      clinic,
      'POST',
      '/prescription-orders',
      order(contactId, pharmacyId, { fulfilment: 'delivery' }),
    );
    expect(noAddress.status).toBe(400);
    expect(noAddress.body.errors).toEqual([expect.objectContaining({ field: 'body.delivery_address' })]);
    const badStep = await call(env, pharmacy, 'POST', `/pharmacy/orders/${String(sent.body.id)}/responses`, {
      step: 'sold',
    });
    expect(badStep.status).toBe(400);
    expect(badStep.body.errors).toEqual([expect.objectContaining({ field: 'body.step' })]);
  });

  test('FHIR: each medicine is a valid R4 MedicationRequest of the patient, and a MedicationDispense says where the pharmacy stands', async () => {
    const contactId = await patientOf(env, clinic, newPhone(), { name: 'Rosalind Franklin' });
    const sent = await call(
      env,
      clinic,
      'POST',
      '/prescription-orders',
      order(contactId, pharmacyId, { note: 'À jeun' }),
    );
    const [copy] = (await call(env, pharmacy, 'GET', '/pharmacy/orders?step=sent')).body.data as Json[];
    await call(env, pharmacy, 'POST', `/pharmacy/orders/${String(copy?.id)}/responses`, {
      step: 'ready_for_pickup',
    });
    const auth = { authorization: `Bearer ${clinic.apiKey}` };
    const search = await fhirCall(env.url, `/MedicationRequest?patient=Patient/${contactId}`, {
      headers: auth,
    });
    expect(search.status).toBe(200);
    expectValidR4(search.resource);
    const entries = (search.resource.entry as Array<{ resource: Json }>).map((e) => e.resource);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      resourceType: 'MedicationRequest',
      status: 'active',
      intent: 'order',
      medicationCodeableConcept: { text: 'Amoxicilline 1 g comprimé' },
      subject: { reference: `Patient/${contactId}` },
      dosageInstruction: [{ text: '1 comprimé matin et soir pendant 6 jours' }],
      dispenseRequest: {
        quantity: { value: 2, unit: 'boîtes' },
        performer: { display: 'Pharmacie des Lilas' },
      },
      substitution: { allowedBoolean: true },
      groupIdentifier: { value: sent.body.id },
      note: [{ text: 'À jeun' }],
    });
    const itemId = String(entries[1]?.id);
    const read = await fhirCall(env.url, `/MedicationRequest/${itemId}`, { headers: auth });
    expect(read.status).toBe(200);
    expectValidR4(read.resource);
    expect(read.resource).toMatchObject({ substitution: { allowedBoolean: false } });
    const dispense = await fhirCall(env.url, `/MedicationDispense?patient=Patient/${contactId}`, {
      headers: auth,
    });
    expectValidR4(dispense.resource);
    expect((dispense.resource.entry as Array<{ resource: Json }>)[0]?.resource).toMatchObject({
      status: 'in-progress',
      authorizingPrescription: [{ reference: `MedicationRequest/${String(entries[0]?.id)}` }],
    });
    const metadata = await fhirCall(env.url, '/metadata');
    expect(JSON.stringify(metadata.resource)).toContain('"MedicationRequest"');
    // Another clinic reads nothing of it.
    const other = await env.addClinic('Cabinet Bastille');
    const foreign = await fhirCall(env.url, `/MedicationRequest/${itemId}`, {
      headers: { authorization: `Bearer ${other.apiKey}` },
    });
    expect(foreign.status).toBe(404);
    const missing = await fhirCall(env.url, '/MedicationRequest', { headers: auth });
    expect(missing.status).toBe(400);
  });
});
