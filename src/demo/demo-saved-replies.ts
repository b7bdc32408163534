import { createCannedReply } from '../modules/canned-replies/canned-reply.service.ts';
import type { DbOrTx } from '../platform/db/db.ts';

export interface DemoSavedReply {
  shortcut: string;
  language: 'fr' | 'en';
  text: string;
}

/**
 * What the demo clinic's front desk answers ten times a day, in French and English: type `/` in the
 * composer. The facts (hours, address) are the demo agenda's (demo-scheduling.ts). French texts use a
 * no-break space (U+00A0) before « ; : ! ? » and inside « », as French typography wants.
 */
export const DEMO_SAVED_REPLIES: readonly DemoSavedReply[] = [
  {
    shortcut: 'horaires',
    language: 'fr',
    text:
      'La Clinique du Parc vous accueille du lundi au vendredi de 8 h 30 à 12 h 30 et de 14 h à 18 h 30, ' +
      'et le samedi de 9 h à 13 h. En dehors de ces horaires, pour une urgence, appelez le 15.',
  },
  {
    shortcut: 'adresse',
    language: 'fr',
    text:
      'Clinique du Parc, 12 rue des Lilas, 75011 Paris. L’accueil est au rez-de-chaussée\u00a0; ' +
      'pensez à votre carte Vitale et à votre carte de mutuelle.',
  },
  {
    shortcut: 'ordonnance',
    language: 'fr',
    text:
      'Pour renouveler une ordonnance, envoyez-nous ici une photo de la précédente et le nom de votre ' +
      'médecin. Il la vérifie sous 48 heures ouvrées et nous vous prévenons dès qu’elle est prête à ' +
      'l’accueil. Si un examen est nécessaire, nous vous proposerons un rendez-vous.',
  },
  {
    shortcut: 'resultats',
    language: 'fr',
    text:
      'Par confidentialité, nous ne transmettons pas de résultats d’analyses par message. Le laboratoire ' +
      'vous les envoie directement, et votre médecin vous les explique en consultation ou par téléphone.',
  },
  {
    shortcut: 'rdv',
    language: 'fr',
    text:
      'Vous pouvez prendre rendez-vous ici même\u00a0: écrivez «\u00a0prendre rendez-vous\u00a0» et choisissez ' +
      'un créneau. Pour annuler ou déplacer un rendez-vous, écrivez «\u00a0annuler rendez-vous\u00a0» ou ' +
      '«\u00a0déplacer rendez-vous\u00a0».',
  },
  {
    shortcut: 'urgence',
    language: 'fr',
    text:
      'Si vous pensez que c’est une urgence, appelez immédiatement le 15 (Samu) ou le 112. ' +
      'Cette messagerie n’est pas lue en continu.',
  },
  {
    shortcut: 'hours',
    language: 'en',
    text:
      'Clinique du Parc is open Monday to Friday, 8:30 am to 12:30 pm and 2 pm to 6:30 pm, and Saturday, ' +
      '9 am to 1 pm. Outside these hours, in an emergency, call 15 (or 112).',
  },
  {
    shortcut: 'address',
    language: 'en',
    text:
      'Clinique du Parc, 12 rue des Lilas, 75011 Paris. Reception is on the ground floor; please bring ' +
      'your Carte Vitale or your insurance details.',
  },
  {
    shortcut: 'prescription',
    language: 'en',
    text:
      'To renew a prescription, send us a photo of the previous one and your doctor’s name here. The ' +
      'doctor checks it within two working days and we let you know when it is ready at reception. If a ' +
      'check-up is needed, we will offer you an appointment.',
  },
  {
    shortcut: 'results',
    language: 'en',
    text:
      'For your privacy we do not send test results by message. The laboratory sends them to you ' +
      'directly, and your doctor goes through them with you at a consultation or by phone.',
  },
  {
    shortcut: 'appointment',
    language: 'en',
    text:
      'You can book right here: write “book an appointment” and pick a time. To cancel or move one, ' +
      'write “cancel appointment” or “move appointment”.',
  },
  {
    shortcut: 'emergency',
    language: 'en',
    text:
      'If you think this is an emergency, call 15 (SAMU) or 112 now. This messaging service is not ' +
      'watched around the clock.',
  },
];

/** The saved replies above, written by the demo admin. */
export async function seedDemoSavedReplies(db: DbOrTx, orgId: string, adminId: string): Promise<void> {
  for (const reply of DEMO_SAVED_REPLIES) {
    await createCannedReply(db, { orgId, ...reply, createdByUserId: adminId });
  }
}
