import { createApiKey } from '../../src/modules/auth/api-key.service.ts';
import { createOrg } from '../../src/modules/orgs/org.service.ts';
import { eventually, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { call, getJson, type Json, patientWrites } from './inbox-support.ts';

/** What the prescription-order tests share: patients, partner pharmacies, and what a phone received. */

export interface Received {
  wamid: string;
  type: string;
  text: string;
  request: Json;
}

/** What a number (a patient's or a pharmacy's phone) received from the clinic, oldest first, once it holds `count`. */
export async function phoneReceived(
  env: TestCareline,
  clinic: TestClinic,
  phone: string,
  count: number,
): Promise<Received[]> {
  const sim = env.simulator.simulator;
  return eventually(async () => {
    const sent = sim
      .sends(clinic.number.phoneNumberId)
      .filter((s) => s.wamid && (s.request as Json).to === phone.replace('+', ''))
      .map((s) => {
        const message = sim.message(s.wamid ?? '');
        const request = s.request as Json;
        const interactive = request.interactive as { body?: { text?: string } } | undefined;
        return {
          wamid: s.wamid ?? '',
          type: String(request.type ?? message?.type ?? ''),
          text: message?.text || interactive?.body?.text || '',
          request,
        };
      });
    return sent.length >= count ? sent : undefined;
  });
}

/** A patient who wrote to the clinic, optionally in English and agreeing to pharmacy notifications. */
export async function patientOf(
  env: TestCareline,
  clinic: TestClinic,
  phone: string,
  options: { name: string; language?: 'fr' | 'en'; consent?: boolean },
): Promise<string> {
  const { conversation } = await patientWrites(env, clinic, phone, 'Bonjour', options.name);
  const contactId = String(conversation.contact_id);
  if (options.language) {
    const patched = await call(env, clinic, 'PATCH', `/contacts/${contactId}`, {
      language: options.language,
    });
    if (patched.status !== 200) throw new Error(`language: ${patched.status}`);
  }
  if (options.consent) {
    const consent = await call(env, clinic, 'POST', `/contacts/${contactId}/consents`, {
      purpose: 'pharmacy_notifications',
      granted: true,
      text_shown: 'J’accepte d’être prévenu par la pharmacie quand ma commande est prête.',
    });
    if (consent.status !== 201) throw new Error(`consent: ${consent.status}`);
  }
  await env.settle();
  return contactId;
}

/** A pharmacy running Careline: its org (kind pharmacy) and an API key. */
export async function addPharmacyOrg(env: TestCareline, name: string): Promise<TestClinic> {
  const org = await createOrg(env.handle.db, { name, kind: 'pharmacy' });
  const { key } = await createApiKey(env.handle.db, org.id, 'tests');
  return { org, apiKey: key } as TestClinic;
}

export function order(contactId: string, pharmacyId: string, overrides: Json = {}): Json {
  return {
    contact_id: contactId,
    pharmacy_id: pharmacyId,
    fulfilment: 'pickup',
    items: [
      {
        medication: 'Amoxicilline',
        strength: '1 g',
        form: 'comprimé',
        quantity: '2 boîtes',
        posology: '1 comprimé matin et soir pendant 6 jours',
        substitution_allowed: true,
      },
      {
        medication: 'Paracétamol',
        strength: '500 mg',
        form: 'gélule',
        quantity: '1 boîte',
        posology: '1 à 2 gélules toutes les 6 heures si douleur',
        substitution_allowed: false,
      },
    ],
    ...overrides,
  };
}

export async function orderOf(env: TestCareline, clinic: TestClinic, id: string): Promise<Json> {
  return getJson(env, clinic, `/prescription-orders/${id}`);
}

/** Waits until the clinic's order reaches `step`. */
export async function orderReaches(
  env: TestCareline,
  clinic: TestClinic,
  id: string,
  step: string,
): Promise<Json> {
  return eventually(async () => {
    const json = await orderOf(env, clinic, id);
    return json.step === step ? json : undefined;
  });
}

/**
 * A prescription order for a patient, to a new partner pharmacy reached on the clinic's WhatsApp number
 * (it has not written: the order is journaled, not delivered). Answers the order's id.
 */
export async function orderToWhatsAppPharmacy(
  env: TestCareline,
  clinic: TestClinic,
  contactId: string,
  pharmacy: { name: string; phone: string },
): Promise<string> {
  const partner = await call(env, clinic, 'POST', '/pharmacies', {
    name: pharmacy.name,
    language: 'fr',
    reach: {
      kind: 'channel',
      channel_type: 'whatsapp',
      address: pharmacy.phone,
      channel_account_id: clinic.account.id,
    },
  });
  if (partner.status !== 201) throw new Error(`pharmacy: ${partner.status}`);
  const ordered = await call(
    env,
    clinic,
    'POST',
    '/prescription-orders',
    order(contactId, String(partner.body.id)),
  );
  if (ordered.status !== 201) throw new Error(`order: ${ordered.status}`);
  return String(ordered.body.id);
}
