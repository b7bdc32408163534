import { and, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { broadcastRecipients, contacts, conversations, events, messages } from '../../src/db-schema.ts';
import {
  addPatientsToGroup,
  createPatientGroup,
} from '../../src/modules/patient-groups/patient-group.service.ts';
import {
  book,
  type ReminderWorld,
  reminderRow,
  startReminderWorld,
  timeComes,
} from '../../src/modules/reminders/reminders-e2e.test-support.ts';
import { quietHoursAwayFromNow } from '../support/quiet-hours.ts';
import { eventually, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { addStaff, call, type Json, newPhone } from './inbox-support.ts';
import { signIn } from './settings-support.ts';

interface Report {
  targeted: number;
  pending: number;
  skipped: { total: number; by_reason: Record<string, number> };
  queued: number;
  sent: number;
  delivered: number;
  read: number;
  failed: { total: number; by_error: Array<{ code: number | null; reason: string | null; count: number }> };
  replied: number;
  opted_out: number;
}

interface BroadcastJson extends Json {
  id: string;
  status: string;
  report: Report;
}

const TEMPLATE_BODY = 'Bonjour {{1}}, {{2}}';

describe.each(TEST_ENGINES)('health broadcasts to a group (%s)', (engine) => {
  let world: ReminderWorld;

  beforeAll(async () => {
    world = await startReminderWorld(engine);
    await approveTemplates(world.clinic);
  });
  afterAll(async () => {
    await world?.env.close();
  });

  /** The clinic's approved health template, a MARKETING one and one still pending, synced. */
  async function approveTemplates(clinic: TestClinic): Promise<void> {
    const sim = world.env.simulator.simulator;
    const templates = [
      { name: 'conseil_sante', category: 'UTILITY', status: 'APPROVED' },
      { name: 'promo_ete', category: 'MARKETING', status: 'APPROVED' },
      { name: 'conseil_attente', category: 'UTILITY', status: 'PENDING' },
    ] as const;
    for (const t of templates)
      sim.upsertTemplate({
        wabaId: clinic.number.wabaId,
        name: t.name,
        language: 'fr',
        category: t.category,
        status: t.status,
        components: [{ type: 'BODY', text: TEMPLATE_BODY }],
      });
    expect((await call(world.env, clinic, 'POST', '/templates/sync')).status).toBe(202);
    await world.env.settle();
  }

  /** A patient who wrote to the clinic on WhatsApp (its window open), agreeing to health information unless told. */
  async function patient(
    clinic: TestClinic,
    options: { phone?: string; name?: string; health?: boolean; language?: string; reminders?: boolean } = {},
  ): Promise<{ phone: string; contactId: string; conversationId: string }> {
    const phone = options.phone ?? newPhone();
    const sent = await world.env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: phone,
      name: options.name ?? 'Chloé Martin',
      text: 'Bonjour',
    });
    const stored = await eventually(async () => {
      const [row] = await world.env.handle.db
        .select({ conversationId: messages.conversationId, contactId: conversations.contactId })
        .from(messages)
        .innerJoin(conversations, eq(conversations.id, messages.conversationId))
        .where(eq(messages.externalId, sent.wamid));
      return row;
    });
    const consent = async (purpose: string) => {
      const response = await call(world.env, clinic, 'POST', `/contacts/${stored.contactId}/consents`, {
        purpose,
        granted: true,
        text_shown: 'Acceptez-vous de recevoir des conseils de santé par WhatsApp ?',
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
    };
    if (options.health ?? true) await consent('health_information');
    if (options.reminders) await consent('appointment_reminders');
    if (options.language)
      await world.env.handle.db
        .update(contacts)
        .set({ language: options.language })
        .where(eq(contacts.id, stored.contactId));
    await world.env.settle();
    return { phone, ...stored };
  }

  async function groupOf(clinic: TestClinic, contactIds: string[]): Promise<string> {
    const group = await createPatientGroup(world.env.handle.db, {
      orgId: clinic.org.id,
      name: `Groupe ${Math.random().toString(36).slice(2)}`,
      kind: 'static',
      createdByUserId: null,
    });
    await addPatientsToGroup(world.env.handle.db, {
      orgId: clinic.org.id,
      groupId: group.id,
      contactIds,
      addedByUserId: null,
    });
    return group.id;
  }

  async function broadcast(clinic: TestClinic, body: Json): Promise<BroadcastJson> {
    const response = await call(world.env, clinic, 'POST', '/broadcasts', {
      name: 'Vaccination grippe',
      quiet_hours: quietHoursAwayFromNow(),
      ...body,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as BroadcastJson;
  }

  async function broadcastNow(clinic: TestClinic, id: string): Promise<BroadcastJson> {
    const response = await call(world.env, clinic, 'GET', `/broadcasts/${id}`);
    expect(response.status).toBe(200);
    return response.body as BroadcastJson;
  }

  /** The broadcast once `until` holds of it (its report is live). */
  async function broadcastWhen(
    clinic: TestClinic,
    id: string,
    until: (b: BroadcastJson) => boolean,
    timeoutMs = 10_000,
  ): Promise<BroadcastJson> {
    let last: BroadcastJson | undefined;
    return eventually(async () => {
      last = await broadcastNow(clinic, id);
      return until(last) ? last : undefined;
    }, timeoutMs).catch((error: unknown) => {
      throw new Error(`${String(error)}; last: ${JSON.stringify(last)}`);
    });
  }

  /** What the patient's phone got from this clinic, oldest first. */
  function received(clinic: TestClinic, phone: string) {
    const sim = world.env.simulator.simulator;
    return sim
      .sends(clinic.number.phoneNumberId)
      .filter((s) => s.wamid && (s.request as Json).to === phone.replace('+', ''))
      .map((s) => ({ request: s.request as Json, text: sim.message(s.wamid ?? '')?.text ?? '' }));
  }

  const content = {
    fr: { text: 'Bonjour {{first_name}}, la vaccination contre la grippe commence à {{clinic_name}}.' },
    en: { text: 'Hello {{first_name}}, flu vaccination starts at {{clinic_name}}.' },
  };

  test('reaches consenting patients on WhatsApp in their language, personalised; no consent is skipped; delivered and read show in the report', async () => {
    const { clinic } = world;
    const chloe = await patient(clinic, { name: 'Chloé Martin' });
    const john = await patient(clinic, { name: 'John Smith', language: 'en' });
    const refuser = await patient(clinic, { name: 'Paul Durand', health: false });
    const groupId = await groupOf(clinic, [chloe.contactId, john.contactId, refuser.contactId]);

    const created = await broadcast(clinic, { group_id: groupId, content, default_language: 'fr' });
    expect(created.status).toBe('scheduled');
    const done = await broadcastWhen(
      clinic,
      created.id,
      (b) => b.status === 'completed' && b.report.read === 2,
    );
    expect(done.report).toMatchObject({
      targeted: 3,
      skipped: { total: 1, by_reason: { no_consent: 1 } },
      sent: 2,
      delivered: 2,
      read: 2,
      failed: { total: 0 },
    });

    expect(received(clinic, chloe.phone).map((r) => r.text)).toContain(
      'Bonjour Chloé, la vaccination contre la grippe commence à Centre Belleville.',
    );
    expect(received(clinic, john.phone).map((r) => r.text)).toContain(
      'Hello John, flu vaccination starts at Centre Belleville.',
    );
    expect(received(clinic, refuser.phone)).toEqual([]);

    // In the patient's conversation, as the inbox shows it (stored sealed like every message).
    const timeline = await call(world.env, clinic, 'GET', `/conversations/${chloe.conversationId}/messages`);
    expect((timeline.body.data as Json[]).map((m) => m.text)).toContain(
      'Bonjour Chloé, la vaccination contre la grippe commence à Centre Belleville.',
    );
    const [sealed] = await world.env.handle.db
      .select({ text: messages.text, sealed: messages.contentSealed })
      .from(messages)
      .innerJoin(broadcastRecipients, eq(broadcastRecipients.messageId, messages.id))
      .where(eq(broadcastRecipients.contactId, chloe.contactId));
    expect(sealed?.text ?? '').not.toContain('Chloé');

    const list = await call(world.env, clinic, 'GET', `/broadcasts/${created.id}/recipients`);
    expect(list.status).toBe(200);
    const rows = list.body.data as Json[];
    expect(rows.map((r) => [r.contact_name, r.channel, r.state, r.reason]).sort()).toEqual(
      [
        ['Chloé Martin', 'whatsapp', 'read', null],
        ['John Smith', 'whatsapp', 'read', null],
        ['Paul Durand', null, 'skipped', 'no_consent'],
      ].sort(),
    );
    const skippedOnly = await call(
      world.env,
      clinic,
      'GET',
      `/broadcasts/${created.id}/recipients?state=skipped`,
    );
    expect((skippedOnly.body.data as Json[]).map((r) => r.contact_id)).toEqual([refuser.contactId]);

    // The live feed carried the broadcast's changes.
    const feed = await world.env.handle.db.select().from(events).where(eq(events.type, 'broadcast.updated'));
    expect(feed.some((e) => e.payload.broadcastId === created.id && e.payload.status === 'completed')).toBe(
      true,
    );
    expect(feed.some((e) => e.payload.broadcastId === created.id && e.payload.messageStatus === 'read')).toBe(
      true,
    );

    // Run again, nobody gets it twice.
    const listed = await call(world.env, clinic, 'GET', '/broadcasts?limit=1');
    expect((listed.body.data as Json[])[0]?.id).toBe(created.id);
  });

  test('WhatsApp outside the 24-hour window: the approved template, or skipped template_unavailable; failures with their reason', async () => {
    const { clinic } = world;
    const withTemplate = await patient(clinic, { name: 'Léa Petit' });
    const failing = await patient(clinic, { name: 'Marc Roux' });
    const closed = [withTemplate, failing];
    await world.env.handle.db
      .update(conversations)
      .set({ lastInboundAt: new Date(Date.now() - 30 * 3_600_000) })
      .where(eq(conversations.orgId, clinic.org.id));
    world.env.simulator.simulator.setBehaviour(
      { failFor: { waIds: [failing.phone.replace('+', '')], code: 131026, title: 'Message undeliverable' } },
      clinic.number.phoneNumberId,
    );
    try {
      const groupId = await groupOf(
        clinic,
        closed.map((p) => p.contactId),
      );
      const textOnly = await broadcast(clinic, { group_id: groupId, content: { fr: content.fr } });
      const skipped = await broadcastWhen(clinic, textOnly.id, (b) => b.status === 'completed');
      expect(skipped.report.skipped.by_reason).toEqual({ template_unavailable: 2 });

      const withTpl = await broadcast(clinic, {
        group_id: groupId,
        content: {
          fr: {
            text: content.fr.text,
            template: {
              name: 'conseil_sante',
              language: 'fr',
              parameters: ['{{first_name}}', 'la vaccination commence lundi'],
            },
          },
        },
      });
      const done = await broadcastWhen(
        clinic,
        withTpl.id,
        (b) => b.status === 'completed' && b.report.read === 1 && b.report.failed.total === 1,
      );
      expect(done.report.failed.by_error).toEqual([
        { code: 131026, reason: 'Message undeliverable', count: 1 },
      ]);
      const [sentTemplate] = received(clinic, withTemplate.phone).map((r) => r.request);
      expect(sentTemplate?.type).toBe('template');
      expect(JSON.stringify(sentTemplate?.template)).toContain('Léa');
      const failed = await call(
        world.env,
        clinic,
        'GET',
        `/broadcasts/${withTpl.id}/recipients?state=failed`,
      );
      expect((failed.body.data as Json[]).map((r) => [r.contact_id, r.error_code])).toEqual([
        [failing.contactId, 131026],
      ]);
    } finally {
      world.env.simulator.simulator.setBehaviour({}, clinic.number.phoneNumberId);
    }
  });

  test('a patient whose conversation was closed gets the broadcast in a new conversation (the template: no window there)', async () => {
    const { clinic } = world;
    const closedOne = await patient(clinic, { name: 'Anne Leroy' });
    await world.env.handle.db
      .update(conversations)
      .set({ status: 'closed' })
      .where(eq(conversations.id, closedOne.conversationId));
    const groupId = await groupOf(clinic, [closedOne.contactId]);
    const sent = await broadcast(clinic, {
      group_id: groupId,
      content: {
        fr: {
          text: content.fr.text,
          template: { name: 'conseil_sante', language: 'fr', parameters: ['{{first_name}}', 'la grippe'] },
        },
      },
    });
    const done = await broadcastWhen(clinic, sent.id, (b) => b.status === 'completed' && b.report.sent >= 1);
    expect(done.report.skipped.total).toBe(0);
    const [recipient] = await world.env.handle.db
      .select({ conversationId: broadcastRecipients.conversationId })
      .from(broadcastRecipients)
      .where(eq(broadcastRecipients.broadcastId, sent.id));
    expect(recipient?.conversationId).toBeTruthy();
    expect(recipient?.conversationId).not.toBe(closedOne.conversationId);
    const [opened] = await world.env.handle.db
      .select()
      .from(conversations)
      .where(eq(conversations.id, recipient?.conversationId ?? ''));
    expect(opened).toMatchObject({ contactId: closedOne.contactId, status: 'open' });
    const [request] = received(clinic, closedOne.phone).map((r) => r.request);
    expect(request?.type).toBe('template');
    expect(JSON.stringify(request?.template)).toContain('Anne');
  });

  test('quiet hours on the patient’s own clock defer them (not skipped); a patient whose number says Tokyo gets it now', async () => {
    const { clinic } = world;
    const paris = await patient(clinic, { name: 'Anne Paris' });
    const tokyo = await patient(clinic, {
      name: 'Kenji Tanaka',
      phone: `+8190${String(Date.now()).slice(-8)}`,
    });
    const groupId = await groupOf(clinic, [paris.contactId, tokyo.contactId]);
    // Quiet now in Paris, an hour on either side; Tokyo is seven or eight hours ahead: not quiet there.
    const local = Temporal.Now.zonedDateTimeISO('Europe/Paris');
    const hhmm = (t: Temporal.ZonedDateTime) => t.toPlainTime().toString({ smallestUnit: 'minute' });
    const quiet = { start: hhmm(local.subtract({ hours: 1 })), end: hhmm(local.add({ hours: 1 })) };
    const created = await broadcast(clinic, { group_id: groupId, content, quiet_hours: quiet });
    const after = await broadcastWhen(clinic, created.id, (b) => b.report.read === 1);
    expect(after.status).toBe('sending');
    expect(after.report).toMatchObject({ targeted: 2, pending: 1, skipped: { total: 0 } });
    expect(received(clinic, tokyo.phone)).toHaveLength(1);
    expect(received(clinic, paris.phone)).toEqual([]);
    const [deferred] = await world.env.handle.db
      .select()
      .from(broadcastRecipients)
      .where(
        and(
          eq(broadcastRecipients.broadcastId, created.id),
          eq(broadcastRecipients.contactId, paris.contactId),
        ),
      );
    expect(deferred?.state).toBe('pending');
    // Deferred to the end of the quiet hours in Paris.
    expect(
      Temporal.Instant.fromEpochMilliseconds(deferred?.dueAt.getTime() ?? 0)
        .toZonedDateTimeISO('Europe/Paris')
        .toPlainTime()
        .toString({ smallestUnit: 'minute' }),
    ).toBe(quiet.end);
    // Cancelling it leaves the deferred patient skipped as cancelled.
    const cancelled = await call(world.env, clinic, 'POST', `/broadcasts/${created.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect((cancelled.body as BroadcastJson).report.skipped.by_reason).toEqual({ cancelled: 1 });
  });

  test('STOP CONSEILS withdraws health information only: the next broadcast skips them as opted_out, reminders still go', async () => {
    const { clinic } = world;
    const p = await patient(clinic, { name: 'Julie Bernard', reminders: true });
    const groupId = await groupOf(clinic, [p.contactId]);
    const first = await broadcast(clinic, { group_id: groupId, content });
    await broadcastWhen(clinic, first.id, (b) => b.report.read === 1);

    await world.env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: p.phone,
      text: 'Stop conseils',
    });
    const confirmation = await eventually(async () =>
      received(clinic, p.phone)
        .map((r) => r.text)
        .find((t) => t.includes('START CONSEILS')),
    );
    expect(confirmation).toBe(
      'C’est noté : vous ne recevrez plus les conseils et informations de santé de Centre Belleville sur WhatsApp. Vos rappels de rendez-vous continuent. Pour les recevoir de nouveau, répondez START CONSEILS.',
    );
    const consents = await call(world.env, clinic, 'GET', `/contacts/${p.contactId}/consents`);
    const states = Object.fromEntries(
      (consents.body.current as Json[])
        .filter((c) => c.channel === 'whatsapp')
        .map((c) => [c.purpose, c.state]),
    );
    expect(states).toMatchObject({ health_information: 'withdrawn', appointment_reminders: 'granted' });
    // The first broadcast's report counts it as opted out after it, and as a reply.
    const firstAfter = await broadcastWhen(clinic, first.id, (b) => b.report.opted_out === 1);
    expect(firstAfter.report.replied).toBe(1);

    const second = await broadcast(clinic, { group_id: groupId, content });
    const skipped = await broadcastWhen(clinic, second.id, (b) => b.status === 'completed');
    expect(skipped.report.skipped.by_reason).toEqual({ opted_out: 1 });

    const appointment = await book(world, p.contactId, p.conversationId);
    await timeComes(world, appointment.id, 2880);
    expect(await reminderRow(world, appointment.id, 2880)).toMatchObject({ status: 'sent' });
  });

  test('a reply lands in the inbox as a normal conversation and a red-flag reply raises the red flag', async () => {
    const { clinic } = world;
    const p = await patient(clinic, { name: 'Hugo Lambert' });
    const created = await broadcast(clinic, { group_id: await groupOf(clinic, [p.contactId]), content });
    await broadcastWhen(clinic, created.id, (b) => b.report.read === 1);
    await world.env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: p.phone,
      text: "j'ai une douleur dans la poitrine qui serre",
    });
    const conversation = await eventually(async () => {
      const response = await call(world.env, clinic, 'GET', `/conversations/${p.conversationId}`);
      return response.body.urgent === true ? response.body : undefined;
    });
    expect(conversation.status).not.toBe('closed');
    const urgent = await call(world.env, clinic, 'GET', '/conversations?view=urgent');
    expect((urgent.body.data as Json[]).map((c) => c.id)).toContain(p.conversationId);
    const after = await broadcastWhen(clinic, created.id, (b) => b.report.replied === 1);
    expect(after.report.opted_out).toBe(0);
  });

  test('bad input names the field; another clinic sees nothing; an agent is refused', async () => {
    const { clinic, env } = world;
    const p = await patient(clinic, { name: 'Zoé Faure' });
    const groupId = await groupOf(clinic, [p.contactId]);
    const post = (body: Json) =>
      call(env, clinic, 'POST', '/broadcasts', { name: 'X', group_id: groupId, content, ...body });
    const fieldOf = (r: { body: Json }) =>
      (r.body.errors as Array<{ field: string }> | undefined)?.[0]?.field;

    const unknownGroup = await post({ group_id: '00000000-0000-4000-8000-000000000000' });
    expect([unknownGroup.status, fieldOf(unknownGroup)]).toEqual([422, 'body.group_id']);
    const pending = await post({
      content: { fr: { template: { name: 'conseil_attente', language: 'fr', parameters: ['a', 'b'] } } },
    });
    expect([pending.status, fieldOf(pending)]).toEqual([422, 'body.content.fr.template']);
    const marketing = await post({
      content: { fr: { template: { name: 'promo_ete', language: 'fr', parameters: ['a', 'b'] } } },
    });
    expect([marketing.status, fieldOf(marketing)]).toEqual([422, 'body.content.fr.template']);
    expect(String(marketing.body.detail)).toContain('MARKETING');
    const past = await post({ send_at: new Date(Date.now() - 3_600_000).toISOString() });
    expect([past.status, fieldOf(past)]).toEqual([400, 'body.send_at']);
    const empty = await post({ content: {} });
    expect([empty.status, fieldOf(empty)]).toEqual([400, 'body.content']);
    const noDefault = await post({ content: { en: content.en }, default_language: 'fr' });
    expect([noDefault.status, fieldOf(noDefault)]).toEqual([400, 'body.default_language']);
    const badQuiet = await post({ quiet_hours: { start: '25:00', end: '08:00' } });
    expect([badQuiet.status, fieldOf(badQuiet)]).toEqual([400, 'body.quiet_hours.start']);

    // Scheduled later: nothing goes now, and it can be cancelled.
    const later = await broadcast(clinic, {
      group_id: groupId,
      content,
      send_at: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await env.settle();
    expect((await broadcastNow(clinic, later.id)).status).toBe('scheduled');
    expect(received(clinic, p.phone)).toEqual([]);

    const other = await env.addClinic('Clinique Pasteur');
    const theirs = await call(env, other, 'GET', `/broadcasts/${later.id}`);
    expect(theirs.status).toBe(404);
    expect((await call(env, other, 'GET', `/broadcasts/${later.id}/recipients`)).status).toBe(404);
    expect((await call(env, other, 'POST', `/broadcasts/${later.id}/cancel`)).status).toBe(404);
    expect(((await call(env, other, 'GET', '/broadcasts')).body.data as Json[]).length).toBe(0);
    const usingOurGroup = await call(env, other, 'POST', '/broadcasts', {
      name: 'X',
      group_id: groupId,
      content,
    });
    expect([usingOurGroup.status, fieldOf(usingOurGroup)]).toEqual([422, 'body.group_id']);

    const cancelled = await call(env, clinic, 'POST', `/broadcasts/${later.id}/cancel`);
    expect((cancelled.body as BroadcastJson).status).toBe('cancelled');
    expect((await call(env, clinic, 'POST', `/broadcasts/${later.id}/cancel`)).status).toBe(409);

    const agent = await addStaff(env, clinic, { name: 'Agent Ines', role: 'agent' });
    const session = await signIn(env, agent.email);
    const refused = await fetch(`${env.url}/api/v1/broadcasts`, {
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    });
    expect(refused.status).toBe(403);
    const supervisor = await addStaff(env, clinic, { name: 'Sup Marie', role: 'supervisor' });
    const supSession = await signIn(env, supervisor.email);
    const allowed = await fetch(`${env.url}/api/v1/broadcasts`, {
      headers: { cookie: supSession.cookie, 'x-csrf-token': supSession.csrf },
    });
    expect(allowed.status).toBe(200);
  });
});
