import type { Step } from '../engine/index.ts';
import { answerMenu } from './answer-menu.ts';
import type { MenuExits } from './health-tips.steps.ts';

/**
 * "Questions fréquentes": practical questions (`faq`), each answered in one message (`faq_*`). The
 * engine knows no clinic's address or opening hours, so the answers point to where they are written;
 * each clinic is expected to put its own in when it edits the flow.
 */
export function faqAnswerSteps(exits: MenuExits): Record<string, Step> {
  const more = { title: { fr: 'Autres questions', en: 'More questions' }, next: 'faq' };
  const answer = (fr: string, en: string) => answerMenu({ fr, en }, { ...exits, more });
  return {
    faq: {
      type: 'menu',
      prompt: { fr: 'Quelle est votre question ?', en: 'What is your question?' },
      buttonLabel: { fr: 'Voir les questions', en: 'See questions' },
      options: [
        {
          id: 'hours',
          title: { fr: 'Horaires d’ouverture', en: 'Opening hours' },
          aliases: ['horaires', 'hours'],
          next: 'faq_hours',
        },
        {
          id: 'address',
          title: { fr: 'Adresse et accès', en: 'Address and access' },
          aliases: ['adresse', 'address', 'acces'],
          next: 'faq_address',
        },
        {
          id: 'documents',
          title: { fr: 'Documents à apporter', en: 'Documents to bring' },
          aliases: ['documents', 'papiers'],
          next: 'faq_documents',
        },
        {
          id: 'renewal',
          title: { fr: 'Ordonnance à renouveler', en: 'Prescription renewal' },
          aliases: ['ordonnance', 'renouvellement', 'renouveler une ordonnance', 'prescription'],
          next: 'faq_renewal',
        },
        {
          id: 'back',
          title: { fr: 'Retour au menu', en: 'Back to menu' },
          aliases: ['menu', 'retour', 'back'],
          next: exits.menu,
        },
      ],
      maxAttempts: 2,
      failure: exits.failure,
    },
    faq_hours: answer(
      '🕘 Horaires d’ouverture\n' +
        'Nos horaires sont affichés à l’entrée et sur nos pages en ligne (annuaire, prise de rendez-vous). ' +
        'Vous pouvez nous écrire ici à toute heure : les messages reçus pendant la fermeture sont lus dès la réouverture.\n' +
        'En cas d’urgence, n’attendez pas notre réponse : appelez {{org.emergency_call.fr}}.',
      '🕘 Opening hours\n' +
        'Our opening hours are displayed at the entrance and on our online pages (directory, online booking). ' +
        'You can write to us here at any time: messages received while we are closed are read as soon as we reopen.\n' +
        'In an emergency, do not wait for our reply: call {{org.emergency_call.en}}.',
    ),
    faq_address: answer(
      '📍 Adresse et accès\n' +
        'Notre adresse figure sur nos pages en ligne et sur vos confirmations de rendez-vous. ' +
        'Pour venir (transports, stationnement, accès en fauteuil roulant), choisissez « Parler à quelqu’un » : l’accueil vous répond.',
      '📍 Address and access\n' +
        'Our address is on our online pages and on your appointment confirmations. ' +
        'For directions (public transport, parking, wheelchair access), choose “Talk to someone”: reception will answer.',
    ),
    faq_documents: answer(
      '📄 Documents à apporter\n' +
        '• Carte Vitale (ou attestation de droits) et carte de mutuelle\n' +
        '• Une pièce d’identité pour une première visite\n' +
        '• Vos ordonnances et la liste de vos traitements en cours\n' +
        '• Vos résultats récents (analyses, radios, comptes rendus)\n' +
        '• Le carnet de santé d’un enfant, et votre carnet de vaccination',
      '📄 Documents to bring\n' +
        '• Carte Vitale (or proof of health cover) and top-up insurance card\n' +
        '• ID for a first visit\n' +
        '• Your prescriptions and the list of medicines you take\n' +
        '• Recent results (blood tests, X-rays, reports)\n' +
        '• A child’s health record book, and your vaccination record',
    ),
    faq_renewal: answer(
      '🔁 Renouveler une ordonnance\n' +
        'Écrivez-nous au moins une semaine avant la fin de votre traitement : choisissez « Parler à quelqu’un », puis indiquez le nom des médicaments et la date de votre dernière ordonnance. ' +
        'Le médecin peut demander à vous voir, par exemple pour un suivi (tension, prise de sang). ' +
        'En attendant, votre pharmacien peut parfois dépanner pour un traitement de longue durée.',
      '🔁 Renewing a prescription\n' +
        'Write to us at least a week before your treatment runs out: choose “Talk to someone”, then give the names of the medicines and the date of your last prescription. ' +
        'The doctor may ask to see you, for example for a check-up (blood pressure, blood test). ' +
        'Meanwhile, your pharmacist can sometimes provide a short supply of a long-term treatment.',
    ),
  };
}
