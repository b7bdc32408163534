import type { PrivacyMessages } from './privacy.en.ts';

export const privacyFr: PrivacyMessages = {
  privacy: {
    exportData: 'Exporter les données',
    exportHint:
      'Tout ce que Careline détient de ce patient, en archive zip : son dossier (JSON) et ses fichiers.',
    erase: 'Effacer le patient',
    eraseTitle: 'Effacer {{name}} ?',
    eraseBody:
      'Ses messages, notes, fichiers, rendez-vous, consentements, champs et réponses aux automatisations sont supprimés définitivement. Careline ne garde que la trace qu’un effacement a eu lieu, par vous, maintenant. C’est irréversible.',
    eraseConfirmLabel: 'Tapez « {{name}} » pour confirmer',
    eraseConfirmMismatch: 'Tapez le nom exactement comme affiché.',
    eraseNow: 'Effacer définitivement',
    erased: '{{name}} a été effacé (référence {{reference}}).',
    removedByRetention: 'Supprimé par la politique de conservation',
    fileRemovedByRetention: 'Fichier supprimé par la politique de conservation',
    settings: {
      title: 'Confidentialité',
      description:
        'Combien de temps Careline garde les messages et fichiers des patients. Les plus anciens sont effacés chaque nuit ; les rendez-vous sont conservés. Laissez un champ vide pour tout garder.',
      textMonths: 'Effacer le texte des messages après (mois)',
      textMonthsHint:
        'Messages, légendes et notes ; la conversation affiche « Supprimé par la politique de conservation ».',
      fileMonths: 'Effacer les fichiers après (mois)',
      fileMonthsHint: 'Photos, messages vocaux et documents, des patients comme de l’équipe.',
      keep: 'Conserver',
      save: 'Enregistrer',
      saved: 'Politique de conservation enregistrée ; elle s’applique maintenant, puis chaque nuit.',
      lastRun: 'Appliquée le {{when}} : {{texts}} messages et {{files}} fichiers effacés.',
      neverRun: 'Pas encore appliquée.',
      erasuresTitle: 'Effacements',
      erasuresEmpty: 'Aucun patient n’a été effacé.',
      erasureLine: '{{reference}} — {{when}}, par {{by}}',
      anApiKey: 'une clé d’API',
    },
  },
};
