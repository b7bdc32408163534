import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { storedMessagesSaying } from './inbox-support.ts';

interface Json {
  [key: string]: unknown;
}
interface PageJson {
  data: Json[];
  next_cursor: string | null;
}

describe.each(TEST_ENGINES)('clinics are isolated from each other (%s)', (engine) => {
  let env: TestCareline;
  let lilas: TestClinic;
  let pasteur: TestClinic;
  let pasteurConversation: Json;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    lilas = await env.addClinic('Clinique des Lilas');
    pasteur = await env.addClinic('Cabinet Pasteur');
    // The same person writes to both clinics: each clinic gets its own patient record.
    for (const clinic of [lilas, pasteur]) {
      await env.simulator.simulator.patientSends({
        phoneNumberId: clinic.number.phoneNumberId,
        from: '+33612340000',
        name: 'Louis',
        text: `Bonjour ${clinic.org.name}`,
      });
    }
    pasteurConversation = await eventually(async () => {
      const page = (await (await env.api(pasteur.apiKey, '/api/v1/conversations')).json()) as PageJson;
      return page.data[0];
    });
    await eventually(async () => {
      const page = (await (await env.api(lilas.apiKey, '/api/v1/conversations')).json()) as PageJson;
      return page.data[0];
    });
  });
  afterAll(async () => {
    await env?.close();
  });

  test('a clinic lists only its own patients and conversations', async () => {
    for (const clinic of [lilas, pasteur]) {
      const contacts = (await (
        await env.api(clinic.apiKey, '/api/v1/contacts?phone=%2B33612340000')
      ).json()) as PageJson;
      expect(contacts.data).toHaveLength(1);
      const conversations = (await (
        await env.api(clinic.apiKey, '/api/v1/conversations')
      ).json()) as PageJson;
      expect(conversations.data).toHaveLength(1);
      expect(conversations.data[0]?.last_message).toMatchObject({ text: `Bonjour ${clinic.org.name}` });
    }
    const lilasContacts = (await (await env.api(lilas.apiKey, '/api/v1/contacts')).json()) as PageJson;
    const pasteurContacts = (await (await env.api(pasteur.apiKey, '/api/v1/contacts')).json()) as PageJson;
    expect(lilasContacts.data[0]?.id).not.toBe(pasteurContacts.data[0]?.id);
  });

  test('another clinic’s conversation is not found: no read, no messages, no send', async () => {
    const path = `/api/v1/conversations/${pasteurConversation.id}`;
    expect((await env.api(lilas.apiKey, path)).status).toBe(404);
    expect((await env.api(lilas.apiKey, `${path}/messages`)).status).toBe(404);
    const before = env.simulator.simulator.sends(pasteur.number.phoneNumberId).length;
    const send = await env.api(lilas.apiKey, `${path}/messages`, {
      method: 'POST',
      body: { type: 'text', text: 'Je ne devrais pas partir' },
    });
    expect(send.status).toBe(404);
    expect(send.headers.get('content-type')).toContain('application/problem+json');
    await env.settle();
    expect(await storedMessagesSaying(env, 'Je ne devrais pas partir')).toEqual([]);
    expect(env.simulator.simulator.sends(pasteur.number.phoneNumberId)).toHaveLength(before);

    // The owner still reads it.
    expect((await env.api(pasteur.apiKey, path)).status).toBe(200);
  });
});
