import type { AskKind } from './step.schema.ts';

/** What the engine says when a flow does not say it itself, in each language. */
// biome-ignore format: one message per line
export const RETRY_PROMPTS: Record<AskKind | 'menu' | 'csat', { fr: string; en: string }> = {
  text: { fr: 'Je n’ai pas reçu de texte. Pouvez-vous répondre par écrit ?', en: 'I did not get any text. Could you reply in writing?' },
  free_text: { fr: 'Pouvez-vous répondre à nouveau ?', en: 'Could you reply again?' },
  number: { fr: 'Merci de répondre par un nombre (par exemple 12).', en: 'Please reply with a number (for example 12).' },
  date: { fr: 'Merci d’indiquer une date au format jj/mm/aaaa (par exemple 28/03/2027).', en: 'Please give a date as dd/mm/yyyy (for example 28/03/2027).' },
  time: { fr: 'Merci d’indiquer une heure, par exemple 14h30.', en: 'Please give a time, for example 2:30pm or 14:30.' },
  phone: { fr: 'Ce numéro ne semble pas valide. Exemple : 06 12 34 56 78 ou +33 6 12 34 56 78.', en: 'This number does not look valid. Example: +44 7700 900123.' },
  email: { fr: 'Cette adresse e-mail ne semble pas valide. Exemple : nom@exemple.fr', en: 'This email address does not look valid. Example: name@example.com' },
  choice: { fr: 'Je n’ai pas compris. Merci de choisir une des options :', en: 'Sorry, I did not understand. Please pick one of the options:' },
  menu: { fr: 'Je n’ai pas compris. Merci de choisir une des options :', en: 'Sorry, I did not understand. Please pick one of the options:' },
  csat: { fr: 'Merci de donner une note de 1 à 5.', en: 'Please give a rating from 1 to 5.' },
};

export const LIST_BUTTON_LABEL = { fr: 'Choisir', en: 'Choose' };

/** A greeting answered at a menu: the options again, without « Je n'ai pas compris ». */
export const GREETING_PROMPT = {
  fr: 'Bonjour\u202F! Que souhaitez-vous faire\u202F? Choisissez une des options\u202F:',
  en: 'Hello! What would you like to do? Please pick one of the options:',
};

/** A number out of the step's range: says the range, since "a number" alone would not help. */
export function numberRangePrompt(min: number | undefined, max: number | undefined) {
  if (min !== undefined && max !== undefined) {
    return {
      fr: `Merci de répondre par un nombre entre ${min} et ${max}.`,
      en: `Please reply with a number between ${min} and ${max}.`,
    };
  }
  if (min !== undefined) {
    return {
      fr: `Merci de répondre par un nombre d’au moins ${min}.`,
      en: `Please reply with a number of at least ${min}.`,
    };
  }
  if (max !== undefined) {
    return {
      fr: `Merci de répondre par un nombre d’au plus ${max}.`,
      en: `Please reply with a number of at most ${max}.`,
    };
  }
  return RETRY_PROMPTS.number;
}

export const CSAT_TEXTS = {
  prompt: {
    fr: 'Comment évaluez-vous notre échange, de 1 à 5 ?',
    en: 'How would you rate our conversation, from 1 to 5?',
  },
  /** Stars say the scale at a glance, in a list and in a numbered text alike; 5 stars fit a 24-character row. */
  ratings: [
    { fr: '⭐ Très insatisfait', en: '⭐ Very dissatisfied' },
    { fr: '⭐⭐ Insatisfait', en: '⭐⭐ Dissatisfied' },
    { fr: '⭐⭐⭐ Neutre', en: '⭐⭐⭐ Neutral' },
    { fr: '⭐⭐⭐⭐ Satisfait', en: '⭐⭐⭐⭐ Satisfied' },
    { fr: '⭐⭐⭐⭐⭐ Très satisfait', en: '⭐⭐⭐⭐⭐ Very satisfied' },
  ],
  commentPrompt: {
    fr: 'Merci ! Un commentaire à ajouter ? Répondez « Passer » pour terminer.',
    en: 'Thank you! Any comment to add? Reply “Skip” to finish.',
  },
  /** Replies that decline to comment, folded (see foldText). */
  skipWords: ['passer', 'skip', 'non', 'no', 'rien', 'nothing', 'non merci', 'no thanks', 'aucun'],
};
