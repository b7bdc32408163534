import { describe, expect, test } from 'vitest';
import { emergencyAdvice } from '../flows/red-flags/emergency-advice.ts';
import { RED_FLAG_CATEGORIES } from '../flows/red-flags/red-flag-category.ts';
import {
  acknowledgementNote,
  emergencyNumberPhrase,
  staffRedFlagNote,
  unreadableMediaNote,
  unreadableMediaReply,
} from './safety-texts.ts';

const FRANCE = { emergency: '15', european: '112', suicide: '3114' };

/** French typography: a no-break space before : ; ! ? and inside « », never a plain one. */
function expectFrenchTypography(text: string): void {
  expect(text).not.toMatch(/ [:;!?]/);
  expect(text).not.toMatch(/« | »/);
}

describe('what the safety net says', () => {
  test('the emergency number and its second one, in each language', () => {
    expect(emergencyNumberPhrase(FRANCE, 'fr')).toBe('le 15 (ou le 112)');
    expect(emergencyNumberPhrase({ emergency: '999' }, 'en')).toBe('999');
    expect(emergencyNumberPhrase({ emergency: '112', european: '112' }, 'fr')).toBe('le 112');
  });

  test('a voice note, a photo, a video: what cannot be done, what will be, and the number to call', () => {
    const voice = unreadableMediaReply('voice', FRANCE, 'fr');
    expect(voice).toMatch(/ne pouvons pas écouter les messages vocaux/);
    expect(voice).toMatch(/appelez le 15 \(ou le 112\)\.$/);
    expectFrenchTypography(voice);
    expect(unreadableMediaReply('image', { emergency: '911' }, 'en')).toMatch(/look at photos.*call 911\.$/s);
    expect(unreadableMediaNote('video', 'fr')).toMatch(/^🎬 Vidéo reçue pendant/);
  });

  test('the team reads the words, whether advice went and who acknowledged', () => {
    const sent = staffRedFlagNote('chest_pain', 'mal à la poitrine', true, 'fr');
    expect(sent).toContain('douleur thoracique');
    expect(sent).toContain('mal à la poitrine');
    expect(sent).toMatch(/a reçu les consignes/);
    expectFrenchTypography(sent);
    expect(staffRedFlagNote('chest_pain', 'chest pain', false, 'en')).toMatch(/No emergency advice was sent/);
    expect(acknowledgementNote('Inès Robert', 'fr')).toBe('✅ Alerte prise en compte par Inès Robert.');
    expect(acknowledgementNote(null, 'en')).toBe('✅ Alert acknowledged by a member of the team.');
  });

  test('every French emergency advice follows French typography', () => {
    for (const category of RED_FLAG_CATEGORIES)
      expectFrenchTypography(emergencyAdvice(category, 'fr', FRANCE));
  });
});
