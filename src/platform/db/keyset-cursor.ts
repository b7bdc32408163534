import { z } from 'zod';

/** Position in a list sorted by (time desc, id desc): stable while rows are being added. */
export interface KeysetPosition {
  at: Date;
  id: string;
}

const positionJson = z.object({ at: z.iso.datetime(), id: z.uuid() });

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify({ at: position.at.toISOString(), id: position.id })).toString(
    'base64url',
  );
}

/** Undefined when the text is not a cursor this server issued. */
export function decodeCursor(cursor: string): KeysetPosition | undefined {
  try {
    const parsed = positionJson.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? { at: new Date(parsed.data.at), id: parsed.data.id } : undefined;
  } catch {
    return undefined;
  }
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Callers fetch limit + 1 rows: the extra one only says whether another page exists. */
export function toPage<T>(rows: T[], limit: number, positionOf: (row: T) => KeysetPosition): Page<T> {
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return { data, nextCursor: rows.length > limit && last ? encodeCursor(positionOf(last)) : null };
}
