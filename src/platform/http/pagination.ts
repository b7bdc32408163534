import { z } from 'zod';
import { decodeCursor, type KeysetPosition } from '../db/keyset-cursor.ts';
import { HttpProblem } from './problem.ts';

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(25).describe('Items per page (1-100)'),
  cursor: z.string().max(512).optional().describe('`next_cursor` from the previous page'),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    next_cursor: z
      .string()
      .nullable()
      .describe('Pass as `cursor` to get the next page; null on the last page'),
  });
}

export function cursorPosition(cursor: string | undefined): KeysetPosition | undefined {
  if (cursor === undefined) return undefined;
  const position = decodeCursor(cursor);
  if (!position) throw HttpProblem.badField('query.cursor', 'is not a cursor returned by this API');
  return position;
}
