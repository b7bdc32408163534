import { describe, expect, test } from 'vitest';
import { formatFlowIssue, validateFlow } from './validate-flow.ts';

function baseFlow(steps: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    key: 'intake',
    version: 1,
    name: { fr: 'Accueil', en: 'Welcome' },
    start: 'ask_age',
    steps,
    ...extra,
  };
}
const askAge = { type: 'ask', kind: 'number', prompt: 'Âge ?', saveAs: 'age', next: 'done' };
const done = { type: 'end' };

function problems(input: unknown): string[] {
  const result = validateFlow(input);
  return result.ok ? [] : result.issues.map(formatFlowIssue);
}

describe('validateFlow', () => {
  test('accepts a valid flow, unreachable steps included', () => {
    const result = validateFlow(baseFlow({ ask_age: askAge, done, spare: { type: 'close' } }));
    expect(result.ok).toBe(true);
  });

  test('names the path and the rule broken', () => {
    expect(problems(baseFlow({ ask_age: { ...askAge, maxAttempts: 0 }, done }))).toEqual([
      'steps.ask_age.maxAttempts: must be ≥ 1',
    ]);
    expect(problems(baseFlow({ ask_age: { ...askAge, kind: 'colour' }, done }))).toEqual([
      'steps.ask_age.kind: kind must be one of text, free_text, number, date, time, phone, email, choice',
    ]);
    expect(problems(baseFlow({ ask_age: { ...askAge, timeoutMinutes: 1.5 }, done }))).toEqual([
      'steps.ask_age.timeoutMinutes: must be a whole number of minutes',
    ]);
  });

  test('a step of unknown type or with an unknown field is refused', () => {
    expect(problems(baseFlow({ ask_age: { type: 'teleport' }, done }))[0]).toMatch(
      /^steps\.ask_age\.type: type must be one of send, ask/,
    );
    expect(problems(baseFlow({ ask_age: { ...askAge, nxet: 'done' }, done }))[0]).toMatch(
      /^steps\.ask_age: .*nxet/,
    );
  });

  test('every pointer must lead to an existing step', () => {
    const flow = baseFlow(
      {
        ask_age: { ...askAge, next: 'missing', failure: 'gone' },
        menu: {
          type: 'menu',
          prompt: 'Choix ?',
          options: [{ id: 'a', title: 'A', next: 'nowhere' }],
        },
        branch: {
          type: 'branch',
          cases: [{ when: { type: 'language', in: ['fr'] }, next: 'done' }],
          else: 'lost',
        },
        done,
      },
      { start: 'absent', settings: { onRedFlag: 'void' } },
    );
    expect(problems(flow)).toEqual([
      'start: points at step absent, which does not exist',
      'settings.onRedFlag: points at step void, which does not exist',
      'steps.ask_age.next: points at step missing, which does not exist',
      'steps.ask_age.failure: points at step gone, which does not exist',
      'steps.menu.options.0.next: points at step nowhere, which does not exist',
      'steps.branch.else: points at step lost, which does not exist',
    ]);
  });

  test('screening answers needs a red-flag step', () => {
    expect(problems(baseFlow({ ask_age: { ...askAge, screen: true }, done }))).toEqual([
      'settings.onRedFlag: is required: step ask_age screens answers for red flags',
    ]);
  });

  test('rules between fields', () => {
    const options = Array.from({ length: 11 }, (_, i) => ({ id: `o${i}`, title: `O${i}`, next: 'done' }));
    expect(problems(baseFlow({ ask_age: { type: 'menu', prompt: 'x', options }, done }))).toEqual([
      'steps.ask_age.options: must hold at most 10 options',
    ]);
    const twice = [
      { id: 'a', title: 'A', next: 'done' },
      { id: 'a', title: 'B', next: 'done' },
    ];
    expect(problems(baseFlow({ ask_age: { type: 'menu', prompt: 'x', options: twice }, done }))).toEqual([
      'steps.ask_age.options.1.id: duplicate option id a',
    ]);
    expect(problems(baseFlow({ ask_age: { ...askAge, kind: 'choice' }, done }))).toEqual([
      'steps.ask_age.options: a choice needs at least one option',
    ]);
    expect(problems(baseFlow({ ask_age: { ...askAge, min: 10, max: 5 }, done }))).toEqual([
      'steps.ask_age.max: must be ≥ min',
    ]);
    expect(problems(baseFlow({ ask_age: { type: 'wait', minutes: 5, until: '09:00' }, done }))).toEqual([
      'steps.ask_age: needs minutes or until, not both',
    ]);
    expect(problems(baseFlow({ ask_age: { type: 'wait', until: '25:00' }, done }))).toEqual([
      'steps.ask_age.until: must be a time HH:MM (00:00–23:59)',
    ]);
  });

  test('a request step: its operation name, and every exit, cases included, must lead somewhere', () => {
    const request = { type: 'request', operation: 'book_slot', saveAs: 'booking', next: 'done' };
    expect(problems(baseFlow({ ask_age: request, done }))).toEqual([]);
    expect(problems(baseFlow({ ask_age: { ...request, operation: 'Book-Slot' }, done }))).toEqual([
      'steps.ask_age.operation: must be an operation name of a-z and _ (at most 40)',
    ]);
    const routed = {
      ...request,
      failure: 'sorry',
      timeout: 'slow',
      timeoutMinutes: 2,
      cases: { taken: 'retry', none: 'done' },
    };
    expect(problems(baseFlow({ ask_age: routed, done }))).toEqual([
      'steps.ask_age.failure: points at step sorry, which does not exist',
      'steps.ask_age.timeout: points at step slow, which does not exist',
      'steps.ask_age.cases.taken: points at step retry, which does not exist',
    ]);
    expect(problems(baseFlow({ ask_age: { ...request, timeoutMinutes: 0 }, done }))).toEqual([
      'steps.ask_age.timeoutMinutes: must be ≥ 1',
    ]);
  });

  test('a menu needs options or optionsFrom, and a menu fed by the host needs optionNext', () => {
    const menu = { type: 'menu', prompt: 'Quel créneau ?' };
    expect(problems(baseFlow({ ask_age: menu, done }))).toEqual([
      'steps.ask_age.options: a menu needs options or optionsFrom',
    ]);
    expect(problems(baseFlow({ ask_age: { ...menu, optionsFrom: 'vars.slots.options' }, done }))).toEqual([
      'steps.ask_age.optionNext: is required with optionsFrom',
    ]);
    const fixed = { ...menu, options: [{ id: 'a', title: 'A', next: 'done' }] };
    expect(problems(baseFlow({ ask_age: { ...fixed, optionNext: 'done', empty: 'done' }, done }))).toEqual([
      'steps.ask_age.optionNext: is only for a menu with optionsFrom',
      'steps.ask_age.empty: is only for a menu with optionsFrom',
    ]);
    expect(
      problems(baseFlow({ ask_age: { ...menu, optionsFrom: 'slots', optionNext: 'done' }, done })),
    ).toEqual([
      'steps.ask_age.optionsFrom: must be a path such as vars.slots.options (from answers, vars, contact or org)',
    ]);
  });

  test('a menu fed by the host: optionNext and empty must lead somewhere', () => {
    const menu = {
      type: 'menu',
      prompt: 'Quel créneau ?',
      optionsFrom: 'vars.slots.options',
      optionNext: 'book',
      empty: 'none',
    };
    expect(problems(baseFlow({ ask_age: menu, done }))).toEqual([
      'steps.ask_age.optionNext: points at step book, which does not exist',
      'steps.ask_age.empty: points at step none, which does not exist',
    ]);
    expect(problems(baseFlow({ ask_age: { ...menu, optionNext: 'done', empty: 'done' }, done }))).toEqual([]);
  });

  test('a list button label is at most 20 characters, in each language', () => {
    const menu = { type: 'menu', prompt: 'x', options: [{ id: 'a', title: 'A', next: 'done' }] };
    expect(
      problems(baseFlow({ ask_age: { ...menu, buttonLabel: { fr: 'Créneaux', en: 'Times' } }, done })),
    ).toEqual([]);
    expect(
      problems(
        baseFlow({
          ask_age: { ...menu, buttonLabel: { fr: 'Voir', en: 'See all the available times' } },
          done,
        }),
      ),
    ).toEqual(['steps.ask_age.buttonLabel: must be at most 20 characters']);
  });

  test('conditions are checked down to their values', () => {
    const branch = (when: unknown) =>
      baseFlow({ ask_age: { type: 'branch', cases: [{ when, next: 'done' }], else: 'done' }, done });
    expect(problems(branch({ type: 'answer', key: 'age', op: 'gt' }))).toEqual([
      'steps.ask_age.cases.0.when.value: is required with op gt',
    ]);
    expect(problems(branch({ type: 'answer', key: 'age', op: 'in', value: 3 }))).toEqual([
      'steps.ask_age.cases.0.when.value: must be a list with op in',
    ]);
    expect(problems(branch({ type: 'not', condition: { type: 'day_of_week', in: ['lundi'] } }))[0]).toMatch(
      /^steps\.ask_age\.cases\.0\.when\.condition\.in\.0: /,
    );
  });

  test('texts are a string or {fr, en}, never empty', () => {
    expect(problems(baseFlow({ ask_age: { ...askAge, prompt: '  ' }, done }))).toEqual([
      'steps.ask_age.prompt: must not be empty',
    ]);
    expect(problems(baseFlow({ ask_age: { ...askAge, prompt: { fr: 'Âge ?' } }, done }))).toEqual([]);
    expect(problems(baseFlow({ ask_age: { ...askAge, prompt: { de: 'Alter?' } }, done }))).toEqual([
      'steps.ask_age.prompt: Unrecognized key: "de"',
      'steps.ask_age.prompt: needs a text in fr or en',
    ]);
  });
});
