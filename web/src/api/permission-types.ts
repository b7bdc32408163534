/**
 * What a role may do, as the server says in the session (`user.permissions`, from
 * src/modules/auth/access-rules.ts): the app hides what the server would refuse.
 */
export type Permission =
  | 'conversations.read'
  | 'conversations.write'
  | 'conversations.all'
  | 'medical.read'
  | 'contacts.read'
  | 'contacts.write'
  | 'media.read'
  | 'media.write'
  | 'appointments.read'
  | 'appointments.write'
  | 'clinic.read'
  | 'staff.read'
  | 'teams.manage'
  | 'canned-replies.manage'
  | 'reports.read'
  | 'settings.manage'
  | 'staff.manage'
  | 'audit.read'
  | 'privacy.manage'
  | 'account.own';
