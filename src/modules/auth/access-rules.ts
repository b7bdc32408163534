import type { CallerRole } from '../users/caller.ts';

/**
 * Everything a caller may be allowed to do, and which role may do it: the one table of Careline's
 * authorisation. Routes name a permission (`config: { access: 'conversations.read' }`); services ask
 * `can(caller, 'medical.read')` for what is filtered rather than refused.
 */
export const PERMISSIONS = [
  /** List and open conversations, their timelines, counts, live events, search, the red-flag list. */
  'conversations.read',
  /** Reply, write notes, change status, assign, mark read, steer automation, acknowledge an alert. */
  'conversations.write',
  /** See every conversation even when the clinic keeps agents to their teams' (agentsSeeOnlyTheirTeams). */
  'conversations.all',
  /** Read medical notes and intake answers (filtered out for the others, never a 403). */
  'medical.read',
  /** Patients' records and consents. */
  'contacts.read',
  'contacts.write',
  /** Files of conversations: download, upload. */
  'media.read',
  'media.write',
  /** Appointments, free slots, an appointment's .ics. */
  'appointments.read',
  'appointments.write',
  /** The clinic's set-up as the care team needs it to work: teams, numbers, flows, templates, agendas… */
  'clinic.read',
  /** The staff list (names, roles, presence): to assign, and for the auditor to name who read what. */
  'staff.read',
  /** Create teams, name them, choose their members and assignment mode. */
  'teams.manage',
  'canned-replies.manage',
  /** Reminder, red-flag and satisfaction reports. */
  'reports.read',
  /**
   * Bulk exports (CSV, NDJSON) of messages, conversations, appointments, reminders, consents, satisfaction
   * answers and red flags, and the scheduled export's configuration and run log. A whole period of every
   * patient leaves Careline at once: administrators and API keys (a warehouse loader), not supervisors,
   * whose reports are counts. Each export is written in the audit log.
   */
  'exports.read',
  /** Patient groups (static lists and dynamic segments) and their preview: who a broadcast would reach. */
  'groups.manage',
  /**
   * Health broadcasts to a group: write, schedule, send, cancel, and their live report. Never marketing:
   * only the purpose "health information", each patient's consent checked at send time.
   */
  'broadcasts.manage',
  /** Prescription orders to pharmacies and their progress; a pharmacy's stock notices. Medical data. */
  'prescriptions.read',
  /**
   * Send a prescription order to a pharmacy or cancel it; in a pharmacy, answer orders and publish stock
   * notices. A clinician's act: not the front desk's.
   */
  'prescriptions.write',
  /** Clinic settings: numbers, flows, agendas, safety, reminders, alerts, access and two-factor options. */
  'settings.manage',
  /** Add staff, change roles, passwords, sign people out. */
  'staff.manage',
  /** The read-audit log. */
  'audit.read',
  /** Patients' GDPR rights: export a patient's data, erase a patient, the retention policy. */
  'privacy.manage',
  /** One's own account: browser sessions, two-factor sign-in; a person's, never an API key's (it has none). */
  'account.own',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const FRONT_DESK: readonly Permission[] = [
  'account.own',
  'conversations.read',
  'conversations.write',
  'contacts.read',
  'contacts.write',
  'media.read',
  'media.write',
  'appointments.read',
  'appointments.write',
  'clinic.read',
  'staff.read',
];

const except = (...left: Permission[]): Permission[] => PERMISSIONS.filter((p) => !left.includes(p));

export const ROLE_PERMISSIONS: Record<CallerRole, readonly Permission[]> = {
  admin: PERMISSIONS,
  /**
   * Runs the floor: all of conversations, teams, assignment, reports, canned replies, groups and
   * broadcasts, and can follow prescription orders; no settings, and prescribing is a clinician's.
   */
  supervisor: except(
    'settings.manage',
    'staff.manage',
    'privacy.manage',
    'audit.read',
    'exports.read',
    'prescriptions.write',
  ),
  /** Front desk: handles the chats and the agenda; no medical notes, no intake answers. */
  agent: FRONT_DESK,
  /** Like the front desk, plus what patients told the intake and the medical notes. */
  clinician: [...FRONT_DESK, 'medical.read', 'prescriptions.read', 'prescriptions.write'],
  /** Reads the audit log and nothing of the patients. */
  auditor: ['audit.read', 'staff.read', 'account.own'],
  /**
   * API keys act for the whole clinic, as before roles existed, but do not read the audit: the audit is
   * read by named people whose own access is accountable, and a leaked key must not reveal who read what.
   */
  api: except('audit.read', 'account.own'),
};

/**
 * What a route declares: a permission, `signed-in` (any authenticated caller, e.g. one's own sessions)
 * or `public` (answers without credentials, or authenticates itself: sign-in, calendar feeds).
 */
export type AccessRule = Permission | 'signed-in' | 'public';

export function permissionsOf(role: CallerRole): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function roleCan(role: CallerRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Whether a route's rule admits an authenticated caller of this role. */
export function ruleAdmits(rule: AccessRule, role: CallerRole): boolean {
  return rule === 'public' || rule === 'signed-in' || roleCan(role, rule);
}

export function isAccessRule(value: unknown): value is AccessRule {
  return value === 'public' || value === 'signed-in' || (PERMISSIONS as readonly unknown[]).includes(value);
}
