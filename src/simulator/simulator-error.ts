import type { z } from 'zod';

/**
 * A request the simulator refuses, naming the field at fault so the control API can answer with an
 * actionable problem document.
 */
export class SimulatorError extends Error {
  readonly kind: 'invalid_input' | 'unknown_number' | 'unknown_template' | 'unknown_message' | 'conflict';
  readonly field: string;
  readonly reason: string;

  constructor(kind: SimulatorError['kind'], field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.name = 'SimulatorError';
    this.kind = kind;
    this.field = field;
    this.reason = reason;
  }

  /** The first zod issue, as `invalid_input` on its dotted path (`fail.code`). */
  static fromZod(error: z.ZodError): SimulatorError {
    const issue = error.issues[0];
    return new SimulatorError('invalid_input', fieldName(issue?.path ?? []), issue?.message ?? 'is invalid');
  }
}

/** A zod path as a field name: dotted (`fail.code`), `(body)` for the whole body. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.length > 0 ? path.map(String).join('.') : '(body)';
}
