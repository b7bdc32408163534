import { count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { type Org, orgs, type TwoFactorPolicy } from './org.schema.ts';

export async function insertOrg(
  db: DbOrTx,
  values: { name: string; slug: string; timeZone?: string; kind?: 'clinic' | 'pharmacy' },
): Promise<Org> {
  const [org] = await db.insert(orgs).values(values).returning();
  if (!org) throw new Error('insert into orgs returned nothing');
  return org;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Operators name a clinic by its slug or its id. */
export async function findOrgByRef(db: DbOrTx, ref: string): Promise<Org | undefined> {
  const [org] = await db
    .select()
    .from(orgs)
    .where(UUID.test(ref) ? eq(orgs.id, ref) : eq(orgs.slug, ref));
  return org;
}

/** How the clinic limits what its staff sees (read on every request of a person kept to their teams). */
export async function findOrgAccessOptions(
  db: DbOrTx,
  id: string,
): Promise<{ agentsSeeOnlyTheirTeams: boolean } | undefined> {
  const [row] = await db
    .select({ agentsSeeOnlyTheirTeams: orgs.agentsSeeOnlyTheirTeams })
    .from(orgs)
    .where(eq(orgs.id, id));
  return row;
}

export async function updateOrgAccessOptions(
  db: DbOrTx,
  id: string,
  values: { agentsSeeOnlyTheirTeams: boolean },
): Promise<{ agentsSeeOnlyTheirTeams: boolean } | undefined> {
  const [row] = await db
    .update(orgs)
    .set(values)
    .where(eq(orgs.id, id))
    .returning({ agentsSeeOnlyTheirTeams: orgs.agentsSeeOnlyTheirTeams });
  return row;
}

export async function countOrgs(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(orgs);
  return row?.n ?? 0;
}

/** The clinic's safety-net settings: its emergency numbers and whether staff-handled patients get advice. */
export async function updateOrgSafety(
  db: DbOrTx,
  id: string,
  values: Partial<Pick<typeof orgs.$inferInsert, 'emergencyNumbers' | 'adviseWhenStaffHandles'>>,
): Promise<Org | undefined> {
  const [org] = await db.update(orgs).set(values).where(eq(orgs.id, id)).returning();
  return org;
}

/** The clinic's retention policy: months after which message text and files are erased (null keeps them). */
export async function updateOrgRetention(
  db: DbOrTx,
  id: string,
  values: Pick<typeof orgs.$inferInsert, 'retentionTextMonths' | 'retentionFileMonths'>,
): Promise<Org | undefined> {
  const [org] = await db.update(orgs).set(values).where(eq(orgs.id, id)).returning();
  return org;
}

/** Who in the clinic must sign in with a second factor (see orgs.two_factor). */
export async function updateOrgTwoFactor(
  db: DbOrTx,
  id: string,
  twoFactor: TwoFactorPolicy,
): Promise<Org | undefined> {
  const [org] = await db.update(orgs).set({ twoFactor }).where(eq(orgs.id, id)).returning();
  return org;
}
