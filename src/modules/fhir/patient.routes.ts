import type { Patient } from '@medplum/fhirtypes';
import type { FastifyInstance } from 'fastify';
import { auditRead, auditSearch, patientEntity } from '../audit/audit-trail.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { CHANNEL_TYPES } from '../channel-accounts/channel-types.ts';
import {
  findContactsByIds,
  findIdentities,
  identitiesOfContacts,
  listContactIds,
  listContacts,
  toE164,
} from '../contacts/contact.service.ts';
import { findContactsByNameOrPhone } from '../contacts/contact-search.service.ts';
import type { FhirDeps } from './fhir-deps.ts';
import { baseUrlOf, sendResource } from './fhir-http.ts';
import { FhirError } from './fhir-outcome.ts';
import {
  pageOf,
  parseSearch,
  SEARCH_MATCHES_MAX,
  searchset,
  searchsetPage,
  single,
  token,
  UUID,
} from './fhir-search.ts';
import { CARELINE_ID_SYSTEM, channelOfSystem } from './resources/identifier-systems.ts';
import { toFhirPatient } from './resources/patient.fhir.ts';

export const PATIENT_SEARCH_PARAMS = ['_id', 'identifier', 'telecom', 'phone', 'name'] as const;

export function patientRoutes(deps: FhirDeps, prefix: string) {
  const { db, keyring } = deps;

  /** The patients with these ids, with their identities, in the order given. */
  async function patientsOf(orgId: string, ids: readonly string[]): Promise<Patient[]> {
    const contacts = await findContactsByIds(db, keyring, orgId, ids);
    const identities = await identitiesOfContacts(db, keyring, orgId, ids);
    const byId = new Map(contacts.map((c) => [c.id, c]));
    return ids.flatMap((id) => {
      const contact = byId.get(id);
      return contact
        ? [toFhirPatient({ ...contact, identities: identities.filter((i) => i.contactId === id) })]
        : [];
    });
  }

  async function idsByIdentifier(orgId: string, value: string): Promise<string[]> {
    const { system, code } = token(value);
    if (system === CARELINE_ID_SYSTEM || system === undefined || system === '') {
      if (UUID.test(code)) return [code.toLowerCase()];
      if (system === CARELINE_ID_SYSTEM) return [];
    }
    const channel = system ? channelOfSystem(system) : undefined;
    // An identifier system this server does not issue matches nobody (it is not an error in FHIR).
    if (system && !channel && system !== CARELINE_ID_SYSTEM) return [];
    const channels = channel ? [channel] : CHANNEL_TYPES;
    const found = await Promise.all(
      channels.map((c) => findIdentities(db, keyring, orgId, c, { externalId: code, scopedId: code })),
    );
    return found.flat().map((i) => i.contactId);
  }

  async function idsByTelecom(orgId: string, param: string, value: string): Promise<string[]> {
    const { system, code } = token(value);
    if (system !== undefined && system !== '' && system !== 'phone') return [];
    const e164 = toE164(code);
    if (!e164)
      throw FhirError.invalid(`Patient?${param}`, 'is not a valid phone number (E.164, e.g. +33612345678)');
    const page = await listContacts(db, keyring, orgId, { phone: e164, limit: SEARCH_MATCHES_MAX });
    return page.data.map((c) => c.id);
  }

  return async (app: FastifyInstance) => {
    app.get<{ Params: { id: string } }>(
      '/Patient/:id',
      { config: { access: 'contacts.read' } },
      async (request, reply) => {
        const { orgId } = callerOf(request);
        const { id } = request.params;
        const [patient] = UUID.test(id) ? await patientsOf(orgId, [id.toLowerCase()]) : [];
        if (!patient?.id) throw FhirError.notFound('Patient', id.slice(0, 64));
        await auditRead(request, patientEntity(patient.id));
        return sendResource(reply, patient);
      },
    );

    app.get('/Patient', { config: { access: 'contacts.read' } }, async (request, reply) => {
      const { orgId } = callerOf(request);
      const search = parseSearch('Patient', request.query, PATIENT_SEARCH_PARAMS);
      const { params } = search;
      const filters: Array<Promise<string[]>> = [];
      const id = single(params, '_id');
      if (id !== undefined) filters.push(Promise.resolve(UUID.test(id) ? [id.toLowerCase()] : []));
      const identifier = single(params, 'identifier');
      if (identifier !== undefined) filters.push(idsByIdentifier(orgId, identifier));
      for (const param of ['telecom', 'phone'] as const) {
        const value = single(params, param);
        if (value !== undefined) filters.push(idsByTelecom(orgId, param, value));
      }
      const name = single(params, 'name');
      if (name !== undefined) {
        filters.push(
          findContactsByNameOrPhone(
            db,
            keyring,
            orgId,
            { q: name, phone: undefined },
            SEARCH_MATCHES_MAX,
          ).then((found) => found.map((c) => c.id)),
        );
      }
      if (filters.length === 0) {
        filters.push(listContactIds(db, orgId, SEARCH_MATCHES_MAX));
      }
      const [first = [], ...others] = await Promise.all(filters);
      const ids = [...new Set(first)].filter((candidate) => others.every((set) => set.includes(candidate)));
      // A record merged into another answers its read, but a search finds the survivor only. The name,
      // phone and unfiltered lookups leave merged records out already; the few an id or an identifier
      // found are opened to check. Otherwise only the page is opened.
      const byIdOnly = filters.length === [id, identifier].filter((v) => v !== undefined).length;
      const base = baseUrlOf(request, prefix);
      const bundle = byIdOnly
        ? searchset(
            base,
            'Patient',
            request.url,
            (await patientsOf(orgId, ids)).filter((p) => p.active !== false),
            search,
          )
        : searchsetPage(
            base,
            'Patient',
            request.url,
            await patientsOf(orgId, pageOf(ids, search)),
            ids.length,
            search,
          );
      const read = (bundle.entry ?? []).flatMap((e) =>
        e.resource?.id ? [patientEntity(e.resource.id)] : [],
      );
      await auditSearch(request, queryOf(request.url), read);
      return sendResource(reply, bundle);
    });
  };
}

export function queryOf(url: string): string {
  const at = url.indexOf('?');
  return at < 0 ? '' : url.slice(at + 1);
}
