import { describe, expect, test } from 'vitest';
import { careNeedOf, suitablePractitioners, typeForReason } from './care-need.ts';

const team = [
  { id: 'martin', specialty: 'general_practice' },
  { id: 'benali', specialty: 'paediatrics' },
  { id: 'dubois', specialty: 'dermatology' },
  { id: 'roux', specialty: 'nursing' },
];
const anyoneFor = (reason: string) => suitablePractitioners(team, careNeedOf(reason)).map((p) => p.id);

describe('who “anyone” means for a reason', () => {
  test.each([
    ['vaccin contre la grippe', ['martin', 'roux']],
    ['Suivi tension', ['martin', 'roux']],
    ['flu jab', ['martin', 'roux']],
    ['renouvellement d’ordonnance', ['martin']],
    ['un bouton qui gratte', ['martin', 'dubois']],
    ['itchy rash on my arm', ['martin', 'dubois']],
    ['vaccin de mon fils', ['martin', 'benali', 'roux']],
    ['fièvre chez mon bébé', ['martin', 'benali']],
    ['my daughter has a cough', ['martin', 'benali']],
  ])('%s → %j', (reason, expected) => {
    expect(anyoneFor(reason)).toEqual(expected);
  });

  test('a clinic of specialists: those who may see the patient, never the paediatrician for an adult', () => {
    const specialists = [
      { id: 'dubois', specialty: 'dermatology' },
      { id: 'benali', specialty: 'paediatrics' },
    ];
    expect(suitablePractitioners(specialists, careNeedOf('suivi tension')).map((p) => p.id)).toEqual([
      'dubois',
    ]);
  });

  test('a type named for children makes the patient a child', () => {
    const type = { name: { fr: 'Consultation pédiatrique', en: 'Paediatric consultation' } };
    expect(careNeedOf('fièvre', type).patient).toBe('child');
  });
});

describe('the appointment type a reason names', () => {
  const consultation = { key: 'consultation', name: { fr: 'Consultation', en: 'Consultation' } };
  const vaccination = { key: 'vaccination', name: { fr: 'Vaccination', en: 'Vaccination' } };
  const pregnancy = {
    key: 'pregnancy_follow_up',
    name: { fr: 'Suivi de grossesse', en: 'Pregnancy follow-up' },
  };
  const types = [consultation, vaccination, pregnancy];

  test.each([
    ['vaccin grippe', vaccination],
    ['suivi de ma grossesse', pregnancy],
    ['suivi tension', consultation],
    ['mal au dos', consultation],
  ])('%s', (reason, expected) => {
    expect(typeForReason(types, reason, consultation)).toBe(expected);
  });
});
