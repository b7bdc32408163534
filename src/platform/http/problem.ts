import { STATUS_CODES } from 'node:http';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

export interface FieldError {
  /** Where the bad value is: `body.text`, `query.phone`, `params.id`. */
  field: string;
  message: string;
}

/** An RFC 9457 problem: what went wrong, and for bad input, which field. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly detail: string;
  readonly errors: FieldError[];

  constructor(status: number, detail: string, errors: FieldError[] = []) {
    super(detail);
    this.status = status;
    this.detail = detail;
    this.errors = errors;
    this.name = 'HttpProblem';
  }

  static notFound(what: string): HttpProblem {
    return new HttpProblem(404, `${what} not found`);
  }

  static badField(field: string, message: string): HttpProblem {
    return new HttpProblem(400, `${field}: ${message}`, [{ field, message }]);
  }
}

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

export function sendProblem(reply: FastifyReply, problem: HttpProblem): FastifyReply {
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .serializer(JSON.stringify)
    .send({
      type: 'about:blank',
      title: STATUS_CODES[problem.status] ?? 'Error',
      status: problem.status,
      detail: problem.detail,
      ...(problem.errors.length > 0 ? { errors: problem.errors } : {}),
    });
}
