import { Temporal } from 'temporal-polyfill';
import { describe, expect, test } from 'vitest';
import { type AnswerRules, parseAnswer, parseEmail } from './parse-answer.ts';

const today = Temporal.PlainDate.from('2027-03-28');
const parse = (
  rules: AnswerRules,
  text?: string,
  extra: { replyId?: string; media?: { type: string } } = {},
) => parseAnswer(rules, { ...(text === undefined ? {} : { text }), ...extra }, today);

describe('parseAnswer', () => {
  test('text needs words; free text takes anything, media included', () => {
    expect(parse({ kind: 'text' }, '  toux sèche ')).toBe('toux sèche');
    expect(parse({ kind: 'text' }, '   ')).toBeUndefined();
    expect(parse({ kind: 'text' }, undefined, { media: { type: 'image' } })).toBeUndefined();
    expect(parse({ kind: 'free_text' }, '')).toBe('');
    expect(parse({ kind: 'free_text' }, undefined, { media: { type: 'audio' } })).toEqual({
      media: { type: 'audio' },
    });
    expect(parse({ kind: 'free_text' }, 'ici', { media: { type: 'image' } })).toEqual({
      text: 'ici',
      media: { type: 'image' },
    });
  });

  test('numbers respect the range and integer rules', () => {
    const age = { kind: 'number', min: 0, max: 120, integer: true } as const;
    expect(parse(age, '120')).toBe(120);
    expect(parse(age, '0')).toBe(0);
    expect(parse(age, '121')).toBeUndefined();
    expect(parse(age, '-1')).toBeUndefined();
    expect(parse(age, '42,5')).toBeUndefined();
    expect(parse({ kind: 'number' }, '42,5')).toBe(42.5);
  });

  test('dates in the past or the future only, today counting for both', () => {
    expect(parse({ kind: 'date', when: 'past' }, '01/01/1985')).toBe('1985-01-01');
    expect(parse({ kind: 'date', when: 'past' }, 'demain')).toBeUndefined();
    expect(parse({ kind: 'date', when: 'past' }, "aujourd'hui")).toBe('2027-03-28');
    expect(parse({ kind: 'date', when: 'future' }, 'hier')).toBeUndefined();
    expect(parse({ kind: 'date', when: 'future' }, 'today')).toBe('2027-03-28');
    expect(parse({ kind: 'date' }, '31/02/2027')).toBeUndefined();
  });

  test('times, phones and emails in their normal form', () => {
    expect(parse({ kind: 'time' }, '14h30')).toBe('14:30');
    expect(parse({ kind: 'phone' }, '06 12 34 56 78')).toBe('+33612345678');
    expect(parse({ kind: 'phone', defaultCountryCode: '32' }, '0470 12 34 56')).toBe('+32470123456');
    expect(parse({ kind: 'email' }, 'Camille@Example.FR')).toBe('Camille@example.fr');
  });

  test('a choice keeps the chosen option’s id', () => {
    const rules: AnswerRules = {
      kind: 'choice',
      options: [
        { id: 'yes', title: { fr: 'Oui', en: 'Yes' } },
        { id: 'no', title: { fr: 'Non', en: 'No' } },
      ],
    };
    expect(parse(rules, 'non')).toBe('no');
    expect(parse(rules, undefined, { replyId: 'yes' })).toBe('yes');
    expect(parse(rules, 'peut-être')).toBeUndefined();
  });
});

describe('parseEmail', () => {
  test.each([
    ['camille@example.fr', 'camille@example.fr'],
    ['  Camille.Martin+rdv@Exemple.FR ', 'Camille.Martin+rdv@exemple.fr'],
    ['mailto:a@b.co', 'a@b.co'],
    ['<a@b.co>', 'a@b.co'],
  ])('%j → %s', (text, email) => {
    expect(parseEmail(text)).toBe(email);
  });

  test.each([
    '',
    'camille',
    'camille@',
    '@example.fr',
    'camille@example',
    'a b@c.fr',
    'a@b..fr',
    'a@b.c',
    'a@@b.fr',
  ])('refuses %j', (text) => {
    expect(parseEmail(text)).toBeUndefined();
  });
});
