import { eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditEvents } from '../../src/db-schema.ts';
import { installBuiltInFlows } from '../../src/modules/flows/flow.service.ts';
import { BUILT_IN_TEAMS } from '../../src/modules/flows/library/built-in-teams.ts';
import { createTeam } from '../../src/modules/teams/team.service.ts';
import { TestClock } from '../../src/platform/time/test-clock.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { addStaff, call, getJson, type Json, newPhone, patientWrites } from './inbox-support.ts';
import { type SignedInBrowser, signIn } from './settings-support.ts';

const T0 = '2026-03-02T09:00:00.000Z'; // 10:00 in Paris (winter time, UTC+1)
const HOUR = 3_600_000;
/** Seconds from each patient's first message to the first reply a person wrote. */
const DELAYS = [60, 120, 180, 240, 600];

describe.each(TEST_ENGINES)('reports (%s)', (engine) => {
  let env: TestCareline;
  let clock: TestClock;
  let clinic: TestClinic;
  let other: TestClinic;
  let teamA: string;
  let alice: SignedInBrowser;
  let bob: SignedInBrowser;
  const conversationIds: string[] = [];

  async function login(target: TestClinic, name: string, role: 'agent' | 'supervisor') {
    const user = await addStaff(env, target, { name, role });
    return signIn(env, user.email);
  }

  beforeAll(async () => {
    clock = new TestClock(T0);
    env = await startTestCareline(engine, { clock });
    clinic = await env.addClinic('Clinique des Tilleuls');
    other = await env.addClinic('Cabinet du Port');
    const team = await call(env, clinic, 'POST', '/teams', { name: 'Accueil' });
    expect(team.status).toBe(201);
    teamA = String(team.body.id);
    alice = await login(clinic, 'Alice Bernard', 'agent');
    bob = await login(clinic, 'Bruno Petit', 'agent');

    // Five patients write an hour apart; a person answers each after a known delay. The first three
    // conversations are the Accueil team's, answered by Alice; the last two Bruno's, of no team.
    for (const [i, delay] of DELAYS.entries()) {
      clock.set(new Date(Date.parse(T0) + i * HOUR));
      const { conversation } = await patientWrites(env, clinic, newPhone(), `Bonjour, question ${i + 1}`);
      const id = String(conversation.id);
      conversationIds.push(id);
      if (i < 3)
        expect(
          (await call(env, clinic, 'POST', `/conversations/${id}/assign`, { team_id: teamA })).status,
        ).toBe(200);
      clock.advance(delay * 1000);
      const agent = i < 3 ? alice : bob;
      const reply = await agent.call('POST', `/conversations/${id}/messages`, {
        type: 'text',
        text: 'Bonjour, je regarde.',
      });
      expect(reply.status).toBe(202);
    }
    await env.settle();
    // The first conversation is closed at 14:10 Paris: 4 h 10 min after its patient's first message.
    clock.set(new Date(Date.parse(T0) + 4 * HOUR + 600_000));
    expect(
      (await call(env, clinic, 'POST', `/conversations/${conversationIds[0]}/status`, { status: 'closed' }))
        .status,
    ).toBe(200);
    await env.settle();
  }, 120_000);
  afterAll(async () => {
    await env?.close();
  });

  const DAY = 'from=2026-03-02&to=2026-03-02';

  test('first-response and resolution times: p50 and p90 per team, per agent and for the clinic', async () => {
    const report = await getJson(env, clinic, `/reports/response-times?${DAY}`);
    const first = report.first_response as Json;
    // percentile_cont interpolates: p90 of 60,120,180,240,600 is 240 + 0.6 × 360.
    expect(first.total).toEqual({ count: 5, p50_seconds: 180, p90_seconds: 456 });
    expect(first.teams).toEqual([
      { team_id: teamA, name: 'Accueil', count: 3, p50_seconds: 120, p90_seconds: 168 },
      { team_id: null, name: null, count: 2, p50_seconds: 420, p90_seconds: 564 },
    ]);
    expect(first.agents).toEqual([
      { user_id: alice.userId, name: 'Alice Bernard', count: 3, p50_seconds: 120, p90_seconds: 168 },
      { user_id: bob.userId, name: 'Bruno Petit', count: 2, p50_seconds: 420, p90_seconds: 564 },
    ]);
    expect((report.resolution as Json).total).toEqual({ count: 1, p50_seconds: 15_000, p90_seconds: 15_000 });

    const accueil = await getJson(env, clinic, `/reports/response-times?${DAY}&team_id=${teamA}`);
    expect((accueil.first_response as Json).total).toEqual({ count: 3, p50_seconds: 120, p90_seconds: 168 });
    expect(accueil.team_id).toBe(teamA);
    // The day before, on the clinic's clock, holds nothing.
    const before = await getJson(env, clinic, '/reports/response-times?from=2026-03-01&to=2026-03-01');
    expect((before.first_response as Json).total).toEqual({ count: 0, p50_seconds: null, p90_seconds: null });
  });

  test('message volume by channel and by hour on the clinic’s clock, inbound and outbound', async () => {
    const report = await getJson(env, clinic, `/reports/message-volume?${DAY}`);
    expect(report.time_zone).toBe('Europe/Paris');
    expect(report.total).toEqual({ inbound: 5, outbound: 5 });
    expect(report.by_channel).toEqual([{ channel: 'whatsapp', inbound: 5, outbound: 5 }]);
    const hours = report.by_hour as Array<{ hour: number; inbound: number; outbound: number }>;
    expect(hours).toHaveLength(24);
    // Written at 09:00–13:00 UTC: 10:00–14:00 in Paris.
    expect(hours.filter((h) => h.inbound > 0).map((h) => h.hour)).toEqual([10, 11, 12, 13, 14]);
    expect(hours.filter((h) => h.outbound > 0).map((h) => h.hour)).toEqual([10, 11, 12, 13, 14]);
    const team = await getJson(env, clinic, `/reports/message-volume?${DAY}&team_id=${teamA}`);
    expect(team.total).toEqual({ inbound: 3, outbound: 3 });
  });

  test('reports.read: an agent is refused, a supervisor reads every report', async () => {
    // Signed in now: the test clock has moved past the sessions opened at the start.
    const agent = await login(clinic, 'Agathe Roux', 'agent');
    const supervisor = await login(clinic, 'Sophie Laurent', 'supervisor');
    for (const name of ['response-times', 'message-volume', 'csat', 'reminder-funnel', 'red-flags']) {
      expect((await agent.call('GET', `/reports/${name}?${DAY}`)).status).toBe(403);
      expect((await supervisor.call('GET', `/reports/${name}?${DAY}`)).status).toBe(200);
    }
  });

  test('another clinic sees none of it, and cannot name this clinic’s team', async () => {
    const report = await getJson(env, other, `/reports/response-times?${DAY}`);
    expect((report.first_response as Json).total).toMatchObject({ count: 0 });
    expect((await getJson(env, other, `/reports/message-volume?${DAY}`)).total).toEqual({
      inbound: 0,
      outbound: 0,
    });
    const foreign = await call(env, other, 'GET', `/reports/message-volume?${DAY}&team_id=${teamA}`);
    expect(foreign.status).toBe(400);
    expect(JSON.stringify(foreign.body)).toContain('team_id');
  });

  test('bad parameters are refused with a 4xx naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['from=yesterday', 'from'],
      ['to=2026-13-45', 'to'],
      ['from=2026-03-05&to=2026-03-01', 'from'],
      ['from=2025-01-01&to=2026-03-01', 'from'],
      ['team_id=not-a-team', 'team_id'],
      ['from=%00', 'from'],
      [`to=${'9'.repeat(5000)}`, 'to'],
      ['from=2026-03-01&from=2026-03-02', 'from'],
    ];
    for (const [query, field] of cases) {
      const response = await call(env, clinic, 'GET', `/reports/csat?${query}`);
      expect(response.status, query).toBe(400);
      expect(JSON.stringify(response.body), query).toContain(field);
    }
    expect((await call(env, clinic, 'GET', '/reports/nothing-like-it')).status).toBe(404);
    // 366 days is allowed: a leap year's report.
    expect((await call(env, clinic, 'GET', '/reports/csat?from=2027-01-01&to=2027-12-31')).status).toBe(200);
  });

  test('red flags by category: time to acknowledgement and how many still wait', async () => {
    const clinicC = await env.addClinic('Maison médicale du Parc');
    const stroke = "ma mère a la bouche de travers et n'arrive plus à parler";
    clock.set('2026-03-03T08:00:00.000Z');
    const acknowledged = await patientWrites(env, clinicC, newPhone(), stroke);
    await patientWrites(env, clinicC, newPhone(), stroke);
    await env.settle();
    clock.advance(300_000);
    const ack = await call(
      env,
      clinicC,
      'POST',
      `/conversations/${String(acknowledged.conversation.id)}/acknowledge-urgent`,
    );
    expect(ack.status).toBe(200);
    const report = await getJson(env, clinicC, '/reports/red-flags?from=2026-03-03&to=2026-03-03');
    expect(report.total).toEqual({
      count: 2,
      acknowledged: 1,
      unacknowledged: 1,
      p50_seconds_to_acknowledgement: 300,
      p90_seconds_to_acknowledgement: 300,
    });
    expect((report.categories as Json[]).find((c) => c.category === 'stroke_signs')).toMatchObject({
      count: 2,
      unacknowledged: 1,
    });
    const none = await getJson(env, clinic, '/reports/red-flags?from=2026-03-03&to=2026-03-03');
    expect(none.total).toMatchObject({ count: 0 });
  });

  test('satisfaction per day with the latest comments, opened for the report and audited', async () => {
    const clinicD = await env.addClinic('Centre de santé Voltaire');
    for (const name of Object.values(BUILT_IN_TEAMS)) {
      await createTeam(env.handle.db, clinicD.org.id, { name, assignmentMode: 'round_robin' });
    }
    await installBuiltInFlows(env.handle.db, clinicD.org.id);
    const received = (phone: string) =>
      env.simulator.simulator
        .sends(clinicD.number.phoneNumberId)
        .filter((s) => s.wamid && (s.request as Json).to === phone.replace('+', ''));
    const phoneHas = (phone: string, count: number) =>
      eventually(async () => (received(phone).length >= count ? true : undefined), 10_000);
    const writes = async (phone: string, text: string) => {
      const sent = await env.simulator.simulator.patientSends({
        phoneNumberId: clinicD.number.phoneNumberId,
        from: phone,
        text,
      });
      expect(sent.httpStatus).toBe(200);
    };
    // The survey runs by the database's time as well as Careline's: both read today here.
    clock.set(new Date());
    const today = Temporal.Now.plainDateISO('Europe/Paris').toString();
    const rate = async (rating: string, comment: string) => {
      const phone = newPhone();
      const { conversation } = await patientWrites(env, clinicD, phone, 'Bonjour');
      // The welcome menu (2 messages), a person's answer, then the survey once closed.
      await phoneHas(phone, 2);
      const id = String(conversation.id);
      await call(env, clinicD, 'POST', `/conversations/${id}/messages`, { type: 'text', text: 'Voilà.' });
      await phoneHas(phone, 3);
      expect(
        (await call(env, clinicD, 'POST', `/conversations/${id}/status`, { status: 'closed' })).status,
      ).toBe(200);
      await phoneHas(phone, 4);
      await writes(phone, rating);
      await phoneHas(phone, 5);
      await writes(phone, comment);
      await phoneHas(phone, 6);
      await env.settle();
    };
    await rate('5', 'Parfait, merci');
    clock.advance(1000);
    await rate('2', 'Un peu long');
    clock.advance(1000);
    await rate('4', 'Très bien reçue');
    const report = await getJson(env, clinicD, `/reports/csat?from=${today}&to=${today}`);
    expect(report).toMatchObject({ count: 3, average: 3.67, bucket: 'day' });
    expect(report.trend).toEqual([{ start: today, count: 3, average: 3.67 }]);
    expect((report.comments as Json[]).map((c) => [c.rating, c.comment])).toEqual([
      [4, 'Très bien reçue'],
      [2, 'Un peu long'],
      [5, 'Parfait, merci'],
    ]);
    // Each comment read is in the clinic's audit, naming the answer read.
    const audited = (
      await env.handle.db.select().from(auditEvents).where(eq(auditEvents.orgId, clinicD.org.id))
    )
      .flatMap((e) => e.entity)
      .filter((e) => e.type === 'CsatResponse')
      .map((e) => e.id);
    expect(audited).toEqual(expect.arrayContaining((report.comments as Json[]).map((c) => c.id)));
    // Other clinics' reports hold none of it.
    expect(await getJson(env, clinic, `/reports/csat?from=${today}&to=${today}`)).toMatchObject({
      count: 0,
      comments: [],
    });
  }, 60_000);
});
