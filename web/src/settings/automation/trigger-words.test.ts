import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, test } from 'vitest';
import type { FlowTrigger } from '../../api/flow-types.ts';
import { en } from '../../messages/en.ts';
import { fr } from '../../messages/fr.ts';
import { describeCondition } from './describe-condition.ts';
import { triggerLabel } from './trigger-words.ts';

let tEn: TFunction;
let tFr: TFunction;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'en',
    resources: { en: { translation: en }, fr: { translation: fr } },
    interpolation: { escapeValue: false },
  });
  tEn = i18n.getFixedT('en');
  tFr = i18n.getFixedT('fr');
});

describe('triggerLabel', () => {
  const menuWords: FlowTrigger = {
    kind: 'keyword',
    match: 'exact',
    words: { fr: ['menu', 'aide'], en: ['menu', 'help'] },
  };

  test('says what starts a flow in the interface language, with its keywords in that language', () => {
    expect(triggerLabel(menuWords, 'fr', tFr)).toBe('Mot-clé : menu, aide');
    expect(triggerLabel(menuWords, 'en', tEn)).toBe('Keyword: menu, help');
    expect(triggerLabel({ kind: 'new_conversation' }, 'fr', tFr)).toBe('Nouvelle conversation');
    expect(triggerLabel({ kind: 'conversation_closed' }, 'fr', tFr)).toBe('Conversation close');
  });

  test('words within a message, and words only in the other language', () => {
    const french: FlowTrigger = {
      kind: 'keyword',
      match: 'contains',
      words: { fr: ['je suis malade'], en: [] },
    };
    expect(triggerLabel(french, 'en', tEn)).toBe('Message contains: je suis malade');
  });
});

describe('describeCondition', () => {
  test('reads a branch the way an administrator would say it', () => {
    const childbearing = {
      type: 'all',
      conditions: [
        { type: 'answer', key: 'age', op: 'gte', value: 12 },
        { type: 'answer', key: 'age', op: 'lte', value: 55 },
      ],
    };
    expect(describeCondition(childbearing, tEn)).toBe('age ≥ 12 and age ≤ 55');
    expect(describeCondition({ type: 'business_hours', is: 'closed' }, tFr)).toBe(
      'hors des heures d’ouverture',
    );
    expect(describeCondition({ type: 'not', condition: { type: 'tag', tag: 'vip', op: 'has' } }, tEn)).toBe(
      'not (the patient has the tag vip)',
    );
    expect(describeCondition({ type: 'answer', key: 'complaint', op: 'contains', value: 'peau' }, tFr)).toBe(
      'complaint contient « peau »',
    );
    expect(describeCondition('nonsense', tEn)).toBe('?');
  });
});
