import type { BuiltInFlow } from './built-in-flow.schema.ts';
import { BUILT_IN_TEAMS } from './built-in-teams.ts';
import { typesetFrench } from './french-typography.ts';
import { redFlagSteps } from './red-flag-steps.ts';

/**
 * A medical question that can wait: the patient writes it (screened for red flags, like every answer
 * here), says since when if it is about a symptom, and is told when the nurses will answer.
 */
export const nonUrgentQuestionFlow: BuiltInFlow = typesetFrench({
  key: 'non_urgent_question',
  priority: 20,
  oncePerContact: false,
  enabled: true,
  triggers: [
    { kind: 'flow' },
    { kind: 'api' },
    {
      kind: 'keyword',
      match: 'contains',
      words: { fr: ['question médicale'], en: ['medical question'] },
    },
  ],
  definition: {
    key: 'non_urgent_question',
    version: 1,
    name: { fr: 'Question médicale non urgente', en: 'Non-urgent medical question' },
    description: {
      fr: 'Recueille une question médicale non urgente et la confie aux infirmiers (réponse sous 48 h ouvrées).',
      en: 'Takes a non-urgent medical question and gives it to the nurses (answer within 2 working days).',
    },
    start: 'question',
    settings: { sessionTimeoutMinutes: 240, onRedFlag: 'red_flag' },
    steps: {
      question: {
        type: 'ask',
        kind: 'text',
        screen: true,
        saveAs: 'question',
        prompt: {
          fr: 'Quelle est votre question ? Écrivez-la en un seul message, avec les détails utiles (nom du médicament, résultat d’analyse…).\nCe service n’est pas adapté aux urgences.',
          en: 'What is your question? Write it in one message, with any useful details (name of the medicine, test result…).\nThis service is not suitable for emergencies.',
        },
        next: 'since',
      },
      since: {
        type: 'ask',
        kind: 'text',
        screen: true,
        saveAs: 'since',
        prompt: {
          fr: 'Depuis quand ? (par exemple « depuis 3 jours »)\nSi votre question ne porte pas sur un symptôme, répondez « - ».',
          en: 'Since when? (for example “for 3 days”)\nIf your question is not about a symptom, reply “-”.',
        },
        next: 'confirm',
      },
      confirm: {
        type: 'send',
        message: {
          type: 'text',
          text: {
            fr: 'Merci, votre question est transmise à notre équipe soignante. Un infirmier ou un médecin vous répondra ici sous 48 h ouvrées.\nSi votre état s’aggrave d’ici là, n’attendez pas : appelez-nous, ou {{org.emergency_call.fr}} en cas d’urgence.',
            en: 'Thank you, your question has been passed on to our care team. A nurse or a doctor will answer here within 2 working days.\nIf you get worse in the meantime, do not wait: call us, or {{org.emergency_call.en}} in an emergency.',
          },
        },
        next: 'summary',
      },
      summary: {
        type: 'note',
        medical: true,
        text: {
          fr: '❓ Question médicale non urgente (réponse promise sous 48 h ouvrées)\nQuestion : {{answers.question}}\nDepuis : {{answers.since}}',
          en: '❓ Non-urgent medical question (answer promised within 2 working days)\nQuestion: {{answers.question}}\nSince: {{answers.since}}',
        },
        next: 'nurses',
      },
      // A team with nobody online still receives the question in its queue: the flow goes on either way.
      nurses: {
        type: 'assign',
        target: { team: BUILT_IN_TEAMS.nurses },
        next: 'handoff',
        failure: 'handoff',
      },
      handoff: { type: 'handoff', reason: 'non_urgent_question' },
      ...redFlagSteps({
        fr: 'question médicale non urgente interrompue. Réponses déjà données (vide : pas encore demandé) :\nQuestion : {{answers.question}}\nDepuis : {{answers.since}}',
        en: 'non-urgent medical question stopped. Answers given so far (blank: not asked yet):\nQuestion: {{answers.question}}\nSince: {{answers.since}}',
      }),
    },
  },
});
