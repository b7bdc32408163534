import type { GuardedFetch } from '../../platform/net/guarded-fetch.ts';
import { updateContactDetails } from '../contacts/contact.service.ts';
import type { HostOperation } from '../flows/flow-runtime-deps.ts';
import { FhirClient, FhirRequestError } from './fhir-client.ts';
import { fhirCredentialsOf } from './fhir-connection.service.ts';
import { appointmentFacts, practitionerName } from './fhir-mappers.ts';
import { findConnection, findLinkByLocal } from './fhir-sync.repository.ts';

/** The contact fields the lookup fills (custom fields, shown in the patient panel, usable in flows). */
export const EHR_FIELDS = { nextAppointment: 'ehr_next_appointment', gp: 'ehr_gp' } as const;

/**
 * `ehr_lookup`, for a flow's `request` step: reads the patient's next booked appointment and their
 * general practitioner from the clinic's EHR, stores them in the contact's fields (`ehr_next_appointment`,
 * ISO instant; `ehr_gp`, a name) and gives them to the flow (`next_appointment`, `gp`). Fails with
 * `not_linked` for a patient the EHR does not know, `unavailable` when the EHR cannot answer.
 */
export function ehrLookupOperations(fetch: GuardedFetch): Readonly<Record<string, HostOperation>> {
  return {
    ehr_lookup: async (scope) => {
      const { tx, deps, org, contact, now } = scope;
      const connection = await findConnection(tx, org.id);
      const credentials = connection?.enabled
        ? await fhirCredentialsOf(tx, deps.keyring, connection)
        : undefined;
      const link = await findLinkByLocal(tx, org.id, 'Patient', contact.id);
      if (!connection || !credentials || !link) return { ok: false, code: 'not_linked' };
      const client = new FhirClient(fetch, connection.baseUrl, credentials, deps.clock);
      try {
        const patient = await client.read('Patient', link.remoteId);
        const gpReference = generalPractitionerOf(patient);
        const gp = gpReference?.startsWith('Practitioner/')
          ? practitionerName(await client.read('Practitioner', gpReference.slice('Practitioner/'.length)))
          : null;
        const next = (await client.search('Appointment', { patient: `Patient/${link.remoteId}` }))
          .flatMap((resource) => {
            const facts = appointmentFacts(resource);
            // Checked here too: a server that ignored the search parameter must not give another patient's.
            const theirs = facts?.patientId === link.remoteId && facts.status === 'booked';
            return theirs && facts.start && new Date(facts.start) > now ? [facts.start] : [];
          })
          .sort((a, b) => new Date(a).getTime() - new Date(b).getTime())[0];
        const nextAppointment = next === undefined ? null : new Date(next).toISOString();
        const fields = { ...contact.customFields };
        for (const [key, value] of [
          [EHR_FIELDS.gp, gp],
          [EHR_FIELDS.nextAppointment, nextAppointment],
        ] as const) {
          if (value === null) delete fields[key];
          else fields[key] = value;
        }
        await updateContactDetails(tx, deps.keyring, org.id, contact.id, { customFields: fields }, now);
        return { ok: true, data: { next_appointment: nextAppointment ?? '', gp: gp ?? '' } };
      } catch (error) {
        if (error instanceof FhirRequestError) return { ok: false, code: 'unavailable' };
        throw error;
      }
    },
  };
}

function generalPractitionerOf(patient: { [field: string]: unknown }): string | undefined {
  const list = patient.generalPractitioner;
  if (!Array.isArray(list)) return undefined;
  for (const item of list) {
    if (
      typeof item === 'object' &&
      item !== null &&
      'reference' in item &&
      typeof item.reference === 'string'
    )
      return item.reference;
  }
  return undefined;
}
