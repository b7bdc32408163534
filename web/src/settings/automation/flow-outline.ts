import type { FlowLanguage } from '../../api/flow-types.ts';
import { listOf, localisedText, numberOf, recordOf, textOf } from './json-reading.ts';

/** The engine's step types (src/modules/flows/engine/step.schema.ts); an unknown one is still shown. */
export const STEP_KINDS = [
  'send',
  'ask',
  'menu',
  'branch',
  'set_field',
  'add_tag',
  'remove_tag',
  'assign',
  'http',
  'request',
  'wait',
  'goto',
  'start_flow',
  'handoff',
  'close',
  'end',
  'csat',
  'note',
  'mark_urgent',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** A pointer to another step, with where it is written (`steps.menu.options.2.next`). */
export interface StepLink {
  target: string;
  exists: boolean;
  path: string;
}

export type ExitKind = 'next' | 'else' | 'option' | 'empty' | 'failure' | 'timeout' | 'refused' | 'red_flag';

/** Exits that go on with the conversation; the others are ways out, read after the main paths. */
const MAIN_EXITS: readonly ExitKind[] = ['next', 'else', 'option'];

export interface OutlineExit extends StepLink {
  kind: ExitKind;
  /** failure: after how many attempts; timeout: after how many minutes. */
  after: number | null;
  /** refused: the refusal's code (`taken`, `none`). */
  code: string | null;
}

export interface OutlineOption {
  id: string;
  title: string;
  description: string | null;
  /** Where a menu option leads; null for the options of a question, which all go on to `next`. */
  to: StepLink | null;
}

export interface OutlineCase {
  when: unknown;
  to: StepLink;
}

/** What else a step does, beyond its text and exits, for the outline to say in words. */
export type StepFact =
  | { kind: 'answer'; askKind: string }
  | { kind: 'range'; min: number | null; max: number | null }
  | { kind: 'saveAs'; key: string }
  | { kind: 'screened' }
  | { kind: 'media'; mediaType: string; fileName: string | null }
  | { kind: 'template'; name: string }
  | { kind: 'setField'; field: string; value: string }
  | { kind: 'tag'; action: 'add' | 'remove'; tag: string }
  | { kind: 'assign'; to: 'team' | 'agent' | 'role'; name: string }
  | { kind: 'http'; method: string; url: string }
  | { kind: 'request'; operation: string }
  | { kind: 'optionsFrom'; path: string }
  | { kind: 'wait'; minutes: number | null; until: string | null }
  | { kind: 'startFlow'; flowKey: string }
  | { kind: 'handoff'; reason: string | null }
  | { kind: 'urgent'; reason: string | null }
  | { kind: 'comment' };

export interface OutlineStep {
  id: string;
  /** null: a type the engine does not know (a typo while editing). */
  kind: StepKind | null;
  rawType: string;
  start: boolean;
  /** False for a step no path from the start leads to (drafts keep spare steps). */
  reachable: boolean;
  /** What the patient reads: the message, the question, the caption. */
  text: string | null;
  /** What only the care team reads: an internal note, a handoff's note. */
  staffText: string | null;
  options: OutlineOption[];
  cases: OutlineCase[];
  exits: OutlineExit[];
  facts: StepFact[];
}

export interface FlowOutline {
  start: string | null;
  steps: OutlineStep[];
}

/**
 * A flow's steps as an administrator reads them: the start first, then each path followed as the
 * patient would (menu options and branches in the order written), the ways out on failure, time-out
 * and red flag after the main paths, and last the steps nothing leads to.
 */
export function flowOutline(definition: unknown, language: FlowLanguage): FlowOutline {
  const flow = recordOf(definition);
  const steps = recordOf(flow.steps);
  const start = textOf(flow.start);
  const redFlag = textOf(recordOf(flow.settings).onRedFlag);
  const ids = new Set(Object.keys(steps));
  const link = (target: unknown, path: string): StepLink | null =>
    typeof target === 'string' ? { target, exists: ids.has(target), path } : null;

  const outlined = new Map<string, OutlineStep>();
  for (const [id, raw] of Object.entries(steps)) {
    outlined.set(id, outlineStep(id, recordOf(raw), { start, redFlag, language, link }));
  }

  const order: string[] = [];
  const seen = new Set<string>();
  const deferred: string[] = [];
  const visit = (first: string) => {
    const stack = [first];
    while (stack.length > 0) {
      const id = stack.pop();
      if (id === undefined || seen.has(id)) continue;
      const step = outlined.get(id);
      if (!step) continue;
      seen.add(id);
      order.push(id);
      const main = [
        ...step.options.flatMap((option) => (option.to ? [option.to.target] : [])),
        ...step.cases.map((c) => c.to.target),
        ...step.exits.filter((e) => MAIN_EXITS.includes(e.kind)).map((e) => e.target),
      ];
      deferred.push(...step.exits.filter((e) => !MAIN_EXITS.includes(e.kind)).map((e) => e.target));
      // Pushed in reverse, so that the first one written is read first.
      stack.push(...main.reverse());
    }
  };
  if (start !== null) visit(start);
  for (let index = 0; index < deferred.length; index++) visit(deferred[index] ?? '');
  if (redFlag !== null) visit(redFlag);
  const reached = new Set(seen);
  for (const id of outlined.keys()) visit(id);

  return {
    start,
    steps: order.flatMap((id) => {
      const step = outlined.get(id);
      return step ? [{ ...step, reachable: reached.has(id) }] : [];
    }),
  };
}

interface Context {
  start: string | null;
  redFlag: string | null;
  language: FlowLanguage;
  link(target: unknown, path: string): StepLink | null;
}

function outlineStep(id: string, step: Record<string, unknown>, context: Context): OutlineStep {
  const { language, link } = context;
  const rawType = textOf(step.type) ?? '';
  const kind = STEP_KINDS.find((k) => k === rawType) ?? null;
  const at = (field: string) => `steps.${id}.${field}`;
  const exits: OutlineExit[] = [];
  const exit = (kind: ExitKind, field: string, after: number | null = null) => {
    const to = link(step[field], at(field));
    if (to) exits.push({ ...to, kind, after, code: null });
  };
  exit('next', 'next');
  exit('else', 'else');
  exit('option', 'optionNext');
  exit('empty', 'empty');
  exit('failure', 'failure', numberOf(step.maxAttempts));
  exit('timeout', 'timeout', numberOf(step.timeoutMinutes));
  // A request's refusals, by code: `cases` is then an object, where a branch's is a list.
  for (const [code, target] of Object.entries(recordOf(step.cases))) {
    const to = link(target, at(`cases.${code}`));
    if (to) exits.push({ ...to, kind: 'refused', after: null, code });
  }
  if (kind === 'ask' && step.screen === true && context.redFlag !== null) {
    const to = link(context.redFlag, 'settings.onRedFlag');
    if (to) exits.push({ ...to, kind: 'red_flag', after: null, code: null });
  }

  return {
    id,
    kind,
    rawType,
    start: id === context.start,
    reachable: true,
    text: patientText(kind, step, language),
    staffText:
      kind === 'note'
        ? localisedText(step.text, language)
        : kind === 'handoff'
          ? localisedText(step.note, language)
          : null,
    options: listOf(step.options).map((raw, index) => {
      const option = recordOf(raw);
      return {
        id: textOf(option.id) ?? String(index + 1),
        title: localisedText(option.title, language) ?? '',
        description: localisedText(option.description, language),
        to: link(option.next, at(`options.${index}.next`)),
      };
    }),
    cases: listOf(step.cases).flatMap((raw, index) => {
      const branch = recordOf(raw);
      const to = link(branch.next, at(`cases.${index}.next`));
      return to ? [{ when: branch.when, to }] : [];
    }),
    exits,
    facts: kind === null ? [] : factsOf(kind, step),
  };
}

function patientText(kind: StepKind | null, step: Record<string, unknown>, language: FlowLanguage) {
  if (kind === 'send') {
    const message = recordOf(step.message);
    return localisedText(message.text, language) ?? localisedText(message.caption, language);
  }
  if (kind === 'ask' || kind === 'menu' || kind === 'csat') return localisedText(step.prompt, language);
  return null;
}

function factsOf(kind: StepKind, step: Record<string, unknown>): StepFact[] {
  const facts: StepFact[] = [];
  const saveAs = textOf(step.saveAs);
  switch (kind) {
    case 'send': {
      const message = recordOf(step.message);
      const type = textOf(message.type) ?? '';
      if (type === 'template') facts.push({ kind: 'template', name: textOf(message.name) ?? '' });
      else if (type !== 'text' && type !== '') {
        facts.push({ kind: 'media', mediaType: type, fileName: textOf(message.fileName) });
      }
      break;
    }
    case 'ask': {
      facts.push({ kind: 'answer', askKind: textOf(step.kind) ?? '' });
      const min = numberOf(step.min);
      const max = numberOf(step.max);
      if (min !== null || max !== null) facts.push({ kind: 'range', min, max });
      if (step.screen === true) facts.push({ kind: 'screened' });
      break;
    }
    case 'set_field':
      facts.push({ kind: 'setField', field: textOf(step.field) ?? '', value: textOf(step.value) ?? '' });
      break;
    case 'add_tag':
    case 'remove_tag':
      facts.push({ kind: 'tag', action: kind === 'add_tag' ? 'add' : 'remove', tag: textOf(step.tag) ?? '' });
      break;
    case 'assign': {
      const target = recordOf(step.target);
      const to = (['team', 'agent', 'role'] as const).find((k) => typeof target[k] === 'string') ?? 'team';
      facts.push({ kind: 'assign', to, name: textOf(target[to]) ?? '' });
      break;
    }
    case 'http':
      facts.push({ kind: 'http', method: textOf(step.method) ?? '', url: textOf(step.url) ?? '' });
      break;
    case 'request':
      facts.push({ kind: 'request', operation: textOf(step.operation) ?? '' });
      break;
    case 'menu': {
      const from = textOf(step.optionsFrom);
      if (from !== null) facts.push({ kind: 'optionsFrom', path: from });
      break;
    }
    case 'wait':
      facts.push({ kind: 'wait', minutes: numberOf(step.minutes), until: textOf(step.until) });
      break;
    case 'start_flow':
      facts.push({ kind: 'startFlow', flowKey: textOf(step.flowKey) ?? '' });
      break;
    case 'handoff':
      facts.push({ kind: 'handoff', reason: textOf(step.reason) });
      if (step.urgent === true) facts.push({ kind: 'urgent', reason: null });
      break;
    case 'mark_urgent':
      facts.push({ kind: 'urgent', reason: textOf(step.reason) });
      break;
    case 'csat':
      if (step.askComment === true) facts.push({ kind: 'comment' });
      break;
    case 'branch':
    case 'goto':
    case 'close':
    case 'end':
    case 'note':
      break;
  }
  if (saveAs !== null) facts.push({ kind: 'saveAs', key: saveAs });
  return facts;
}
