import type { Condition } from '../engine/index.ts';
import type { BilingualText } from './bilingual-text.ts';
import type { BuiltInFlow } from './built-in-flow.schema.ts';
import { BUILT_IN_TEAMS } from './built-in-teams.ts';
import { typesetFrench } from './french-typography.ts';
import { handOffToTeam } from './hand-off-steps.ts';
import { intakeNote, intakeSummarySteps } from './intake-summary.steps.ts';
import { RED_FLAG_HANDOFF } from './red-flag-steps.ts';

/** Words of a complaint that make it the dermatologists' (matched within the answer, accents ignored). */
const SKIN_WORDS = [
  'peau',
  'bouton',
  'eczéma',
  'démangeaison',
  'gratte',
  'grain de beauté',
  'urticaire',
  'psoriasis',
  'verrue',
  'acné',
  'skin',
  'rash',
  'itch',
  'mole',
  'hives',
  'wart',
];

/** Beyond this a patient is not asked more questions: a doctor takes over at once. */
const SEVERE_FROM = 8;
/** Younger than this, the paediatricians answer. */
const PAEDIATRIC_UNDER = 16;

/** How a record may say male, folded (case and accents ignored): M, male, homme, masculin, H… */
const MALE_VALUES = ['m', 'male', 'man', 'homme', 'h', 'masculin', 'masc'];

function recordedMale(field: string): Condition {
  return { type: 'contact_field', field, op: 'in', value: MALE_VALUES };
}

const complaintMentionsSkin: Condition = {
  type: 'any',
  conditions: SKIN_WORDS.map((word) => ({ type: 'answer', key: 'complaint', op: 'contains', value: word })),
};

/**
 * Symptom intake before a clinician answers: what, since when, how bad, age, pregnancy when it may
 * matter, current treatments. Every answer is screened for red flags; a severe one stops the questions.
 * The team reads one note with every answer, and the patient is told which team will answer.
 */
export const symptomIntakeFlow: BuiltInFlow = typesetFrench({
  key: 'symptom_intake',
  priority: 10,
  oncePerContact: false,
  enabled: true,
  triggers: [
    {
      kind: 'keyword',
      match: 'contains',
      words: {
        fr: ['symptôme', 'symptômes', 'je suis malade', 'consultation', 'triage'],
        en: ['symptom', 'symptoms', 'I feel sick', 'triage'],
      },
    },
    { kind: 'api' },
  ],
  definition: {
    key: 'symptom_intake',
    version: 1,
    name: { fr: 'Questionnaire symptômes', en: 'Symptom intake' },
    description: {
      fr: 'Pose les questions d’un premier recueil (motif, durée, intensité, âge, grossesse, traitements) et oriente vers l’équipe qui répondra.',
      en: 'Asks first intake questions (complaint, duration, severity, age, pregnancy, treatments) and routes to the team that will answer.',
    },
    start: 'intro',
    settings: { sessionTimeoutMinutes: 240, onRedFlag: 'red_flag' },
    steps: {
      intro: {
        type: 'send',
        message: {
          type: 'text',
          text: {
            fr: 'Je vais vous poser quelques questions courtes pour préparer la réponse d’un soignant.\nEn cas d’urgence, n’attendez pas : appelez {{org.emergency_call.fr}}.',
            en: 'I will ask you a few short questions so that a clinician can prepare their answer.\nIn an emergency, do not wait: call {{org.emergency_call.en}}.',
          },
        },
        next: 'complaint',
      },
      complaint: {
        type: 'ask',
        kind: 'text',
        screen: true,
        saveAs: 'complaint',
        prompt: {
          fr: 'Qu’est-ce qui vous amène ? Décrivez vos symptômes en quelques mots.',
          en: 'What brings you here? Describe your symptoms in a few words.',
        },
        failure: 'incomplete',
        next: 'since',
      },
      since: {
        type: 'ask',
        kind: 'text',
        screen: true,
        saveAs: 'since',
        prompt: {
          fr: 'Depuis quand ? (par exemple « depuis 3 jours », « depuis ce matin »)',
          en: 'Since when? (for example “for 3 days”, “since this morning”)',
        },
        failure: 'incomplete',
        next: 'severity',
      },
      severity: {
        type: 'ask',
        kind: 'number',
        screen: true,
        saveAs: 'severity',
        min: 0,
        max: 10,
        prompt: {
          fr: 'Sur une échelle de 0 à 10, quelle est l’intensité de votre gêne ou de votre douleur ? (0 = aucune, 10 = la pire imaginable)',
          en: 'On a scale of 0 to 10, how strong is your discomfort or pain? (0 = none, 10 = the worst imaginable)',
        },
        failure: 'incomplete',
        next: 'severity_check',
      },
      severity_check: {
        type: 'branch',
        cases: [{ when: { type: 'answer', key: 'severity', op: 'gte', value: SEVERE_FROM }, next: 'severe' }],
        else: 'age',
      },
      age: {
        type: 'ask',
        kind: 'number',
        screen: true,
        saveAs: 'age',
        min: 0,
        max: 120,
        integer: true,
        prompt: {
          fr: 'Quel âge a la personne qui consulte ? Répondez en années (0 pour un bébé de moins d’un an).',
          en: 'How old is the person who needs care? Reply in years (0 for a baby under one).',
        },
        failure: 'incomplete',
        next: 'pregnancy_check',
      },
      // Why it is asked: pregnancy changes which medicines, X-rays and advice a clinician may give for
      // almost any complaint, and makes abdominal pain or bleeding a possible obstetric emergency. So
      // the complaint does not decide; whether the person can be pregnant does: aged 12 to 55, unless
      // the patient's record says male (a `sex` or `gender` field). The record is the writer's, not
      // always the patient's: a man writing for his wife is not asked, and the team's note says
      // « Grossesse : non demandée » so the clinician asks if it matters.
      pregnancy_check: {
        type: 'branch',
        cases: [
          {
            when: {
              type: 'all',
              conditions: [
                { type: 'answer', key: 'age', op: 'gte', value: 12 },
                { type: 'answer', key: 'age', op: 'lte', value: 55 },
                { type: 'not', condition: recordedMale('sex') },
                { type: 'not', condition: recordedMale('gender') },
              ],
            },
            next: 'pregnancy',
          },
        ],
        else: 'treatments',
      },
      pregnancy: {
        type: 'ask',
        kind: 'choice',
        screen: true,
        saveAs: 'pregnancy',
        prompt: {
          fr: 'Êtes-vous enceinte ? (ou la personne pour qui vous écrivez)',
          en: 'Are you pregnant? (or the person you are writing for)',
        },
        options: [
          { id: 'yes', title: { fr: 'Oui', en: 'Yes' } },
          { id: 'no', title: { fr: 'Non', en: 'No' } },
          {
            id: 'not_applicable',
            title: { fr: 'Non concerné(e)', en: 'Not applicable' },
            aliases: ['non concerne', 'non concernee', 'sans objet', 'n/a', 'na'],
          },
        ],
        failure: 'incomplete',
        next: 'treatments',
      },
      treatments: {
        type: 'ask',
        kind: 'text',
        screen: true,
        saveAs: 'treatments',
        prompt: {
          fr: 'Prenez-vous actuellement des médicaments ou un traitement (pilule, inhalateur, compléments compris) ? Citez-les, ou répondez « aucun ».',
          en: 'Are you currently taking any medicines or treatment (including the pill, inhalers, supplements)? List them, or reply “none”.',
        },
        failure: 'incomplete',
        next: 'summary',
      },
      ...intakeSummarySteps(
        'summary',
        { fr: '📋 Questionnaire symptômes', en: '📋 Symptom intake' },
        'route',
      ),
      route: {
        type: 'branch',
        cases: [
          { when: { type: 'answer', key: 'age', op: 'lt', value: PAEDIATRIC_UNDER }, next: 'paediatrics' },
          { when: complaintMentionsSkin, next: 'dermatology' },
        ],
        else: 'general',
      },
      ...handOffToTeam('paediatrics', {
        team: BUILT_IN_TEAMS.paediatrics,
        reason: 'symptom_intake',
        message: teamWillAnswer({ fr: 'l’équipe de pédiatrie', en: 'our paediatrics team' }),
      }),
      ...handOffToTeam('dermatology', {
        team: BUILT_IN_TEAMS.dermatology,
        reason: 'symptom_intake',
        message: teamWillAnswer({ fr: 'l’équipe de dermatologie', en: 'our dermatology team' }),
      }),
      ...handOffToTeam('general', {
        team: BUILT_IN_TEAMS.generalPractice,
        reason: 'symptom_intake',
        message: teamWillAnswer({ fr: 'l’équipe de médecine générale', en: 'our general practice team' }),
      }),
      // Calm, not alarming: a severe score is no emergency sign (the red flags are), but it cannot wait.
      severe: {
        type: 'note',
        medical: true,
        text: intakeNote(
          {
            fr: `⚠️ Intensité ≥ ${SEVERE_FROM}/10 : questionnaire arrêté, à traiter en priorité.`,
            en: `⚠️ Severity ≥ ${SEVERE_FROM}/10: intake stopped, to be handled first.`,
          },
          ['complaint', 'since', 'severity'],
        ),
        next: 'severe_doctor',
      },
      ...handOffToTeam('severe_doctor', {
        team: BUILT_IN_TEAMS.generalPractice,
        reason: 'severe_symptoms',
        urgent: true,
        message: {
          fr: 'Merci. Vous décrivez une gêne importante : nous transmettons votre demande en priorité à un médecin de l’équipe, qui vous répondra ici dès que possible.\nSi votre état s’aggrave, appelez {{org.emergency_call.fr}} sans attendre.',
          en: 'Thank you. You describe severe discomfort: we are passing your request to one of our doctors first, who will answer here as soon as possible.\nIf you get worse, call {{org.emergency_call.en}} without waiting.',
        },
      }),
      ...intakeSummarySteps(
        'red_flag',
        {
          fr: '⚠️ Signal d’alerte : questionnaire symptômes interrompu. Réponses déjà données (vide : pas encore demandé) :',
          en: '⚠️ Red flag: symptom intake stopped. Answers given so far (blank: not asked yet):',
        },
        'red_flag_handoff',
      ),
      red_flag_handoff: RED_FLAG_HANDOFF,
      // Three answers the flow could not read: a person reads them instead.
      ...intakeSummarySteps(
        'incomplete',
        {
          fr: '📋 Questionnaire symptômes incomplet (une réponse n’a pas été comprise). Réponses données (vide : pas demandé) :',
          en: '📋 Incomplete symptom intake (an answer was not understood). Answers given (blank: not asked):',
        },
        'incomplete_doctor',
      ),
      ...handOffToTeam('incomplete_doctor', {
        team: BUILT_IN_TEAMS.generalPractice,
        reason: 'intake_incomplete',
        message: teamWillAnswer({ fr: 'l’équipe de médecine générale', en: 'our general practice team' }),
      }),
    },
  },
});

/** "Your request goes to <team>": who will answer, and where, so the patient knows what happens next. */
function teamWillAnswer(team: BilingualText): BilingualText {
  return {
    fr: `Merci, c’est noté. Votre demande est transmise à ${team.fr} : un soignant vous répondra ici dès que possible, pendant nos heures d’ouverture.\nSi les symptômes s’aggravent d’ici là, recontactez-nous ; en cas d’urgence, appelez {{org.emergency_call.fr}}.`,
    en: `Thank you, that is noted. Your request has been passed on to ${team.en}: a clinician will answer here as soon as possible, during our opening hours.\nIf the symptoms get worse in the meantime, contact us again; in an emergency, call {{org.emergency_call.en}}.`,
  };
}
