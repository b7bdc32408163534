import type { z } from 'zod';

/**
 * Where and why a payload failed its schema, e.g. `message.id: is empty`. Zod's messages name types,
 * never values, so the text is safe to log without leaking what a patient wrote.
 */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
