import type { BuiltInFlow } from './built-in-flow.schema.ts';
import { typesetFrench } from './french-typography.ts';

/**
 * The patient cancels or moves an appointment by chat. Moving starts the booking flow, which receives
 * the chosen appointment as `vars.trigger.rescheduleAppointmentId` and replaces it once a new time is
 * booked (the old one is kept until then).
 */
export const myAppointmentFlow: BuiltInFlow = typesetFrench({
  key: 'my_appointment',
  priority: 12,
  oncePerContact: false,
  enabled: true,
  triggers: [
    { kind: 'api' },
    {
      kind: 'keyword',
      match: 'contains',
      words: {
        fr: [
          'annuler rendez-vous',
          'annuler rendez vous',
          'annuler mon rendez-vous',
          'annuler rdv',
          'annuler mon rdv',
          'déplacer rendez-vous',
          'déplacer mon rendez-vous',
          'déplacer rdv',
          'décaler rendez-vous',
          'changer de rendez-vous',
          'mon rendez-vous',
        ],
        en: [
          'cancel appointment',
          'cancel my appointment',
          'move appointment',
          'move my appointment',
          'reschedule',
          'my appointment',
        ],
      },
    },
  ],
  definition: {
    key: 'my_appointment',
    version: 1,
    name: { fr: 'Annuler ou déplacer un rendez-vous', en: 'Cancel or move an appointment' },
    description: {
      fr: 'Liste les rendez-vous à venir du patient, puis annule ou déplace celui qu’il choisit.',
      en: 'Lists the patient’s upcoming appointments, then cancels or moves the one they pick.',
    },
    start: 'list',
    settings: { sessionTimeoutMinutes: 60 },
    steps: {
      list: {
        type: 'request',
        operation: 'my_appointments',
        saveAs: 'appointments',
        next: 'pick',
        failure: 'none',
        cases: { none: 'none' },
      },
      none: {
        type: 'send',
        message: {
          type: 'text',
          text: {
            fr: 'Vous n’avez pas de rendez-vous à venir chez nous. Écrivez « prendre rendez-vous » pour en réserver un.',
            en: 'You have no upcoming appointment with us. Write “book an appointment” to book one.',
          },
        },
      },
      pick: {
        type: 'menu',
        prompt: { fr: 'Quel rendez-vous ?', en: 'Which appointment?' },
        buttonLabel: { fr: 'Mes rendez-vous', en: 'My appointments' },
        optionsFrom: 'vars.appointments.options',
        optionNext: 'action',
        saveAs: 'rescheduleAppointmentId',
        empty: 'none',
        maxAttempts: 2,
        failure: 'bye',
        timeoutMinutes: 30,
        timeout: 'bye',
      },
      action: {
        type: 'menu',
        prompt: {
          fr: 'Rendez-vous du {{answers.rescheduleAppointmentId_title}} : que souhaitez-vous faire ?',
          en: 'Appointment on {{answers.rescheduleAppointmentId_title}}: what would you like to do?',
        },
        options: [
          {
            id: 'move',
            title: { fr: 'Le déplacer', en: 'Move it' },
            aliases: ['deplacer', 'move'],
            next: 'move',
          },
          {
            id: 'cancel',
            title: { fr: 'L’annuler', en: 'Cancel it' },
            aliases: ['annuler', 'cancel'],
            next: 'cancel',
          },
          {
            id: 'keep',
            title: { fr: 'Le garder', en: 'Keep it' },
            aliases: ['garder', 'keep'],
            next: 'kept',
          },
        ],
        saveAs: 'action',
        maxAttempts: 2,
        failure: 'bye',
        timeoutMinutes: 30,
        timeout: 'bye',
      },
      move: { type: 'start_flow', flowKey: 'booking' },
      cancel: {
        type: 'request',
        operation: 'cancel_appointment',
        params: { appointment: '{{answers.rescheduleAppointmentId}}' },
        saveAs: 'cancelled',
        next: 'cancelled',
        failure: 'cancel_failed',
      },
      cancelled: {
        type: 'send',
        message: {
          type: 'text',
          text: {
            fr: 'C’est annulé : {{vars.cancelled.when}} avec {{vars.cancelled.who}}. Merci de nous avoir prévenus ; le créneau est libéré pour un autre patient.',
            en: 'Cancelled: {{vars.cancelled.when}} with {{vars.cancelled.who}}. Thank you for letting us know; the time is free for another patient.',
          },
        },
      },
      cancel_failed: {
        type: 'send',
        message: {
          type: 'text',
          text: {
            fr: 'Ce rendez-vous ne peut plus être annulé ici. L’accueil vous répond dès que possible.',
            en: 'This appointment can no longer be cancelled here. Reception will answer you as soon as possible.',
          },
        },
        next: 'handoff',
      },
      handoff: {
        type: 'handoff',
        reason: 'cancel_failed',
        note: {
          fr: 'Annulation par chat impossible : à vérifier.',
          en: 'Cancelling by chat failed: please check.',
        },
      },
      kept: {
        type: 'send',
        message: {
          type: 'text',
          text: { fr: 'Très bien, il est maintenu. À bientôt !', en: 'Fine, it stays booked. See you soon!' },
        },
      },
      bye: { type: 'end' },
    },
  },
});
