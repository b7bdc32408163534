import type { QuestionnaireResponse, QuestionnaireResponseItemAnswer } from '@medplum/fhirtypes';
import type { PatientAnswers } from '../../flows/patient-answers.service.ts';

export const QUESTIONNAIRE_BASE = 'https://careline.health/fhir/Questionnaire';

/**
 * A patient's answers to one automation run (the symptom intake, a satisfaction survey) as an R4
 * QuestionnaireResponse: each answer an item named by its key, the flow as the questionnaire.
 */
export function toFhirQuestionnaireResponse(run: PatientAnswers, contactId: string): QuestionnaireResponse {
  const items = Object.entries(run.answers).flatMap(([key, value]) => {
    const answer = answerOf(value);
    return answer ? [{ linkId: key, text: key, answer: [answer] }] : [];
  });
  if (run.satisfaction && !('rating' in run.answers)) {
    items.push({ linkId: 'rating', text: 'rating', answer: [{ valueInteger: run.satisfaction.rating }] });
  }
  if (run.satisfaction?.comment) {
    items.push({ linkId: 'comment', text: 'comment', answer: [{ valueString: run.satisfaction.comment }] });
  }
  return {
    resourceType: 'QuestionnaireResponse',
    id: run.sessionId,
    meta: { lastUpdated: run.updatedAt.toISOString() },
    questionnaire: `${QUESTIONNAIRE_BASE}/${encodeURIComponent(run.flowKey)}`,
    status: statusOf(run.status),
    subject: { reference: `Patient/${contactId}` },
    source: { reference: `Patient/${contactId}` },
    authored: run.startedAt.toISOString(),
    ...(items.length > 0 ? { item: items } : {}),
  };
}

function answerOf(value: unknown): QuestionnaireResponseItemAnswer | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'boolean') return { valueBoolean: value };
  if (typeof value === 'number')
    return Number.isInteger(value) ? { valueInteger: value } : { valueDecimal: value };
  if (typeof value === 'string') return value.trim() === '' ? undefined : { valueString: value };
  return { valueString: JSON.stringify(value) };
}

/** An intake handed to the care team was answered in full; a run stopped or failed midway was not. */
function statusOf(status: PatientAnswers['status']): QuestionnaireResponse['status'] {
  if (status === 'completed' || status === 'handed_off') return 'completed';
  if (status === 'running' || status === 'paused') return 'in-progress';
  return 'stopped';
}
