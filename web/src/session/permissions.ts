import type { Permission } from '../api/permission-types.ts';
import type { Session } from '../api/types.ts';
import { useSignedIn } from './session-context.tsx';

export type { Permission };

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
