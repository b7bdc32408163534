import { describe, expect, test } from 'vitest';
import { flowOutline } from './flow-outline.ts';

/** A small clinic menu, written the way the built-in FAQ menu is. */
const MENU_FLOW = {
  key: 'faq_menu',
  version: 1,
  name: { fr: 'Menu', en: 'Menu' },
  start: 'welcome',
  steps: {
    // Written out of reading order on purpose: the outline follows the paths, not the file.
    reception_end: {
      type: 'handoff',
      reason: 'patient_request',
      note: { fr: 'Voir le patient', en: 'See them' },
    },
    spare: { type: 'send', message: { type: 'text', text: 'Jamais lu' } },
    not_understood: { type: 'handoff', reason: 'menu_not_understood' },
    menu: {
      type: 'menu',
      prompt: { fr: 'Que souhaitez-vous faire ?', en: 'What would you like to do?' },
      options: [
        { id: 'tips', title: { fr: 'Conseils santé', en: 'Health tips' }, next: 'tips' },
        {
          id: 'other',
          title: { fr: 'Autre chose' },
          description: { fr: 'Écrire à l’accueil' },
          next: 'reception',
        },
      ],
      maxAttempts: 2,
      failure: 'not_understood',
      timeoutMinutes: 60,
      timeout: 'gone',
    },
    tips: {
      type: 'send',
      message: { type: 'text', text: { fr: 'Buvez de l’eau.', en: 'Drink water.' } },
      next: 'menu',
    },
    welcome: { type: 'send', message: { type: 'text', text: { fr: 'Bonjour', en: 'Hello' } }, next: 'menu' },
    reception: {
      type: 'assign',
      target: { team: 'Accueil' },
      next: 'reception_end',
      failure: 'reception_end',
    },
  },
};

describe('flowOutline', () => {
  test('reads from the start along the paths, ways out after, and steps nothing leads to last', () => {
    const outline = flowOutline(MENU_FLOW, 'fr');
    expect(outline.steps.map((s) => s.id)).toEqual([
      'welcome',
      'menu',
      'tips',
      'reception',
      'reception_end',
      'not_understood',
      'spare',
    ]);
    expect(outline.steps[0]?.start).toBe(true);
    expect(outline.steps.filter((s) => !s.reachable).map((s) => s.id)).toEqual(['spare']);
  });

  test('shows what the patient reads in the language asked, the other one standing in for a gap', () => {
    const en = flowOutline(MENU_FLOW, 'en');
    const menu = en.steps.find((s) => s.id === 'menu');
    expect(menu?.text).toBe('What would you like to do?');
    expect(menu?.options.map((o) => [o.title, o.description, o.to?.target])).toEqual([
      ['Health tips', null, 'tips'],
      ['Autre chose', 'Écrire à l’accueil', 'reception'],
    ]);
    const handoff = flowOutline(MENU_FLOW, 'fr').steps.find((s) => s.id === 'reception_end');
    expect(handoff?.text).toBeNull();
    expect(handoff?.staffText).toBe('Voir le patient');
  });

  test('names each exit with where it is written, and flags a pointer to a step that is not there', () => {
    const menu = flowOutline(MENU_FLOW, 'fr').steps.find((s) => s.id === 'menu');
    expect(menu?.exits).toEqual([
      {
        kind: 'failure',
        target: 'not_understood',
        exists: true,
        path: 'steps.menu.failure',
        after: 2,
        code: null,
      },
      { kind: 'timeout', target: 'gone', exists: false, path: 'steps.menu.timeout', after: 60, code: null },
    ]);
    expect(menu?.options[1]?.to).toEqual({
      target: 'reception',
      exists: true,
      path: 'steps.menu.options.1.next',
    });
  });

  test('a screened question leads to the red-flag step; a request routes its refusals by code', () => {
    const outline = flowOutline(
      {
        start: 'ask_age',
        settings: { onRedFlag: 'alert' },
        steps: {
          ask_age: {
            type: 'ask',
            kind: 'number',
            min: 0,
            max: 120,
            screen: true,
            saveAs: 'age',
            prompt: 'Âge ?',
            next: 'book',
          },
          book: {
            type: 'request',
            operation: 'book_slot',
            saveAs: 'booking',
            next: 'done',
            cases: { taken: 'ask_age' },
          },
          alert: { type: 'handoff', urgent: true },
          done: { type: 'end' },
        },
      },
      'fr',
    );
    expect(outline.steps.map((s) => s.id)).toEqual(['ask_age', 'book', 'done', 'alert']);
    const ask = outline.steps[0];
    expect(ask?.exits.map((e) => [e.kind, e.target, e.path])).toEqual([
      ['next', 'book', 'steps.ask_age.next'],
      ['red_flag', 'alert', 'settings.onRedFlag'],
    ]);
    expect(ask?.facts).toEqual([
      { kind: 'answer', askKind: 'number' },
      { kind: 'range', min: 0, max: 120 },
      { kind: 'screened' },
      { kind: 'saveAs', key: 'age' },
    ]);
    expect(outline.steps[1]?.exits.find((e) => e.kind === 'refused')).toMatchObject({
      code: 'taken',
      target: 'ask_age',
      path: 'steps.book.cases.taken',
    });
  });

  test('a half-edited flow still shows what it can: an unknown type, a start that is missing', () => {
    const outline = flowOutline(
      { start: 'nowhere', steps: { a: { type: 'sned', next: 'b' }, b: 'not a step' } },
      'en',
    );
    expect(outline.steps.map((s) => [s.id, s.kind, s.rawType, s.reachable])).toEqual([
      ['a', null, 'sned', false],
      ['b', null, '', false],
    ]);
    expect(flowOutline('not even an object', 'fr')).toEqual({ start: null, steps: [] });
  });

  test('branches read their cases in order, then the else', () => {
    const outline = flowOutline(
      {
        start: 'route',
        steps: {
          route: {
            type: 'branch',
            cases: [{ when: { type: 'answer', key: 'age', op: 'lt', value: 16 }, next: 'kids' }],
            else: 'adults',
          },
          adults: { type: 'close' },
          kids: { type: 'assign', target: { team: 'Pédiatrie' } },
        },
      },
      'fr',
    );
    expect(outline.steps.map((s) => s.id)).toEqual(['route', 'kids', 'adults']);
    expect(outline.steps[0]?.cases[0]?.to.path).toBe('steps.route.cases.0.next');
    expect(outline.steps[1]?.facts).toEqual([{ kind: 'assign', to: 'team', name: 'Pédiatrie' }]);
  });
});
