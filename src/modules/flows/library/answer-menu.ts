import type { StepOf } from '../engine/index.ts';
import type { BilingualText } from './bilingual-text.ts';

export interface AnswerExits {
  /** Back to the list the answer was picked from ("Autres questions"). */
  more: { title: BilingualText; next: string };
  menu: string;
  human: string;
  /** Where a patient goes who answers none of the options: usually a person. */
  failure: string;
}

/**
 * An answer and the ways on from it, in one message: the answer is the body, the ways on are its three
 * buttons, so that the patient never has to scroll back up to a menu. A patient who writes something else
 * twice is asking what the menu cannot answer, and goes to `failure`.
 */
export function answerMenu(answer: BilingualText, exits: AnswerExits): StepOf<'menu'> {
  return {
    type: 'menu',
    prompt: answer,
    options: [
      { id: 'more', title: exits.more.title, next: exits.more.next },
      {
        id: 'menu',
        title: { fr: 'Menu principal', en: 'Main menu' },
        aliases: ['menu', 'retour', 'back'],
        next: exits.menu,
      },
      {
        id: 'human',
        title: { fr: 'Parler à quelqu’un', en: 'Talk to someone' },
        aliases: ['accueil', 'humain', 'human'],
        next: exits.human,
      },
    ],
    maxAttempts: 2,
    failure: exits.failure,
  };
}
