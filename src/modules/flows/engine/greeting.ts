import { foldText } from './fold-text.ts';

/**
 * Words a patient greets with, folded (no accents, lower case), in French and English, as typed on a phone:
 * Telegram's automatic « /start » counts, since the patient only tapped Start.
 */
const GREETING_WORDS = new Set([
  'bonjour',
  'bjr',
  'bonsoir',
  'bsr',
  'salut',
  'slt',
  'coucou',
  'cc',
  'allo',
  'hello',
  'hi',
  'hey',
  'hiya',
  'yo',
  'hallo',
  'start',
  'good',
  'morning',
  'afternoon',
  'evening',
  'bon',
  'matin',
  'apres',
  'midi',
]);

/** Polite words that may come with a greeting without making it a request. */
const COURTESY_WORDS = new Set([
  'docteur',
  'doc',
  'dr',
  'madame',
  'monsieur',
  'mme',
  'mr',
  'mrs',
  'ms',
  'doctor',
  'there',
  'all',
  'a',
  'tous',
  'toutes',
  'vous',
  'la',
  'le',
  'equipe',
  'team',
  'again',
  're',
  'encore',
  'merci',
  'thanks',
]);

/** A greeting longer than this is a message that happens to start with one. */
const MAX_GREETING_WORDS = 5;

/**
 * Whether a message only greets (« Bonjour », "hi there", « re bonjour docteur », « /start »): at a menu it
 * asks for nothing, so the menu is shown again as a welcome, not as « Je n'ai pas compris ».
 */
export function isGreeting(text: string | undefined): boolean {
  if (text === undefined) return false;
  const words = foldText(text)
    .split(' ')
    .filter((word) => word !== '');
  if (words.length === 0 || words.length > MAX_GREETING_WORDS) return false;
  const greets = words.filter((word) => GREETING_WORDS.has(word)).length;
  return greets > 0 && words.every((word) => GREETING_WORDS.has(word) || COURTESY_WORDS.has(word));
}
