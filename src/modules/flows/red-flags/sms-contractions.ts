/**
 * How patients write on a phone, spelled out so the lexicon only needs the dictionary form. Keys are
 * already lowercase and without accents; a value of several words replaces one typed word.
 *
 * Kept short on purpose: each entry must be unambiguous in both languages, because every message is read
 * as French and as English (patients mix them). `avc` is not here on purpose: it is the French word for
 * stroke, not an SMS spelling of « avec ».
 */
export const SMS_CONTRACTIONS: Readonly<Record<string, string>> = {
  // Round 16 probe classes: a laughing emoji is a laugh typed (`PieceScanner` reads it as a word).
  '😂': 'lol',
  '🤣': 'lol',
  '😆': 'lol',
  '😅': 'lol',
  '😹': 'lol',
  // French
  ds: 'dans',
  dc: 'donc',
  pr: 'pour',
  ms: 'mais',
  tt: 'tout',
  tjs: 'toujours',
  tjrs: 'toujours',
  // Round 16 probe: « des boutons partt ».
  partt: 'partout',
  prtt: 'partout',
  bcp: 'beaucoup',
  bcq: 'beaucoup',
  bcoup: 'beaucoup',
  pb: 'probleme',
  pbm: 'probleme',
  pbs: 'problemes',
  qd: 'quand',
  kan: 'quand',
  pa: 'pas',
  plu: 'plus',
  pk: 'pourquoi',
  pq: 'pourquoi',
  pck: 'parce que',
  pcq: 'parce que',
  psk: 'parce que',
  ac: 'avec',
  avk: 'avec',
  tro: 'trop',
  ke: 'que',
  koi: 'quoi',
  ki: 'qui',
  bb: 'bebe',
  ptet: 'peut etre',
  ptetre: 'peut etre',
  mtn: 'maintenant',
  mnt: 'maintenant',
  jai: 'je ai',
  g: 'je ai',
  chui: 'je suis',
  chuis: 'je suis',
  jpeu: 'je peux',
  jpe: 'je peux',
  jpx: 'je peux',
  jarrive: 'je arrive',
  jarrives: 'je arrive',
  jariv: 'je arrive',
  jarriv: 'je arrive',
  jetouffe: 'je etouffe',
  jetouf: 'je etouffe',
  jetoufe: 'je etouffe',
  javale: 'je avale',
  javais: 'je avais',
  jetais: 'je etais',
  jen: 'je en',
  jy: 'je y',
  nai: 'ne ai',
  narrive: 'ne arrive',
  nest: 'ne est',
  cest: 'ce est',
  sest: 'se est',
  ya: 'il y a',
  pri: 'pris',
  veu: 'veux',
  voi: 'vois',
  // Round 9: écrit comme il se dit.
  bocou: 'beaucoup',
  bocoup: 'beaucoup',
  boku: 'beaucoup',
  dun: 'de un',
  dpuis: 'depuis',
  dpui: 'depuis',
  // English
  cant: 'can not',
  cannot: 'can not',
  cnt: 'can not',
  doesnt: 'does not',
  didnt: 'did not',
  isnt: 'is not',
  wasnt: 'was not',
  arent: 'are not',
  werent: 'were not',
  wont: 'will not',
  wouldnt: 'would not',
  couldnt: 'could not',
  shouldnt: 'should not',
  havent: 'have not',
  hasnt: 'has not',
  hadnt: 'had not',
  aint: 'is not',
  im: 'i am',
  ive: 'i have',
  youre: 'you are',
  hes: 'he is',
  shes: 'she is',
  theyre: 'they are',
  thats: 'that is',
  whats: 'what is',
  theres: 'there is',
  idk: 'i do not know',
  u: 'you',
  ur: 'your',
  pls: 'please',
  plz: 'please',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
  rn: 'right now',
  'w/': 'with',
  'w/o': 'without',
  kms: 'kill myself',
  brth: 'breath',
  // Round 9: written as it is said by people who read little.
  breeve: 'breathe',
  breev: 'breathe',
  breethe: 'breathe',
  brethe: 'breathe',
  breeth: 'breath',
  tuk: 'took',
};

/**
 * Written the same as a French word: « la douleur dont je parle » must not read as "do not", which would
 * deny the finding. Expanded only in a conversation known to be in English.
 */
export const ENGLISH_ONLY_CONTRACTIONS: Readonly<Record<string, string>> = {
  dont: 'do not',
};

/** `can't` and friends whose stem is not the word before "n't". */
export const IRREGULAR_NEGATIONS: Readonly<Record<string, string>> = {
  "can't": 'can not',
  "won't": 'will not',
  "ain't": 'is not',
  "shan't": 'shall not',
};

/**
 * Round 22 probe class: `'s` after he or she is "is", as `hes` and `shes` typed without the apostrophe are: "she's
 * fitting" reads as "she is fitting", never as "she fitting".
 */
export const PRONOUN_IS: Readonly<Record<string, string>> = {
  "he's": 'he is',
  "she's": 'she is',
};

/** French elided words (`j'ai`, `n'arrive`, `s'arrête`) restored to their full form. */
export const FRENCH_ELISIONS: Readonly<Record<string, string>> = {
  j: 'je',
  n: 'ne',
  l: 'le',
  d: 'de',
  m: 'me',
  t: 'te',
  s: 'se',
  c: 'ce',
  qu: 'que',
  jusqu: 'jusque',
  lorsqu: 'lorsque',
  puisqu: 'puisque',
};

/** English clitics after an apostrophe; `'s` (is, or a possessive) carries nothing we need. */
export const ENGLISH_CLITICS: Readonly<Record<string, string>> = {
  m: 'am',
  re: 'are',
  ve: 'have',
  ll: 'will',
  d: 'would',
  s: '',
};
