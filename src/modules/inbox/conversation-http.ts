import { z } from 'zod';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import { ConversationNotFoundError } from './inbox.service.ts';

/** What the conversation routes share: the id parameter, the common errors, and "not found". */
export const conversationParams = z.object({ id: z.uuid('must be a conversation id (UUID)') });

export const conversationErrors = { 400: problemSchema, 401: problemSchema, 404: problemSchema };

/** Another clinic's conversation, like a missing one, is "not found", never "forbidden". */
export async function found<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ConversationNotFoundError) throw HttpProblem.notFound('Conversation');
    throw error;
  }
}
