import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import {
  type FhirConnectionRow,
  type FhirLink,
  type FhirLinkedType,
  type FhirSyncLogRow,
  fhirConnections,
  fhirLinks,
  fhirSyncLog,
} from './fhir-sync.schema.ts';

export async function findConnection(db: DbOrTx, orgId: string): Promise<FhirConnectionRow | undefined> {
  const [row] = await db.select().from(fhirConnections).where(eq(fhirConnections.orgId, orgId));
  return row;
}

export async function saveConnection(
  db: DbOrTx,
  values: typeof fhirConnections.$inferInsert & { orgId: string },
): Promise<FhirConnectionRow> {
  const { orgId, ...rest } = values;
  const [row] = await db
    .insert(fhirConnections)
    .values(values)
    .onConflictDoUpdate({ target: fhirConnections.orgId, set: rest })
    .returning();
  if (!row) throw new Error('saving the FHIR connection returned nothing');
  return row;
}

export async function findLinkByRemote(
  db: DbOrTx,
  orgId: string,
  resourceType: FhirLinkedType,
  remoteId: string,
): Promise<FhirLink | undefined> {
  return findLink(db, orgId, resourceType, eq(fhirLinks.remoteId, remoteId));
}

export async function findLinkByLocal(
  db: DbOrTx,
  orgId: string,
  resourceType: FhirLinkedType,
  localId: string,
): Promise<FhirLink | undefined> {
  return findLink(db, orgId, resourceType, eq(fhirLinks.localId, localId));
}

async function findLink(
  db: DbOrTx,
  orgId: string,
  resourceType: FhirLinkedType,
  which: SQL,
): Promise<FhirLink | undefined> {
  const [row] = await db
    .select()
    .from(fhirLinks)
    .where(and(eq(fhirLinks.orgId, orgId), eq(fhirLinks.resourceType, resourceType), which));
  return row;
}

/** Links the pair, or moves the local record's link to the remote version now known. */
export async function saveLink(db: DbOrTx, link: Omit<FhirLink, 'createdAt'>): Promise<void> {
  const { orgId, resourceType, localId, ...rest } = link;
  await db
    .insert(fhirLinks)
    .values(link)
    .onConflictDoUpdate({ target: [fhirLinks.orgId, fhirLinks.resourceType, fhirLinks.localId], set: rest });
}

export type NewLogEntry = Omit<typeof fhirSyncLog.$inferInsert, 'id' | 'createdAt'> & { createdAt: Date };

export async function appendLog(db: DbOrTx, entries: readonly NewLogEntry[]): Promise<void> {
  if (entries.length > 0) await db.insert(fhirSyncLog).values([...entries]);
}

export async function readLog(
  db: DbOrTx,
  orgId: string,
  page: { before?: number; limit: number },
): Promise<FhirSyncLogRow[]> {
  return db
    .select()
    .from(fhirSyncLog)
    .where(
      and(
        eq(fhirSyncLog.orgId, orgId),
        page.before === undefined ? undefined : lt(fhirSyncLog.id, page.before),
      ),
    )
    .orderBy(desc(fhirSyncLog.id))
    .limit(page.limit);
}

export async function deleteLink(
  db: DbOrTx,
  orgId: string,
  resourceType: FhirLinkedType,
  localId: string,
): Promise<void> {
  await db
    .delete(fhirLinks)
    .where(
      and(
        eq(fhirLinks.orgId, orgId),
        eq(fhirLinks.resourceType, resourceType),
        eq(fhirLinks.localId, localId),
      ),
    );
}
