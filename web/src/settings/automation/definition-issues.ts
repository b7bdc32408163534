import { ApiError } from '../../api/http-client.ts';

/** One problem the server found in a definition, where the editor and the outline can show it. */
export interface DefinitionIssue {
  /** Within the definition: `steps.ask_age.maxAttempts`; '' for the definition as a whole. */
  path: string;
  message: string;
  /** The step the path is in, to highlight it; null for the flow's own fields (start, settings…). */
  stepId: string | null;
}

const PREFIX = 'body.definition';

/**
 * The problems of a refused publication (400, each named by its path), or null when the refusal is of
 * another kind (no right, no network…) and the page says it in a sentence instead.
 */
export function definitionIssuesOf(error: unknown): DefinitionIssue[] | null {
  if (!(error instanceof ApiError) || error.status !== 400 || error.fieldErrors.length === 0) return null;
  return error.fieldErrors.map(({ field, message }) => {
    const path =
      field === PREFIX ? '' : field.startsWith(`${PREFIX}.`) ? field.slice(PREFIX.length + 1) : field;
    return { path, message, stepId: stepIdOf(path) };
  });
}

/** The issues of each step, by step id. */
export function issuesByStep(issues: readonly DefinitionIssue[]): Map<string, DefinitionIssue[]> {
  const byStep = new Map<string, DefinitionIssue[]>();
  for (const issue of issues) {
    if (issue.stepId === null) continue;
    byStep.set(issue.stepId, [...(byStep.get(issue.stepId) ?? []), issue]);
  }
  return byStep;
}

function stepIdOf(path: string): string | null {
  const [root, id] = path.split('.');
  return root === 'steps' && id !== undefined && id !== '' ? id : null;
}
