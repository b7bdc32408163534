import type { Bundle, CapabilityStatement } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addPatient } from '../../src/modules/scheduling/scheduling.test-support.ts';
import { expectValidR4, fhirCall } from '../support/fhir-validate.ts';
import { startTestCareline, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';

const PUBLIC_URL = 'https://careline.clinique-du-parc.example';

/**
 * Behind a reverse proxy Careline sees its own address, not the one the EHR called: with PUBLIC_URL set,
 * every link the FHIR API writes (fullUrl, paging, Location, the CapabilityStatement's) is under it, so
 * an EHR following the next page reaches Careline again.
 */
describe.each(TEST_ENGINES)('FHIR links under the public URL (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;

  beforeAll(async () => {
    env = await startTestCareline(engine, { security: { publicUrl: PUBLIC_URL } });
    clinic = await env.addClinic('Clinique du Parc');
    for (const name of ['Alice Martin', 'Bruno Petit'])
      await addPatient(env.handle.db, env.careline.keyring, clinic.org.id, name);
  });
  afterAll(async () => {
    await env?.close();
  });

  test('fullUrl, the next page and the CapabilityStatement name the public URL, and the next page answers', async () => {
    const headers = { authorization: `Bearer ${clinic.apiKey}` };
    const first = await fhirCall(env.url, '/Patient?_count=1', { headers });
    expect(first.status).toBe(200);
    const bundle = first.resource as Bundle;
    expectValidR4(bundle);
    expect(bundle.entry?.[0]?.fullUrl).toMatch(new RegExp(`^${PUBLIC_URL}/fhir/R4/Patient/[0-9a-f-]{36}$`));
    const next = bundle.link?.find((l) => l.relation === 'next')?.url ?? '';
    expect(next.startsWith(`${PUBLIC_URL}/fhir/R4/Patient?`)).toBe(true);

    // The proxy hands the same path on to Careline: the second patient is there.
    const second = await fhirCall(env.url, next.slice(`${PUBLIC_URL}/fhir/R4`.length), { headers });
    expect(second.status).toBe(200);
    expect((second.resource as Bundle).entry).toHaveLength(1);
    expect((second.resource as Bundle).entry?.[0]?.fullUrl).not.toBe(bundle.entry?.[0]?.fullUrl);

    const metadata = await fhirCall(env.url, '/metadata');
    expect((metadata.resource as CapabilityStatement).implementation?.url).toBe(`${PUBLIC_URL}/fhir/R4`);
  });
});
