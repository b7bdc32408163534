import type { Session } from '../api/types.ts';

/** Whether the signed-in person works in a pharmacy (it answers orders) rather than a clinic. */
export function isPharmacyOrg(session: Session): boolean {
  return session.user.org.kind === 'pharmacy';
}
