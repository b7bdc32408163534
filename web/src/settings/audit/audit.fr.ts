import type { AuditMessages } from './audit.en.ts';

export const auditFr: AuditMessages = {
  audit: {
    title: 'Audit',
    description:
      'Chaque ouverture des données d’un patient — conversation, fiche, fichier, rendez-vous, recherche, export — avec qui, quand, d’où et pourquoi. Les enregistrements ne peuvent pas être modifiés ; careline verify-audit vérifie qu’aucun ne l’a été.',
    downloadReport: 'Qui a consulté ce dossier (CSV)',
    whoHasSeen: 'Qui a consulté ce dossier',
    empty: 'Aucun enregistrement ne correspond.',
    newer: 'Plus récents',
    older: 'Plus anciens',
    filters: {
      patient: 'Patient (identifiant)',
      user: 'Membre de l’équipe (identifiant)',
      action: 'Action',
      idPlaceholder: 'UUID',
    },
    actions: { R: 'Lecture ou export', E: 'Recherche' },
    columns: {
      when: 'Quand',
      who: 'Qui',
      what: 'Quoi',
      patients: 'Patients',
      from: 'Depuis',
      reason: 'Motif',
    },
    reasonRoles: {
      title: 'Motifs obligatoires',
      description:
        'Les personnes ayant ces rôles indiquent pourquoi avant d’ouvrir les données d’un patient ; leur motif est enregistré avec chaque consultation.',
      saved: 'Enregistré',
    },
    roles: {
      agent: 'Agents',
      supervisor: 'Superviseurs',
      clinician: 'Soignants',
      admin: 'Administrateurs',
      auditor: 'Auditeurs',
      api: 'Clés d’API',
    },
    reason: {
      title: 'Pourquoi ouvrez-vous ce dossier ?',
      body: 'Votre établissement demande un motif avant d’afficher les données d’un patient. Il est enregistré avec ce que vous ouvrez sur cette page.',
      label: 'Motif',
      submit: 'Continuer',
    },
  },
};
