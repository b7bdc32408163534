import { z } from 'zod';
import { CARELINE_ID_SYSTEM } from '../fhir/resources/identifier-systems.ts';
import type { FhirResource } from './fhir-client.ts';

/** The fields of a FHIR Patient that Careline keeps. */
export interface PatientFacts {
  displayName: string | null;
  /** As the EHR wrote it: normalised to E.164 by the importer. */
  phones: string[];
  birthDate: string | null;
  /**
   * Careline's own ids the EHR keeps for this patient (Careline writes its id on every Patient it sends,
   * and an EHR reading Careline's FHIR API sees it): a sure match, before any phone number.
   */
  carelineIds: string[];
}

const humanName = z.looseObject({
  text: z.string().optional(),
  given: z.array(z.string()).optional(),
  family: z.string().optional(),
  prefix: z.array(z.string()).optional(),
  use: z.string().optional(),
});
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const patientShape = z.looseObject({
  identifier: z
    .array(z.looseObject({ system: z.string().optional(), value: z.string().optional() }))
    .optional(),
  name: z.array(humanName).optional(),
  telecom: z.array(z.looseObject({ system: z.string().optional(), value: z.string().optional() })).optional(),
  birthDate: z.string().optional(),
});
const referenceShape = z.looseObject({ reference: z.string().optional() });
const appointmentShape = z.looseObject({
  status: z.string(),
  start: z.string().optional(),
  end: z.string().optional(),
  description: z.string().optional(),
  participant: z.array(z.looseObject({ actor: referenceShape.optional() })).optional(),
});

export function patientFacts(resource: FhirResource): PatientFacts {
  const patient = patientShape.safeParse(resource);
  if (!patient.success) return { displayName: null, phones: [], birthDate: null, carelineIds: [] };
  return {
    displayName: nameText(patient.data.name, false),
    phones: (patient.data.telecom ?? [])
      .filter((t) => t.system === 'phone' || t.system === 'sms')
      .flatMap((t) => (t.value ? [t.value] : [])),
    birthDate: patient.data.birthDate ?? null,
    carelineIds: (patient.data.identifier ?? []).flatMap((i) =>
      i.system === CARELINE_ID_SYSTEM && i.value !== undefined && UUID.test(i.value) ? [i.value] : [],
    ),
  };
}

/** "Dr Émilie Martin": how the EHR names a practitioner, title included (Careline's habit). */
export function practitionerName(resource: FhirResource): string | null {
  const practitioner = patientShape.safeParse(resource);
  return practitioner.success ? nameText(practitioner.data.name, true) : null;
}

export interface AppointmentFacts {
  status: string;
  start: string | null;
  end: string | null;
  reason: string | null;
  patientId: string | null;
  practitionerId: string | null;
}

export function appointmentFacts(resource: FhirResource): AppointmentFacts | undefined {
  const appointment = appointmentShape.safeParse(resource);
  if (!appointment.success) return undefined;
  const actors = (appointment.data.participant ?? []).flatMap((p) =>
    p.actor?.reference ? [p.actor.reference] : [],
  );
  const idOf = (type: string) => {
    const reference = actors.find((r) => r.startsWith(`${type}/`));
    return reference === undefined ? null : (reference.slice(type.length + 1).split('/')[0] ?? null);
  };
  return {
    status: appointment.data.status,
    start: appointment.data.start ?? null,
    end: appointment.data.end ?? null,
    reason: appointment.data.description ?? null,
    patientId: idOf('Patient'),
    practitionerId: idOf('Practitioner'),
  };
}

function nameText(names: z.infer<typeof humanName>[] | undefined, withPrefix: boolean): string | null {
  const name = names?.find((n) => n.use === 'official') ?? names?.[0];
  if (!name) return null;
  if (name.text) return name.text.trim() || null;
  const words = [...(withPrefix ? (name.prefix ?? []) : []), ...(name.given ?? []), name.family ?? ''];
  const text = words.join(' ').replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** The FHIR Appointment for a Careline appointment, its participants being remote ids. */
export function toFhirAppointment(appointment: {
  status: string;
  start: Date;
  end: Date;
  patientRemoteId: string;
  practitionerRemoteId: string;
  remoteId?: string;
}): FhirResource {
  return {
    resourceType: 'Appointment',
    ...(appointment.remoteId ? { id: appointment.remoteId } : {}),
    // Careline's statuses are FHIR R4's Appointment.status values.
    status: appointment.status,
    start: appointment.start.toISOString(),
    end: appointment.end.toISOString(),
    participant: [
      { actor: { reference: `Patient/${appointment.patientRemoteId}` }, status: 'accepted' },
      { actor: { reference: `Practitioner/${appointment.practitionerRemoteId}` }, status: 'accepted' },
    ],
  };
}

export function toFhirPatient(patient: {
  id: string;
  displayName: string | null;
  phone: string | null;
}): FhirResource {
  return {
    resourceType: 'Patient',
    identifier: [{ system: CARELINE_ID_SYSTEM, value: patient.id }],
    ...(patient.displayName ? { name: [{ text: patient.displayName }] } : {}),
    ...(patient.phone ? { telecom: [{ system: 'phone', value: patient.phone, use: 'mobile' }] } : {}),
  };
}

export function toFhirPractitioner(practitioner: { name: string }): FhirResource {
  return { resourceType: 'Practitioner', name: [{ text: practitioner.name }] };
}
