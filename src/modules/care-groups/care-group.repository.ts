import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import {
  type CareGroup,
  type CareGroupMessage,
  type CareGroupParticipant,
  careGroupMessages,
  careGroupParticipants,
  careGroups,
} from './care-group.schema.ts';

export async function insertCareGroup(
  db: DbOrTx,
  values: typeof careGroups.$inferInsert,
): Promise<CareGroup> {
  const [row] = await db.insert(careGroups).values(values).returning();
  if (!row) throw new Error('care group not inserted');
  return row;
}

export async function listCareGroupsOfOrg(db: DbOrTx, orgId: string): Promise<CareGroup[]> {
  return db
    .select()
    .from(careGroups)
    .where(eq(careGroups.orgId, orgId))
    .orderBy(desc(careGroups.createdAt))
    .limit(500);
}

export async function findCareGroup(db: DbOrTx, orgId: string, id: string): Promise<CareGroup | undefined> {
  const [row] = await db
    .select()
    .from(careGroups)
    .where(and(eq(careGroups.orgId, orgId), eq(careGroups.id, id)));
  return row;
}

/** The group a webhook names: by Meta's id, else by the creation request it answers. */
export async function findCareGroupOfAccount(
  db: DbOrTx,
  orgId: string,
  channelAccountId: string,
  ref: { externalId: string | null; requestId: string | null },
): Promise<CareGroup | undefined> {
  const byId = ref.externalId
    ? await db
        .select()
        .from(careGroups)
        .where(
          and(
            eq(careGroups.orgId, orgId),
            eq(careGroups.channelAccountId, channelAccountId),
            eq(careGroups.externalId, ref.externalId),
          ),
        )
    : [];
  if (byId[0]) return byId[0];
  if (!ref.requestId) return undefined;
  const [byRequest] = await db
    .select()
    .from(careGroups)
    .where(
      and(
        eq(careGroups.orgId, orgId),
        eq(careGroups.channelAccountId, channelAccountId),
        eq(careGroups.requestId, ref.requestId),
      ),
    );
  return byRequest;
}

export async function updateCareGroup(
  db: DbOrTx,
  orgId: string,
  id: string,
  patch: Partial<
    Pick<CareGroup, 'externalId' | 'inviteLink' | 'status' | 'failure' | 'subject' | 'description'>
  >,
  now: Date,
): Promise<void> {
  await db
    .update(careGroups)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(careGroups.orgId, orgId), eq(careGroups.id, id)));
}

export async function findParticipantByContact(
  db: DbOrTx,
  orgId: string,
  careGroupId: string,
  contactId: string,
): Promise<CareGroupParticipant | undefined> {
  const [row] = await db
    .select()
    .from(careGroupParticipants)
    .where(
      and(
        eq(careGroupParticipants.orgId, orgId),
        eq(careGroupParticipants.careGroupId, careGroupId),
        eq(careGroupParticipants.contactId, contactId),
      ),
    );
  return row;
}

export async function insertParticipant(
  db: DbOrTx,
  values: typeof careGroupParticipants.$inferInsert,
): Promise<CareGroupParticipant> {
  const [row] = await db
    .insert(careGroupParticipants)
    .values(values)
    .onConflictDoUpdate({
      target: [careGroupParticipants.careGroupId, careGroupParticipants.contactId],
      set: { status: 'joined', leftAt: null },
    })
    .returning();
  if (!row) throw new Error('participant not inserted');
  return row;
}

export async function updateParticipant(
  db: DbOrTx,
  orgId: string,
  id: string,
  patch: Partial<Pick<CareGroupParticipant, 'status' | 'leftAt' | 'name'>>,
): Promise<void> {
  await db
    .update(careGroupParticipants)
    .set(patch)
    .where(and(eq(careGroupParticipants.orgId, orgId), eq(careGroupParticipants.id, id)));
}

export async function listParticipants(
  db: DbOrTx,
  orgId: string,
  careGroupIds: readonly string[],
): Promise<CareGroupParticipant[]> {
  if (careGroupIds.length === 0) return [];
  return db
    .select()
    .from(careGroupParticipants)
    .where(
      and(
        eq(careGroupParticipants.orgId, orgId),
        inArray(careGroupParticipants.careGroupId, [...careGroupIds]),
      ),
    )
    .orderBy(asc(careGroupParticipants.joinedAt));
}

/** Inserts the message unless the group already has one with its provider id; undefined then. */
export async function insertGroupMessage(
  db: DbOrTx,
  values: typeof careGroupMessages.$inferInsert,
): Promise<CareGroupMessage | undefined> {
  const [row] = await db.insert(careGroupMessages).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateGroupMessage(
  db: DbOrTx,
  orgId: string,
  id: string,
  patch: Partial<Pick<CareGroupMessage, 'status' | 'externalId' | 'errorCode' | 'errorTitle'>>,
): Promise<void> {
  await db
    .update(careGroupMessages)
    .set(patch)
    .where(and(eq(careGroupMessages.orgId, orgId), eq(careGroupMessages.id, id)));
}

export async function findGroupMessageByExternal(
  db: DbOrTx,
  orgId: string,
  careGroupId: string,
  externalId: string,
): Promise<CareGroupMessage | undefined> {
  const [row] = await db
    .select()
    .from(careGroupMessages)
    .where(
      and(
        eq(careGroupMessages.orgId, orgId),
        eq(careGroupMessages.careGroupId, careGroupId),
        eq(careGroupMessages.externalId, externalId),
      ),
    );
  return row;
}

/** The latest messages of a group, oldest first. */
export async function listGroupMessages(
  db: DbOrTx,
  orgId: string,
  careGroupId: string,
  limit: number,
): Promise<CareGroupMessage[]> {
  const rows = await db
    .select()
    .from(careGroupMessages)
    .where(and(eq(careGroupMessages.orgId, orgId), eq(careGroupMessages.careGroupId, careGroupId)))
    .orderBy(desc(careGroupMessages.occurredAt), desc(careGroupMessages.createdAt))
    .limit(limit);
  return rows.reverse();
}

export async function countJoinedParticipants(
  db: DbOrTx,
  orgId: string,
  careGroupId: string,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(careGroupParticipants)
    .where(
      and(
        eq(careGroupParticipants.orgId, orgId),
        eq(careGroupParticipants.careGroupId, careGroupId),
        eq(careGroupParticipants.status, 'joined'),
      ),
    );
  return row?.n ?? 0;
}
