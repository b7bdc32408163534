import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { messages } from '../../src/db-schema.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';

interface Json {
  [key: string]: unknown;
}

describe.each(TEST_ENGINES)('pacing keeps Careline under Meta’s pair rate limit (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;

  beforeAll(async () => {
    // A pair may burst 2 messages, then one per second — Meta's rule on a shorter clock.
    env = await startTestCareline(engine, { pacing: { pairBurst: 2, pairIntervalMs: 1000 } });
    clinic = await env.addClinic('Cabinet du Marais');
    env.simulator.simulator.setBehaviour(
      { pairRateLimit: { intervalMs: 1000, burst: 2 } },
      clinic.number.phoneNumberId,
    );
  });
  afterAll(async () => {
    await env?.close();
  });

  test('five quick replies to one patient all arrive, spaced out, with no 131056 from Meta', async () => {
    await env.simulator.simulator.patientSends({
      phoneNumberId: clinic.number.phoneNumberId,
      from: '+33611223344',
      text: 'Bonjour',
    });
    const conversation = await eventually(async () => {
      const page = (await (await env.api(clinic.apiKey, '/api/v1/conversations')).json()) as { data: Json[] };
      return page.data[0];
    });
    const ids: string[] = [];
    for (let i = 1; i <= 5; i += 1) {
      const response = await env.api(clinic.apiKey, `/api/v1/conversations/${conversation.id}/messages`, {
        method: 'POST',
        body: { type: 'text', text: `Message ${i}` },
      });
      ids.push(String(((await response.json()) as Json).id));
    }
    await eventually(async () => {
      const rows = await env.handle.db.select().from(messages).where(inArray(messages.id, ids));
      return rows.every((r) => r.status === 'read') ? true : undefined;
    }, 15_000);

    const sends = env.simulator.simulator.sends(clinic.number.phoneNumberId);
    const refusals = sends.filter((s) => JSON.stringify(s.response.body).includes('131056'));
    expect(refusals).toEqual([]);
    expect(sends).toHaveLength(5);
    const times = sends.map((s) => new Date(s.receivedAt).getTime());
    // Two go at once; the others wait about a second each, as the pair limit requires.
    expect((times.at(-1) ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(2500);
    const [first] = await env.handle.db
      .select()
      .from(messages)
      .where(eq(messages.id, ids[0] ?? ''));
    expect(first?.failureReason).toBeNull();
  });
});
