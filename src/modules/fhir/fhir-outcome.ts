import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';

/** The FHIR issue-type codes Careline answers with (http://hl7.org/fhir/issue-type). */
export type IssueCode = OperationOutcomeIssue['code'];

/**
 * A refusal on /fhir: its HTTP status and the OperationOutcome issue that says why, with the FHIRPath
 * of the element at fault in `expression` where there is one (`Appointment.start`, `Patient?identifier`).
 */
export class FhirError extends Error {
  readonly status: number;
  readonly code: IssueCode;
  readonly expression: string[];

  constructor(status: number, code: IssueCode, diagnostics: string, expression: string[] = []) {
    super(diagnostics);
    this.status = status;
    this.code = code;
    this.expression = expression;
    this.name = 'FhirError';
  }

  static invalid(expression: string, diagnostics: string): FhirError {
    return new FhirError(400, 'invalid', `${expression}: ${diagnostics}`, [expression]);
  }

  static notFound(resourceType: string, id: string): FhirError {
    return new FhirError(404, 'not-found', `${resourceType}/${id} is not known`);
  }

  /** 422: understood, but a business rule (consent, the 24-hour window, a template) refuses it. */
  static businessRule(expression: string, diagnostics: string): FhirError {
    return new FhirError(422, 'business-rule', diagnostics, [expression]);
  }
}

export function operationOutcome(error: FhirError): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: 'error',
        code: error.code,
        diagnostics: error.message,
        ...(error.expression.length > 0 ? { expression: error.expression } : {}),
      },
    ],
  };
}
