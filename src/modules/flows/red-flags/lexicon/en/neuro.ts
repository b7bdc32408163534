import type { LexiconInput } from '../../lexicon.schema.ts';

/**
 * English wording of stroke (NHS FAST and BE FAST), seizure, meningitis and head-injury red flags.
 * Syntax: `lexicon.schema.ts`.
 */
export const englishNeuroFlags: LexiconInput['categories'] = {
  stroke_signs: [
    // Round 14 (ninth own check): an arm that will not do anything, a dead weight.
    { pattern: 'left|right|one arm|leg|hand not|wont do anything', maxGap: 2 },
    { pattern: 'any: arm|leg|hand dead weight', maxGap: 3 },
    // Round 14 (fifth own check): a limb that feels like someone else's, sight gone on one side, a mouth hanging down.
    { pattern: 'any: left|right|one arm|leg|hand|side belong|belongs|belonged|attached', maxGap: 4 },
    { pattern: 'any: vision|sight went|gone blurry|blurred|dark|black|dim one|left|right', maxGap: 3 },
    { pattern: 'any: mouth|lip|face|eyelid|corner hanging|sagging down', maxGap: 2 },
    // Round 14 (training phrasings): half of what one sees gone, said as what is left.
    { pattern: 'only see|seeing left|right|one half|side', maxGap: 2 },
    'stroke',
    // Dictated or spelt as heard.
    'stroak|stroaks|stroek|stroake',
    'tia',
    'any: face|facial|mouth|smile|lip|eyelid droop*|drooping|crooked|lopsided|uneven|fallen|paralys*|numb*|dropped|dropping|slipped|slanted|slant*|skewed|askew',
    {
      pattern: 'sudden*|suddenly not|dont talk|speak|move|walk|see|hold|grip|lift|stand|understand',
      maxGap: 2,
    },
    { pattern: 'any: sudden*|suddenly not|dont walk|talk|speak|see|hold|grip|lift|stand', maxGap: 3 },
    // Speech that sounds drunk or thick, the hand that lets things drop.
    {
      pattern:
        'any: speech|speaking|talking|talks|speaks|words drunk|marbles|mumbl*|mushy|thick|slurry|sloshed',
      maxGap: 4,
    },
    { pattern: 'hand|arm|fingers drop*|dropping|dropped it|things|cup|everything|stuff', maxGap: 2 },
    'talking|speaking gibberish|nonsense',
    // Round 13: speech that comes out as gibberish, whatever the verb before it.
    {
      pattern: 'came|comes|coming|come out as|in|like gibberish|nonsense|jumbled|garbled|muddled',
      maxGap: 2,
    },
    'not|dont find words',
    'any: weak*|numb*|paralys*|tingl*|pins one|half|whole side',
    'any: arm|leg|hand weak*|paralys*|heavy|dead|floppy|limp|useless|flop*|hanging|dangling sudden*|side|left|right|one',
    'any: arm|leg numb*|tingl* sudden*|side', // a numb arm alone is mostly a nerve, not a stroke
    'not|dont move|lift|raise arm|arms|leg|legs',
    // Seen by someone else: dribbling from one corner of the mouth, the strength gone from a limb.
    { pattern: 'any: dribbl*|drool* side|corner mouth', maxGap: 3 },
    { pattern: 'lost|losing|loss|no strength|power|feeling|use arm|arms|leg|legs|hand|side|face', maxGap: 3 },
    'slurr*',
    'any: speech|speaking|talking garbled|jumbled|strange|weird|difficult*|problem*|trouble|slow',
    'not|dont speak|talk|say properly|clearly|right',
    // Round 8: "can't" in dialect ("gran cannae speak right", "him cyaan talk").
    { pattern: '@cant speak|talk|say|move|lift|see|feel', maxGap: 1 },
    {
      pattern: 'any: dropping|dropped|drops things|stuff|everything|cup|cups left|right|one|side',
      maxGap: 4,
    },
    'words jumbled|mixed|garbled|out|muddled|scrambled|slurred',
    { pattern: 'any: speech|speaking|talking|words muddled|scrambled', maxGap: 2 },
    'aphasia',
    'paralys*',
    'any: lost|loss|losing vision|sight sudden*|eye',
    'sudden* blind*',
    'any: double vision sudden*',
    'any: headache sudden*|violent|explod*|explosive|worst|thunderclap|excruciating',
    'thunderclap',
    // One side of the body that no longer feels or moves, the face pulled or fallen to one side (FAST).
    {
      pattern: 'not|dont feel|move|use|lift|raise|smile|blink left|right|one|half side|arm|leg|hand|face',
      maxGap: 2,
    },
    {
      pattern:
        'left|right|one|half|whole side|sided|body|face dead|numb*|weak*|paralys*|heavy|limp|floppy|useless',
      maxGap: 3,
    },
    {
      pattern:
        'any: half|side face|mouth fell|falling|sagging|slipped|slid|slide|sliding|sagged|sank|sunk|melted|dropped|droop*|numb*|frozen|twisted|paralys*',
      maxGap: 3,
    },
    { pattern: 'side|half face|mouth not|dont move|moving', maxGap: 3 },
    // Round 14: a face, a cheek or a limb that feels heavy, odd or dead on one side, in any order.
    {
      pattern:
        'any: face|cheek|mouth|lip|arm|leg|hand heavy|odd|funny|strange|weird|dead|tingly|droopy one|left|right|half side',
      maxGap: 3,
    },
    { pattern: 'mouth|face going|gone|pulled|pulling|twisted one|other side|sideways', maxGap: 3 },
    { pattern: 'any: face|mouth twisted|pulled', maxGap: 2 },
    { pattern: 'any: speech|speaking|talking off|funny|wrong|odd|weird|strange', maxGap: 2 },
    { pattern: 'speaks|says|talks|saying|using strange|weird|odd|wrong|funny words', maxGap: 1 },
    { pattern: 'speaks|talks strange|strangely|weird|weirdly|oddly|wrong', maxGap: 1 },
    // The face or mouth gone wrong or pulled to the side, however it is put (FAST).
    {
      pattern:
        'face|mouth|smile gone|went|turned|going|goes funny|wrong|droopy|wonky|crooked|floppy|saggy|squint|skew*',
      maxGap: 1,
    },
    {
      pattern:
        'mouth|face|smile going|gone|goes|went|pulled|pulling|drawn|dragged|slipping|sliding|moving|moved|turning|turned side|sideways',
      maxGap: 2,
    },
    { pattern: 'words|speech coming out wrong|funny|weird|strange', maxGap: 2 },
    { pattern: 'sudden*|suddenly not|dont understand|read|swallow', maxGap: 2 },
    { pattern: 'any: double|seeing weak*|numb*|droop*|slurr*', maxGap: 4 },
    'dragging leg|foot',
    { pattern: 'worst headache life|ever', maxGap: 2 },
    {
      pattern:
        'arm|leg|hand|side|face not|dont work|working|move|moving|respond|responding|obey|obeying|listen|listening',
      maxGap: 2,
    },
    // Round 16: a side or a limb that has stopped working or given up, and the side as a carer abbreviates
    // it ("new R sided weakness", "L side droop").
    {
      pattern: 'side|arm|leg|hand|face stopped|stop|stops|quit working|moving|responding',
      maxGap: 2,
    },
    {
      pattern: '=r|=l|=rt|=lt|=rhs|=lhs sided|side weakness|weak|droop|drooping|numbness|numb|paralysis',
      maxGap: 0,
    },
    'went|gone|going blind',
    { pattern: 'any: blind left|right|one eye', maxGap: 2 },
    {
      pattern: 'any: face|mouth|smile looks|look|looking|gone odd|weird|strange|wonky|lopsided',
      maxGap: 2,
    },
    { pattern: 'not|dont hold|grip|grasp|use left|right|one hand|arm', maxGap: 2 },
    { pattern: 'only one|half side move*|moving|works|working', maxGap: 1 },
    // Round 10: the hand that will not hold, the arm that flops down when both are lifted (FAST arm test),
    // a smile that is not even, a mouth that will not make the words, a mouthful of marbles.
    {
      pattern: 'left|right|one hand|arm|leg not|dont hold|grip|grasp|carry|take|lift|raise|stay',
      maxGap: 2,
    },
    {
      pattern:
        'any: arm|arms flopped|flops|flop|drifted|drifts|drift|sank|sinks|dropped|drops|fell|falls down',
      maxGap: 3,
    },
    { pattern: 'one flopped|flops|flop|drifted|drifts|drift|sank|sinks down', maxGap: 1 },
    { pattern: 'smile|face|mouth not|isnt even|straight|symmetrical|equal', maxGap: 2 },
    { pattern: 'not|dont make|form|shape|get|say words|word', maxGap: 2 },
    { pattern: 'sounds|sound|sounding|voice like marbles|mouthful|drunk', maxGap: 4 },
    'mouthful marbles',
    // One side of the face "like after the dentist": numb as after an injection, said as a likeness.
    {
      pattern: 'side face|mouth|lip|cheek|tongue like|as dentist|dental|novocaine|anaesthetic|anesthetic',
      maxGap: 3,
    },
  ],
  seizure: [
    { pattern: 'first fit|seizure|convulsion', maxGap: 1 },
    // Round 14: someone found or seen fitting, jerking or convulsing, whatever the verb before.
    {
      pattern:
        'found|saw|seen|see|watched|watching @someone|him|her|them|housemate|flatmate|colleague|mate fitting|seizing|convulsing|jerking',
      maxGap: 2,
    },
    // Jerking on the floor, or for minutes on end (NHS: call 999 for a fit lasting over 5 minutes).
    { pattern: 'jerking|thrashing|convulsing|fitting floor|ground|bath', maxGap: 2 },
    {
      pattern: 'shaking|jerking|twitching|thrashing|convulsing|fitting for|over <n:2-60> min|mins|minutes',
      maxGap: 3,
    },
    'convuls*',
    'seizing',
    'is|was|started|keeps|keep|been|still fitting',
    'any: shaking|jerking|twitching|stiff not|dont responding|unresponsive|answer*|react*|respond*',
    // The whole body jerking, the word fit unsaid.
    { pattern: 'any: whole|entire body|arms|limbs jerk*|twitch*|convuls*|spasm*', maxGap: 3 },
    { pattern: 'any: arms|arm legs|leg jerk*|twitch*|convuls*|spasm*|thrash*|flail*', maxGap: 3 },
    // Round 10: stiff, then jerking: the two phases of a tonic-clonic seizure said in a row.
    { pattern: 'any: rigid|stiff|stiffened|stiffening jerk*|shak*|twitch*|convuls*|thrash*', maxGap: 4 },
    'having|had seizure|seizures|fit|fits',
    'any: seizure* lasting|lasted|minutes|again|now|still|long|first|stop',
    'eyes roll*',
    { pattern: 'seizure*|seizing|fit|fits|fitting|convuls* not|wont stop|stopping|ending', maxGap: 3 },
    {
      pattern: 'any: shaking|jerking|twitching|stiff|stiffened|rigid foam*|froth*|drool*|bit|bitten',
      maxGap: 3,
    },
    'foam*|froth* mouth',
    'status epilepticus',
    // Round 16: a fit that has gone on for minutes, whatever the word for it (NHS: 999 after 5 minutes), and a rescue
    // medicine already given (buccal midazolam, rectal diazepam: the fit did not stop by itself).
    {
      pattern:
        'fit|fits|fitting|seizure*|convulsion* lasted|lasting|gone|going|been <n:3-90> min|mins|minutes',
      maxGap: 2,
    },
    {
      pattern:
        'gave|given|used|administered|done buccal|rectal|nasal|rescue|emergency midazolam|diazepam|buccolam|epistatus|med|meds|medication',
      maxGap: 2,
    },
    // Round 9: "seizure" as dictation hears it ("having a sea sure") or spelt as heard.
    { pattern: '=a|another|having|had|during|after =sea|=see =sure|=sures|=zure|=zures', maxGap: 0 },
    '=seasure|=seasures|=seesure|=seezure|=ceasure|=seisure|=sezure|=seazure',
  ],
  meningitis_signs: [
    // Round 14 (training phrasings): the soft spot said first.
    'soft spot bulging|bulges|bulge|raised|swollen|tense|puffed|sticking',
    'fontanelle|fontanel bulging|bulges|bulge|raised|swollen|tense|puffed|sticking',
    'bulging|bulge|bulges|raised|swollen|tense fontanelle|fontanel',
    'meningitis',
    'purpura fulminans',
    // Round 19 probe class: "fading" is no "fade*" (the e goes), and "no fadin" is how Scots say it.
    'rash|spots|blotches|pinpricks|dots|marks not|dont|no|isnt|doesnt|wont|aint fade*|fading|fadin|disappear*|go',
    // Round 16 probe classes: the spots still seen through the glass; the soft part or the top of a baby's head
    // bulging. A glass test named alone is no finding (its spots may fade): with a fever it is (`glass_test`).
    { pattern: 'any: still|stay|stays|stayed|visible|show|shows|showing =glass|=tumbler', maxGap: 3 },
    {
      pattern: 'soft|top part|bit|of head|skull bulging|bulges|bulge|raised|swollen|tense|puffed',
      maxGap: 3,
    },
    // Headache, a neck that will not bend and vomiting: meningism before any fever is measured (NICE NG240).
    { pattern: 'any: neck stiff* vomit*|vomiting|throwing', maxGap: 4 },
    { pattern: 'neck not|dont bend|move vomit*|vomiting|throwing', maxGap: 3 },
    // Round 9: the same told the other way round ("vomiting and can't bend his neck").
    { pattern: 'vomit*|vomiting|throwing|sick not|dont bend|move|touch|tuck neck|chin', maxGap: 4 },
    'non blanching',
    // Meningism without a fever taken yet: a stiff neck with light that hurts (NICE NG240).
    { pattern: 'neck headache|head not|dont stand|bear|look|take|handle light|lights|brightness', maxGap: 3 },
    {
      pattern: 'any: neck stiff* light|lights|brightness hurt*|hurting|painful|bother*|sensitive',
      maxGap: 0,
    },
    // A bulging soft spot in a baby (NICE NG143 red).
    'bulging|bulge|bulges|raised|swollen|tense soft spot|fontanelle|fontanel',
    { pattern: 'rash|spots|blotches not|dont going|gone|fading away', maxGap: 1 },
    { pattern: 'any: rash|spots|blotches press*|pressed|roll*|push* glass|tumbler', maxGap: 4 },
  ],
  severe_head_injury: [
    // Round 10: pupils of different sizes after a blow are raised pressure in the skull (NICE NG232).
    { pattern: 'any: pupil|pupils bigger|larger|different|unequal|uneven|blown', maxGap: 3 },
    'head injury|trauma',
    'skull fracture*|fractured',
    'fractured skull',
    // Knocked out by a blow, the head unnamed (NICE NG232: any loss of consciousness after an injury).
    {
      pattern:
        'knocked out after|during|in|from|by tackle|fall|fight|match|game|crash|accident|collision|punch|ball|hit|blow',
      maxGap: 3,
    },
  ],
};
