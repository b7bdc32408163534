import { z } from 'zod';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import { ContactNotFoundError } from './contact.service.ts';

/** What the routes about one patient share, whichever module composes their answer. */
export const contactParams = z.object({ id: z.uuid('must be a contact id (UUID)') });

export const contactErrors = { 400: problemSchema, 401: problemSchema, 404: problemSchema };

export async function contactFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ContactNotFoundError) throw HttpProblem.notFound('Contact');
    throw error;
  }
}
