import { Navigate, Outlet } from 'react-router';
import { homeOf, type Permission, sessionCan } from '../session/permissions.ts';
import { useSignedIn } from '../session/session-context.tsx';

/** Pages a role cannot use send it to its own start page (the auditor: the audit log). */
export function RequirePermission({ permission }: { permission: Permission }) {
  const session = useSignedIn();
  if (!sessionCan(session, permission)) return <Navigate to={homeOf(session)} replace />;
  return <Outlet />;
}

/** `/`: the start page of the signed-in person's role. */
export function RoleHome() {
  return <Navigate to={homeOf(useSignedIn())} replace />;
}
