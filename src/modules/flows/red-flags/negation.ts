import type { LexiconWords } from './compile-lexicon.ts';
import type { Token } from './tokenise.ts';

/** « je n'ai pas eu de » — a negation reaches a finding through at most this many bridge words. */
const MAX_BRIDGES = 4;

/** « no fever OR chest pain »: after « or », the negation reaches back over a symptom this long. */
const MAX_COORDINATED_WORDS = 4;

/**
 * Whether the words right before a finding deny it: a negator, then only bridge words ("pas DE douleur",
 * "not HAVE ANY chest pain", « jamais EU DE convulsions »). Deliberately narrow: a negation further away or
 * across another word ("pas de toux, douleur thoracique") does not count, and emphasis turns it back into
 * a finding (« jamais eu AUSSI mal », "never had SUCH pain"). Missing an emergency costs more than a false
 * alarm.
 */
export function isDenied(tokens: readonly Token[], findingStart: number, words: LexiconWords): boolean {
  let emphasised = false;
  let bridges = 0;
  for (let at = findingStart - 1; at >= 0 && bridges <= MAX_BRIDGES; at -= 1) {
    const token = tokens[at];
    if (token === undefined || token.kind !== 'word') return false;
    const negates =
      words.negators.has(token.text) ||
      (words.negatorsAfterNe.has(token.text) && followsNe(tokens, at, words));
    if (negates) return !emphasised && !words.negationCancellers.has(tokens[at - 1]?.text ?? '');
    if (words.coordinators.has(token.text)) return !emphasised && coordinatedIsDenied(tokens, at, words);
    if (words.negationCancellers.has(token.text)) emphasised = true;
    else if (!words.bridges.has(token.text)) return false;
    bridges += 1;
  }
  return false;
}

/**
 * Whether the symptom just before « or » is denied, so the one after it is too: « no fever or chest
 * pain », « pas de toux ou de douleur ». The symptom may be a few words long, never across a clause break.
 */
function coordinatedIsDenied(tokens: readonly Token[], coordinatorAt: number, words: LexiconWords): boolean {
  for (
    let start = coordinatorAt - 1;
    start >= 0 && start >= coordinatorAt - MAX_COORDINATED_WORDS;
    start -= 1
  ) {
    const token = tokens[start];
    if (token === undefined || token.kind === 'break' || words.clauseBreakers.has(token.text)) return false;
    if (words.negators.has(token.text)) return false;
    if (isDenied(tokens, start, words)) return true;
  }
  return false;
}

/** « plus » denies only after « ne »: « je n'ai plus de fièvre », not « de plus en plus de fièvre ». */
function followsNe(tokens: readonly Token[], negatorAt: number, words: LexiconWords): boolean {
  for (let at = negatorAt - 1; at >= 0 && at >= negatorAt - 3; at -= 1) {
    const token = tokens[at];
    if (token?.text === 'ne') return true;
    if (token === undefined || !words.bridges.has(token.text)) return false;
  }
  return false;
}

/** « pas suicidaire, MAIS … »: a « but » this close after a denied finding hedges the denial. */
const HEDGE_REACH_TOKENS = 3;

/**
 * Whether a denied finding is followed at once by « mais », "but" (a comma between is allowed): « je ne
 * suis pas suicidaire mais je voudrais parler à quelqu'un » is how a patient starts to tell it, not a denial.
 */
export function isHedged(tokens: readonly Token[], findingEnd: number, words: LexiconWords): boolean {
  for (let at = findingEnd + 1; at < tokens.length && at <= findingEnd + HEDGE_REACH_TOKENS; at += 1) {
    const token = tokens[at];
    if (token === undefined) return false;
    if (words.clauseBreakers.has(token.text)) return true;
    if (token.kind !== 'break' && !words.fillers.has(token.text)) return false;
  }
  return false;
}
