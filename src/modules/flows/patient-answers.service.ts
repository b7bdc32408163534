import { and, desc, eq, inArray } from 'drizzle-orm';
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
