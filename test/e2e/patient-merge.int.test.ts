import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  appointments,
  auditEvents,
  type consentRecords,
  contactMerges,
  contacts,
  conversations,
  dataKeys,
} from '../../src/db-schema.ts';
import { setUpSchedulingApi, slotsOf } from '../../src/modules/scheduling/scheduling.test-support.ts';
import { startTestCareline, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { call, getJson, type Json, type PageJson, patientWrites } from './inbox-support.ts';
import { orderToWhatsAppPharmacy } from './pharmacy-support.ts';

/**
 * One patient across channels (issue 16): two records of one person, each with a conversation, an
 * appointment and a consent, merged by a person and unmerged after the patient wrote again.
 */
describe.each(TEST_ENGINES)('patients: merge and unmerge (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let secondNumber: TestClinic;
  let other: TestClinic;
  let survivorId: string;
  let mergedId: string;
  let survivorConversation: string;
  let mergedConversation: string;
  let appointmentOf: Record<string, string>;
  let mergeId: string;
  let orderId: string;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Clinique des Lilas');
    secondNumber = await env.addNumber(clinic, '+33180000001');
    other = await env.addClinic('Cabinet Pasteur');
    const first = await patientWrites(env, clinic, '+33612000101', 'Bonjour', 'Marie Curie');
    const second = await patientWrites(env, secondNumber, '+33612000102', 'Salut', 'Marie C.');
    survivorId = String((first.conversation.contact as Json).id);
    mergedId = String((second.conversation.contact as Json).id);
    survivorConversation = String(first.conversation.id);
    mergedConversation = String(second.conversation.id);
    expect(
      (
        await call(env, clinic, 'PATCH', `/contacts/${survivorId}`, {
          tags: ['vip'],
          custom_fields: { email: 'marie@example.fr', assurance: 'MGEN' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call(env, clinic, 'PATCH', `/contacts/${mergedId}`, {
          tags: ['asthme', 'VIP'],
          custom_fields: { email: ' Marie@Example.fr', assurance: 'MAAF', allergie: 'pollen' },
        })
      ).status,
    ).toBe(200);
    const setup = await setUpSchedulingApi(env, clinic);
    const slots = await slotsOf(env, clinic, `type=${String(setup.type.key)}&limit=2`);
    appointmentOf = {};
    for (const [index, contactId] of [survivorId, mergedId].entries()) {
      const slot = slots[index];
      if (!slot) throw new Error('no slot offered');
      const booked = await call(env, clinic, 'POST', '/appointments', {
        contact_id: contactId,
        practitioner_id: slot.practitioner.id,
        location_id: slot.location.id,
        appointment_type_id: setup.type.id,
        start: slot.start,
      });
      expect(booked.status).toBe(201);
      appointmentOf[contactId] = String(booked.body.id);
      const consent = await call(env, clinic, 'POST', `/contacts/${contactId}/consents`, {
        purpose: 'appointment_reminders',
        granted: true,
        text_shown: 'Rappels ?',
      });
      expect(consent.status).toBe(201);
    }
    // A prescription order for the second record, to a pharmacy reached on WhatsApp.
    orderId = await orderToWhatsAppPharmacy(env, clinic, mergedId, {
      name: 'Pharmacie des Lilas',
      phone: '+33612000199',
    });
    await env.settle();
  });
  afterAll(async () => {
    await env?.close();
  });

  const contactOf = async (
    table: typeof appointments | typeof consentRecords | typeof conversations,
    id: string,
  ) => {
    const [row] = await env.handle.db
      .select({ contactId: table.contactId })
      .from(table)
      .where(eq(table.id, id));
    return row?.contactId;
  };

  test('the same e-mail (any case) is suggested, never merged by itself', async () => {
    const all = await getJson<{ data: Json[] }>(env, clinic, '/contacts/duplicates');
    expect(all.data).toEqual([
      {
        reasons: ['email'],
        contacts: [
          expect.objectContaining({ id: survivorId, display_name: 'Marie Curie', channels: ['whatsapp'] }),
          expect.objectContaining({ id: mergedId, display_name: 'Marie C.' }),
        ],
      },
    ]);
    const mine = await getJson<{ data: Json[] }>(env, clinic, `/contacts/${mergedId}/duplicates`);
    expect(mine.data).toHaveLength(1);
    expect((await getJson<{ data: Json[] }>(env, other, '/contacts/duplicates')).data).toEqual([]);
    expect((await call(env, other, 'GET', `/contacts/${mergedId}/duplicates`)).status).toBe(404);
  });

  test('the merge screen shows both records side by side and what differs', async () => {
    const preview = await getJson(env, clinic, `/contacts/${survivorId}/merge-preview?other_id=${mergedId}`);
    expect(preview.conflicts).toEqual([
      { field: 'display_name', survivor: 'Marie Curie', merged: 'Marie C.' },
      { field: 'phone', survivor: '+33612000101', merged: '+33612000102' },
      { field: 'custom_fields.email', survivor: 'marie@example.fr', merged: ' Marie@Example.fr' },
      { field: 'custom_fields.assurance', survivor: 'MGEN', merged: 'MAAF' },
    ]);
    expect((preview.merged as Json).counts).toEqual({
      identities: 1,
      conversations: 1,
      appointments: 1,
      consents: 1,
    });
  });

  test('hostile merges are refused with a clear 4xx', async () => {
    const merge = (id: string, body: unknown, as = clinic) =>
      call(env, as, 'POST', `/contacts/${id}/merge`, body);
    const missingChoice = await merge(survivorId, { other_id: mergedId, fields: { phone: 'survivor' } });
    expect(missingChoice.status).toBe(400);
    expect(missingChoice.body.errors).toEqual([
      expect.objectContaining({ field: 'body.fields.display_name' }),
    ]);
    const self = await merge(survivorId, { other_id: survivorId });
    expect(self.status).toBe(400);
    expect(self.body.errors).toEqual([expect.objectContaining({ field: 'body.other_id' })]);
    expect((await merge(survivorId, { other_id: 'nope' })).status).toBe(400);
    const badSide = await merge(survivorId, { other_id: mergedId, fields: { phone: 'both' } });
    expect(badSide.status).toBe(400);
    expect(badSide.body.errors).toEqual([expect.objectContaining({ field: 'body.fields.phone' })]);
    const typo = await merge(survivorId, { other_id: mergedId, fields: { displayname: 'merged' } });
    expect(typo.status).toBe(400);
    expect(JSON.stringify(typo.body.errors)).toContain('body.fields');
    expect((await merge(survivorId, { other_id: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    // Another clinic's patient is not found, from either side.
    expect((await merge(survivorId, { other_id: mergedId }, other)).status).toBe(404);
    const foreign = await patientWrites(env, other, '+33612000199', 'Allô', 'Quelqu’un');
    expect(
      (await merge(survivorId, { other_id: String((foreign.conversation.contact as Json).id) })).status,
    ).toBe(404);
  });

  test('a merge moves everything to the survivor, and the fields are chosen one by one', async () => {
    const merged = await call(env, clinic, 'POST', `/contacts/${survivorId}/merge`, {
      other_id: mergedId,
      fields: {
        display_name: 'survivor',
        phone: 'survivor',
        custom_fields: { email: 'survivor', assurance: 'merged' },
      },
    });
    expect(merged.status).toBe(201);
    mergeId = String(merged.body.id);
    expect(merged.body).toMatchObject({
      survivor: { id: survivorId, display_name: 'Marie Curie' },
      merged: { id: mergedId, display_name: 'Marie C.' },
      moved: { identities: 1, conversations: 1, appointments: 1, consents: 1, prescription_orders: 1 },
      unmerged_at: null,
      field_choices: {
        display_name: 'survivor',
        phone: 'survivor',
        'custom_fields.email': 'survivor',
        'custom_fields.assurance': 'merged',
      },
    });
    const panel = await getJson(env, clinic, `/contacts/${survivorId}`);
    expect(panel).toMatchObject({
      display_name: 'Marie Curie',
      phone: '+33612000101',
      tags: ['vip', 'asthme'],
      custom_fields: { email: 'marie@example.fr', assurance: 'MAAF', allergie: 'pollen' },
    });
    expect((panel.identities as Json[]).map((i) => i.phone).sort()).toEqual(['+33612000101', '+33612000102']);
    expect((panel.conversations as Json[]).map((c) => c.id).sort()).toEqual(
      [survivorConversation, mergedConversation].sort(),
    );
    expect(await contactOf(appointments, appointmentOf[mergedId] as string)).toBe(survivorId);
    // The order follows, its medicines still readable under the survivor.
    const orders = await getJson<PageJson>(env, clinic, `/prescription-orders?contact_id=${survivorId}`);
    expect(orders.data.map((o) => [o.id, (o.items as Json[])[0]?.medication])).toEqual([
      [orderId, 'Amoxicilline'],
    ]);
    const consents = await getJson(env, clinic, `/contacts/${survivorId}/consents`);
    expect(consents.history).toHaveLength(2);
    // The merged record is hidden, and says where it went.
    const list = await getJson<PageJson>(env, clinic, '/contacts');
    expect(list.data.map((c) => c.id)).not.toContain(mergedId);
    const history = await getJson(env, clinic, `/contacts/${mergedId}/merges`);
    expect(history.merged_into).toEqual({ merge_id: mergeId, contact_id: survivorId });
    expect((await getJson<{ data: Json[] }>(env, clinic, '/contacts/duplicates')).data).toEqual([]);
  });

  test('merging again is a conflict, never a 500', async () => {
    const again = await call(env, clinic, 'POST', `/contacts/${survivorId}/merge`, { other_id: mergedId });
    expect(again.status).toBe(409);
    const reverse = await call(env, clinic, 'POST', `/contacts/${mergedId}/merge`, { other_id: survivorId });
    expect(reverse.status).toBe(409);
  });

  test('concurrent merges of the same pair: one wins, the other is refused', async () => {
    const a = await patientWrites(env, clinic, '+33612000111', 'Un', 'Jean Dupont');
    const b = await patientWrites(env, clinic, '+33612000112', 'Deux', 'Jean Dupont');
    const idA = String((a.conversation.contact as Json).id);
    const idB = String((b.conversation.contact as Json).id);
    const body = (otherId: string) => ({ other_id: otherId, fields: { phone: 'survivor' } });
    const results = await Promise.all([
      call(env, clinic, 'POST', `/contacts/${idA}/merge`, body(idB)),
      call(env, clinic, 'POST', `/contacts/${idB}/merge`, body(idA)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const won = results.find((r) => r.status === 201);
    const undone = await call(env, clinic, 'POST', `/contact-merges/${String(won?.body.id)}/unmerge`);
    expect(undone.status).toBe(200);
  });

  test('after new messages, an unmerge restores both records exactly; new messages stay with the identity they came on', async () => {
    const later = await patientWrites(env, secondNumber, '+33612000102', 'Encore moi', 'Marie C.');
    expect(later.conversation.id).toBe(mergedConversation);
    expect((later.conversation.contact as Json).id).toBe(survivorId);

    const unmerged = await call(env, clinic, 'POST', `/contact-merges/${mergeId}/unmerge`);
    expect(unmerged.status).toBe(200);
    expect(unmerged.body.unmerged_at).toEqual(expect.any(String));

    const survivor = await getJson(env, clinic, `/contacts/${survivorId}`);
    expect(survivor).toMatchObject({
      display_name: 'Marie Curie',
      phone: '+33612000101',
      tags: ['vip'],
      custom_fields: { email: 'marie@example.fr', assurance: 'MGEN' },
    });
    expect(survivor.identities as Json[]).toHaveLength(1);
    expect((survivor.conversations as Json[]).map((c) => c.id)).toEqual([survivorConversation]);
    const merged = await getJson(env, clinic, `/contacts/${mergedId}`);
    expect(merged).toMatchObject({
      display_name: 'Marie C.',
      phone: '+33612000102',
      tags: ['asthme', 'VIP'],
      custom_fields: { email: ' Marie@Example.fr', assurance: 'MAAF', allergie: 'pollen' },
    });
    expect((merged.conversations as Json[]).map((c) => c.id)).toEqual([mergedConversation]);
    expect(await contactOf(conversations, mergedConversation)).toBe(mergedId);
    expect(await contactOf(appointments, appointmentOf[mergedId] as string)).toBe(mergedId);
    expect(await contactOf(appointments, appointmentOf[survivorId] as string)).toBe(survivorId);
    const ordersBack = await getJson<PageJson>(env, clinic, `/prescription-orders?contact_id=${mergedId}`);
    expect(ordersBack.data.map((o) => o.id)).toEqual([orderId]);
    expect(
      (await getJson<PageJson>(env, clinic, `/prescription-orders?contact_id=${survivorId}`)).data,
    ).toEqual([]);
    expect(((await getJson(env, clinic, `/contacts/${mergedId}/consents`)).history as Json[]).length).toBe(1);
    expect(((await getJson(env, clinic, `/contacts/${survivorId}/consents`)).history as Json[]).length).toBe(
      1,
    );
    const list = await getJson<PageJson>(env, clinic, '/contacts');
    expect(list.data.map((c) => c.id)).toContain(mergedId);
    // The next message on that number finds its own record again.
    const after = await patientWrites(env, secondNumber, '+33612000102', 'Et maintenant ?');
    expect((after.conversation.contact as Json).id).toBe(mergedId);
  });

  test('unmerge twice, or from another clinic, is refused', async () => {
    expect((await call(env, clinic, 'POST', `/contact-merges/${mergeId}/unmerge`)).status).toBe(409);
    expect((await call(env, other, 'POST', `/contact-merges/${mergeId}/unmerge`)).status).toBe(404);
    expect((await call(env, clinic, 'POST', '/contact-merges/not-a-uuid/unmerge')).status).toBe(400);
    expect((await call(env, other, 'GET', `/contacts/${survivorId}/merges`)).status).toBe(404);
  });

  test('every merge and unmerge is audited: who, when, which patients', async () => {
    const events = await env.handle.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.orgId, clinic.org.id),
          inArray(auditEvents.subtype, ['patient-merge', 'patient-unmerge']),
        ),
      );
    const ofThisMerge = events.filter((e) => JSON.stringify(e.entity).includes(mergeId));
    expect(ofThisMerge.map((e) => e.subtype).sort()).toEqual(['patient-merge', 'patient-unmerge']);
    for (const event of ofThisMerge) {
      expect(event.agentApiKeyId).toEqual(expect.any(String));
      expect([...(event.patientIds as string[])].sort()).toEqual([survivorId, mergedId].sort());
    }
    const history = await getJson<{ data: Json[] }>(env, clinic, `/contacts/${survivorId}/merges`);
    expect(history.data.find((m) => m.id === mergeId)).toMatchObject({
      merged_by: { api_key_id: expect.any(String) },
      unmerged_by: { api_key_id: expect.any(String) },
    });
  });

  test('“not the same person” stops the suggestion', async () => {
    expect(
      (await getJson<{ data: Json[] }>(env, clinic, `/contacts/${survivorId}/duplicates`)).data,
    ).toHaveLength(1);
    const dismissed = await call(env, clinic, 'POST', `/contacts/${survivorId}/duplicates/dismiss`, {
      other_id: mergedId,
    });
    expect(dismissed.status).toBe(204);
    expect((await getJson<{ data: Json[] }>(env, clinic, `/contacts/${survivorId}/duplicates`)).data).toEqual(
      [],
    );
  });

  test('a merge record holds no patient data in clear: ids, times, sealed values', async () => {
    const rows = JSON.stringify(await env.handle.db.select().from(contactMerges));
    for (const plain of ['Marie', 'example.fr', 'MGEN', 'MAAF', 'assurance', '33612000101', '33612000102']) {
      expect(rows).not.toContain(plain);
    }
  });

  test('erasing a survivor erases the records merged into it, keys included', async () => {
    const a = await patientWrites(env, clinic, '+33612000121', 'Un', 'Paul Erase');
    const b = await patientWrites(env, secondNumber, '+33612000122', 'Deux', 'Paul Erase');
    const idA = String((a.conversation.contact as Json).id);
    const idB = String((b.conversation.contact as Json).id);
    const merged = await call(env, clinic, 'POST', `/contacts/${idA}/merge`, {
      other_id: idB,
      fields: { phone: 'survivor' },
    });
    expect(merged.status).toBe(201);
    // The merged record is reached through its survivor: its own erasure is not found.
    expect(
      (await call(env, clinic, 'POST', `/contacts/${idB}/erase`, { confirm: 'Paul Erase' })).status,
    ).toBe(404);
    const erased = await call(env, clinic, 'POST', `/contacts/${idA}/erase`, { confirm: 'Paul Erase' });
    expect(erased.status).toBe(200);
    expect(
      await env.handle.db
        .select()
        .from(contacts)
        .where(inArray(contacts.id, [idA, idB])),
    ).toEqual([]);
    expect(
      await env.handle.db
        .select()
        .from(dataKeys)
        .where(inArray(dataKeys.contactId, [idA, idB])),
    ).toEqual([]);
  });

  test('a shared contact card carrying a known number is suggested', async () => {
    const known = await patientWrites(env, clinic, '+33612000132', 'Bonjour', 'Zoé Martin');
    const knownId = String((known.conversation.contact as Json).id);
    const sharer = await patientWrites(env, secondNumber, '+33612000131', 'Mon autre numéro :', 'Zoé');
    const sharerId = String((sharer.conversation.contact as Json).id);
    const sent = await env.simulator.simulator.patientSends({
      phoneNumberId: secondNumber.number.phoneNumberId,
      type: 'contacts',
      from: '+33612000131',
      contacts: [
        { name: { formatted_name: 'Zoé Martin' }, phones: [{ phone: '+33 6 12 00 01 32', type: 'CELL' }] },
      ],
    });
    expect(sent.httpStatus).toBe(200);
    await env.settle();
    const suggested = await getJson<{ data: Json[] }>(env, clinic, `/contacts/${knownId}/duplicates`);
    expect(suggested.data).toEqual([
      {
        reasons: ['shared_contact'],
        contacts: [expect.objectContaining({ id: knownId }), expect.objectContaining({ id: sharerId })],
      },
    ]);
  });

  test('the same name and birth date, as intake or booking collected them, is suggested', async () => {
    const a = await patientWrites(env, clinic, '+33612000141', 'Bonjour', 'Chloé-Anne MARTIN');
    const b = await patientWrites(env, secondNumber, '+33612000142', 'Bonjour', 'martin chloe anne');
    const c = await patientWrites(env, secondNumber, '+33612000143', 'Bonjour', 'Chloé Martin');
    const ids = [a, b, c].map((p) => String((p.conversation.contact as Json).id));
    for (const [id, birth] of [
      [ids[0], '1980-03-07'],
      [ids[1], '7/3/1980'],
      [ids[2], '07/03/1980'],
    ]) {
      expect(
        (
          await call(env, clinic, 'PATCH', `/contacts/${id}`, {
            custom_fields: { birth_date: String(birth) },
          })
        ).status,
      ).toBe(200);
    }
    const suggested = await getJson<{ data: Json[] }>(env, clinic, `/contacts/${ids[0]}/duplicates`);
    // The same birth date alone is not enough: the third has another name.
    expect(suggested.data).toEqual([
      {
        reasons: ['name_birth_date'],
        contacts: [expect.objectContaining({ id: ids[0] }), expect.objectContaining({ id: ids[1] })],
      },
    ]);
  });
});
