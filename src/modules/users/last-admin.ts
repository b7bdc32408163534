import type { UserRole } from './user.schema.ts';

/**
 * Whether changing this member would leave the clinic without an active administrator: nobody could
 * then add staff or change teams from the web app. `activeAdminIds` are the clinic's active admins.
 */
export function leavesNoAdmin(
  activeAdminIds: readonly string[],
  memberId: string,
  change: { role?: UserRole; active?: boolean },
): boolean {
  if (!activeAdminIds.includes(memberId)) return false;
  const staysAdmin = (change.role ?? 'admin') === 'admin' && change.active !== false;
  return !staysAdmin && activeAdminIds.every((id) => id === memberId);
}
