import { describe, expect, test } from 'vitest';
import type { FlowTrigger } from '../../api/flow-types.ts';
import { changesTriggers, triggerDraftOf, triggersOfDraft } from './trigger-draft.ts';

const QUESTION: FlowTrigger[] = [
  { kind: 'flow' },
  { kind: 'api' },
  { kind: 'keyword', match: 'exact', words: { fr: ['question médicale'], en: ['medical question'] } },
  { kind: 'new_conversation' },
];

describe('trigger drafts', () => {
  test('an untouched draft changes nothing, whatever order the server keeps them in', () => {
    const draft = triggerDraftOf(QUESTION);
    expect(changesTriggers(draft, QUESTION)).toBe(false);
    expect(triggersOfDraft(draft)).toEqual(expect.arrayContaining(QUESTION));
    expect(triggersOfDraft(draft)).toHaveLength(QUESTION.length);
  });

  test('a word added, an event turned off: the triggers saved say so, the API and flow ones kept', () => {
    const draft = triggerDraftOf(QUESTION);
    const edited = {
      ...draft,
      events: [],
      keywords: draft.keywords.map((k) => ({ ...k, fr: [...k.fr, ' accueil ', 'Accueil'] })),
    };
    expect(changesTriggers(edited, QUESTION)).toBe(true);
    expect(triggersOfDraft(edited)).toEqual([
      {
        kind: 'keyword',
        match: 'exact',
        words: { fr: ['question médicale', 'accueil'], en: ['medical question'] },
      },
      { kind: 'flow' },
      { kind: 'api' },
    ]);
  });

  test('a keyword block left without words is dropped, so an added empty block changes nothing', () => {
    const draft = triggerDraftOf(QUESTION);
    const withEmpty = {
      ...draft,
      keywords: [...draft.keywords, { match: 'contains' as const, fr: [' '], en: [] }],
    };
    expect(changesTriggers(withEmpty, QUESTION)).toBe(false);
    expect(triggersOfDraft(withEmpty).filter((t) => t.kind === 'keyword')).toHaveLength(1);
  });
});
