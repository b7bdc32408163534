import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { fieldName } from './simulator-error.ts';

export interface FieldProblem {
  field: string;
  reason: string;
}

/** Answers with an RFC 9457 problem document naming each field at fault and why. */
export function sendProblem(reply: FastifyReply, status: number, title: string, errors: FieldProblem[] = []) {
  const detail = errors.map((error) => `${error.field}: ${error.reason}`).join('; ') || title;
  return reply
    .code(status)
    .type('application/problem+json')
    .send(JSON.stringify({ type: 'about:blank', title, status, detail, errors }));
}

/** Every zod issue as a field problem; the field is the dotted path (`fail.code`), `(body)` for the root. */
export function zodProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    field: fieldName(issue.path),
    reason: issue.message,
  }));
}
