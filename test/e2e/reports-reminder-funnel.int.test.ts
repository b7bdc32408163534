import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  book,
  patient,
  phoneReceived,
  type ReminderWorld,
  reminderRow,
  startReminderWorld,
  tapButton,
  timeComes,
} from '../../src/modules/reminders/reminders-e2e.test-support.ts';
import { TestClock } from '../../src/platform/time/test-clock.ts';
import { eventually } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { call, getJson, type Json, newPhone } from './inbox-support.ts';

const DAY = 86_400_000;

describe.each(TEST_ENGINES)('reports: from reminder to attendance (%s)', (engine) => {
  let world: ReminderWorld;
  let clock: TestClock;

  beforeAll(async () => {
    clock = new TestClock(new Date());
    world = await startReminderWorld(engine, { clock });
  });
  afterAll(async () => {
    await world?.env.close();
  });

  test('three appointments reminded on the simulator: delivered, one confirmed, then attended or not', async () => {
    const { env, clinic } = world;
    const start = clock.now();
    const reminded = [];
    for (let i = 0; i < 3; i += 1) {
      const phone = newPhone();
      const { contactId, conversationId } = await patient(world, phone);
      const appointment = await book(world, contactId, conversationId);
      await timeComes(world, appointment.id, 2880);
      const [message] = await phoneReceived(world, phone, 1);
      if (!message) throw new Error('no reminder reached the phone');
      reminded.push({ appointment, phone, message });
    }
    const [first, second] = reminded;
    if (!first || !second) throw new Error('no appointments');
    await tapButton(world, first.phone, first.message, 0);
    await eventually(async () =>
      (await reminderRow(world, first.appointment.id, 2880))?.response === 'confirmed' ? true : undefined,
    );
    // The days pass; the desk records that the first patient came and the second did not.
    clock.advance(10 * DAY);
    for (const [appointment, status] of [
      [first.appointment, 'fulfilled'],
      [second.appointment, 'noshow'],
    ] as const) {
      expect(
        (await call(env, clinic, 'POST', `/appointments/${appointment.id}/status`, { status })).status,
      ).toBe(200);
    }

    const period = `from=${new Date(start.getTime() - DAY).toISOString()}&to=${clock.now().toISOString()}`;
    const report = await eventually(async () => {
      const figures = await getJson(env, clinic, `/reports/reminder-funnel?${period}`);
      return figures.delivered === 3 ? figures : undefined;
    }, 15_000);
    expect(report).toMatchObject({
      sent: 3,
      delivered: 3,
      answered: 1,
      confirmed: 1,
      cancelled: 0,
      rescheduled: 0,
      // The third was not marked: its time has come, so it counts as attended.
      attended: 2,
      no_shows: 1,
    } satisfies Json);
    // The day before the reminders holds none of them.
    const before = `from=${new Date(start.getTime() - 3 * DAY).toISOString()}&to=${new Date(start.getTime() - DAY).toISOString()}`;
    expect(await getJson(env, clinic, `/reports/reminder-funnel?${before}`)).toMatchObject({
      sent: 0,
      attended: 0,
    });
  }, 90_000);
});
