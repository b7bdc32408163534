import { describe, expect, test } from 'vitest';
import { AtomIndex } from './atom-index.ts';
import { type Atom, compileLexicons, isKnownWord } from './compile-lexicon.ts';
import { englishLexicon } from './lexicon.en.ts';
import { frenchLexicon } from './lexicon.fr.ts';
import { atomMatches } from './match-pattern.ts';
import type { Token } from './tokenise.ts';

const lexicon = compileLexicons([frenchLexicon, englishLexicon]);
const atoms = new Map<number, Atom>();
for (const { pattern } of [
  ...lexicon.categories,
  ...lexicon.concepts,
  ...lexicon.conceptExclusions,
  ...lexicon.dismissals,
]) {
  for (const element of pattern.elements) for (const atom of element.atoms) atoms.set(atom.id, atom);
}
const framePatterns = lexicon.pastFrames.flatMap((frame) =>
  frame.after === undefined ? [frame.before] : [frame.before, frame.after],
);
for (const pattern of [...lexicon.exclusions, ...lexicon.past, ...framePatterns]) {
  for (const element of pattern.elements) for (const atom of element.atoms) atoms.set(atom.id, atom);
}

/** Lexicon words and stems, one in 150, each as typed with the slips patients make. */
function typedWords(): string[] {
  const texts = [...atoms.values()].flatMap((atom) => (atom.kind === 'number' ? [] : [atom.text]));
  const words = ['xqzvtw', 'zzy', 'poitrinne', 'respriation', 'jarrive', 'quil', 'mevanoui', 'sarrete'];
  // Number words (« trente », "forty"): number atoms too.
  words.push(...[...lexicon.words.numbers.keys()].filter((_, i) => i % 5 === 0));
  texts.forEach((text, i) => {
    if (i % 150 !== 0) return;
    words.push(
      text,
      text.slice(0, 1) + text.slice(2), // a letter missing
      text.slice(0, 1) + (text[2] ?? '') + (text[1] ?? '') + text.slice(3), // neighbours swapped
      `${text.slice(0, 2)}${text[1] ?? ''}${text.slice(2)}`, // a letter doubled
      `${text}s`,
      `j${text}`,
      `l${text}`,
    );
  });
  // The tokeniser leaves no letter three times in a row (« douuuleur »): neither does a token here.
  return words.filter((word) => !/(.)\1\1/.test(word));
}

describe('AtomIndex', () => {
  test('finds the atoms atomMatches finds, the reference, for words as typed', () => {
    const index = new AtomIndex(lexicon);
    for (const word of typedWords()) {
      const token: Token = { kind: 'word', text: word, start: 0, end: word.length };
      // Whether the word is known, once rather than per atom (a scan of every known prefix).
      const known = isKnownWord(lexicon.words, word);
      const expected = [...atoms.values()].filter((atom) =>
        atomMatches(atom, token, lexicon.words, () => known),
      );
      expect(
        [...index.atomsOf(token)].sort((a, b) => a - b),
        word,
      ).toEqual(expected.map((atom) => atom.id).sort((a, b) => a - b));
    }
  });
});
