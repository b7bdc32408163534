import type { FastifyRequest } from 'fastify';
import { findUnstorableText } from '../text/storable-text.ts';
import { HttpProblem } from './problem.ts';

/**
 * Refuses a request whose path parameters, query or JSON body carry a character PostgreSQL cannot
 * store (U+0000, a lone surrogate), naming the field: one check for every route, before any route's
 * schema or handler meets the value. Raw bodies (webhooks, uploads) are left to their route.
 */
export async function refuseUnstorableInput(request: FastifyRequest): Promise<void> {
  const parts = { params: request.params, query: request.query, body: request.body };
  for (const [where, value] of Object.entries(parts)) {
    const field = findUnstorableText(value, where);
    if (field !== null) {
      throw HttpProblem.badField(field, 'must not contain U+0000 or unpaired surrogate characters');
    }
  }
}
