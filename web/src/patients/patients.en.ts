/** English texts of duplicate patients and their merge: the source of their keys; patients.fr.ts has the same shape. */
export const patientsEn = {
  patients: {
    possibleDuplicate: 'Possible duplicate',
    possibleDuplicateOf: 'May be the same person as {{name}} ({{reasons}}).',
    reason: {
      phone: 'same phone number',
      shared_contact: 'shared a contact card with this number',
      email: 'same e-mail',
      name_birth_date: 'same name and birth date',
    },
    review: 'Review',
    notSame: 'Not the same person',
    mergedFrom: 'Merged from {{name}} on {{time}}.',
    mergedInto: 'This record was merged into another.',
    openSurvivor: 'Open it',
    unmerge: 'Unmerge',
    unmerged: '{{name}} is a separate patient again.',
    unmergeFailed: 'The merge could not be undone: {{reason}}',
    duplicates: {
      title: 'Possible duplicates',
      description:
        'Records that look like one patient: the same phone number on two channels, the same e-mail, or the same name and birth date. Nothing is merged without you.',
      none: 'No possible duplicate.',
      loadFailed: 'The suggestions could not be loaded: {{reason}}',
    },
    merge: {
      title: 'Merge two records of one patient',
      keeps: 'Keeps the record',
      absorbs: 'Merged into it',
      counts:
        '{{identities}} identities · {{conversations}} conversations · {{appointments}} appointments · {{consents}} consents',
      swap: 'Keep the other record',
      conflicts: 'Both records differ: choose the value to keep',
      noConflict: 'No field differs: tags and fields of both are kept.',
      field: {
        display_name: 'Name',
        phone: 'Phone',
        language: 'Language',
      },
      everythingMoves:
        'Identities, conversations, appointments, consents, tags and fields of both go to the record kept. Unmerge restores both as they were.',
      mergeNow: 'Merge',
      merged: '{{name}} is now one patient.',
      loadFailed: 'The records could not be loaded: {{reason}}',
      unnamed: 'No name',
    },
  },
};
