import { z } from 'zod';
import { RED_FLAG_CATEGORIES } from './red-flag-category.ts';

/**
 * Findings that only count together (fever AND a stiff neck): the names of the concepts each lexicon
 * defines, and which ones together make which red flag.
 */
export const CONCEPTS = [
  'fever',
  'young_infant',
  'stiff_neck',
  'purpura',
  'sepsis_warning',
  'head_trauma',
  'head_trauma_warning',
  'pregnant',
  'pregnancy_warning',
  'allergic_reaction',
  'allergy_breathing',
  'infant_warning',
  'fume_source',
  'household_unwell',
  'infection',
  'drug_kit',
  'drugged_state',
  'neck_stiffness',
  'meningism',
  'inside_car_garage',
  'engine_running',
  'dose_repeated',
  'unknown_drug',
  'toxic_symptom',
  'enclosed_space',
  'farewell_sign',
  'unreachable',
  'weapon_at_hand',
  'burn_cause',
  'burn_damage',
  'body_convulsing',
  'seizure_companion',
  'face_swelling',
  'airway_trouble',
  'pesticide_exposure',
  'speech_change',
  'dragging_limb',
  'despair',
  'height_edge',
  'act_announced',
  'belly_blow',
  'belly_alarm',
  'cleaners_mixed',
  'irritant_symptom',
  'drooling',
  'pinpoint_pupils',
  'muscle_twitching',
  'heavy_sweating',
  'jump_place',
  'jump_intent',
  'tearing_pain',
  'chest_site',
  'back_site',
  'half_vision_lost',
  'clumsy_hand',
  'adrenaline_used',
  'swallowed_something',
  'caustic_product',
  'caustic_burn',
  'electric_shock',
  'shock_sign',
  'empty_packets',
  'mi_radiation',
  'cold_sweat',
  'food_stuck',
  'button_battery',
  'battery_swallowed',
  'calf_swollen',
  'breath_pleuritic',
  'home_spirits',
  'blurred_vision',
  'sudden_change',
  'wild_food',
  'neck_ache',
  'severe_pain',
  'belly_site',
  'glass_test',
  'high_pitched_cry',
  'pressure_feeling',
  'upper_back_site',
  'goodbye_said',
  'affairs_settled',
  'head_exploding',
  'crushing_weight',
  'alcohol_binge',
  'urinary_infection',
] as const;

export type Concept = (typeof CONCEPTS)[number];

/**
 * A pattern: words in order with small gaps ("douleur* irradi* bras"), or in any order when it starts
 * with `any:` ("any: @pain @chest"). Each word is `word`, `stem*`, `@class`, a number range `<n:0-3>`
 * (`<d:38-43>`: written with decimals), or alternatives joined by `|`; `=word` and `=stem*` are matched
 * as spelled, without typo tolerance. Gaps skip filler words freely and at most `maxGap` other words (2
 * by default), never across punctuation, « mais » / "but", or a negation.
 */
const patternSchema = z.union([
  z.string().min(1),
  z.strictObject({
    pattern: z.string().min(1),
    maxGap: z.int().min(0).max(4).optional(),
    /** Whether « pas de … » before it cancels it; false for words whose denial is itself worrying. */
    negatable: z.boolean().optional(),
    /**
     * Whether a past marker makes it history even in a category never read as history (`NEVER_PAST`):
     * « idées noires il y a des années » is low mood long over, while talk of suicide stays flagged.
     */
    pastApplies: z.boolean().optional(),
    /**
     * Whether its category's `dismissals` anywhere in the message set it aside: a hand burn with its blisters
     * denied (NHS: burns of the hands go to A&E when they blister).
     */
    dismissible: z.boolean().optional(),
  }),
]);

export type PatternSource = z.infer<typeof patternSchema>;

/** Words separated by spaces, so the lexicon reads like a list and not like code. */
function wordList(word = /^[a-z]+$/, rule = 'words are lowercase letters, without accents') {
  return z
    .string()
    .transform((text) => text.split(/\s+/).filter((word) => word !== ''))
    .pipe(z.array(z.string().regex(word, rule)));
}

export const lexiconSchema = z.strictObject({
  language: z.enum(['fr', 'en']),
  /** Named lists of alternatives, used as `@name` in patterns: `pain: 'douleur* mal oppression'`. */
  classes: z.record(z.string().regex(/^[a-z_]+$/), z.string().min(1)),
  /** Patterns that alone raise a red flag. */
  categories: z.partialRecord(z.enum(RED_FLAG_CATEGORIES), z.array(patternSchema).min(1)),
  /** Patterns that raise a red flag only in the combinations of `red-flag-combinations.ts`. */
  concepts: z.partialRecord(z.enum(CONCEPTS), z.array(patternSchema).min(1)),
  /** Wording that looks alarming and is not ("prise de sang", "blood test"): a finding on it is dropped. */
  exclusions: z.array(patternSchema),
  /**
   * Wording that cancels one concept only, where the words stay meaningful for the others: "7 wks
   * pregnant" is no baby's age (`young_infant`), and still a pregnancy.
   */
  conceptExclusions: z.partialRecord(z.enum(CONCEPTS), z.array(patternSchema)).default({}),
  /**
   * Wording that, anywhere in the message, sets aside a category's `dismissible` findings (and only those):
   * "no blisters", « pas de cloque » for a burn of the hand. The category's other patterns still flag.
   */
  dismissals: z.partialRecord(z.enum(RED_FLAG_CATEGORIES), z.array(patternSchema)).default({}),
  /**
   * Wording that puts a finding right before or after it in the past, long over (« il y a 5 ans », "when I
   * was a child", « antécédent de »): such a finding is history, not an emergency (see `past-events.ts`).
   */
  past: z.array(patternSchema).default([]),
  /**
   * Wording that frames a finding as something asked about or warned of, not happening: words before it
   * (`before`) and, when given, words after it (`after`), each within `reach` tokens without a clause break
   * between: "what does [anaphylaxis] mean", "the doctor said if [his face droops] we ring 999", « que veut
   * dire [anaphylaxie] ». Unlike a past marker, a frame reaches only forward from `before` and only back
   * from `after`, so "I have chest pain, what does that mean?" still flags.
   */
  pastFrames: z
    .array(
      z.strictObject({
        before: patternSchema,
        after: patternSchema.optional(),
        reach: z.int().min(1).max(8).optional(),
      }),
    )
    .default([]),
  words: z.strictObject({
    /** « pas », "no": a finding right after one of these (and only bridge words between) is denied. */
    negators: wordList(),
    /** Negators that deny only after « ne »: « je n'ai plus mal » but « de plus en plus mal ». */
    negatorsAfterNe: wordList(),
    /** Words a negation reaches through: « pas DE douleur », "not HAVE ANY pain". */
    bridges: wordList(),
    /** Words that turn a negation into emphasis: « jamais eu AUSSI mal », "never had SUCH pain". */
    negationCancellers: wordList(),
    /** Words that gaps skip for free: articles, prepositions, « très », « de plus en plus ». */
    fillers: wordList(),
    /** « ou », "or": a negation before them reaches the symptom after (« no fever or chest pain »). */
    coordinators: wordList().default([]),
    /** Words that end a clause like punctuation: « mais », "but". */
    clauseBreakers: wordList(),
    /** Words that bring a message back to now, so a past marker does not reach past them: « et », "now". */
    pastStoppers: wordList().default([]),
    /**
     * Words that open a clause only to date the thing just named: « l'AVC de mon père, c'était il y a deux ans »,
     * "his stroke, that was 2 years ago". A past marker reaches back to a finding across one such break.
     */
    pastResumers: wordList().default([]),
    /**
     * Words a gap never crosses, like a negation, though they deny nothing by themselves: "dont", read as "do
     * not" only once the conversation is known to be English, so "spots that dont go when I press" is never
     * read as "spots … go … press".
     */
    gapStoppers: wordList().default([]),
    /**
     * Real words one typo away from a lexicon word, never corrected: « signe » is not « saigne ». A
     * trailing `*` protects every word that begins so: `poisson*` (fish) is never « poison ».
     */
    protectedWords: wordList(/^[a-z]+\*?$/, 'words are lowercase letters, then an optional *'),
    /** Numbers written in words, as `word=value`: « trois=3 » for « trois semaines ». */
    numbers: wordList(/^[a-z]+=\d+$/, 'numbers are written word=value').transform((pairs) =>
      pairs.map((pair) => {
        const [word = '', value = ''] = pair.split('=');
        return { word, value: Number(value) };
      }),
    ),
  }),
});

export type Lexicon = z.infer<typeof lexiconSchema>;
export type LexiconInput = z.input<typeof lexiconSchema>;
