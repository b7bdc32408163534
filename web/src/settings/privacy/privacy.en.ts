/** English texts of patients’ rights and retention: the source of their keys; privacy.fr.ts has the same shape. */
export const privacyEn = {
  privacy: {
    exportData: 'Export data',
    exportHint: 'Everything Careline holds of this patient, as a zip: their record (JSON) and their files.',
    erase: 'Erase patient',
    eraseTitle: 'Erase {{name}}?',
    eraseBody:
      'Their messages, notes, files, appointments, consents, fields and automation answers are deleted for good. Careline keeps only a record that an erasure took place, by you, now. This cannot be undone.',
    eraseConfirmLabel: 'Type “{{name}}” to confirm',
    eraseConfirmMismatch: 'Type the name exactly as shown.',
    eraseNow: 'Erase for good',
    erased: '{{name}} was erased (reference {{reference}}).',
    removedByRetention: 'Removed by the retention policy',
    fileRemovedByRetention: 'File removed by the retention policy',
    settings: {
      title: 'Privacy',
      description:
        'How long Careline keeps patients’ messages and files. Older ones are erased every night; appointments are kept. Leave a field empty to keep everything.',
      textMonths: 'Erase message text after (months)',
      textMonthsHint: 'Messages, captions and notes; the timeline shows “Removed by the retention policy”.',
      fileMonths: 'Erase files after (months)',
      fileMonthsHint: 'Photos, voice notes and documents, from patients and from staff.',
      keep: 'Keep',
      save: 'Save',
      saved: 'Retention policy saved; it is applied now, then every night.',
      lastRun: 'Last applied {{when}}: {{texts}} messages and {{files}} files erased.',
      neverRun: 'Not applied yet.',
      erasuresTitle: 'Erasures',
      erasuresEmpty: 'No patient has been erased.',
      erasureLine: '{{reference}} — {{when}}, by {{by}}',
      anApiKey: 'an API key',
    },
  },
};

export type PrivacyMessages = typeof privacyEn;
