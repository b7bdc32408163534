import type { BuiltInFlow } from './built-in-flow.schema.ts';
import { BUILT_IN_TEAMS } from './built-in-teams.ts';
import { typesetFrench } from './french-typography.ts';
import { handOffToTeam } from './hand-off-steps.ts';
import { REMINDER_CONSENT_PROMPT } from './reminder-consent-prompt.ts';

/**
 * Booking by chat, against the clinic's real availability: the reason, the practitioner (or anyone),
 * when the patient would like to come in their own words ("demain matin", "tuesday afternoon", "as
 * soon as possible"), the next matching slots as a list, the booking itself (a slot taken meanwhile
 * offers the others), the patient's consent to reminders on the app they are writing from (asked
 * once per app, recorded for that channel with the exact question), a confirmation and the invitation as an .ics file. Started by the menu, by keywords, and
 * by a reminder's "Reschedule" button (`vars.trigger.rescheduleAppointmentId`: the new booking replaces
 * that appointment).
 */
export const bookingFlow: BuiltInFlow = typesetFrench({
  key: 'booking',
  priority: 15,
  oncePerContact: false,
  enabled: true,
  triggers: [
    { kind: 'flow' },
    { kind: 'api' },
    {
      kind: 'keyword',
      match: 'contains',
      words: {
        fr: ['prendre rendez-vous', 'prendre rendez vous', 'prendre rdv', 'un rendez-vous', 'un rdv'],
        en: ['book an appointment', 'make an appointment', 'an appointment'],
      },
    },
  ],
  definition: {
    key: 'booking',
    version: 1,
    name: { fr: 'Prendre rendez-vous', en: 'Book an appointment' },
    description: {
      fr: 'Propose les prochains créneaux libres selon les disponibilités du patient et réserve celui qu’il choisit.',
      en: 'Offers the next free times that suit the patient and books the one they pick.',
    },
    start: 'route',
    settings: { sessionTimeoutMinutes: 120, onRedFlag: 'red_flag' },
    steps: {
      route: {
        type: 'branch',
        cases: [
          {
            when: { type: 'var', path: 'trigger.rescheduleAppointmentId', op: 'exists' },
            next: 'reschedule_intro',
          },
        ],
        else: 'reason',
      },
      reschedule_intro: {
        type: 'send',
        message: {
          type: 'text',
          text: {
            fr: 'Déplaçons votre rendez-vous : votre créneau actuel reste réservé jusqu’à ce que vous en choisissiez un autre.',
            en: 'Let’s move your appointment: your current time stays booked until you pick another one.',
          },
        },
        next: 'who_list',
      },
      reason: {
        type: 'ask',
        kind: 'text',
        prompt: {
          fr: 'Avec plaisir. Quel est le motif de votre rendez-vous ? (en quelques mots)',
          en: 'Certainly. What is the appointment for? (a few words)',
        },
        saveAs: 'reason',
        screen: true,
        maxAttempts: 2,
        timeoutMinutes: 60,
        timeout: 'bye',
        failure: 'reception',
        next: 'who_list',
      },
      who_list: {
        type: 'request',
        operation: 'list_practitioners',
        params: { reason: '{{answers.reason}}', reschedule: '{{vars.trigger.rescheduleAppointmentId}}' },
        saveAs: 'practitioners',
        next: 'who',
        failure: 'reception',
      },
      who: {
        type: 'menu',
        prompt: { fr: 'Avec qui ?', en: 'With whom?' },
        buttonLabel: { fr: 'Choisir', en: 'Choose' },
        optionsFrom: 'vars.practitioners.options',
        optionNext: 'when',
        options: [
          {
            id: 'any',
            title: { fr: 'Peu importe', en: 'No preference' },
            description: { fr: 'Le premier disponible', en: 'Whoever is free first' },
            aliases: [
              'indifferent',
              'n importe',
              'n importe lequel',
              'n importe qui',
              'any',
              'anyone',
              'no preference',
            ],
            next: 'when',
          },
        ],
        saveAs: 'practitioner',
        maxAttempts: 2,
        failure: 'reception',
        timeoutMinutes: 60,
        timeout: 'bye',
      },
      when: {
        type: 'ask',
        kind: 'text',
        prompt: {
          fr: 'Quand souhaitez-vous venir ? Par exemple « demain matin », « mardi après-midi », « le 12 » ou « dès que possible ».',
          en: 'When would you like to come? For example “tomorrow morning”, “Tuesday afternoon”, “the 12th” or “as soon as possible”.',
        },
        saveAs: 'when',
        screen: true,
        timeoutMinutes: 60,
        timeout: 'bye',
        next: 'find',
      },
      find: {
        type: 'request',
        operation: 'find_slots',
        params: {
          preference: '{{answers.when}}',
          practitioner: '{{answers.practitioner}}',
          // "Anyone" is anyone who offers what the reason needs: not the paediatrician for an adult.
          reason: '{{answers.reason}}',
          reschedule: '{{vars.trigger.rescheduleAppointmentId}}',
        },
        saveAs: 'slots',
        next: 'pick',
        failure: 'reception',
        cases: { unparsed: 'when_again', none: 'none_free' },
      },
      when_again: {
        type: 'send',
        message: {
          type: 'text',
          text: {
            fr: 'Je n’ai pas compris ce moment. Essayez par exemple « jeudi matin » ou « la semaine prochaine ».',
            en: 'I did not understand that time. Try for example “Thursday morning” or “next week”.',
          },
        },
        next: 'when',
      },
      none_free: {
        type: 'send',
        message: {
          type: 'text',
          text: {
            fr: 'Aucun créneau libre ne convient pour le moment. L’accueil va vous proposer une solution.',
            en: 'No free time suits for now. Reception will offer you a solution.',
          },
        },
        next: 'reception',
      },
      pick: {
        type: 'menu',
        prompt: {
          fr: '{{vars.slots.heading}} Touchez « Créneaux » pour choisir.',
          en: '{{vars.slots.heading}} Tap “Times” to choose.',
        },
        buttonLabel: { fr: 'Créneaux', en: 'Times' },
        optionsFrom: 'vars.slots.options',
        optionNext: 'book',
        options: [
          {
            id: 'other_time',
            title: { fr: 'Autre moment', en: 'Another time' },
            aliases: ['autre', 'other', 'aucun', 'none'],
            next: 'when',
          },
        ],
        saveAs: 'slot',
        empty: 'none_free',
        maxAttempts: 2,
        failure: 'reception',
        timeoutMinutes: 60,
        timeout: 'bye',
      },
      book: {
        type: 'request',
        operation: 'book_slot',
        params: {
          slot: '{{answers.slot}}',
          reason: '{{answers.reason}}',
          reschedule: '{{vars.trigger.rescheduleAppointmentId}}',
        },
        saveAs: 'booking',
        next: 'consent_check',
        failure: 'reception',
        cases: { taken: 'taken' },
      },
      taken: {
        type: 'send',
        message: {
          type: 'text',
          text: {
            fr: 'Ce créneau vient d’être pris par quelqu’un d’autre. Voici ceux qui restent libres :',
            en: 'Someone else has just taken that time. Here are the ones still free:',
          },
        },
        next: 'find',
      },
      consent_check: {
        type: 'request',
        operation: 'consent_status',
        saveAs: 'consent',
        next: 'consent_known',
        failure: 'confirm',
      },
      consent_known: {
        type: 'branch',
        cases: [{ when: { type: 'var', path: 'consent.asked', op: 'eq', value: true }, next: 'confirm' }],
        else: 'consent_ask',
      },
      consent_ask: {
        type: 'menu',
        // Names the conversation's app (« par Telegram »); the same words go to record_consent, so the
        // ledger keeps exactly what was shown, and the consent holds for that channel only.
        prompt: { fr: REMINDER_CONSENT_PROMPT.fr, en: REMINDER_CONSENT_PROMPT.en },
        options: [
          {
            id: 'yes',
            title: { fr: 'Oui', en: 'Yes' },
            aliases: ['ok', 'd accord', 'daccord'],
            next: 'consent_record',
          },
          { id: 'no', title: { fr: 'Non', en: 'No' }, next: 'consent_record' },
        ],
        saveAs: 'consent_answer',
        maxAttempts: 2,
        failure: 'confirm',
        timeoutMinutes: 30,
        timeout: 'confirm',
      },
      consent_record: {
        type: 'request',
        operation: 'record_consent',
        params: {
          answer: '{{answers.consent_answer}}',
          question: { fr: REMINDER_CONSENT_PROMPT.fr, en: REMINDER_CONSENT_PROMPT.en },
        },
        saveAs: 'consent',
        next: 'confirm',
        failure: 'confirm',
      },
      confirm: {
        type: 'send',
        message: {
          type: 'text',
          text: {
            fr: 'C’est réservé ✅ {{vars.booking.when}} avec {{vars.booking.who}}, {{vars.booking.where}}.\nPour l’annuler ou le déplacer, écrivez « annuler rendez-vous » ou « déplacer rendez-vous ».',
            en: 'You are booked ✅ {{vars.booking.when}} with {{vars.booking.who}}, {{vars.booking.where}}.\nTo cancel or move it, write “cancel appointment” or “move appointment”.',
          },
        },
        next: 'invite',
      },
      invite: {
        type: 'request',
        operation: 'send_invite',
        params: { appointment: '{{vars.booking.id}}' },
        saveAs: 'invite',
        next: 'done',
        failure: 'done',
      },
      done: { type: 'end' },
      bye: { type: 'end' },
      // The host has already sent the emergency advice and marked the conversation urgent.
      red_flag: { type: 'handoff', reason: 'red_flag', urgent: true },
      ...handOffToTeam('reception', {
        team: BUILT_IN_TEAMS.reception,
        reason: 'booking_needs_help',
        note: {
          fr: 'Prise de rendez-vous par chat inaboutie : à reprendre avec le patient.',
          en: 'Booking by chat did not finish: please follow up with the patient.',
        },
        message: {
          fr: 'L’accueil prend le relais et vous répond ici dès que possible.',
          en: 'Reception will take over and answer you here as soon as possible.',
        },
      }),
    },
  },
});
