import type { Identifier, Patient } from '@medplum/fhirtypes';
import type { ContactIdentity } from '../../contacts/contact.schema.ts';
import { birthDateOf } from '../../contacts/contact-sealing.ts';
import { CARELINE_ID_SYSTEM, CHANNEL_IDENTIFIER_SYSTEMS } from './identifier-systems.ts';

/** What the mapper needs of a Careline patient (a contact with its channel identities), opened. */
export interface PatientSource {
  id: string;
  displayName: string | null;
  phone: string | null;
  language: string | null;
  customFields: Record<string, string>;
  mergedIntoId: string | null;
  updatedAt: Date;
  identities: ReadonlyArray<Pick<ContactIdentity, 'channelType' | 'externalId' | 'scopedId'>>;
}

const GENDERS = new Set(['male', 'female', 'other', 'unknown']);

/** A Careline patient as an R4 Patient: every channel identity an identifier, the phone a telecom. */
export function toFhirPatient(source: PatientSource): Patient {
  const identifiers: Identifier[] = [
    { use: 'official', system: CARELINE_ID_SYSTEM, value: source.id },
    ...source.identities.flatMap((identity): Identifier[] => {
      const value = identity.externalId ?? identity.scopedId;
      return value
        ? [{ use: 'secondary', system: CHANNEL_IDENTIFIER_SYSTEMS[identity.channelType], value }]
        : [];
    }),
  ];
  const birthDate = birthDateOf(source.customFields);
  const gender = genderOf(source.customFields);
  return {
    resourceType: 'Patient',
    id: source.id,
    meta: { lastUpdated: source.updatedAt.toISOString() },
    identifier: identifiers,
    // A record merged into another is kept (an unmerge restores it) and points at the survivor.
    active: source.mergedIntoId === null,
    ...(source.displayName?.trim() ? { name: [{ text: source.displayName.trim() }] } : {}),
    ...(source.phone ? { telecom: [{ system: 'phone', value: source.phone, use: 'mobile' }] } : {}),
    ...(gender ? { gender } : {}),
    ...(birthDate && isCalendarDate(birthDate) ? { birthDate } : {}),
    ...(source.language
      ? { communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: source.language }] } }] }
      : {}),
    ...(source.mergedIntoId
      ? { link: [{ other: { reference: `Patient/${source.mergedIntoId}` }, type: 'replaced-by' }] }
      : {}),
  };
}

function genderOf(fields: Record<string, string>): Patient['gender'] | undefined {
  const entry = Object.entries(fields).find(([key]) =>
    ['gender', 'sex', 'sexe', 'genre'].includes(key.trim().toLowerCase()),
  );
  const value = entry?.[1].trim().toLowerCase();
  return value && GENDERS.has(value) ? (value as Patient['gender']) : undefined;
}

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
