import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installBuiltInFlows } from '../../src/modules/flows/flow.service.ts';
import { addStaff, newPhone, patientWrites } from '../e2e/inbox-support.ts';
import { PASSWORD } from '../e2e/settings-support.ts';
import { startTestCareline, type TestCareline } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { type FuzzTarget, signInAdmin } from './fuzz-client.ts';
import { describeFailures, summarize } from './fuzz-figures.ts';
import { fuzzApi, fuzzWebhooks, patientMessageReachesInbox } from './fuzz-run.ts';
import { operationsOf } from './openapi-operations.ts';
import { routesOfPrintedTree } from './printed-routes.ts';
import { seedFrom } from './seeded-random.ts';
import { errorsInLog } from './server-log.ts';

/**
 * The bounded fuzz pass CI runs on each engine: every operation of the OpenAPI document gets malformed
 * requests, then the WhatsApp webhook gets validly signed malformed deliveries. FUZZ_SEED=<n> replays a
 * run; `npm run bench -- fuzz` is the long pass.
 */
const SEED = seedFrom(process.env.FUZZ_SEED, 13);

describe.each(TEST_ENGINES)('fuzzing the API and the WhatsApp webhook (%s)', (engine) => {
  let env: TestCareline;
  let target: FuzzTarget;
  const logs: string[] = [];
  // In production an unhandled rejection ends the process (Node's default); here it is counted as a death.
  const fatal: string[] = [];
  const onUnhandled = (reason: unknown) => {
    fatal.push(reason instanceof Error ? `${reason.name}: ${reason.message}`.slice(0, 300) : String(reason));
  };

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    env = await startTestCareline(engine, { logs });
    const clinic = await env.addClinic('Cabinet du fuzz');
    const admin = await addStaff(env, clinic, { name: 'Admin Fuzz', role: 'admin' });
    // Flows to name in requests (and to run on the fuzzed webhooks), as a clinic that uses them has.
    await installBuiltInFlows(env.handle.db, clinic.org.id);
    await patientWrites(env, clinic, newPhone(), 'Bonjour, c’est pour un rendez-vous', 'Patiente Fuzz');
    target = {
      url: env.url,
      apiKey: clinic.apiKey,
      number: clinic.number,
      signIn: () => signInAdmin(env.url, admin.email, PASSWORD),
      drainServerErrors: () => errorsInLog(logs.splice(0, logs.length)),
      settle: () => env.settle(3000),
      fatalErrors: () => fatal.splice(0, fatal.length),
    };
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await env?.close();
  });

  it('every route of the API is in its OpenAPI document, so a new route is fuzzed without being listed', async () => {
    const document: unknown = await (await fetch(`${env.url}/api/v1/openapi.json`)).json();
    const documented = new Set(operationsOf(document).map((o) => `${o.method} ${o.path}`));
    const routes = routesOfPrintedTree(env.careline.http.printRoutes({ commonPrefix: false }));
    const api = routes.filter((r) => r.includes(' /api/v1/') && r !== 'GET /api/v1/openapi.json');
    expect(api.length).toBeGreaterThan(50);
    expect(api.filter((route) => !documented.has(route))).toEqual([]);
  });

  it('malformed requests to every operation get no 5xx, from an administrator or from anyone, and the server stays up', async () => {
    const figures = await fuzzApi(target, { seed: SEED, adminCases: 24, anonymousCases: 5 });
    process.stdout.write(`${summarize(`api (${engine})`, figures).join('\n')}\n`);
    // The document was read: an empty one would make this test pass while fuzzing nothing.
    expect(figures.operations).toBeGreaterThan(50);
    expect(figures.byStatusClass.get('2xx')).toBeGreaterThan(100);
    expect(figures.deaths, describeFailures(figures)).toEqual([]);
    expect(figures.failures.length, describeFailures(figures)).toBe(0);
  }, 300_000);

  it('validly signed malformed webhooks get no 5xx, and the server survives processing them', async () => {
    const figures = await fuzzWebhooks(target, { seed: SEED, cases: 60, batchSize: 10 });
    process.stdout.write(`${summarize(`webhooks (${engine})`, figures, 'batches').join('\n')}\n`);
    expect(figures.deaths, describeFailures(figures)).toEqual([]);
    expect(figures.failures.length, describeFailures(figures)).toBe(0);
  }, 180_000);

  it('after the fuzzing, a patient’s ordinary message still reaches the inbox', async () => {
    const waited = await patientMessageReachesInbox(target);
    expect(waited).toBeLessThan(20_000);
  }, 30_000);
});
