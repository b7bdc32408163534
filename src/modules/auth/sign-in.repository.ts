import type { DbOrTx } from '../../platform/db/db.ts';
import type { Org } from '../orgs/org.schema.ts';
import { findOrgByRef } from '../orgs/org.service.ts';
import type { User } from '../users/user.schema.ts';
import { findActiveUserByEmail, findActiveUserById } from '../users/user-account.service.ts';

export interface SignInAccount {
  user: User;
  org: Org;
}

/**
 * The account an e-mail names, whatever its case, with its clinic. A deactivated member has none:
 * they cannot sign in, and a session they still hold stops working.
 */
export async function findAccountByEmail(db: DbOrTx, email: string): Promise<SignInAccount | undefined> {
  return withOrg(db, await findActiveUserByEmail(db, email));
}

export async function findAccountById(db: DbOrTx, userId: string): Promise<SignInAccount | undefined> {
  return withOrg(db, await findActiveUserById(db, userId));
}

// Two reads where there was one join: sign-in and the signed-in page are rare next to the argon2
// hash and the requests a session makes, which read the session with its holder in one statement.
async function withOrg(db: DbOrTx, user: User | undefined): Promise<SignInAccount | undefined> {
  if (!user) return undefined;
  const org = await findOrgByRef(db, user.orgId);
  return org ? { user, org } : undefined;
}
