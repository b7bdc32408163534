import {
  CONCEPTS,
  type Concept,
  type Lexicon,
  type LexiconInput,
  lexiconSchema,
  type PatternSource,
} from './lexicon.schema.ts';
import { RED_FLAG_CATEGORIES, type RedFlagCategory } from './red-flag-category.ts';
import { normaliseWord } from './tokenise.ts';

/**
 * One alternative of a pattern word: an exact word, a stem (`saign*`), or a number range (`<n:0-3>`; `<d:38-43>`
 * only matches a number written with decimals, 38,5, which alone reads as a temperature).
 */
export type Atom = { /** Same atom, same id: matches are remembered by it. */ id: number } & (
  | {
      kind: 'word' | 'stem';
      text: string;
      language: 'fr' | 'en';
      /** Matched as spelled, without typo tolerance (`=word`). */
      exact: boolean;
    }
  | { kind: 'number'; min: number; max: number; decimal: boolean }
);

/** One word of a pattern: a token must match one of its alternatives. */
export interface PatternElement {
  /** Same alternatives, same id: matches are remembered by it. */
  id: number;
  atoms: Atom[];
}

export interface CompiledPattern {
  /** As written in the lexicon, to name it in errors and tests. */
  source: string;
  elements: PatternElement[];
  anyOrder: boolean;
  maxGap: number;
  negatable: boolean;
  /** Read as history after a past marker even in a category that never is (`lexicon.schema.ts`). */
  pastApplies: boolean;
  /** Set aside by its category's dismissals (`lexicon.schema.ts`). */
  dismissible: boolean;
  /** Words a gap of this pattern never crosses: its own language's (`lexicon.schema.ts`, "dont" in English). */
  gapStoppers: ReadonlySet<string>;
}

export interface LexiconWords {
  negators: ReadonlySet<string>;
  negatorsAfterNe: ReadonlySet<string>;
  bridges: ReadonlySet<string>;
  negationCancellers: ReadonlySet<string>;
  fillers: ReadonlySet<string>;
  clauseBreakers: ReadonlySet<string>;
  coordinators: ReadonlySet<string>;
  pastStoppers: ReadonlySet<string>;
  pastResumers: ReadonlySet<string>;
  numbers: ReadonlyMap<string, number>;
  /** Words spelled right that must never be read as a typo of another: every lexicon word, and more. */
  known: ReadonlySet<string>;
  /** Beginnings of such words: `poisson` protects « poissons », « poissonnerie ». */
  knownPrefixes: readonly string[];
}

/** Whether a word is spelled right as it is, so never taken for a typo of a lexicon word. */
export function isKnownWord(words: LexiconWords, word: string): boolean {
  return words.known.has(word) || words.knownPrefixes.some((prefix) => word.startsWith(prefix));
}

export interface CompiledLexicon {
  categories: ReadonlyArray<{ category: RedFlagCategory; pattern: CompiledPattern }>;
  concepts: ReadonlyArray<{ concept: Concept; pattern: CompiledPattern }>;
  exclusions: readonly CompiledPattern[];
  /** Exclusions that drop one concept's findings only (`lexicon.schema.ts`). */
  conceptExclusions: ReadonlyArray<{ concept: Concept; pattern: CompiledPattern }>;
  /** Wording that sets aside a category's dismissible findings (`lexicon.schema.ts`). */
  dismissals: ReadonlyArray<{ category: RedFlagCategory; pattern: CompiledPattern }>;
  past: readonly CompiledPattern[];
  /** Frames that put a finding inside them out of the present (`lexicon.schema.ts`). */
  pastFrames: ReadonlyArray<{ before: CompiledPattern; after?: CompiledPattern; reach: number }>;
  words: LexiconWords;
  /** How many distinct atoms and elements: their ids run from 0 to these, excluded. */
  atomCount: number;
  elementCount: number;
}

const DEFAULT_MAX_GAP = 2;
/** How far a past frame reaches from its words to a finding, unless the frame says otherwise. */
const PAST_FRAME_REACH = 6;

const LIST_NAMES = [
  'negators',
  'negatorsAfterNe',
  'bridges',
  'negationCancellers',
  'fillers',
  'clauseBreakers',
  'coordinators',
  'pastStoppers',
  'pastResumers',
] as const;
type ListName = (typeof LIST_NAMES)[number];

/**
 * Suicidal wording is flagged even when it comes after « pas » ("je ne veux pas me tuer" is still a
 * thought to act on); only its patterns marked `negatable: true` can be denied ("pas d'idées suicidaires").
 */
const DENIAL_IGNORED: ReadonlySet<RedFlagCategory> = new Set(['suicidal_thoughts']);

/**
 * Validates the lexicons and turns their patterns into matchable form, merged: every message is read
 * with every language's lexicon. Throws on a malformed lexicon, naming the pattern.
 */
export function compileLexicons(inputs: readonly LexiconInput[]): CompiledLexicon {
  const categories: Array<{ category: RedFlagCategory; pattern: CompiledPattern }> = [];
  const concepts: Array<{ concept: Concept; pattern: CompiledPattern }> = [];
  const exclusions: CompiledPattern[] = [];
  const conceptExclusions: Array<{ concept: Concept; pattern: CompiledPattern }> = [];
  const dismissals: Array<{ category: RedFlagCategory; pattern: CompiledPattern }> = [];
  const past: CompiledPattern[] = [];
  const pastFrames: Array<{ before: CompiledPattern; after?: CompiledPattern; reach: number }> = [];
  const lists: Record<ListName, Set<string>> = {
    negators: new Set(),
    negatorsAfterNe: new Set(),
    bridges: new Set(),
    negationCancellers: new Set(),
    fillers: new Set(),
    clauseBreakers: new Set(),
    coordinators: new Set(),
    pastStoppers: new Set(),
    pastResumers: new Set(),
  };
  const numbers = new Map<string, number>();
  const known = new Set<string>();
  const knownPrefixes: string[] = [];

  const atomIds = new Map<string, number>();
  const elementIds = new Map<string, number>();
  const ids = {
    atom: (key: string) => atomIds.get(key) ?? atomIds.set(key, atomIds.size).size - 1,
    element: (key: string) => elementIds.get(key) ?? elementIds.set(key, elementIds.size).size - 1,
  };

  for (const input of inputs) {
    const lexicon = lexiconSchema.parse(input);
    const compile = (source: PatternSource, negatableByDefault: boolean) =>
      compilePattern(source, lexicon, negatableByDefault, ids);
    for (const category of RED_FLAG_CATEGORIES) {
      for (const source of lexicon.categories[category] ?? []) {
        categories.push({ category, pattern: compile(source, !DENIAL_IGNORED.has(category)) });
      }
    }
    for (const concept of CONCEPTS) {
      for (const source of lexicon.concepts[concept] ?? []) {
        concepts.push({ concept, pattern: compile(source, true) });
      }
    }
    for (const source of lexicon.exclusions) exclusions.push(compile(source, false));
    for (const concept of CONCEPTS) {
      for (const source of lexicon.conceptExclusions[concept] ?? []) {
        conceptExclusions.push({ concept, pattern: compile(source, false) });
      }
    }
    for (const category of RED_FLAG_CATEGORIES) {
      for (const source of lexicon.dismissals[category] ?? []) {
        dismissals.push({ category, pattern: compile(source, false) });
      }
    }
    for (const source of lexicon.past) past.push(compile(source, false));
    for (const frame of lexicon.pastFrames) {
      const before = compile(frame.before, false);
      const reach = frame.reach ?? PAST_FRAME_REACH;
      pastFrames.push(
        frame.after === undefined ? { before, reach } : { before, after: compile(frame.after, false), reach },
      );
    }
    for (const name of LIST_NAMES) {
      for (const word of lexicon.words[name]) lists[name].add(word);
    }
    for (const { word, value } of lexicon.words.numbers) numbers.set(word, value);
    for (const word of lexicon.words.protectedWords) {
      if (word.endsWith('*')) knownPrefixes.push(word.slice(0, -1));
      else known.add(word);
    }
  }

  const everyPattern = [...categories, ...concepts, ...conceptExclusions, ...dismissals]
    .map((entry) => entry.pattern)
    .concat(
      exclusions,
      past,
      pastFrames.flatMap((frame) =>
        frame.after === undefined ? [frame.before] : [frame.before, frame.after],
      ),
    );
  // A word the lexicon knows (a word, or one beginning with a stem) is never a typo of another one:
  // « convulsion » is not a typo of « confusion ».
  for (const pattern of everyPattern) {
    for (const atom of pattern.elements.flatMap((element) => element.atoms)) {
      if (atom.kind === 'word') known.add(atom.text);
      if (atom.kind === 'stem') knownPrefixes.push(atom.text);
    }
  }
  for (const list of Object.values(lists)) for (const word of list) known.add(word);
  for (const word of numbers.keys()) known.add(word);

  return {
    categories,
    concepts,
    exclusions,
    conceptExclusions,
    dismissals,
    past,
    pastFrames,
    words: { ...lists, numbers, known, knownPrefixes },
    atomCount: atomIds.size,
    elementCount: elementIds.size,
  };
}

function compilePattern(
  source: PatternSource,
  lexicon: Lexicon,
  negatableByDefault: boolean,
  ids: { atom: (key: string) => number; element: (key: string) => number },
): CompiledPattern {
  const options = typeof source === 'string' ? { pattern: source } : source;
  const anyOrder = options.pattern.startsWith('any:');
  const body = anyOrder ? options.pattern.slice('any:'.length) : options.pattern;
  const where = `${lexicon.language} pattern "${options.pattern}"`;
  const elements = body
    .trim()
    .split(/\s+/)
    .map((element): PatternElement => {
      const atoms = element
        .split('|')
        .flatMap((alternative) => parseAlternative(alternative, lexicon, where, ids.atom));
      return { id: ids.element(atoms.map((atom) => atom.id).join(',')), atoms };
    });
  if (elements.length === 0 || elements.some((element) => element.atoms.length === 0)) {
    throw new Error(`${where}: empty element`);
  }
  if (anyOrder && elements.length > 4) throw new Error(`${where}: any: takes at most 4 elements`);
  return {
    source: options.pattern,
    elements,
    anyOrder,
    maxGap: 'maxGap' in options && options.maxGap !== undefined ? options.maxGap : DEFAULT_MAX_GAP,
    negatable:
      'negatable' in options && options.negatable !== undefined ? options.negatable : negatableByDefault,
    pastApplies: 'pastApplies' in options && options.pastApplies === true,
    dismissible: 'dismissible' in options && options.dismissible === true,
    gapStoppers: gapStoppersOf(lexicon),
  };
}

const GAP_STOPPERS = new WeakMap<Lexicon, ReadonlySet<string>>();

/** One set per lexicon, shared by its patterns: "dont" stops English gaps, never « la douleur dont je parle ». */
function gapStoppersOf(lexicon: Lexicon): ReadonlySet<string> {
  let stoppers = GAP_STOPPERS.get(lexicon);
  if (stoppers === undefined) {
    stoppers = new Set(lexicon.words.gapStoppers);
    GAP_STOPPERS.set(lexicon, stoppers);
  }
  return stoppers;
}

function parseAlternative(
  text: string,
  lexicon: Lexicon,
  where: string,
  idOf: (key: string) => number,
  seen: string[] = [],
): Atom[] {
  if (text.startsWith('@')) {
    const name = text.slice(1);
    const members = lexicon.classes[name];
    if (members === undefined) throw new Error(`${where}: unknown class @${name}`);
    if (seen.includes(name)) throw new Error(`${where}: class @${name} refers to itself`);
    return members
      .split(/[\s|]+/)
      .filter((member) => member !== '')
      .flatMap((member) => parseAlternative(member, lexicon, where, idOf, [...seen, name]));
  }
  const range = /^<([nd]):(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)>$/.exec(text);
  if (range !== null) {
    const [min, max, decimal] = [Number(range[2]), Number(range[3]), range[1] === 'd'];
    return [{ id: idOf(`${range[1]}:${min}-${max}`), kind: 'number', min, max, decimal }];
  }
  const exact = text.startsWith('=');
  const isStem = text.endsWith('*');
  const word = normaliseWord(text.slice(exact ? 1 : 0, isStem ? -1 : undefined));
  // Digits are numbers to the tokeniser ("3e" reads 3, e): a word of the lexicon is letters only.
  if (!/^[a-z]+$/.test(word)) throw new Error(`${where}: "${text}" is not one plain word (letters only)`);
  if (isStem && word.length < 3) throw new Error(`${where}: stem "${text}" is too short to mean anything`);
  const kind = isStem ? 'stem' : 'word';
  const id = idOf(`${kind}:${lexicon.language}:${exact ? '=' : ''}${word}`);
  const atom: Atom = { id, kind, text: word, language: lexicon.language, exact };
  const ingForm = isStem ? englishIngStem(word, lexicon.language) : null;
  if (ingForm === null) return [atom];
  const ingId = idOf(`stem:${lexicon.language}:${exact ? '=' : ''}${ingForm}`);
  return [atom, { id: ingId, kind: 'stem', text: ingForm, language: lexicon.language, exact }];
}

/**
 * An English stem that ends in a silent e loses it before -ing: "fade*" must also read "fading", "move*"
 * "moving", "overdose*" "overdosing" (round 19 found "a rash not fading" missed this way). Null when the
 * stem has no such form.
 */
export function englishIngStem(stem: string, language: string): string | null {
  if (language !== 'en' || stem.length < 4 || !stem.endsWith('e') || stem.endsWith('ee')) return null;
  return `${stem.slice(0, -1)}ing`;
}
