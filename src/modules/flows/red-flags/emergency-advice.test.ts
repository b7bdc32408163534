import { describe, expect, test } from 'vitest';
import { emergencyAdvice, emergencyNumbersSchema, FRENCH_EMERGENCY_NUMBERS } from './emergency-advice.ts';
import { RED_FLAG_CATEGORIES } from './red-flag-category.ts';

describe('emergencyAdvice', () => {
  test('in France: call 15, or 112, then what to do now', () => {
    expect(emergencyAdvice('chest_pain', 'fr')).toBe(
      'Ce que vous décrivez peut être une urgence. Appelez le 15 maintenant (ou le 112). ' +
        'Arrêtez tout effort, asseyez-vous ou allongez-vous, et ne conduisez pas. ' +
        'N’attendez pas notre réponse pour appeler : un membre de l’équipe a été prévenu.',
    );
    expect(emergencyAdvice('chest_pain', 'en')).toBe(
      'What you describe may be an emergency. Call 15 now (or 112). ' +
        'Stop what you are doing, sit or lie down, and do not drive. ' +
        'Do not wait for our reply to call: a member of the team has been alerted.',
    );
  });

  test('suicidal thoughts: the suicide prevention line first, the emergency number for immediate danger', () => {
    const advice = emergencyAdvice('suicidal_thoughts', 'fr', FRENCH_EMERGENCY_NUMBERS);
    expect(advice).toContain('Appelez le 3114 (prévention du suicide, 24\u00a0h/24).');
    expect(advice).toContain('En cas de danger immédiat, appelez le 15 (ou le 112).');
    expect(advice.indexOf('3114')).toBeLessThan(advice.indexOf('15 (ou'));
  });

  test('a clinic elsewhere sets its own numbers, and no other country’s line is guessed', () => {
    const us = { emergency: '911', suicide: '988' };
    expect(emergencyAdvice('suicidal_thoughts', 'en', us)).toContain(
      'Call 988 (suicide prevention, 24/7). If you are in immediate danger, call 911.',
    );
    const uk = { emergency: '999', european: '112' };
    const ukSuicide = emergencyAdvice('suicidal_thoughts', 'en', uk);
    expect(ukSuicide).toContain('Call 999 now (or 112).');
    expect(ukSuicide).not.toContain('3114');
    expect(emergencyAdvice('stroke_signs', 'en', uk)).toContain('Call 999 now (or 112). Note the time');
    expect(emergencyAdvice('seizure', 'en', { emergency: '112', european: '112' })).toContain(
      'Call 112 now.',
    );
  });

  test.each(
    RED_FLAG_CATEGORIES.flatMap((category) => [[category, 'fr'] as const, [category, 'en'] as const]),
  )('%s in %s: short, with the number to call', (category, language) => {
    const advice = emergencyAdvice(category, language);
    expect(advice).toMatch(language === 'fr' ? /Appelez le (15|3114)/ : /Call (15|3114)/);
    expect(advice.length).toBeLessThan(420);
  });
});

describe('emergencyNumbersSchema', () => {
  test('accepts phone numbers as dialled, and says what is wrong otherwise', () => {
    expect(emergencyNumbersSchema.parse({ emergency: '999', suicide: '116 123' })).toEqual({
      emergency: '999',
      suicide: '116 123',
    });
    const result = emergencyNumbersSchema.safeParse({ emergency: 'SAMU' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      'a phone number is digits, optionally spaced, e.g. 15, 112, 116 123',
    );
  });

  test('suicidal wording beside a more urgent sign: the urgent advice, and the suicide line too', () => {
    const advice = emergencyAdvice('loss_of_consciousness', 'fr', FRENCH_EMERGENCY_NUMBERS, [
      'loss_of_consciousness',
      'suicidal_thoughts',
    ]);
    expect(advice).toMatch(/^Ce que vous décrivez peut être une urgence\. Appelez le 15 maintenant/);
    expect(advice).toContain('Appelez le 3114 (prévention du suicide, 24\u00a0h/24).');
    expect(emergencyAdvice('chest_pain', 'en', { emergency: '999' }, ['suicidal_thoughts'])).not.toMatch(
      /suicide/,
    );
  });
});
