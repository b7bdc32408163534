import type { Session } from '../api/types.ts';
import { useSignedIn } from './session-context.tsx';

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

export function sessionCan(session: Session, permission: Permission): boolean {
  return session.user.permissions.includes(permission);
}

/** `can('settings.manage')`: whether the signed-in person's role allows it. */
export function useCan(): (permission: Permission) => boolean {
  const session = useSignedIn();
  return (permission) => sessionCan(session, permission);
}

/** Where a role starts: the inbox, or the audit log for a role that reads no conversations. */
export function homeOf(session: Session): string {
  if (sessionCan(session, 'conversations.read')) return '/inbox';
  if (sessionCan(session, 'audit.read')) return '/settings/audit';
  return '/settings/security';
}
