import type { z } from 'zod';
import { type FlowDefinition, flowDefinitionSchema } from './flow-definition.schema.ts';
import type { Step } from './step.schema.ts';

/** One thing wrong with a flow, where an admin can find it: `steps.ask_age.maxAttempts`. */
export interface FlowIssue {
  path: string;
  message: string;
}

export type FlowValidation = { ok: true; flow: FlowDefinition } | { ok: false; issues: FlowIssue[] };

/**
 * Checks a flow as an admin saved it: its shape, then that every step it points at exists. A step
 * nobody reaches is allowed (drafts keep spare steps); a pointer to a missing one is not.
 */
export function validateFlow(input: unknown): FlowValidation {
  const parsed = flowDefinitionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map(toFlowIssue) };
  const flow = parsed.data;
  const issues = referenceIssues(flow);
  return issues.length === 0 ? { ok: true, flow } : { ok: false, issues };
}

/** `steps.ask_age.maxAttempts: must be ≥ 1` */
export function formatFlowIssue(issue: FlowIssue): string {
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
}

function toFlowIssue(issue: z.core.$ZodIssue): FlowIssue {
  return { path: issue.path.map(String).join('.'), message: issue.message };
}

function referenceIssues(flow: FlowDefinition): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const check = (path: string, target: string | undefined): void => {
    if (target !== undefined && !Object.hasOwn(flow.steps, target)) {
      issues.push({ path, message: `points at step ${target}, which does not exist` });
    }
  };
  check('start', flow.start);
  check('settings.onRedFlag', flow.settings?.onRedFlag);
  for (const [id, step] of Object.entries(flow.steps)) {
    for (const [path, target] of stepExits(step)) check(`steps.${id}.${path}`, target);
    if (step.type === 'ask' && step.screen === true && flow.settings?.onRedFlag === undefined) {
      issues.push({
        path: 'settings.onRedFlag',
        message: `is required: step ${id} screens answers for red flags`,
      });
    }
  }
  return issues;
}

/** Every pointer a step holds to another step, with where it is written. */
export function stepExits(step: Step): [string, string | undefined][] {
  switch (step.type) {
    case 'ask':
    case 'csat':
      return [
        ['next', step.next],
        ['failure', step.failure],
        ['timeout', step.timeout],
      ];
    case 'menu':
      return [
        ...(step.options ?? []).map((option, index): [string, string] => [
          `options.${index}.next`,
          option.next,
        ]),
        ['optionNext', step.optionNext],
        ['empty', step.empty],
        ['failure', step.failure],
        ['timeout', step.timeout],
      ];
    case 'branch':
      return [
        ...step.cases.map((c, index): [string, string] => [`cases.${index}.next`, c.next]),
        ['else', step.else],
      ];
    case 'assign':
      return [
        ['next', step.next],
        ['failure', step.failure],
        ['timeout', step.timeout],
      ];
    case 'http':
      return [
        ['next', step.next],
        ['failure', step.failure],
      ];
    case 'request':
      return [
        ['next', step.next],
        ['failure', step.failure],
        ['timeout', step.timeout],
        ...Object.entries(step.cases ?? {}).map(([code, target]): [string, string] => [
          `cases.${code}`,
          target,
        ]),
      ];
    case 'send':
    case 'set_field':
    case 'add_tag':
    case 'remove_tag':
    case 'wait':
    case 'goto':
    case 'note':
    case 'mark_urgent':
      return [['next', step.next]];
    case 'start_flow':
    case 'handoff':
    case 'close':
    case 'end':
      return [];
  }
}
