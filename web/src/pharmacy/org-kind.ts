import type { Session } from '../api/types.ts';

/** Whether the signed-in person works in a pharmacy (it answers orders) rather than a clinic. */
export function isPharmacyOrg(session: Session): boolean {
  const org: object = session.user.org;
  return 'kind' in org && org.kind === 'pharmacy';
}
