import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { broadcastRecipients, conversations, messages, reminders } from '../../src/db-schema.ts';
import {
  addPatientsToGroup,
  createPatientGroup,
} from '../../src/modules/patient-groups/patient-group.service.ts';
import { enqueueReminderDispatch } from '../../src/modules/reminders/reminder-dispatch-queue.ts';
import { reminderTemplateComponents } from '../../src/modules/reminders/reminder-template.ts';
import {
  book,
  type ReminderWorld,
  reminderRow,
} from '../../src/modules/reminders/reminders-e2e.test-support.ts';
import { seedScheduling } from '../../src/modules/scheduling/scheduling.test-support.ts';
import { quietHoursAwayFromNow } from '../support/quiet-hours.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { call, type Json } from './inbox-support.ts';

// Each clinic's number is paced at 8 messages a second: a broadcast to 60 patients is a backlog of
// about seven seconds, long enough to see what goes before it.
const RATE = 8;
const AUDIENCE = 60;

let nextPhone = 0;
function phoneOf(prefix: string): string {
  nextPhone += 1;
  return `+33${prefix}${String(nextPhone).padStart(6, '0')}`;
}

describe.each(TEST_ENGINES)(
  'broadcasts are bulk: replies, reminders and other clinics go first (%s)',
  (engine) => {
    let env: TestCareline;
    let belleville: TestClinic;
    let pasteur: TestClinic;
    let world: ReminderWorld;

    beforeAll(async () => {
      env = await startTestCareline(engine, {
        pacing: { pairBurst: 10_000, pairIntervalMs: 1, defaultRatePerSecond: RATE, burstMs: 1000 },
      });
      belleville = await env.addClinic('Centre Belleville');
      pasteur = await env.addClinic('Clinique Pasteur');
      env.simulator.simulator.upsertTemplate({
        wabaId: belleville.number.wabaId,
        name: 'rappel_rendez_vous',
        language: 'fr',
        category: 'UTILITY',
        status: 'APPROVED',
        components: reminderTemplateComponents('fr'),
      });
      expect((await call(env, belleville, 'POST', '/templates/sync')).status).toBe(202);
      await env.settle();
      const seeded = await seedScheduling(env.handle.db, belleville.org.id);
      const practitioner = seeded.practitioners[0];
      if (!practitioner) throw new Error('no practitioner');
      world = { env, clinic: belleville, location: seeded.location, practitioner, type: seeded.type };
    });
    afterAll(async () => {
      await env?.close();
    });

    async function patient(
      clinic: TestClinic,
      phone: string,
      purposes: string[],
    ): Promise<{ phone: string; contactId: string; conversationId: string }> {
      const sent = await env.simulator.simulator.patientSends({
        phoneNumberId: clinic.number.phoneNumberId,
        from: phone,
        name: 'Patient Test',
        text: 'Bonjour',
      });
      const stored = await eventually(async () => {
        const [row] = await env.handle.db
          .select({ conversationId: messages.conversationId, contactId: conversations.contactId })
          .from(messages)
          .innerJoin(conversations, eq(conversations.id, messages.conversationId))
          .where(eq(messages.externalId, sent.wamid));
        return row;
      }, 15_000);
      for (const purpose of purposes) {
        const consent = await call(env, clinic, 'POST', `/contacts/${stored.contactId}/consents`, {
          purpose,
          granted: true,
          text_shown: 'Oui',
        });
        expect(consent.status).toBe(201);
      }
      return { phone, ...stored };
    }

    /** Many patients agreeing to health information, ten writing at a time. */
    async function patients(clinic: TestClinic, prefix: string, n: number) {
      const all = [];
      for (let i = 0; i < n; i += 10) {
        const phones = Array.from({ length: Math.min(10, n - i) }, () => phoneOf(prefix));
        all.push(
          ...(await Promise.all(phones.map((phone) => patient(clinic, phone, ['health_information'])))),
        );
      }
      return all;
    }

    async function broadcastTo(clinic: TestClinic, contactIds: string[]): Promise<string> {
      const group = await createPatientGroup(env.handle.db, {
        orgId: clinic.org.id,
        name: `Groupe ${randomBytes(4).toString('hex')}`,
        kind: 'static',
        createdByUserId: null,
      });
      await addPatientsToGroup(env.handle.db, {
        orgId: clinic.org.id,
        groupId: group.id,
        contactIds,
        addedByUserId: null,
      });
      const created = await call(env, clinic, 'POST', '/broadcasts', {
        name: 'Canicule',
        group_id: group.id,
        content: { fr: { text: 'Canicule : buvez de l’eau, {{first_name}}.' } },
        quiet_hours: quietHoursAwayFromNow(),
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return String(created.body.id);
    }

    /** The broadcast's messages once all are in the outbox. */
    async function queuedMessagesOf(broadcastId: string, count: number): Promise<string[]> {
      return eventually(async () => {
        const rows = await env.handle.db
          .select({ messageId: broadcastRecipients.messageId })
          .from(broadcastRecipients)
          .where(
            and(eq(broadcastRecipients.broadcastId, broadcastId), eq(broadcastRecipients.state, 'queued')),
          );
        const ids = rows.flatMap((r) => (r.messageId ? [r.messageId] : []));
        return ids.length >= count ? ids : undefined;
      }, 10_000);
    }

    /** When the simulator took each message of the number, by its text or to whom (send order). */
    function sendsOf(clinic: TestClinic): Array<{ to: string; wamid: string; at: number }> {
      const sim = env.simulator.simulator;
      return sim.sends(clinic.number.phoneNumberId).flatMap((s) => {
        if (!s.wamid) return [];
        const request = s.request as Json;
        return [{ to: String(request.to), wamid: s.wamid, at: new Date(s.receivedAt).getTime() }];
      });
    }

    /** The latest message of a conversation in that direction, once it has the provider's id. */
    async function messageTo(conversationId: string, direction: 'inbound' | 'outbound') {
      return eventually(async () => {
        const [row] = await env.handle.db
          .select()
          .from(messages)
          .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, direction)))
          .orderBy(desc(messages.createdAt))
          .limit(1);
        return row?.externalId ? row : undefined;
      });
    }

    test('a patient’s reply and a reminder go before the broadcast messages queued ahead of them; another clinic is not held', async () => {
      const audience = await patients(belleville, '6100', AUDIENCE);
      const waiting = await patient(belleville, phoneOf('6200'), []);
      const reminded = await patient(belleville, phoneOf('6300'), ['appointment_reminders']);
      const appointment = await book(world, reminded.contactId, reminded.conversationId);
      const elsewhere = await patient(pasteur, phoneOf('6400'), ['health_information']);
      await env.settle();

      const broadcastId = await broadcastTo(
        belleville,
        audience.map((p) => p.contactId),
      );
      const queued = await queuedMessagesOf(broadcastId, AUDIENCE);
      expect(queued).toHaveLength(AUDIENCE);

      // While they wait: an agent answers a patient, a reminder falls due, another clinic broadcasts.
      const reply = await call(env, belleville, 'POST', `/conversations/${waiting.conversationId}/messages`, {
        type: 'text',
        text: 'Votre ordonnance est prête.',
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(202);
      await env.handle.db
        .update(reminders)
        .set({ dueAt: new Date(Date.now() - 1000) })
        .where(and(eq(reminders.appointmentId, appointment.id), eq(reminders.offsetMinutes, 2880)));
      await enqueueReminderDispatch(env.handle.db, new Date(), `test:${randomBytes(6).toString('hex')}`);
      const otherBroadcast = await broadcastTo(pasteur, [elsewhere.contactId]);
      env.careline.worker.wake();

      await eventually(async () => {
        const rows = await env.handle.db
          .select({ status: messages.status })
          .from(messages)
          .where(inArray(messages.id, queued));
        return rows.every((r) => r.status !== 'queued' && r.status !== 'sending') ? true : undefined;
      }, 30_000);
      expect(await reminderRow(world, appointment.id, 2880)).toMatchObject({ status: 'sent' });

      const audiencePhones = new Set(audience.map((p) => p.phone.replace('+', '')));
      const broadcastSends = sendsOf(belleville).filter((s) => audiencePhones.has(s.to));
      expect(broadcastSends).toHaveLength(AUDIENCE);
      const replyMessage = await messageTo(waiting.conversationId, 'outbound');
      const reminderMessage = await messageTo(reminded.conversationId, 'outbound');
      for (const [what, message] of [
        ['reply', replyMessage],
        ['reminder', reminderMessage],
      ] as const) {
        const send = sendsOf(belleville).find((s) => s.wamid === message.externalId);
        expect(send, what).toBeDefined();
        // Broadcast messages still waiting when it was queued, and those of them it went before.
        const waitingThen = broadcastSends.filter((s) => s.at > message.createdAt.getTime()).length;
        const overtaken = broadcastSends.filter((s) => s.at > (send?.at ?? 0)).length;
        expect(waitingThen, what).toBeGreaterThanOrEqual(30);
        // It overtook most of that backlog: only what the number sent while the outbox's batch under way
        // waited for its pacing (up to 2 s at RATE, after a burst) went first. At the same priority as
        // the broadcast it would have gone after all of it.
        expect(overtaken, `${what}: ${overtaken} of ${waitingThen}`).toBeGreaterThanOrEqual(
          Math.floor(waitingThen / 2),
        );
      }

      // The other clinic's broadcast went while Belleville's was still sending.
      const theirs = await eventually(async () => {
        const response = await call(env, pasteur, 'GET', `/broadcasts/${otherBroadcast}`);
        return (response.body.report as Json | undefined)?.sent === 1 ? response.body : undefined;
      });
      expect(theirs.report).toMatchObject({ targeted: 1, sent: 1 });
      const [theirRecipient] = await env.handle.db
        .select({ messageId: broadcastRecipients.messageId })
        .from(broadcastRecipients)
        .where(eq(broadcastRecipients.broadcastId, otherBroadcast));
      const [theirMessage] = await env.handle.db
        .select()
        .from(messages)
        .where(eq(messages.id, theirRecipient?.messageId ?? ''));
      const theirSend = sendsOf(pasteur).find((s) => s.wamid === theirMessage?.externalId);
      expect(theirSend).toBeDefined();
      const theirWait = (theirSend?.at ?? 0) - (theirMessage?.createdAt.getTime() ?? 0);
      const oursAfter = broadcastSends.filter((s) => s.at > (theirSend?.at ?? 0)).length;
      // Not behind Belleville's backlog (about 7 s): at most behind the batches the outbox's pipelines
      // hold while they wait for Belleville's pacing (up to 2 s each).
      expect(oursAfter).toBeGreaterThanOrEqual(15);
      expect(theirWait).toBeLessThan(5000);
    }, 120_000);

    test('cancelling in flight: nothing more is sent, messages still in the outbox are withdrawn', async () => {
      const audience = await patients(belleville, '6500', AUDIENCE);
      await env.settle();
      const phones = new Set(audience.map((p) => p.phone.replace('+', '')));
      const broadcastId = await broadcastTo(
        belleville,
        audience.map((p) => p.contactId),
      );
      await queuedMessagesOf(broadcastId, AUDIENCE);
      // A few went (the number sends five a second), the rest wait for their turn.
      await eventually(async () =>
        sendsOf(belleville).filter((s) => phones.has(s.to)).length >= 2 ? true : undefined,
      );
      const cancelled = await call(env, belleville, 'POST', `/broadcasts/${broadcastId}/cancel`);
      const cancelledAt = Date.now();
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('cancelled');

      await env.settle(10_000);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const ours = sendsOf(belleville).filter((s) => phones.has(s.to));
      const sentInTheEnd = ours.length;
      expect(sentInTheEnd).toBeLessThan(AUDIENCE);
      // Calls already leaving at the moment of cancelling may land; nothing is sent after it.
      expect(ours.filter((s) => s.at > cancelledAt + 300)).toEqual([]);

      const report = await eventually(async () => {
        const response = await call(env, belleville, 'GET', `/broadcasts/${broadcastId}`);
        const r = response.body.report as { sent: number; queued: number; skipped: { by_reason: Json } };
        return r.queued === 0 && r.sent === sentInTheEnd ? r : undefined;
      });
      expect(report.skipped.by_reason).toEqual({ cancelled: AUDIENCE - sentInTheEnd });
      const refused = await env.handle.db
        .select({ id: messages.id })
        .from(messages)
        .innerJoin(broadcastRecipients, eq(broadcastRecipients.messageId, messages.id))
        .where(
          and(eq(broadcastRecipients.broadcastId, broadcastId), eq(messages.failureReason, 'cancelled')),
        );
      expect(refused).toHaveLength(AUDIENCE - sentInTheEnd);
    }, 120_000);
  },
);
