import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  book,
  patient,
  phoneReceived,
  type ReminderWorld,
  reminderRow,
  startReminderWorld,
  timeComes,
} from '../../src/modules/reminders/reminders-e2e.test-support.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { addStaff, call, type Json, newPhone } from './inbox-support.ts';
import { signIn } from './settings-support.ts';

const HOUR_MS = 3_600_000;

const DEFAULTS = {
  enabled: true,
  offsets_minutes: [2880, 120],
  quiet_hours: { start: '20:00', end: '08:00' },
  template_name: 'rappel_rendez_vous',
  late_after_minutes: 15,
  channel_order: [],
  updated_at: null,
};

describe.each(TEST_ENGINES)('a clinic’s reminder rules (%s)', (engine) => {
  let world: ReminderWorld;

  beforeAll(async () => {
    world = await startReminderWorld(engine);
  });
  afterAll(async () => {
    await world?.env.close();
  });

  const policy = (body?: Json) =>
    call(world.env, world.clinic, body === undefined ? 'GET' : 'PUT', '/reminder-policy', body);

  async function statusesOf(appointmentId: string, offsets: number[]) {
    const rows = await Promise.all(offsets.map((offset) => reminderRow(world, appointmentId, offset)));
    return Object.fromEntries(offsets.map((offset, i) => [offset, rows[i]?.status ?? 'none']));
  }

  test('the defaults (48 h and 2 h, quiet 20:00–08:00) are what a new clinic reads', async () => {
    const response = await policy();
    expect(response.status).toBe(200);
    expect(response.body).toEqual(DEFAULTS);
  });

  test('new offsets apply to appointments already booked: new reminders planned, dropped ones cancelled, sent ones kept', async () => {
    const phone = newPhone();
    const { contactId, conversationId } = await patient(world, phone);
    const early = await book(world, contactId, conversationId);
    const later = await book(world, contactId, conversationId);
    // The 48 h reminder of the first appointment has gone out under the old rules.
    await timeComes(world, early.id, 2880);
    expect(await phoneReceived(world, phone, 1)).toHaveLength(1);
    expect(await statusesOf(early.id, [2880, 120])).toEqual({ 2880: 'sent', 120: 'scheduled' });

    const changed = await policy({
      enabled: true,
      offsets_minutes: [60, 1440],
      quiet_hours: null,
      template_name: 'rappel_rendez_vous',
      late_after_minutes: 10,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      offsets_minutes: [1440, 60],
      quiet_hours: null,
      late_after_minutes: 10,
    });
    expect(changed.body.updated_at).toEqual(expect.any(String));
    expect((await policy()).body).toEqual(changed.body);
    await world.env.settle();

    expect(await statusesOf(early.id, [2880, 1440, 120, 60])).toEqual({
      2880: 'sent',
      1440: 'scheduled',
      120: 'cancelled',
      60: 'scheduled',
    });
    expect(await statusesOf(later.id, [2880, 1440, 120, 60])).toEqual({
      2880: 'cancelled',
      1440: 'scheduled',
      120: 'cancelled',
      60: 'scheduled',
    });
    // Without quiet hours, each goes exactly its offset before the appointment.
    const hourBefore = await reminderRow(world, later.id, 60);
    expect(hourBefore?.dueAt.getTime()).toBe(later.start.getTime() - HOUR_MS);
    const dayBefore = await reminderRow(world, later.id, 1440);
    expect(dayBefore?.dueAt.getTime()).toBe(later.start.getTime() - 24 * HOUR_MS);

    // The new reminder goes out like any other.
    await timeComes(world, later.id, 1440);
    expect(await phoneReceived(world, phone, 2)).toHaveLength(2);
    expect(await statusesOf(later.id, [1440])).toEqual({ 1440: 'sent' });

    // A booking made now follows the new rules from the start.
    const fresh = await book(world, contactId, conversationId);
    expect(await statusesOf(fresh.id, [2880, 1440, 120, 60])).toEqual({
      2880: 'none',
      1440: 'scheduled',
      120: 'none',
      60: 'scheduled',
    });
  });

  test('turned off, no reminder waits; turned on again, they are planned again', async () => {
    const { contactId, conversationId } = await patient(world, newPhone());
    const appointment = await book(world, contactId, conversationId);
    const rules = { ...(await policy()).body };
    delete rules.updated_at;

    expect((await policy({ ...rules, enabled: false })).status).toBe(200);
    await world.env.settle();
    const offsets = rules.offsets_minutes as number[];
    expect(Object.values(await statusesOf(appointment.id, offsets))).toEqual(offsets.map(() => 'cancelled'));

    expect((await policy({ ...rules, enabled: true })).status).toBe(200);
    await world.env.settle();
    expect(Object.values(await statusesOf(appointment.id, offsets))).toEqual(offsets.map(() => 'scheduled'));
  });

  test('bad rules are refused with the field named, and nothing changes', async () => {
    const before = (await policy()).body;
    const valid = {
      enabled: true,
      offsets_minutes: [2880, 120],
      quiet_hours: { start: '20:00', end: '08:00' },
      template_name: 'rappel_rendez_vous',
      late_after_minutes: 15,
    };
    const cases: Array<[Json, string]> = [
      [{ ...valid, offsets_minutes: [2880, 5] }, 'body.offsets_minutes.1'],
      [{ ...valid, offsets_minutes: [] }, 'body.offsets_minutes'],
      [{ ...valid, offsets_minutes: [120, 120] }, 'body.offsets_minutes'],
      [{ ...valid, quiet_hours: { start: '25:00', end: '08:00' } }, 'body.quiet_hours.start'],
      [{ ...valid, late_after_minutes: 0 }, 'body.late_after_minutes'],
      [{ ...valid, template_name: 'rappel_inconnu' }, 'body.template_name'],
      [{ ...valid, colour: 'blue' }, 'colour'],
    ];
    for (const [body, field] of cases) {
      const response = await policy(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(response.body.errors ?? response.body), JSON.stringify(body)).toContain(field);
    }
    expect((await policy()).body).toEqual(before);
  });

  test('agents read the rules; only administrators change them; another clinic keeps its own', async () => {
    const agent = await addStaff(world.env, world.clinic, { name: 'Agnès Accueil', role: 'agent' });
    const browser = await signIn(world.env, agent.email);
    const read = await browser.call('GET', '/reminder-policy');
    expect(read.status).toBe(200);
    const { updated_at: _, ...rules } = read.body;
    expect((await browser.call('PUT', '/reminder-policy', { ...rules, enabled: false })).status).toBe(403);
    expect((await policy()).body).toEqual(read.body);

    const other = await world.env.addClinic('Pharmacie des Lilas');
    const theirs = await call(world.env, other, 'GET', '/reminder-policy');
    expect(theirs.body).toEqual(DEFAULTS);
  });
});
