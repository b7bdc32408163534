import type { patientsEn } from './patients.en.ts';

/** Textes français des doublons de patients et de leur fusion. */
export const patientsFr: typeof patientsEn = {
  patients: {
    possibleDuplicate: 'Doublon possible',
    possibleDuplicateOf: 'Peut-être la même personne que {{name}} ({{reasons}}).',
    reason: {
      phone: 'même numéro',
      shared_contact: 'a partagé une fiche contact avec ce numéro',
      email: 'même e-mail',
      name_birth_date: 'même nom et même date de naissance',
    },
    review: 'Examiner',
    notSame: 'Pas la même personne',
    mergedFrom: 'Fusionné avec {{name}} le {{time}}.',
    mergedInto: 'Cette fiche a été fusionnée dans une autre.',
    openSurvivor: 'L’ouvrir',
    unmerge: 'Défusionner',
    unmerged: '{{name}} est de nouveau un patient distinct.',
    unmergeFailed: 'La fusion n’a pas pu être annulée\u202F: {{reason}}',
    duplicates: {
      title: 'Doublons possibles',
      description:
        'Des fiches qui semblent être un même patient\u202F: le même numéro sur deux canaux, le même e-mail, ou les mêmes nom et date de naissance. Rien n’est fusionné sans vous.',
      none: 'Aucun doublon possible.',
      loadFailed: 'Les suggestions n’ont pas pu être chargées\u202F: {{reason}}',
    },
    merge: {
      title: 'Fusionner deux fiches d’un même patient',
      keeps: 'Fiche conservée',
      absorbs: 'Fusionnée dans celle-ci',
      counts:
        'Identités\u202F: {{identities}} · Conversations\u202F: {{conversations}} · Rendez-vous\u202F: {{appointments}} · Consentements\u202F: {{consents}}',
      swap: 'Conserver l’autre fiche',
      conflicts: 'Les deux fiches diffèrent\u202F: choisissez la valeur à garder',
      noConflict: 'Aucun champ ne diffère\u202F: les étiquettes et champs des deux sont gardés.',
      field: {
        display_name: 'Nom',
        phone: 'Téléphone',
        language: 'Langue',
      },
      everythingMoves:
        'Identités, conversations, rendez-vous, consentements, étiquettes et champs des deux vont à la fiche conservée. Défusionner rétablit les deux telles qu’elles étaient.',
      mergeNow: 'Fusionner',
      merged: '{{name}} est maintenant un seul patient.',
      loadFailed: 'Les fiches n’ont pas pu être chargées\u202F: {{reason}}',
      unnamed: 'Sans nom',
    },
  },
};
