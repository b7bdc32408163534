import { describe, expect, test } from 'vitest';
import { ApiError } from '../../api/http-client.ts';
import { definitionIssuesOf, issuesByStep } from './definition-issues.ts';

describe('definitionIssuesOf', () => {
  test('names each problem by its place in the definition, and the step it is in', () => {
    const refused = new ApiError(400, 'body.definition.steps.menu.maxAttempts: must be ≥ 1', [
      { field: 'body.definition.steps.menu.maxAttempts', message: 'must be ≥ 1' },
      {
        field: 'body.definition.steps.menu.options.2.next',
        message: 'points at step gone, which does not exist',
      },
      { field: 'body.definition.start', message: 'points at step nowhere, which does not exist' },
      { field: 'body.definition', message: 'must be an object' },
    ]);
    const issues = definitionIssuesOf(refused);
    expect(issues).toEqual([
      { path: 'steps.menu.maxAttempts', message: 'must be ≥ 1', stepId: 'menu' },
      {
        path: 'steps.menu.options.2.next',
        message: 'points at step gone, which does not exist',
        stepId: 'menu',
      },
      { path: 'start', message: 'points at step nowhere, which does not exist', stepId: null },
      { path: '', message: 'must be an object', stepId: null },
    ]);
    expect([...issuesByStep(issues ?? []).entries()].map(([id, list]) => [id, list.length])).toEqual([
      ['menu', 2],
    ]);
  });

  test('other refusals are not about the definition', () => {
    expect(definitionIssuesOf(new ApiError(403, 'forbidden'))).toBeNull();
    expect(definitionIssuesOf(new ApiError(400, 'bad', []))).toBeNull();
    expect(definitionIssuesOf(new Error('offline'))).toBeNull();
  });
});
