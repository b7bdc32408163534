import { and, desc, eq, gte, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { Keyring } from '../keys/keyring.ts';
import { csatResponses, type FlowSessionStatus, flowSessions, flows } from './flow.schema.ts';
import { CSAT_COMMENT_PURPOSE } from './flow-effects.ts';
import { openFlowSessions } from './flow-state-sealing.ts';

/** What a patient answered in one automation run (an intake, a satisfaction survey…), opened. */
export interface PatientAnswers {
  sessionId: string;
  flowKey: string;
  conversationId: string;
  status: FlowSessionStatus;
  startedAt: Date;
  updatedAt: Date;
  answers: Record<string, unknown>;
  /** The satisfaction rating and comment the run stored, when it was a survey. */
  satisfaction: { rating: number; comment: string | null } | null;
}

/**
 * The patient's answers to automation, newest first, runs without answers left out: for integrations
 * (FHIR QuestionnaireResponse) — callers check `medical.read`, intake answers are medical.
 */
export async function answersOfPatient(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  contactId: string,
  limit: number,
): Promise<PatientAnswers[]> {
  const rows = await db
    .select({ session: flowSessions, flowKey: flows.key })
    .from(flowSessions)
    .innerJoin(flows, eq(flows.id, flowSessions.flowId))
    .where(and(eq(flowSessions.orgId, orgId), eq(flowSessions.contactId, contactId)))
    .orderBy(desc(flowSessions.createdAt), desc(flowSessions.id))
    .limit(limit);
  const opened = await openFlowSessions(
    db,
    keyring,
    rows.map((r) => r.session),
  );
  const ids = opened.map((s) => s.id);
  const ratings =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(csatResponses)
          .where(and(eq(csatResponses.orgId, orgId), inArray(csatResponses.flowSessionId, ids)));
  const opener = await keyring.opener(
    db,
    orgId,
    ratings.map((r) => r.comment),
  );
  return opened.flatMap((session, index): PatientAnswers[] => {
    const rating = ratings.find((r) => r.flowSessionId === session.id);
    const answers = session.state?.answers ?? {};
    if (Object.keys(answers).length === 0 && !rating) return [];
    return [
      {
        sessionId: session.id,
        flowKey: rows[index]?.flowKey ?? 'flow',
        conversationId: session.conversationId,
        status: session.status,
        startedAt: session.createdAt,
        updatedAt: session.updatedAt,
        answers,
        satisfaction: rating
          ? { rating: rating.rating, comment: opener.open(rating.comment, CSAT_COMMENT_PURPOSE) }
          : null,
      },
    ];
  });
}

/**
 * The patients (record ids, as stored) who ran the flow `flowKey` (an intake) since `since`: a subquery
 * a patient segment narrows its patients with before opening what they answered
 * ({@link answerTextsOfPatients}).
 */
export function patientsWhoRanFlow(db: DbOrTx, orgId: string, flowKey: string, since: Date | null) {
  return db
    .select({ contactId: flowSessions.contactId })
    .from(flowSessions)
    .innerJoin(flows, and(eq(flows.orgId, orgId), eq(flows.id, flowSessions.flowId)))
    .where(
      and(
        eq(flowSessions.orgId, orgId),
        eq(flows.key, flowKey),
        since === null ? undefined : gte(flowSessions.createdAt, since),
      ),
    );
}

/**
 * What these patients answered to `answerKey` in runs of the flow `flowKey` since `since`, opened with
 * their keys (one query for the sessions, one for the keys): for a patient segment on an intake's
 * complaint. Text answers only; a patient who never answered it is absent.
 */
export async function answerTextsOfPatients(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  input: { contactIds: readonly string[]; flowKey: string; answerKey: string; since: Date | null },
): Promise<Map<string, string[]>> {
  const texts = new Map<string, string[]>();
  if (input.contactIds.length === 0) return texts;
  const rows = await db
    .select({ session: flowSessions })
    .from(flowSessions)
    .innerJoin(flows, and(eq(flows.orgId, orgId), eq(flows.id, flowSessions.flowId)))
    .where(
      and(
        eq(flowSessions.orgId, orgId),
        eq(flows.key, input.flowKey),
        inArray(flowSessions.contactId, [...input.contactIds]),
        input.since === null ? undefined : gte(flowSessions.createdAt, input.since),
      ),
    );
  const opened = await openFlowSessions(
    db,
    keyring,
    rows.map((r) => r.session),
  );
  for (const session of opened) {
    const answer = session.state?.answers?.[input.answerKey];
    if (typeof answer !== 'string' || answer.trim() === '') continue;
    texts.set(session.contactId, [...(texts.get(session.contactId) ?? []), answer]);
  }
  return texts;
}
