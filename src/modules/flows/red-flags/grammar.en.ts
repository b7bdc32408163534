import type { LexiconInput } from './lexicon.schema.ts';

/**
 * How English says "no", which small words a phrase may skip, and which real words are never typos: the
 * grammar the English red-flag wording is read with (`lexicon.schema.ts` says what each list does).
 */
export const englishGrammar: LexiconInput['words'] = {
  negators: 'no not never without nor neither none denies deny denied absence',
  negatorsAfterNe: '',
  bridges:
    'have has had having got any a an the my his her their feel felt feeling experienced experiencing ' +
    'really currently do does did am is are was were been be at all longer more sign signs of ever he ' +
    'she it i about thinking ' +
    // Round 16 probe classes: a report's « no evidence, suggestion or features of ».
    'evidence suggestion features findings',
  negationCancellers: 'such so as only just this if',
  fillers:
    'the a an my his her its their your our this that these those in on at of to into from with and ' +
    'or by up down around for very really so too bit little quite pretty extremely super all over ' +
    'some is am are was were be been being i me he she it they we you him them have has had got does ' +
    'do did feel feels feeling like still now keep keeps own strong bad will can could would going ' +
    'gone get getting',
  clauseBreakers: 'but except however although though whereas',
  coordinators: 'or nor',
  // Rounds 23–24: "if his chest pain gets any worse": a sign that worsens is here now.
  pastStoppers: 'and now again today tonight currently since then started starting worse worsening',
  // Round 16 probe classes: "his stroke, that was 2 years ago".
  pastResumers: 'that it which',
  // Round 16 probe classes: "dont" without its apostrophe, read as a negation for gaps.
  gapStoppers: 'dont',
  protectedWords:
    'alleg* sign* single conscious heartburn heartbeat faith* paint* plain* print* sacrific* poisson* ' +
    'prison* occasion* conclu* concession* confess* delivery deliveries deliver delivers delicious ' +
    'strode strove strobe sleep sleeps poignant comma commas odd sceptic* skeptic* sizing snag ' +
    'subsid* unconsciously slurp* strike* stoke* blond* bloom* brood* desir* construct* contradict* ' +
    'contracep* monocyt* hear heard heat beach noise* nose shout* hand hands ' +
    // Round 10: "don't want to overdo it" is no overdose.
    'overdo overdoing overdid overdone ' +
    // Round 14: "keeps squinting at the board" is no blood squirting.
    'squint* shook ' +
    // Round 16 probe classes: "blood pissing out" is no "passing out".
    'piss* ' +
    // Rounds 23–24 probe classes: "a stinking cold" is no sinking in at the neck, "the box is confusing" no
    // confusion.
    'stinking stinky stinks confusing',
  numbers:
    'one=1 two=2 three=3 four=4 five=5 six=6 seven=7 eight=8 nine=9 ten=10 eleven=11 twelve=12 ' +
    'thirteen=13 fourteen=14 fifteen=15 sixteen=16 seventeen=17 eighteen=18 nineteen=19 twenty=20 ' +
    'thirty=30 forty=40 fifty=50 sixty=60 seventy=70 eighty=80 ninety=90 hundred=100',
};
