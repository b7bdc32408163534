import type { BuiltInFlow } from './built-in-flow.schema.ts';
import { typesetFrench } from './french-typography.ts';

/**
 * The satisfaction survey sent when a conversation is closed: a 1–5 rating (buttons or a list, as the
 * channel allows; never a link), an optional comment, thanks. The host sends it as a template when the
 * 24-hour window has closed.
 */
export const csatFlow: BuiltInFlow = typesetFrench({
  key: 'csat',
  priority: 100,
  // Every closed conversation is rated, not only a patient's first one.
  oncePerContact: false,
  enabled: true,
  triggers: [{ kind: 'conversation_closed' }],
  definition: {
    key: 'csat',
    version: 1,
    name: { fr: 'Enquête de satisfaction', en: 'Satisfaction survey' },
    description: {
      fr: 'Demande une note de 1 à 5 et un commentaire facultatif quand la conversation est close.',
      en: 'Asks for a 1–5 rating and an optional comment when the conversation is closed.',
    },
    start: 'rating',
    // A patient who writes the next day is not answering the survey: the message goes to the inbox.
    settings: { sessionTimeoutMinutes: 24 * 60 },
    steps: {
      rating: {
        type: 'csat',
        prompt: {
          fr: 'Votre conversation avec {{org.name}} est terminée. Comment évaluez-vous notre échange, de 1 à 5 ?',
          en: 'Your conversation with {{org.name}} is over. How would you rate it, from 1 to 5?',
        },
        buttonLabel: { fr: 'Noter', en: 'Rate' },
        askComment: true,
        commentPrompt: {
          fr: 'Merci ! Souhaitez-vous ajouter un commentaire ? Écrivez-le ici, ou répondez « Passer ».',
          en: 'Thank you! Would you like to add a comment? Write it here, or reply “Skip”.',
        },
        // Without a comment in this time the rating is recorded alone.
        commentTimeoutMinutes: 60,
        saveAs: 'rating',
        // A patient who writes something else is not answering the survey: it steps aside at once and
        // the message stays with the care team.
        maxAttempts: 1,
        failure: 'done',
        timeoutMinutes: 24 * 60,
        timeout: 'done',
        next: 'thanks',
      },
      thanks: {
        type: 'send',
        message: {
          type: 'text',
          text: {
            fr: 'Merci pour votre retour, il nous aide à mieux vous accompagner. À bientôt !',
            en: 'Thank you for your feedback: it helps us care for you better. See you soon!',
          },
        },
        next: 'close',
      },
      // The patient's answer came in a conversation of its own (the rated one was closed): it holds
      // nothing for the care team to do.
      close: { type: 'close' },
      done: { type: 'end' },
    },
  },
});
