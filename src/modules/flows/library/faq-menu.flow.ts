import { bookingFlow } from './booking.flow.ts';
import type { BuiltInFlow } from './built-in-flow.schema.ts';
import { BUILT_IN_TEAMS } from './built-in-teams.ts';
import { faqAnswerSteps } from './faq-answers.steps.ts';
import { typesetFrench } from './french-typography.ts';
import { handOffToTeam } from './hand-off-steps.ts';
import { healthTipsSteps } from './health-tips.steps.ts';
import { nonUrgentQuestionFlow } from './non-urgent-question.flow.ts';

const exits = { menu: 'menu', human: 'reception', failure: 'not_understood' };

/**
 * The welcome menu of a new conversation: health tips, practical questions, a non-urgent medical
 * question (its own flow), an appointment or anything else (reception, until booking by chat exists).
 * Menus do not screen for red flags, so a patient who writes instead of choosing goes to a person soon.
 */
export const faqMenuFlow: BuiltInFlow = typesetFrench({
  key: 'faq_menu',
  // A keyword is more specific than "new conversation": the symptom intake wins over the menu.
  priority: 50,
  oncePerContact: false,
  enabled: true,
  triggers: [
    { kind: 'new_conversation' },
    // Exact words only: "aide" within a sentence is a question for a person, not a request for the menu.
    // Greetings are left out: one that opens a conversation already shows the menu, and one in the middle
    // of a conversation with the team must not interrupt it.
    {
      kind: 'keyword',
      match: 'exact',
      words: { fr: ['menu', 'aide', 'questions fréquentes'], en: ['menu', 'help', 'faq'] },
    },
  ],
  definition: {
    key: 'faq_menu',
    version: 1,
    name: { fr: 'Menu / Questions fréquentes', en: 'Menu / FAQ' },
    description: {
      fr: 'Accueille le patient avec un menu : conseils santé, questions fréquentes, question médicale non urgente, rendez-vous, autre demande.',
      en: 'Welcomes the patient with a menu: health tips, FAQ, non-urgent medical question, appointment, anything else.',
    },
    start: 'welcome',
    settings: { sessionTimeoutMinutes: 120 },
    steps: {
      welcome: {
        type: 'send',
        message: {
          type: 'text',
          text: {
            fr: 'Bonjour 👋 Bienvenue chez {{org.name}}.\nEn cas d’urgence, n’attendez pas notre réponse : appelez {{org.emergency_call.fr}}.',
            en: 'Hello 👋 Welcome to {{org.name}}.\nIn an emergency, do not wait for our reply: call {{org.emergency_call.en}}.',
          },
        },
        next: 'menu',
      },
      menu: {
        type: 'menu',
        prompt: { fr: 'Que souhaitez-vous faire ?', en: 'What would you like to do?' },
        buttonLabel: { fr: 'Voir le menu', en: 'See the menu' },
        options: [
          {
            id: 'tips',
            title: { fr: 'Conseils santé', en: 'Health tips' },
            description: {
              fr: 'Hydratation, fièvre, médicaments, vaccins',
              en: 'Hydration, fever, medicines, vaccines',
            },
            aliases: ['conseils', 'tips'],
            next: 'tips',
          },
          {
            id: 'faq',
            title: { fr: 'Questions fréquentes', en: 'FAQ' },
            description: {
              fr: 'Horaires, adresse, documents, ordonnances',
              en: 'Hours, address, documents, prescriptions',
            },
            aliases: ['questions frequentes', 'faq', 'questions'],
            next: 'faq',
          },
          {
            id: 'question',
            title: { fr: 'Question médicale', en: 'Medical question' },
            description: {
              fr: 'Non urgente : réponse sous 48 h ouvrées',
              en: 'Not urgent: answered within 2 working days',
            },
            aliases: ['question medicale non urgente', 'non urgent medical question'],
            next: 'question',
          },
          {
            id: 'appointment',
            title: { fr: 'Prendre rendez-vous', en: 'Book an appointment' },
            description: {
              fr: 'Les prochains créneaux libres',
              en: 'The next free times',
            },
            aliases: ['rendez-vous', 'rendez vous', 'rdv', 'appointment'],
            next: 'appointment',
          },
          {
            id: 'other',
            title: { fr: 'Autre chose', en: 'Something else' },
            description: { fr: 'Écrire à l’accueil', en: 'Write to reception' },
            aliases: ['autre', 'other'],
            next: 'reception',
          },
        ],
        maxAttempts: 2,
        failure: 'not_understood',
      },
      ...healthTipsSteps(exits),
      ...faqAnswerSteps(exits),
      question: { type: 'start_flow', flowKey: nonUrgentQuestionFlow.key },
      appointment: { type: 'start_flow', flowKey: bookingFlow.key },
      ...handOffToTeam('reception', {
        team: BUILT_IN_TEAMS.reception,
        reason: 'patient_request',
        note: {
          fr: 'Le patient souhaite écrire à l’accueil (menu automatique).',
          en: 'The patient asked to write to reception (automatic menu).',
        },
        message: {
          fr: 'D’accord. Écrivez-nous votre message ici : l’accueil vous répondra dès que possible, pendant nos heures d’ouverture.',
          en: 'All right. Write your message here: reception will answer as soon as possible, during our opening hours.',
        },
      }),
      ...handOffToTeam('not_understood', {
        team: BUILT_IN_TEAMS.reception,
        reason: 'menu_not_understood',
        note: {
          fr: 'Le menu automatique n’a pas compris le patient : lisez ses derniers messages.',
          en: 'The automatic menu did not understand the patient: read their last messages.',
        },
        message: {
          fr: 'Je transmets votre message à l’accueil, qui vous répondra dès que possible, pendant nos heures d’ouverture.',
          en: 'I am passing your message on to reception, who will answer as soon as possible, during our opening hours.',
        },
      }),
    },
  },
});
