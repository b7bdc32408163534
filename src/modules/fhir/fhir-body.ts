import type { z } from 'zod';
import { FhirError } from './fhir-outcome.ts';

/**
 * A request body checked against what the interaction needs: the first problem as a 400 whose
 * expression is the FHIRPath of the element (`Appointment.start`), and a body of another resource type
 * refused as such.
 */
export function readBody<T extends z.ZodType>(resourceType: string, schema: T, body: unknown): z.infer<T> {
  if (typeof body !== 'object' || body === null)
    throw FhirError.invalid(resourceType, `the body must be a ${resourceType} resource (JSON object)`);
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const path = (issue?.path ?? []).map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  const where = `${resourceType}${path}`;
  throw FhirError.invalid(where, issue?.message ?? 'is invalid');
}
