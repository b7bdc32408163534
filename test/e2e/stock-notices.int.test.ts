import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApiKey } from '../../src/modules/auth/api-key.service.ts';
import { createOrg } from '../../src/modules/orgs/org.service.ts';
import { TestClock } from '../../src/platform/time/test-clock.ts';
import { startTestCareline, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';

interface Notice {
  id: string;
  pharmacy: { id: string | null; name: string };
  medication: string;
  status: string;
  active: boolean;
  recorded_by: string;
  can_withdraw: boolean;
  withdrawn_at: string | null;
}

const DAY = 24 * 60 * 60 * 1000;

describe.each(TEST_ENGINES)('stock notices over HTTP (%s)', (engine) => {
  let env: TestCareline;
  const clock = new TestClock(new Date());
  let oberkampf: TestClinic;
  let pasteur: TestClinic;
  let pharmacyKey: string;
  let otherPharmacyKey: string;
  let whatsappPartnerId: string;
  let pairedPartnerId: string;

  async function json<T>(response: Response, status: number): Promise<T> {
    const body = (await response.json()) as T;
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(body)}`);
    return body;
  }

  async function pharmacyOrg(name: string): Promise<string> {
    const org = await createOrg(env.handle.db, { name, kind: 'pharmacy' });
    return (await createApiKey(env.handle.db, org.id, 'tests')).key;
  }

  /** The clinic pairs with a Careline pharmacy with the single-use code the pharmacy gave it. */
  async function pair(clinic: TestClinic, key: string, name: string): Promise<string> {
    const { code } = await json<{ code: string }>(
      await env.api(key, '/api/v1/pharmacy/link-codes', { method: 'POST' }),
      201,
    );
    const partner = await json<{ id: string }>(
      await env.api(clinic.apiKey, '/api/v1/pharmacies', {
        method: 'POST',
        body: { name, reach: { kind: 'careline', link_code: code } },
      }),
      201,
    );
    return partner.id;
  }

  const list = async (key: string, query = '') =>
    (await json<{ data: Notice[] }>(await env.api(key, `/api/v1/stock-notices${query}`), 200)).data;

  beforeAll(async () => {
    env = await startTestCareline(engine, { clock });
    oberkampf = await env.addClinic('Centre médical Oberkampf');
    pasteur = await env.addClinic('Cabinet Pasteur');
    pharmacyKey = await pharmacyOrg('Pharmacie Oberkampf');
    otherPharmacyKey = await pharmacyOrg('Pharmacie Bastille');
    pairedPartnerId = await pair(oberkampf, pharmacyKey, 'Pharmacie Oberkampf');
    await pair(pasteur, otherPharmacyKey, 'Pharmacie Bastille');
    whatsappPartnerId = (
      await json<{ id: string }>(
        await env.api(oberkampf.apiKey, '/api/v1/pharmacies', {
          method: 'POST',
          body: {
            name: 'Pharmacie du Marché',
            reach: {
              kind: 'channel',
              channel_type: 'whatsapp',
              address: '+33148000001',
              channel_account_id: oberkampf.account.id,
            },
          },
        }),
        201,
      )
    ).id;
  }, 60_000);
  afterAll(async () => {
    await env?.close();
  });

  test('a pharmacy publishes; its paired clinic sees it (the order form asks by medicine), no other clinic does', async () => {
    const published = await json<Notice>(
      await env.api(pharmacyKey, '/api/v1/stock-notices', {
        method: 'POST',
        body: { medication: 'Amoxicilline', strength: '1 g', status: 'short', message: 'Retour prévu lundi' },
      }),
      201,
    );
    expect(published).toMatchObject({ active: true, recorded_by: 'pharmacy', can_withdraw: true });

    const seen = await list(oberkampf.apiKey, '?medication=amoxicilline%20500%20mg%20g%C3%A9lule');
    expect(seen.map((n) => [n.id, n.pharmacy, n.can_withdraw])).toEqual([
      [published.id, { id: pairedPartnerId, name: 'Pharmacie Oberkampf' }, false],
    ]);
    expect(await list(oberkampf.apiKey, '?medication=Amoxicilline%20acide%20clavulanique')).toEqual([]);
    expect(await list(pasteur.apiKey)).toEqual([]);
    expect(await list(otherPharmacyKey)).toEqual([]);

    // Only its author withdraws it: to a clinic, another org's notice does not exist.
    const refused = await env.api(oberkampf.apiKey, `/api/v1/stock-notices/${published.id}/withdraw`, {
      method: 'POST',
    });
    expect(refused.status).toBe(404);
    const withdrawn = await json<Notice>(
      await env.api(pharmacyKey, `/api/v1/stock-notices/${published.id}/withdraw`, { method: 'POST' }),
      200,
    );
    expect(withdrawn).toMatchObject({ active: false });
    expect(withdrawn.withdrawn_at).not.toBeNull();
    expect(await list(oberkampf.apiKey, '?medication=amoxicilline')).toEqual([]);
    // The pharmacy still lists it, no longer in force; `active=true` leaves it out.
    expect((await list(pharmacyKey)).map((n) => [n.id, n.active])).toEqual([[published.id, false]]);
    expect(await list(pharmacyKey, '?active=true')).toEqual([]);
  });

  test('a notice stops showing when it expires', async () => {
    const notice = await json<Notice>(
      await env.api(pharmacyKey, '/api/v1/stock-notices', {
        method: 'POST',
        body: {
          medication: 'Ventoline',
          status: 'back',
          expires_at: new Date(clock.nowMs() + 2 * DAY).toISOString(),
        },
      }),
      201,
    );
    expect((await list(oberkampf.apiKey, '?medication=ventoline')).map((n) => n.id)).toEqual([notice.id]);
    clock.advance(2 * DAY);
    expect(await list(oberkampf.apiKey, '?medication=ventoline')).toEqual([]);
  });

  test('a clinic records what its WhatsApp partner said; only that clinic sees it', async () => {
    const recorded = await json<Notice>(
      await env.api(oberkampf.apiKey, '/api/v1/stock-notices', {
        method: 'POST',
        body: {
          pharmacy_id: whatsappPartnerId,
          medication: 'Lévothyrox',
          strength: '75 µg',
          status: 'short',
        },
      }),
      201,
    );
    expect(recorded).toMatchObject({
      recorded_by: 'clinic',
      can_withdraw: true,
      pharmacy: { id: whatsappPartnerId, name: 'Pharmacie du Marché' },
    });
    expect((await list(oberkampf.apiKey, '?medication=levothyrox')).map((n) => n.id)).toEqual([recorded.id]);
    expect(await list(pasteur.apiKey, '?medication=levothyrox')).toEqual([]);
    expect(await list(pharmacyKey)).not.toContainEqual(expect.objectContaining({ id: recorded.id }));
    const byOther = await env.api(pasteur.apiKey, `/api/v1/stock-notices/${recorded.id}/withdraw`, {
      method: 'POST',
    });
    expect(byOther.status).toBe(404);
  });

  test('bad input: 4xx naming the field, never 500', async () => {
    const post = (key: string, body: unknown) =>
      env.api(key, '/api/v1/stock-notices', { method: 'POST', body });
    const fieldOf = async (response: Response) => {
      const problem = (await response.json()) as { errors?: Array<{ field: string }> };
      return [response.status, problem.errors?.[0]?.field];
    };
    expect(
      await fieldOf(
        await post(oberkampf.apiKey, { pharmacy_id: pairedPartnerId, medication: 'X', status: 'short' }),
      ),
    ).toEqual([409, 'body.pharmacy_id']);
    expect(
      await fieldOf(
        await post(pasteur.apiKey, { pharmacy_id: whatsappPartnerId, medication: 'X', status: 'short' }),
      ),
    ).toEqual([404, 'body.pharmacy_id']);
    expect(await fieldOf(await post(oberkampf.apiKey, { medication: 'X', status: 'short' }))).toEqual([
      400,
      'body.pharmacy_id',
    ]);
    expect(await fieldOf(await post(pharmacyKey, { medication: 'X', status: 'gone' }))).toEqual([
      400,
      'body.status',
    ]);
    expect(await fieldOf(await post(pharmacyKey, { medication: '  ', status: 'short' }))).toEqual([
      400,
      'body.medication',
    ]);
    expect(await fieldOf(await post(pharmacyKey, { medication: '500 mg', status: 'short' }))).toEqual([
      400,
      'body.medication',
    ]);
    expect(
      await fieldOf(await post(pharmacyKey, { medication: 'X', status: 'short', expires_at: 'tomorrow' })),
    ).toEqual([400, 'body.expires_at']);
    const badId = await env.api(pharmacyKey, '/api/v1/stock-notices/not-a-uuid/withdraw', { method: 'POST' });
    expect(await fieldOf(badId)).toEqual([400, 'params.id']);
    const badCursor = await env.api(pharmacyKey, '/api/v1/stock-notices?cursor=nope');
    expect(await fieldOf(badCursor)).toEqual([400, 'query.cursor']);
  });
});
