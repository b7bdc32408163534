import { describe, expect, test } from 'vitest';
import { type AnswerIntent, instantOf, parsePharmacistAnswer } from './pharmacist-answer.ts';

describe('a pharmacist’s typed answer', () => {
  const cases: Array<[string, AnswerIntent | null]> = [
    ['prêt 15h', 'ready'],
    ['Prête à 15 h 30', 'ready'],
    ['ready 3pm', 'ready'],
    ['OK, ready at 3:30 pm', 'ready'],
    ['c’est prêt', 'ready'],
    ['à retirer', 'ready'],
    ['dispo', 'available'],
    ['Disponible !', 'available'],
    ['on l’a en stock', 'available'],
    ['in stock', 'available'],
    ['oui', 'available'],
    ['rupture', 'unavailable'],
    ['RUPTURE de stock', 'unavailable'],
    ['pas dispo', 'unavailable'],
    ['pas disponible désolé', 'unavailable'],
    ['out of stock', 'unavailable'],
    ['not available', 'unavailable'],
    ['nous n’avons pas', 'unavailable'],
    ['we don’t have it', 'unavailable'],
    ['partiel', 'partly'],
    ['il manque le 2', 'partly'],
    ['dispo sauf le Doliprane', 'partly'],
    ['partly available', 'partly'],
    ['missing one', 'partly'],
    ['en livraison', 'delivery'],
    ['en livraison, arrivée 16h', 'delivery'],
    ['out for delivery eta 30 min', 'delivery'],
    ['on the way', 'delivery'],
    ['prêt, en livraison', 'delivery'],
    ['remis', 'handed_over'],
    ['récupéré par le patient', 'handed_over'],
    ['livré', 'handed_over'],
    ['delivered', 'handed_over'],
    ['picked up', 'handed_over'],
    ['refus : ordonnance expirée', 'declined'],
    ['Refusé - pas de signature', 'declined'],
    ['decline: prescription expired', 'declined'],
    ['substitut : Doliprane 500 mg', 'substitute'],
    ['rupture, substitut : Efferalgan 1 g', 'substitute'],
    ['substitute: paracetamol 1 g', 'substitute'],
    ['bonjour', null],
    ['merci', null],
    ['', null],
  ];
  test.each(cases)('%s → %s', (text, intent) => {
    expect(parsePharmacistAnswer(text).intent).toBe(intent);
  });

  test('clashing answers are not guessed', () => {
    const answer = parsePharmacistAnswer('dispo ou rupture, je ne sais pas, partiel ? remis ?');
    expect(answer.intent).toBeNull();
    expect(answer.clashing.length).toBeGreaterThan(1);
  });

  test('the reason of a refusal and the substitute are the words after the keyword, never read as answers', () => {
    expect(parsePharmacistAnswer('refus : rupture définitive, patient à rappeler')).toMatchObject({
      intent: 'declined',
      reason: 'rupture définitive, patient à rappeler',
    });
    expect(parsePharmacistAnswer('substitut : Doliprane 500 mg, dispo')).toMatchObject({
      intent: 'substitute',
      substitute: 'Doliprane 500 mg, dispo',
    });
    expect(parsePharmacistAnswer('refus').reason).toBeNull();
  });

  test.each([
    ['prêt 15h', { kind: 'clock', hour: 15, minute: 0, tomorrow: false }],
    ['prêt 15h30', { kind: 'clock', hour: 15, minute: 30, tomorrow: false }],
    ['prêt à 15 h 45', { kind: 'clock', hour: 15, minute: 45, tomorrow: false }],
    ['ready 15:30', { kind: 'clock', hour: 15, minute: 30, tomorrow: false }],
    ['ready 3pm', { kind: 'clock', hour: 15, minute: 0, tomorrow: false }],
    ['ready at 3 pm', { kind: 'clock', hour: 15, minute: 0, tomorrow: false }],
    ['ready 9:15am', { kind: 'clock', hour: 9, minute: 15, tomorrow: false }],
    ['prêt demain 9h', { kind: 'clock', hour: 9, minute: 0, tomorrow: true }],
    ['en livraison, dans 30 min', { kind: 'in', minutes: 30 }],
    ['en livraison 45min', { kind: 'in', minutes: 45 }],
    ['on the way, in 2 hours', { kind: 'in', minutes: 120 }],
    ['livraison dans 1h', { kind: 'in', minutes: 60 }],
    ['dispo', null],
    ['prêt 25h', null],
  ])('time of %s', (text, time) => {
    expect(parsePharmacistAnswer(text).time).toEqual(time);
  });

  test('references are picked out of the words', () => {
    expect(parsePharmacistAnswer('R7K2Q prêt 15h').references).toEqual(['R7K2Q']);
    expect(parsePharmacistAnswer('rupture pour r7k2q').references).toEqual(['R7K2Q']);
  });

  test('a time means the next such moment in the clinic’s zone', () => {
    const now = new Date('2026-12-07T16:00:00Z'); // 17:00 in Paris
    expect(
      instantOf({ kind: 'clock', hour: 18, minute: 0, tomorrow: false }, now, 'Europe/Paris').toISOString(),
    ).toBe('2026-12-07T17:00:00.000Z');
    expect(
      instantOf({ kind: 'clock', hour: 9, minute: 0, tomorrow: false }, now, 'Europe/Paris').toISOString(),
    ).toBe('2026-12-08T08:00:00.000Z');
    expect(instantOf({ kind: 'in', minutes: 30 }, now, 'Europe/Paris').toISOString()).toBe(
      '2026-12-07T16:30:00.000Z',
    );
  });
});
