/** English texts of the read audit: the source of their keys; audit.fr.ts has the same shape. */
export const auditEn = {
  audit: {
    title: 'Audit',
    description:
      'Every opening of a patient’s data — conversation, profile, file, appointment, search, export — with who, when, from where and why. Records cannot be changed; careline verify-audit checks that none was.',
    downloadReport: 'Who has seen this file (CSV)',
    whoHasSeen: 'Who has seen this file',
    empty: 'No record matches.',
    newer: 'Newer',
    older: 'Older',
    filters: {
      patient: 'Patient (id)',
      user: 'Staff member (id)',
      action: 'Action',
      idPlaceholder: 'UUID',
    },
    actions: { R: 'Read or export', E: 'Search' },
    columns: {
      when: 'When',
      who: 'Who',
      what: 'What',
      patients: 'Patients',
      from: 'From',
      reason: 'Reason',
    },
    reasonRoles: {
      title: 'Reasons required',
      description:
        'People with these roles say why before a patient’s data opens; their reason is recorded with each read.',
      saved: 'Saved',
    },
    roles: {
      agent: 'Agents',
      supervisor: 'Supervisors',
      clinician: 'Clinicians',
      admin: 'Administrators',
      auditor: 'Auditors',
      api: 'API keys',
    },
    reason: {
      title: 'Why are you opening this file?',
      body: 'Your clinic asks for a reason before patient data is shown. It is recorded with what you open on this page.',
      label: 'Reason',
      submit: 'Continue',
    },
  },
};

export type AuditMessages = typeof auditEn;
