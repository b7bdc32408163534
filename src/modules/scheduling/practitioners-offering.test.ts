import { describe, expect, test } from 'vitest';
import { practitionersOffering } from './practitioners-offering.ts';
import type { AppointmentType, Practitioner } from './scheduling.schema.ts';

function practitioner(id: string, overrides: Partial<Practitioner> = {}): Practitioner {
  return {
    id,
    orgId: 'org',
    name: id,
    specialty: 'general_practice',
    languages: ['fr'],
    userId: null,
    active: true,
    feedTokenHash: null,
    busyCalendarUrl: null,
    busyCalendarRefreshedAt: null,
    busyCalendarError: null,
    createdAt: new Date(0),
    ...overrides,
  };
}

const type = (practitionerIds: string[] = []) => ({ practitionerIds }) as AppointmentType;

const everyone = [
  practitioner('martin', { languages: ['fr', 'en-GB'] }),
  practitioner('petit', { specialty: 'paediatrics', languages: ['fr-BE', 'nl'] }),
  practitioner('retired', { active: false }),
];
const ids = (list: Practitioner[]) => list.map((p) => p.id);

describe('practitionersOffering', () => {
  test('everyone active offers a type that names nobody; a type naming some is theirs only', () => {
    expect(ids(practitionersOffering(type(), everyone, {}))).toEqual(['martin', 'petit']);
    expect(ids(practitionersOffering(type(['petit', 'retired']), everyone, {}))).toEqual(['petit']);
  });

  test('specialty and practitioner narrow the list', () => {
    expect(ids(practitionersOffering(type(), everyone, { specialty: 'paediatrics' }))).toEqual(['petit']);
    expect(ids(practitionersOffering(type(), everyone, { practitionerId: 'martin' }))).toEqual(['martin']);
    expect(ids(practitionersOffering(type(['petit']), everyone, { practitionerId: 'martin' }))).toEqual([]);
  });

  test('a language matches on its primary tag, whatever the region or case', () => {
    expect(ids(practitionersOffering(type(), everyone, { language: 'fr-CA' }))).toEqual(['martin', 'petit']);
    expect(ids(practitionersOffering(type(), everyone, { language: 'EN' }))).toEqual(['martin']);
    expect(ids(practitionersOffering(type(), everyone, { language: 'nl-BE' }))).toEqual(['petit']);
    expect(ids(practitionersOffering(type(), everyone, { language: 'de' }))).toEqual([]);
  });
});
