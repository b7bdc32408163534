import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  addStaff,
  call,
  getJson,
  type Json,
  type PageJson,
  patientWrites,
} from '../../../test/e2e/inbox-support.ts';
import { orderToWhatsAppPharmacy } from '../../../test/e2e/pharmacy-support.ts';
import { signIn } from '../../../test/e2e/settings-support.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../../../test/support/test-careline.ts';
import { TEST_ENGINES } from '../../../test/support/test-db.ts';
import { sealWebhookBody } from '../../channels/webhook-body-seal.ts';
import { webhookEvents } from '../../channels/webhook-event.schema.ts';
import { rowsOf } from '../../platform/db/raw-rows.ts';
import { recordConsent } from '../consent/consent.service.ts';
import { mediaFiles } from '../media/media.schema.ts';
import { schedulingReminders } from '../reminders/scheduling-reminders.ts';
import { bookAppointment } from '../scheduling/booking.service.ts';
import { seedScheduling } from '../scheduling/scheduling.test-support.ts';
import { findSlots } from '../scheduling/slot-search.service.ts';
import { zipEntries } from './zip-entries.test-support.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nRésultats de Chloé\n%%EOF');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

/** Every table that holds a row of a patient, and how it names them. */
const PATIENT_TABLES = [
  ['contacts', 'id in (select unnest($1::uuid[]))'],
  ['contact_identities', 'contact_id = any($1)'],
  // The patient's own key: once gone, whatever a backup holds of them cannot be read.
  ['data_keys', 'contact_id = any($1)'],
  ['conversations', 'contact_id = any($1)'],
  ['messages', 'conversation_id = any($2)'],
  ['message_reactions', 'message_id = any($3)'],
  ['media_files', 'message_id = any($3)'],
  ['consent_records', 'contact_id = any($1)'],
  ['appointments', 'contact_id = any($1)'],
  ['reminders', 'message_id = any($3)'],
  ['flow_sessions', 'contact_id = any($1) or conversation_id = any($2)'],
  ['flow_conversation_cursors', 'conversation_id = any($2)'],
  ['csat_responses', 'contact_id = any($1)'],
  ['red_flag_events', 'contact_id = any($1)'],
  ['jobs', "payload->>'conversationId' = any($2::text[]) or payload->>'messageId' = any($3::text[])"],
  ['events', "payload->>'conversationId' = any($2::text[])"],
  ['idempotency_keys', "response_body->>'conversation_id' = any($2::text[])"],
] as const;

describe.each(TEST_ENGINES)('patients’ rights: export, erasure, retention (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  const chloe = '+33655443322';
  const paul = '+33655443399';
  let chloeId: string;
  let chloeConversation: string;
  let paulConversation: string;

  async function patientSendsFile(from: string, type: 'document' | 'image', bytes: Buffer, extra: Json) {
    const sent = await env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from,
      type,
      bytes: Buffer.from(bytes),
      mimeType: type === 'image' ? 'image/png' : 'application/pdf',
      ...extra,
    });
    await eventually(async () => {
      const [file] = await env.handle.db
        .select({ status: mediaFiles.status })
        .from(mediaFiles)
        .innerJoin(sql`messages`, sql`messages.id = ${mediaFiles.messageId}`)
        .where(sql`messages.external_id = ${sent.wamid}`);
      return file?.status === 'stored' ? true : undefined;
    });
  }

  async function countRows(contactIds: string[], conversationIds: string[], messageIds: string[]) {
    const counts: Record<string, number> = {};
    for (const [table, where] of PATIENT_TABLES) {
      const result = await env.handle.db.execute(
        sql.raw(
          `select count(*)::int as n from ${table} where ${where
            .replaceAll('$1', `'{${contactIds.join(',')}}'`)
            .replaceAll('$2', `'{${conversationIds.join(',')}}'`)
            .replaceAll('$3', `'{${messageIds.join(',')}}'`)}`,
        ),
      );
      const [row] = rowsOf(result) as Array<{ n: number }>;
      counts[table] = Number(row?.n ?? -1);
    }
    return counts;
  }

  function filesOnDisk(orgId: string): number {
    try {
      return readdirSync(`${env.mediaDir}/${orgId}`, { recursive: true, withFileTypes: true }).filter((e) =>
        e.isFile(),
      ).length;
    } catch {
      return 0;
    }
  }

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Centre de santé des Lilas');
    const first = await patientWrites(
      env,
      clinic,
      chloe,
      'Bonjour, j’ai mal au genou depuis lundi',
      'Chloé D',
    );
    chloeConversation = String(first.conversation.id);
    chloeId = String((first.conversation.contact as Json).id);
    await patientSendsFile(chloe, 'document', PDF, { filename: '../../etc/pass\u0007wd\u202Efdp.exe' });
    await patientSendsFile(chloe, 'image', PNG, { caption: 'La radio de mon genou' });
    expect(
      (
        await call(env, clinic, 'POST', `/conversations/${chloeConversation}/notes`, {
          text: 'Suspicion de ménisque',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await call(env, clinic, 'POST', `/conversations/${chloeConversation}/messages`, {
          type: 'text',
          text: 'Nous vous rappelons',
        })
      ).status,
    ).toBe(202);
    expect(
      (
        await call(env, clinic, 'PATCH', `/contacts/${chloeId}`, {
          display_name: 'Chloé Dupont',
          tags: ['genou'],
          custom_fields: { mutuelle: 'MGEN 123' },
        })
      ).status,
    ).toBe(200);
    await recordConsent(env.handle.db, env.careline.keyring, {
      orgId: clinic.org.id,
      contactId: chloeId,
      channel: 'whatsapp',
      purpose: 'appointment_reminders',
      granted: true,
      method: 'chat',
      textShown: 'Acceptez-vous les rappels ?',
    });
    const { practitioners, type } = await seedScheduling(env.handle.db, clinic.org.id);
    const practitionerId = practitioners[0]?.id ?? '';
    const { slots } = await findSlots(env.handle.db, clinic.org.id, {
      appointmentTypeId: type.id,
      practitionerId,
      // Far enough ahead that no reminder is due yet: the test counts Chloé's messages exactly.
      from: new Date(Date.now() + 10 * 86_400_000).toISOString(),
      limit: 1,
      now: new Date(),
    });
    const slot = slots[0];
    if (!slot) throw new Error('no slot');
    await bookAppointment(env.handle.db, env.careline.keyring, schedulingReminders, clinic.org.id, {
      contactId: chloeId,
      practitionerId,
      locationId: slot.locationId,
      appointmentTypeId: type.id,
      start: slot.start,
      source: 'staff',
      reason: 'Douleur au genou',
      now: new Date(),
    });
    await orderToWhatsAppPharmacy(env, clinic, chloeId, {
      name: 'Pharmacie du Genou',
      phone: '+33612000198',
    });
    paulConversation = String((await patientWrites(env, clinic, paul, 'Bonjour, ici Paul')).conversation.id);
    await patientSendsFile(paul, 'document', PDF, { filename: 'ordonnance.pdf' });
    await env.settle();
  });
  afterAll(async () => {
    await env?.close();
  });

  test('an export holds the patient’s record as JSON and their files, decrypted, with safe names', async () => {
    const response = await env.api(clinic.apiKey, `/api/v1/contacts/${chloeId}/export`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="patient-${chloeId}.zip"`);
    const entries = zipEntries(Buffer.from(await response.arrayBuffer()));
    const names = [...entries.keys()];
    expect(names[0]).toBe('patient.json');
    const files = names.filter((n) => n.startsWith('files/'));
    expect(files).toHaveLength(2);
    for (const name of files) {
      expect(name.split('/')).toHaveLength(2);
      expect(name).not.toMatch(/\.\.|\p{Cc}|\p{Cf}|\\/u);
    }
    expect(files.map((n) => entries.get(n))).toEqual(expect.arrayContaining([PDF, PNG]));

    const record = JSON.parse(entries.get('patient.json')?.toString('utf8') ?? '{}');
    expect(record).toMatchObject({
      format: 'careline-patient-export/2',
      patient: {
        id: chloeId,
        display_name: 'Chloé Dupont',
        phone: chloe,
        tags: ['genou'],
        custom_fields: { mutuelle: 'MGEN 123' },
      },
      identities: [{ channel: 'whatsapp', external_id: chloe.slice(1), phone: chloe, scoped_id: null }],
      consents: [
        { purpose: 'appointment_reminders', granted: true, text_shown: 'Acceptez-vous les rappels ?' },
      ],
      appointments: [{ reason: 'Douleur au genou', practitioner: 'Dr Émilie Martin', status: 'booked' }],
      prescription_orders: [
        {
          pharmacy: 'Pharmacie du Genou',
          fulfilment: 'pickup',
          step: 'sent',
          medicines: [
            {
              medication: 'Amoxicilline',
              strength: '1 g',
              quantity: '2 boîtes',
              posology: '1 comprimé matin et soir pendant 6 jours',
              substitution_allowed: true,
            },
            { medication: 'Paracétamol', substitution_allowed: false },
          ],
        },
      ],
    });
    const messages = record.conversations[0].messages as Json[];
    expect(messages.map((m) => [m.direction, m.text])).toEqual(
      expect.arrayContaining([
        ['inbound', 'Bonjour, j’ai mal au genou depuis lundi'],
        ['inbound', 'La radio de mon genou'],
        ['note', 'Suspicion de ménisque'],
        ['outbound', 'Nous vous rappelons'],
      ]),
    );
    const withFiles = messages.flatMap((m) => m.files as Json[]);
    expect(withFiles.map((f) => f.archive_path).sort()).toEqual([...files].sort());
    expect(JSON.stringify(record)).not.toContain('Paul');
  });

  test('an agent may neither export nor erase', async () => {
    const agent = await addStaff(env, clinic, { name: 'Alex' });
    const browser = await signIn(env, agent.email);
    expect((await browser.call('GET', `/contacts/${chloeId}/export`)).status).toBe(403);
    expect(
      (await browser.call('POST', `/contacts/${chloeId}/erase`, { confirm: 'Chloé Dupont' })).status,
    ).toBe(403);
  });

  test('an erasure confirmed by the wrong name erases nothing', async () => {
    const refused = await call(env, clinic, 'POST', `/contacts/${chloeId}/erase`, { confirm: 'Paul' });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ errors: [{ field: 'body.confirm' }] });
    expect((await call(env, clinic, 'GET', `/contacts/${chloeId}`)).status).toBe(200);
  });

  test('an erasure removes every row and file of the patient, leaves a record, and spares the others', async () => {
    const messageIds = (
      await getJson<PageJson>(env, clinic, `/conversations/${chloeConversation}/messages?limit=100`)
    ).data.map((m) => String(m.id));
    const paulMessages = (
      await getJson<PageJson>(env, clinic, `/conversations/${paulConversation}/messages?limit=100`)
    ).data.map((m) => String(m.id));
    const before = await countRows([chloeId], [chloeConversation], messageIds);
    expect(before).toMatchObject({
      contacts: 1,
      contact_identities: 1,
      messages: 5,
      media_files: 2,
      appointments: 1,
    });
    const paulBefore = await countRows([], [paulConversation], paulMessages);
    expect(filesOnDisk(clinic.org.id)).toBe(3);

    // Two deliveries failed and wait for a retry, their bodies kept (encrypted): one is Chloé's.
    const journaled = async (from: string, text: string) => {
      const body = Buffer.from(
        JSON.stringify({ entry: [{ changes: [{ value: { messages: [{ from, text: { body: text } }] } }] }] }),
      );
      const key = {
        channelAccountId: clinic.account.id,
        bodySha256: createHash('sha256').update(body).digest('hex'),
      };
      const [row] = await env.handle.db
        .insert(webhookEvents)
        .values({
          orgId: clinic.org.id,
          channelType: 'whatsapp',
          ...key,
          sealedBody: sealWebhookBody(env.fieldCipher, key, body),
          failedAt: new Date(),
          failureReason: 'test',
        })
        .returning({ id: webhookEvents.id });
      return row?.id ?? 0;
    };
    const chloesDelivery = await journaled(chloe.slice(1), 'Mon genou va mieux');
    const paulsDelivery = await journaled(paul.slice(1), 'Merci');
    const bodyOf = async (id: number) =>
      (
        await env.handle.db
          .select({ body: webhookEvents.sealedBody })
          .from(webhookEvents)
          .where(eq(webhookEvents.id, id))
      )[0]?.body;

    const erased = await call(env, clinic, 'DELETE', `/contacts/${chloeId}`, { confirm: ' chloé  dupont ' });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({
      reference: expect.stringMatching(/^ER-[0-9A-Z]{12}$/),
      erased_by: { api_key_id: expect.any(String), user_id: null },
      removed: {
        messages: 5,
        files: 2,
        appointments: 1,
        consents: 1,
        contact: 2,
        webhook_bodies: 1,
        data_key: 1,
      },
    });
    expect(await bodyOf(chloesDelivery)).toBeNull();
    expect(await bodyOf(paulsDelivery)).toEqual(expect.any(String));

    const after = await countRows([chloeId], [chloeConversation], messageIds);
    expect(Object.entries(after).filter(([, n]) => n !== 0)).toEqual([]);
    expect(filesOnDisk(clinic.org.id)).toBe(1);
    expect(await countRows([], [paulConversation], paulMessages)).toEqual(paulBefore);
    expect((await call(env, clinic, 'GET', `/contacts/${chloeId}`)).status).toBe(404);

    const erasures = await getJson<{ data: Json[] }>(env, clinic, '/privacy/erasures');
    expect(erasures.data).toEqual([expect.objectContaining({ reference: erased.body.reference })]);
    const dump = JSON.stringify(
      rowsOf(await env.handle.db.execute(sql`select * from erasures where org_id = ${clinic.org.id}`)),
    );
    expect(dump).not.toContain(chloeId);
    expect(dump).not.toContain('Chlo');

    // The same number writes again: a new patient, with nothing of the old one.
    const again = await patientWrites(env, clinic, chloe, 'Re-bonjour');
    const contact = again.conversation.contact as Json;
    expect(contact.id).not.toBe(chloeId);
    expect(contact.display_name).not.toBe('Chloé Dupont');
    expect(
      (await getJson<PageJson>(env, clinic, `/conversations/${String(again.conversation.id)}/messages`)).data,
    ).toHaveLength(1);
  });

  test('retention erases old message text and old files only, and says what it did', async () => {
    const messagesOf = async () =>
      (await getJson<PageJson>(env, clinic, `/conversations/${paulConversation}/messages?limit=100`)).data;
    const sent = await messagesOf();
    const greeting = sent.find((m) => m.type === 'text');
    const document = sent.find((m) => m.type === 'document');
    // Paul's greeting is eight months old; his document (and its file) four.
    const monthsAgo = (n: number) => new Date(Date.now() - n * 31 * 86_400_000);
    await env.handle.db.execute(
      sql`update messages set occurred_at = ${monthsAgo(8)} where id = ${String(greeting?.id)}`,
    );
    await env.handle.db.execute(
      sql`update messages set occurred_at = ${monthsAgo(4)} where id = ${String(document?.id)}`,
    );
    await env.handle.db
      .update(mediaFiles)
      .set({ createdAt: monthsAgo(4) })
      .where(eq(mediaFiles.orgId, clinic.org.id));
    const saved = await call(env, clinic, 'PUT', '/privacy/retention', {
      message_text_months: 6,
      file_months: null,
    });
    expect(saved.status).toBe(200);
    await env.settle();
    const afterText = await messagesOf();
    expect(afterText.find((m) => m.id === greeting?.id)).toMatchObject({
      text: null,
      content: null,
      retention_erased_at: expect.any(String),
    });
    expect(afterText.find((m) => m.id === document?.id)).toMatchObject({
      retention_erased_at: null,
      media: [{ status: 'stored' }],
    });
    expect(filesOnDisk(clinic.org.id)).toBe(1);

    expect(
      (await call(env, clinic, 'PUT', '/privacy/retention', { message_text_months: 6, file_months: 3 }))
        .status,
    ).toBe(200);
    await env.settle();
    const afterFiles = await messagesOf();
    expect(afterFiles.find((m) => m.id === document?.id)).toMatchObject({
      retention_erased_at: null,
      media: [{ status: 'failed', error: 'erased_by_retention_policy', file_name: null }],
    });
    expect(filesOnDisk(clinic.org.id)).toBe(0);
    const policy = await getJson(env, clinic, '/privacy/retention');
    expect(policy).toMatchObject({
      message_text_months: 6,
      file_months: 3,
      last_run: { texts: 0, files: 1 },
    });

    // Bad input names the field.
    const bad = await call(env, clinic, 'PUT', '/privacy/retention', {
      message_text_months: 0,
      file_months: 'x',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('body.message_text_months');
  });
});
