import { and, asc, count, desc, eq, gte, inArray, lt, ne, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { Keyring } from '../keys/keyring.ts';
import {
  type CsatResponse,
  csatResponses,
  type Flow,
  type FlowSessionRow,
  type FlowVersion,
  flowConversationCursors,
  flowSessions,
  flows,
  flowVersions,
  LIVE_FLOW_SESSION_STATUSES,
} from './flow.schema.ts';
import { openFlowSessions, sealFlowState } from './flow-state-sealing.ts';

export async function insertFlowIfKeyFree(
  db: DbOrTx,
  values: typeof flows.$inferInsert,
): Promise<Flow | undefined> {
  const [flow] = await db.insert(flows).values(values).onConflictDoNothing().returning();
  return flow;
}

export async function listFlowsOfOrg(db: DbOrTx, orgId: string): Promise<Flow[]> {
  return db.select().from(flows).where(eq(flows.orgId, orgId)).orderBy(asc(flows.priority), asc(flows.key));
}

export async function findFlowByKey(db: DbOrTx, orgId: string, key: string): Promise<Flow | undefined> {
  const [flow] = await db
    .select()
    .from(flows)
    .where(and(eq(flows.orgId, orgId), eq(flows.key, key)));
  return flow;
}

export async function findFlowById(db: DbOrTx, orgId: string, id: string): Promise<Flow | undefined> {
  const [flow] = await db
    .select()
    .from(flows)
    .where(and(eq(flows.orgId, orgId), eq(flows.id, id)));
  return flow;
}

/** The flow's row, locked: versions of one flow are numbered one after the other. */
export async function lockFlow(tx: DbOrTx, orgId: string, id: string): Promise<Flow | undefined> {
  const [flow] = await tx
    .select()
    .from(flows)
    .where(and(eq(flows.orgId, orgId), eq(flows.id, id)))
    .for('update');
  return flow;
}

export async function updateFlow(
  db: DbOrTx,
  orgId: string,
  id: string,
  values: Partial<
    Pick<typeof flows.$inferInsert, 'enabled' | 'triggers' | 'priority' | 'oncePerContact' | 'currentVersion'>
  >,
  now: Date,
): Promise<Flow | undefined> {
  const [flow] = await db
    .update(flows)
    .set({ ...values, updatedAt: now })
    .where(and(eq(flows.orgId, orgId), eq(flows.id, id)))
    .returning();
  return flow;
}

export async function insertFlowVersion(
  db: DbOrTx,
  values: typeof flowVersions.$inferInsert,
): Promise<FlowVersion> {
  const [version] = await db.insert(flowVersions).values(values).returning();
  if (!version) throw new Error('insert into flow_versions returned nothing');
  return version;
}

export async function findFlowVersion(
  db: DbOrTx,
  orgId: string,
  flowId: string,
  version: number,
): Promise<FlowVersion | undefined> {
  const [row] = await db
    .select()
    .from(flowVersions)
    .where(
      and(eq(flowVersions.orgId, orgId), eq(flowVersions.flowId, flowId), eq(flowVersions.version, version)),
    );
  return row;
}

export async function listFlowVersions(db: DbOrTx, orgId: string, flowId: string): Promise<FlowVersion[]> {
  return db
    .select()
    .from(flowVersions)
    .where(and(eq(flowVersions.orgId, orgId), eq(flowVersions.flowId, flowId)))
    .orderBy(desc(flowVersions.version));
}

/** The conversation's running or paused automation, locked for the caller's transaction. */
export async function lockLiveSession(
  tx: DbOrTx,
  keyring: Keyring,
  orgId: string,
  conversationId: string,
): Promise<FlowSessionRow | undefined> {
  const [session] = await tx
    .select()
    .from(flowSessions)
    .where(
      and(
        eq(flowSessions.orgId, orgId),
        eq(flowSessions.conversationId, conversationId),
        inArray(flowSessions.status, [...LIVE_FLOW_SESSION_STATUSES]),
      ),
    )
    .for('update');
  return openOne(tx, keyring, session);
}

export async function findLiveSessions(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  conversationIds: readonly string[],
): Promise<FlowSessionRow[]> {
  if (conversationIds.length === 0) return [];
  const rows = await db
    .select()
    .from(flowSessions)
    .where(
      and(
        eq(flowSessions.orgId, orgId),
        inArray(flowSessions.conversationId, [...conversationIds]),
        inArray(flowSessions.status, [...LIVE_FLOW_SESSION_STATUSES]),
      ),
    );
  return openFlowSessions(db, keyring, rows);
}

/** The patient's running session in another of their conversations, most recent first. */
export async function runningSessionOfContactElsewhere(
  tx: DbOrTx,
  keyring: Keyring,
  orgId: string,
  contactId: string,
  conversationId: string,
): Promise<FlowSessionRow | undefined> {
  const [session] = await tx
    .select()
    .from(flowSessions)
    .where(
      and(
        eq(flowSessions.orgId, orgId),
        eq(flowSessions.contactId, contactId),
        eq(flowSessions.status, 'running'),
        ne(flowSessions.conversationId, conversationId),
      ),
    )
    .orderBy(desc(flowSessions.createdAt))
    .limit(1)
    .for('update');
  return openOne(tx, keyring, session);
}

export async function moveSession(tx: DbOrTx, id: string, conversationId: string, now: Date): Promise<void> {
  await tx.update(flowSessions).set({ conversationId, updatedAt: now }).where(eq(flowSessions.id, id));
}

export async function findSession(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  id: string,
): Promise<FlowSessionRow | undefined> {
  const [session] = await db
    .select()
    .from(flowSessions)
    .where(and(eq(flowSessions.orgId, orgId), eq(flowSessions.id, id)));
  return openOne(db, keyring, session);
}

/** Inserts a session, its state sealed with the patient's key; the row comes back with the state plain. */
export async function insertSession(
  db: DbOrTx,
  keyring: Keyring,
  values: Omit<typeof flowSessions.$inferInsert, 'stateSealed'>,
): Promise<FlowSessionRow> {
  const plain = values.state ?? null;
  const sealed = await sealFlowState(db, keyring, values, plain);
  const [session] = await db
    .insert(flowSessions)
    .values({ ...values, ...sealed })
    .returning();
  if (!session) throw new Error('insert into flow_sessions returned nothing');
  return { ...session, state: plain };
}

/** Changes a session; a new state is sealed with the session's patient key. */
export async function updateSession(
  db: DbOrTx,
  keyring: Keyring,
  session: Pick<FlowSessionRow, 'id' | 'orgId' | 'contactId'>,
  values: Partial<
    Pick<typeof flowSessions.$inferInsert, 'status' | 'state' | 'reason' | 'endedAt' | 'expiresAt'>
  >,
  now: Date,
): Promise<void> {
  const { state, ...rest } = values;
  const sealed = state === undefined ? {} : await sealFlowState(db, keyring, session, state);
  await db
    .update(flowSessions)
    .set({ ...rest, ...sealed, updatedAt: now })
    .where(eq(flowSessions.id, session.id));
}

async function openOne(
  db: DbOrTx,
  keyring: Keyring,
  session: FlowSessionRow | undefined,
): Promise<FlowSessionRow | undefined> {
  if (!session) return undefined;
  const [opened] = await openFlowSessions(db, keyring, [session]);
  return opened;
}

/** Whether this patient has ever run this flow (for "once per contact" triggers). */
export async function contactRanFlow(
  db: DbOrTx,
  orgId: string,
  contactId: string,
  flowId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: flowSessions.id })
    .from(flowSessions)
    .where(
      and(
        eq(flowSessions.orgId, orgId),
        eq(flowSessions.contactId, contactId),
        eq(flowSessions.flowId, flowId),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function findCursor(db: DbOrTx, conversationId: string): Promise<number | null> {
  const [row] = await db
    .select()
    .from(flowConversationCursors)
    .where(eq(flowConversationCursors.conversationId, conversationId));
  return row?.lastMessageSeq ?? null;
}

export async function saveCursor(
  db: DbOrTx,
  orgId: string,
  conversationId: string,
  seq: number,
): Promise<void> {
  await db
    .insert(flowConversationCursors)
    .values({ conversationId, orgId, lastMessageSeq: seq })
    .onConflictDoUpdate({ target: flowConversationCursors.conversationId, set: { lastMessageSeq: seq } });
}

/** Stores a rating once per survey: a replayed effect changes nothing. */
export async function insertCsatResponse(
  db: DbOrTx,
  values: typeof csatResponses.$inferInsert,
): Promise<CsatResponse | undefined> {
  const [row] = await db.insert(csatResponses).values(values).onConflictDoNothing().returning();
  return row;
}

export interface CsatFilter {
  from?: Date;
  to?: Date;
  assigneeUserId?: string;
  teamId?: string;
}

/** Count and mean rating, with the number of answers per rating (1–5). */
export async function csatSummary(
  db: DbOrTx,
  orgId: string,
  filter: CsatFilter,
): Promise<{ count: number; average: number | null; distribution: Record<string, number> }> {
  const conditions: SQL[] = [eq(csatResponses.orgId, orgId)];
  if (filter.from) conditions.push(gte(csatResponses.createdAt, filter.from));
  if (filter.to) conditions.push(lt(csatResponses.createdAt, filter.to));
  if (filter.assigneeUserId) conditions.push(eq(csatResponses.assigneeUserId, filter.assigneeUserId));
  if (filter.teamId) conditions.push(eq(csatResponses.teamId, filter.teamId));
  const rows = await db
    .select({ rating: csatResponses.rating, answers: count() })
    .from(csatResponses)
    .where(and(...conditions))
    .groupBy(csatResponses.rating);
  const distribution: Record<string, number> = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let total = 0;
  let sum = 0;
  for (const row of rows) {
    distribution[String(row.rating)] = row.answers;
    total += row.answers;
    sum += row.rating * row.answers;
  }
  return { count: total, average: total === 0 ? null : Math.round((sum / total) * 100) / 100, distribution };
}
