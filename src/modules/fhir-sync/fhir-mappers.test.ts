import { describe, expect, test } from 'vitest';
import {
  appointmentFacts,
  patientFacts,
  practitionerName,
  toFhirAppointment,
  toFhirPatient,
} from './fhir-mappers.ts';

// Shapes from the FHIR R4 specification's examples (Patient/example, Appointment/example).
describe('FHIR ↔ Careline mappers', () => {
  test('a Patient: the official name, phone and SMS numbers, the birth date', () => {
    expect(
      patientFacts({
        resourceType: 'Patient',
        id: 'example',
        name: [
          { use: 'usual', given: ['Jim'] },
          { use: 'official', family: 'Chalmers', given: ['Peter', 'James'] },
        ],
        telecom: [
          { system: 'email', value: 'p@example.org' },
          { system: 'phone', value: '(03) 5555 6473', use: 'work' },
          { system: 'sms', value: '+33 6 12 34 56 78' },
        ],
        birthDate: '1974-12-25',
      }),
    ).toEqual({
      displayName: 'Peter James Chalmers',
      phones: ['(03) 5555 6473', '+33 6 12 34 56 78'],
      birthDate: '1974-12-25',
      carelineIds: [],
    });
    expect(patientFacts({ resourceType: 'Patient', name: 'not a list' })).toEqual({
      displayName: null,
      phones: [],
      birthDate: null,
      carelineIds: [],
    });
  });

  test('Careline’s id travels both ways: written on each Patient, read back as a sure match', () => {
    const id = '0b9f6c2e-4d1a-4c5e-9a7b-3f2d1e0c9b8a';
    const written = toFhirPatient({ id, displayName: 'Inès', phone: '+33612340020' });
    expect(written.identifier).toEqual([
      { system: 'https://careline.health/fhir/identifier/careline-id', value: id },
    ]);
    expect(patientFacts(written).carelineIds).toEqual([id]);
    // Another system's id, or a value that is no Careline id, is no match.
    expect(
      patientFacts({
        resourceType: 'Patient',
        identifier: [
          { system: 'urn:oid:1.2.250.1.213.1.4.8', value: id },
          { system: 'https://careline.health/fhir/identifier/careline-id', value: "x' OR 1=1" },
        ],
      }).carelineIds,
    ).toEqual([]);
  });

  test('a Practitioner keeps its title; a text name wins', () => {
    expect(
      practitionerName({
        resourceType: 'Practitioner',
        name: [{ prefix: ['Dr'], given: ['Adam'], family: 'Careful' }],
      }),
    ).toBe('Dr Adam Careful');
    expect(practitionerName({ resourceType: 'Practitioner', name: [{ text: ' Dr Émilie Martin ' }] })).toBe(
      'Dr Émilie Martin',
    );
    expect(practitionerName({ resourceType: 'Practitioner' })).toBeNull();
  });

  test('an Appointment: its patient and practitioner ids from the participants, and back', () => {
    const facts = appointmentFacts({
      resourceType: 'Appointment',
      status: 'booked',
      start: '2013-12-10T09:00:00Z',
      end: '2013-12-10T11:00:00Z',
      description: 'Discussion on the results of your recent MRI',
      participant: [
        { actor: { reference: 'Patient/example', display: 'Peter James Chalmers' }, required: 'required' },
        { type: [{ text: 'attender' }], actor: { reference: 'Practitioner/example' } },
        { actor: { reference: 'Location/1' } },
      ],
    });
    expect(facts).toEqual({
      status: 'booked',
      start: '2013-12-10T09:00:00Z',
      end: '2013-12-10T11:00:00Z',
      reason: 'Discussion on the results of your recent MRI',
      patientId: 'example',
      practitionerId: 'example',
    });
    expect(appointmentFacts({ resourceType: 'Appointment' })).toBeUndefined();
    expect(
      toFhirAppointment({
        status: 'cancelled',
        start: new Date('2026-12-10T09:00:00Z'),
        end: new Date('2026-12-10T09:30:00Z'),
        patientRemoteId: 'p1',
        practitionerRemoteId: 'd1',
        remoteId: 'a1',
      }),
    ).toEqual({
      resourceType: 'Appointment',
      id: 'a1',
      status: 'cancelled',
      start: '2026-12-10T09:00:00.000Z',
      end: '2026-12-10T09:30:00.000Z',
      participant: [
        { actor: { reference: 'Patient/p1' }, status: 'accepted' },
        { actor: { reference: 'Practitioner/d1' }, status: 'accepted' },
      ],
    });
  });
});
