import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCareline, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';

/** What the fuzz suite found, each kept as a test of its own. */
describe.each(TEST_ENGINES)('fuzz findings (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Cabinet des trouvailles');
  });
  afterAll(async () => {
    await env?.close();
  });

  it('a report period with a date PostgreSQL cannot hold (year 0, six-digit years) is refused with 400, not a 500', async () => {
    const refused = [
      '/api/v1/reports/reminders?from=0000-01-01',
      '/api/v1/reports/reminders?to=0000-01-01T00:00:00Z',
      '/api/v1/reports/reminders?to=-271821-04-20T00:00:00Z',
      '/api/v1/reports/reminders?from=%2B275760-09-13T00:00:00Z',
      '/api/v1/red-flags?from=0000-01-01T00:00:00Z',
      '/api/v1/red-flags/report?to=0000-01-01T00:00:00Z',
    ];
    for (const path of refused) {
      const response = await env.api(clinic.apiKey, path);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await env.api(clinic.apiKey, '/api/v1/reports/reminders?from=2026-01-01')).status).toBe(200);
  });
});
