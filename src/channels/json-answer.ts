import { readBounded } from './read-bounded.ts';

/**
 * A provider's answer as JSON: undefined when it is longer than `maxBytes`, breaks off, or is not JSON
 * (the caller's error policy then reads only its status).
 */
export async function readJsonAnswer(response: Response, maxBytes: number): Promise<unknown> {
  const bytes = await readBounded(response, maxBytes).catch(() => null);
  if (bytes === null) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}
