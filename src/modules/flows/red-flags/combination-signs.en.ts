import type { LexiconInput } from './lexicon.schema.ts';

/**
 * English wording of signs that are a red flag only together, as `red-flag-combinations.ts` pairs them
 * (a fever and a stiff neck, a baby under 3 months and a fever). Syntax: `lexicon.schema.ts`.
 */
export const englishCombinationSigns: LexiconInput['concepts'] = {
  fever: [
    { pattern: '@someone|@little|he|she is|feels|felt hot', maxGap: 1 },
    { pattern: 'hot and|with sick|shivery|vomiting', maxGap: 1 },
    // Round 14 (training phrasings): "38 and something".
    { pattern: '<n:38-42> and|point something|bit', maxGap: 1 },
    'feverish',
    'fever*',
    'febrile',
    'high temp*',
    'burning up',
    // "has a temperature" is a fever in British English.
    { pattern: 'has|have|got|running|spiking temperature|temp', maxGap: 0 },
    { pattern: 'with|and|plus temperature|temp', maxGap: 0 },
    // Hot to the touch, said of the child and not of the weather.
    {
      pattern: '@someone|@little|old|skin|body|forehead|feels|felt|feeling very|really|so|burning hot',
      maxGap: 1,
    },
    // Round 13: "feels boiling hot", said of the person.
    { pattern: 'feels|felt|feeling|skin|body|forehead boiling|roasting', maxGap: 1 },
    '<n:38-43> degrees|c|celsius',
    '<n:100.4-110> f|fahrenheit|degrees',
    'temp|temperature <n:38-43>|<n:100.4-110>',
    '<d:38-43>',
    // Round 16: hot with cold hands or feet (NICE NG143: cold extremities with a fever).
    { pattern: 'hot|burning|boiling with|but|and cold hands|feet|hand|foot', maxGap: 1 },
  ],
  young_infant: [
    // Round 14 (training phrasings): "she's only 11 weeks", "my nephew is 4 weeks".
    {
      pattern:
        'she|he|shes|hes|baby|babys|nephew|niece|grandson|granddaughter|grandchild|twins only|just <n:0-13> week|weeks|wk|wks',
      maxGap: 1,
    },
    {
      pattern: 'nephew|niece|grandson|granddaughter|grandchild|twins is|only|just <n:0-13> week|weeks|wk|wks',
      maxGap: 1,
    },
    // "8 wks" abbreviated is a baby's age; "for 8 wks", "8 wks pregnant" are excluded in the lexicon.
    { pattern: '<n:0-13> wk|wks', maxGap: 0 },
    { pattern: '<n:0-13> week|weeks baby|boy|girl|son|daughter|infant', maxGap: 0 },
    'newborn*',
    'neonat*',
    '<n:0-3> month|months|mo|mos|mth|mths old',
    // Parents' shorthand: DD, LO, and DS, which the shared SMS table has already spelled « dans ».
    {
      pattern: 'baby|son|daughter|boy|girl|infant|newborn|dd|lo|dans|bub|bubba <n:0-13> week|weeks|wk|wks',
      maxGap: 0,
    },
    '<n:0-13> week|weeks|wk|wks old',
    // Round 18 probe class: the baby called the little one ("lil one is 2 months", "wee one 6 wks").
    { pattern: 'lil|little|wee|tiny one <n:0-3> month|months|mo|mos|mth|mths', maxGap: 1 },
    { pattern: 'lil|little|wee|tiny one <n:0-13> week|weeks|wk|wks', maxGap: 1 },
    // Round 12: "baby 2 months", the age right after the baby.
    { pattern: 'baby|babys|son|daughter|infant|lo|dd|dans <n:0-2> month|months|mo|mos|mth|mths', maxGap: 0 },
    // Round 10: the age said without "old" ("baby is 2 months, temp 38.6").
    {
      pattern:
        'baby|babys|son|daughter|infant|bub|bubba|lo|dd|dans is|only|just <n:0-3> month|months|mo|mos|mth|mths',
      maxGap: 1,
    },
    '<n:0-92> day|days old',
    'born <n:0-92> day|days|week|weeks ago',
  ],
  stiff_neck: [
    { pattern: 'light|lights|brightness hurt|hurts|hurting|painful', maxGap: 1 },
    // Round 14 (training phrasings): "neck rigid", light not borne however said ("don't support the light", the curtains).
    { pattern: 'neck rigid|solid|locked', maxGap: 1 },
    { pattern: 'not|dont|cant support|tolerate|stand light|lights|brightness|curtains|sun', maxGap: 2 },
    // Round 10b: the chin that will not go to the chest, the head that will not bend forward.
    { pattern: 'not|cannot bend|tip|tilt|lower|drop|nod head|chin forward|forwards|down|chest', maxGap: 2 },
    { pattern: 'any: not|cannot chin chest', maxGap: 3 },
    'stiff neck',
    'neck stiff*',
    'not|dont bend|move|touch|put|get|bring|tuck neck|chin',
    'neck not|dont bend|move',
    { pattern: 'neck hurts|hurting|painful|sore bend|move|turn', maxGap: 2 },
    // Light that hurts the eyes is the other meningism sign NICE names with fever.
    { pattern: 'not|dont look|stand|bear|face light|lights|brightness', maxGap: 2 },
    { pattern: 'light|lights hurt*|hurting|painful eyes', maxGap: 2 },
  ],
  purpura: [
    // Round 14 (training phrasings): a rash said by its look: like bruises, like blood spots, under the skin, spreading fast.
    { pattern: 'rash|spots|marks|dots|blotches like bruises|bruising|bruise|blood', maxGap: 2 },
    { pattern: 'rash|spots|marks|dots|blotches spreading fast|quickly|rapidly', maxGap: 2 },
    { pattern: 'dots|spots|marks|specks under skin', maxGap: 2 },
    { pattern: 'blood spots|dots|specks', maxGap: 0 },
    'purpura',
    'petechia*',
    'purple|dark|pinprick|pinpoint spots|rash|blotches|dots|marks|pinpricks|bruises',
    // Round 10: a blotchy rash with a fever (NHS meningitis: a blotchy rash that may not fade).
    { pattern: 'blotchy rash|spots|skin', maxGap: 0 },
  ],
  sepsis_warning: [
    // Round 14 (training phrasings): muddled, hardly passing water, greyish skin, shaking all over, a heart very fast,
    // "something is really wrong", dizzy on standing (UK Sepsis Trust).
    'muddled|befuddled',
    { pattern: 'not with it', maxGap: 0 },
    { pattern: 'not|no|hardly|barely passed|pass|passing|peeing|weeing|urine|water', maxGap: 2 },
    { pattern: 'any: skin|lips|face greyish|grayish|greying|bluish|blotchy', maxGap: 3 },
    { pattern: 'i|he|she|shes|hes shake|shakes all over', maxGap: 2 },
    { pattern: 'heart|pulse|heartbeat very|really|so fast|quick|rapid', maxGap: 1 },
    { pattern: 'something really|seriously|very|badly|terribly wrong', maxGap: 1 },
    { pattern: 'dizzy|faint when|if stand|standing', maxGap: 2 },
    'drowsy',
    // Round 12: the shakes and a heart going hard said plainly, with an infection named.
    { pattern: 'im|i|he|she|shes|hes shaking|shivering|trembling', maxGap: 1 },
    { pattern: 'heart|pulse pounding|thumping|hammering|banging', maxGap: 2 },
    { pattern: 'and|now|keeps|keep shaking|shivering|trembling', maxGap: 1 },
    'confused|confusion',
    'disorient*',
    'delirious',
    'mottled',
    'blotchy',
    'not|dont making sense',
    'talking nonsense|rubbish',
    'not|no pee*|peed|urin*|wee*|wet',
    'any: shiver*|shaking uncontroll*|extreme*|violent*',
    'like dying|die',
    // "Never felt so ill", "worst I have ever felt" (UK Sepsis Trust), and shaking chills.
    { pattern: 'feel|feels|feeling|felt worst|worse ever|life', maxGap: 2 },
    { pattern: 'never felt so|this ill|unwell|poorly|bad|rough', maxGap: 2 },
    'rigors|rigours',
    'going die',
    'floppy',
    'lethargic',
    'very|really sleepy|drowsy',
    // Round 9: a fever without defences against infection is neutropenic sepsis until shown otherwise (NICE NG151).
    'chemo*',
    'neutropeni*',
    'immunosuppress*|immunocompromised',
    'transplant*',
    // Round 10: a fast heart or breathing, grey lips or skin, nonsense mumbled, the shakes, unable to stand
    // (UK Sepsis Trust, NICE NG51).
    'heart|pulse racing',
    { pattern: 'heart|pulse|hr rate|at <n:130-250>', maxGap: 1 },
    'breathing|breathes very|really fast|rapid*',
    'any: lips|skin|face grey|gray|ashen',
    'mumbl*|babbl* nonsense|gibberish',
    { pattern: '=shakes', maxGap: 0 },
    { pattern: 'barely|hardly stand', maxGap: 1 },
    { pattern: 'not|cant stand up|upright|properly', maxGap: 1 },
    // Round 16: feeling faint with an infection or a fever; cold hands and feet with a fever (NICE NG51).
    { pattern: 'feels|feel|feeling|felt|going faint|lightheaded', maxGap: 1 },
    { pattern: 'any: cold|freezing|icy hands|feet|hand|foot', maxGap: 3 },
  ],
  head_trauma: [
    { pattern: 'ball|bat|stick|club|brick|stone|elbow|knee|punch|kick|racket to|on|in @head', maxGap: 2 },
    // Round 14 (training phrasings): walked into a beam, a rugby tackle.
    {
      pattern:
        'walked|ran|run|bumped|banged|smacked into beam|door|doorframe|wall|lamppost|post|shelf|cupboard|pole|glass',
      maxGap: 2,
    },
    { pattern: 'rugby|football|hockey tackle|tackled', maxGap: 1 },
    // Round 13: a baby rolled or fell off furniture or from a height onto a hard floor.
    {
      pattern:
        'rolled|fell|fallen|tumbled|dropped|toppled off|from changing|table|bed|sofa|couch|bunk|stairs|counter|worktop|highchair|trampoline|balcony|window',
      maxGap: 3,
    },
    { pattern: 'onto|landed tiles|concrete|floor|stone|pavement', maxGap: 2 },
    // Round 11: hit by a vehicle; a helmet split or cracked; knocked out cold.
    {
      pattern: 'hit|knocked|struck|run|ran|mown by car|van|bus|lorry|truck|vehicle|motorbike|taxi|tram',
      maxGap: 3,
    },
    { pattern: 'helmet split|cracked|broken|smashed|snapped|dented|shattered', maxGap: 1 },
    { pattern: 'knocked|knocks out|unconscious', maxGap: 0 },
    // Round 10b: a fall or a dive head first or face first, from a climbing frame, onto a hard floor.
    { pattern: 'head|face first|forwards|forward', maxGap: 0 },
    'headfirst',
    { pattern: 'fell|fall|falls|falling|landed|dived|dove|dive on|onto face|head', maxGap: 2 },
    { pattern: 'dived|dove|dive|diving shallow', maxGap: 3 },
    // Round 21: the climbing frame by its other names ("jungle gym", "jungle bars").
    {
      pattern: 'fell|fall|falls|falling off|from climbing|jungle frame|monkey|bars|gym|wall|horse',
      maxGap: 2,
    },
    // Round 10: more verbs of a blow ("smacked his head"), a lump or a gash on the head, a knock at sport.
    { pattern: 'smack*|whack*|clonk*|crack*|slam*|thump* @head', maxGap: 1 },
    { pattern: 'lump|egg|gash|cut|bump|swelling on|to|of @head', maxGap: 1 },
    {
      pattern:
        'any: rugby|football|boxing|hockey|match|tackle|fight knock|knocked|bang|banged|clash|blow|collision|hit',
      maxGap: 2,
    },
    { pattern: 'hit|bump*|bang*|knock*|fell|fall*|struck|smash* @head', maxGap: 1 },
    'head injury|trauma|knock|bump',
    'concussion',
    // Round 16 (own check): a headbutt.
    'headbutt*|headbutted|headbutting',
    // Round 16: thrown or come off a bike, a horse, a scooter.
    {
      pattern:
        'came|come|comes|thrown off|from bike|bicycle|horse|scooter|motorbike|skateboard|swing|slide|trampoline',
      maxGap: 2,
    },
    // A fall from a height is a head injury until shown otherwise (NICE NG232), the head unnamed.
    {
      pattern:
        'fell|fall|falls|falling|tumbled off|from|down bed|bunk|stairs|steps|ladder|trampoline|horse|bike|bicycle|wall|tree|roof|table|sofa|couch|chair|cot|swing|slide|balcony|window|scooter|skateboard',
      maxGap: 2,
    },
  ],
  head_trauma_warning: [
    { pattern: 'vision|sight blurred|blurry|double|fuzzy', maxGap: 1 },
    'slurr*',
    { pattern: 'wants|want|wanting just sleep', maxGap: 1 },
    // Round 14 (training phrasings): a dent in the skull, gone quiet, a large lump (NICE NG232 in a baby), blurred sight.
    { pattern: 'dent|dented|dip|squishy|soft skull|head', maxGap: 3 },
    // Round 21: "he was out for about a minute", "out cold": knocked out, the word unsaid.
    { pattern: 'was|went|been out cold', maxGap: 0 },
    { pattern: 'was|went|been out seconds|second|minute|minutes|min|mins', maxGap: 3 },
    { pattern: 'gone|went|very|really quiet|floppy|pale|grey', maxGap: 1 },
    { pattern: 'big|large|huge|massive|golf|growing lump|egg|bump|swelling', maxGap: 1 },
    { pattern: 'blurred|blurry|double vision|sight', maxGap: 1 },
    // Round 14: a baby or an old person gone floppy or limp after the fall (NICE NG232).
    'floppy|limp',
    // Round 11: not knowing where they are; blood or clear fluid from an ear or the nose, however told.
    { pattern: 'not|doesnt|dont know|knows where|who|what|date|day', maxGap: 2 },
    { pattern: 'blood|fluid|bleeding|bleeds ear|ears', maxGap: 4 },
    // Round 10b: dozing or nodding off after the knock.
    'dozing|nodding off',
    { pattern: 'keeps|keep dozing|nodding|drifting', maxGap: 1 },
    'vomit*',
    'threw|throwing up',
    'drowsy',
    'sleepy',
    // Drowsy and muddled as a bystander says it.
    'not|dont keep|stay eyes open|awake',
    'not|dont making sense',
    'confused|confusion',
    'disorient*',
    'pass|passed out',
    'unconscious',
    'knocked out',
    'seizure*',
    'convuls*',
    'blood thinner*',
    'anticoagul*|warfarin|apixaban|rivaroxaban|eliquis|xarelto|dabigatran|pradaxa',
    'any: fluid|blood|bleed* ear|ears|nose',
    'not|dont remember',
    'memory loss',
    'headache worse|worsening',
    'sick',
    'being|been sick',
    'puk*',
    'talking nonsense',
    'not|dont making sense',
    'not|dont himself|herself|themselves',
    'falling|fall|fell asleep|unconscious',
    'not|dont stay awake',
    'drowsy|sleepy|dozy',
    // Round 10: the same question asked again and again (memory loss, NICE NG232).
    { pattern: 'asking|asks|asked|repeating|repeats same|question|questions|thing|things', maxGap: 3 },
    // Round 16: drowsier than before, one side weak, seeing double, the worst headache, clear fluid from the
    // nose however named (NICE NG232).
    'drowsier|sleepier|dozier',
    { pattern: 'more drowsy|sleepy|confused|vacant than', maxGap: 1 },
    { pattern: 'any: weak*|numb*|droop* one|left|right|half side|arm|leg', maxGap: 3 },
    { pattern: 'seeing|see double|two|stars|blurred|blurry', maxGap: 1 },
    { pattern: 'any: worst|severe|terrible|splitting|awful|unbearable headache', maxGap: 3 },
    { pattern: 'vision|sight doubled|doubling', maxGap: 1 },
    {
      pattern:
        'any: clear|watery|straw drip*|leak*|running|runs|coming|fluid|liquid|stuff nose|ear|ears|nostril|nostrils',
      maxGap: 3,
    },
  ],
  pregnant: [
    // Round 14 (training phrasings): "my 36 week check".
    '<n:20-42> week',
    // Round 13: "tested positive", "positive test", without the word pregnancy (covid and the like excluded).
    { pattern: 'any: test|tested|tests positive|pos|bfp', maxGap: 2 },
    'bfp',
    { pattern: 'missed|late period', maxGap: 1 },
    // Round 12: a positive pregnancy test is a pregnancy, however early.
    { pattern: 'positive|pos pregnancy|preg|hpt test', maxGap: 1 },
    // Round 11: a pregnancy told in months ("I'm 8 months", "7 months gone"): an adult is never N months old.
    { pattern: 'im|am <n:4-9> months|month|mths', maxGap: 1 },
    { pattern: '<n:4-9> months|month|mths pregnant|gone|along', maxGap: 0 },
    'pregnant',
    'pregnancy',
    '<n:20-42> weeks|wks|wk',
    // Round 16: an early pregnancy in weeks "gone" or "along" ("6 weeks gone I think").
    { pattern: '<n:3-19> weeks|wks|wk pregnant|gone|along', maxGap: 0 },
    'gave birth',
    'postpartum',
    'delivered',
    'had baby',
    'c section',
    // Round 10: "the baby's coming", a birth under way.
    { pattern: 'baby|babys coming|arriving', maxGap: 1 },
  ],
  pregnancy_warning: [
    // Round 14 (training phrasings): a fever or a smelly discharge after the birth (sepsis), tightenings every few minutes.
    { pattern: 'high temp*|temperature', maxGap: 0 },
    'fever|feverish',
    { pattern: 'smelly|offensive|foul|smelling discharge|loss|losses', maxGap: 1 },
    { pattern: 'regular|painful|strong|frequent tightenings|tightening', maxGap: 1 },
    { pattern: 'pains|cramps|tightening|tightenings every <n:1-15> min|mins|minutes', maxGap: 2 },
    // Round 12: an ectopic pregnancy: pain low on one side, a faint or nearly (NHS ectopic pregnancy).
    { pattern: 'any: @pain one|left|right side|sided', maxGap: 3 },
    // Round 13: the side said without "side" ("pain low on the left"), spotting.
    { pattern: '@pain on|low|down left|right', maxGap: 2 },
    'spotting',
    { pattern: 'nearly|almost fainted|passed|blacked', maxGap: 0 },
    'fainted|faint|collapsed',
    { pattern: 'pain|ache shoulder', maxGap: 2 },
    // Round 11: a headache that will not go (pre-eclampsia, NICE NG133); waters gone; something felt
    // hanging down or coming out (a cord prolapse, RCOG).
    { pattern: 'headache|head wont|not|doesnt go|going|shift|stop|away', maxGap: 3 },
    { pattern: 'severe|bad|terrible|worst|splitting headache', maxGap: 1 },
    { pattern: 'waters|water broke|broken|burst|went|gone|popped', maxGap: 2 },
    { pattern: 'something|cord|lump hanging|coming|sticking|poking down|out|vagina|between', maxGap: 2 },
    'bleed*',
    'blood',
    'any: @pain @belly @intense',
    'contraction|contractions',
    // Round 14: a pad soaked after the birth, clots passed (postpartum haemorrhage, RCOG).
    { pattern: 'soak*|soaking|filling|through pad|pads|towel*', maxGap: 2 },
    'clots|clot',
    'vision blur*|spots|flash*',
    'blurred|blurry vision',
    'seeing spots|flashing',
    'any: swelling|swollen face|hands',
    'fell|fall* belly|stomach|bump',
    'leaking fluid|water',
    'fluid|water|waters leak*|leaking|gushing|trickling|coming|came|pouring',
    // Round 10: an ectopic pregnancy's shoulder-tip pain, (NHS ectopic pregnancy).
    'shoulder tip',
    'flashing lights',
    { pattern: 'any: face|hands puffed|puffy|puffing', maxGap: 3 },
    // A birth under way: the head seen.
    { pattern: 'see|seeing|seen|visible head', maxGap: 1 },
  ],
  allergic_reaction: [
    { pattern: 'horse|horsefly|insect|spider|mosquito fly|bite|bitten|bites', maxGap: 1 },
    // Round 12: a contrast dye, a drug given in a scan.
    { pattern: 'contrast|iodine dye|injection|scan', maxGap: 1 },
    '=hives',
    'urticaria',
    '=welts',
    'allerg*',
    'reaction|reacted to|after|from',
    'peanut*',
    'wasp*|bee|bees|hornet*|stung|sting',
    {
      pattern: 'ate|eaten|eating|eat|eats|drank|drink|drinks|touched|after|took|taking|since|had @allergen',
      maxGap: 2,
    },
    // Round 10: hives said as they come up ("came up in lumps", "broke out in welts").
    {
      pattern: 'came|come|comes|coming|broke|breaking out|up in lumps|hives|welts|blotches|bumps|rash',
      maxGap: 1,
    },
  ],
  infant_warning: [
    'not|stopped feeding|drinking|eating|feed',
    'refus* feed*|bottle|breast|milk',
    'floppy',
    'not|dont waking|wake',
    'breathing fast|rapid*|weird*|strange*',
    'no|not wet nappy|nappies|diaper*',
  ],
  allergy_breathing: [
    { pattern: 'coughing|cough lot|lots|loads|nonstop|constantly|persistent|badly', maxGap: 2 },
    { pattern: 'lump|ball|egg in|my throat', maxGap: 2 },
    { pattern: 'airway|airways|windpipe closing|closed|narrowing|tight*|shutting', maxGap: 2 },
    // Round 14 (training phrasings): eyes closing, "she breath bad", a lump growing in the throat.
    { pattern: 'eyes|eye closing|closed|shut|swelling', maxGap: 1 },
    { pattern: 'breath|breathe|breathing bad|badly|wrong|strange|weird', maxGap: 1 },
    { pattern: 'any: lump|something growing|bigger|swelling throat', maxGap: 4 },
    // Round 11: breathing or swallowing getting harder, told after the word.
    {
      pattern: 'breath*|breathing|swallowing getting|gets|got|more harder|hard|difficult|worse|tight*',
      maxGap: 2,
    },
    'hard|difficult*|trouble|struggl*|short* breath*|swallow*',
    'wheez*',
    'throat tight*|itchy|closing|swell*|swollen',
    'dizzy',
    'lightheaded',
    'faint*',
    'not|dont swallow',
    'voice hoarse|croaky|changed|changing|different|funny|weird|strange|gone|squeaky|squeaking',
    { pattern: 'scratching|clawing|grabbing throat|neck', maxGap: 2 },
    // Round 16: lips or face gone blue or grey after the food (circulation failing, Resuscitation Council UK).
    { pattern: 'any: lips|lip|face blue|bluish|grey|gray|purple', maxGap: 3 },
    'any: @face swell*|swollen|puff*',
    // The face blown up, the voice gone hoarse, breathing or circulation failing (Resuscitation Council UK).
    { pattern: 'any: @face blew|blown|balloon*|huge|massive|big|fat|thick|puffy|duck|sausage*', maxGap: 2 },
    // Round 10b: a face "blowing up" as it happens; a squeak or a whistle on breathing in.
    { pattern: 'any: @face blowing|ballooning|swelling', maxGap: 2 },
    { pattern: 'squeak*|whistl*|noisy breath*|breathing', maxGap: 2 },
    'hoarse|croaky|raspy',
    'not|dont breathe|breath|breathing',
    'breathing noisy|hard|funny|weird|fast',
    'chest tight*',
    'floppy|limp|pale|collapsed|collapse|collapsing|grey|gray',
    // Round 9: about to pass out or black out (the circulation failing).
    'pass|passing out',
    'black|blacking out',
    // Round 10: gasping, and the circulation failing: a racing heart, a systolic pressure under 90.
    'gasp*',
    'heart|pulse racing|pounding',
    // Said as a reading: "80/50", "75 over 40" ("blood pressure" itself is an exclusion: no bleeding).
    { pattern: 'bp|systolic|says|reads|reading <n:40-89>', maxGap: 0 },
    { pattern: '<n:50-89> over <n:20-59>', maxGap: 0 },
    { pattern: '<n:50-89> <n:20-59>', maxGap: 0 },
  ],
  // Round 9: carbon monoxide told in two clauses: something burning fuel indoors…
  fume_source: [
    'boiler|boilers',
    'heater|heaters',
    // Round 16 probe classes: a paraffin or kerosene heater or lamp.
    'paraffin|kerosene',
    'generator',
    'barbecue|bbq|charcoal|brazier',
    // Round 10b: a camping stove or a paraffin lamp burns fuel too.
    'stove|stoves|primus|calor',
    { pattern: '=gas fire|heater|stove|cooker|leak|smell|appliance', maxGap: 0 },
    { pattern: 'wood|log|fuel burner|burners|stove', maxGap: 1 },
    'fumes',
    'exhaust',
    'chimney|flue',
    { pattern: 'car|engine running garage', maxGap: 3 },
  ],
  // …and several people of the house unwell at once.
  household_unwell: [
    // Round 10: a headache said by its beat: "everyone has a banging head".
    {
      pattern:
        'we|us|both|everyone|everybody|family|household|kids|children|all banging|pounding|splitting|thumping|sore head|heads|headache|headaches',
      maxGap: 4,
    },
    {
      pattern:
        'we|us|both|everyone|everybody|family|household|kids|children all|both|of headache*|dizzy|dizziness|sick|vomit*|vomiting|nause*|drowsy|sleepy|faint*',
      maxGap: 3,
    },
    {
      pattern:
        'everyone|everybody|family|household headache*|dizzy|dizziness|sick|vomit*|vomiting|nause*|drowsy|sleepy|faint*',
      maxGap: 3,
    },
    {
      pattern:
        'all|both of us|them headache*|dizzy|dizziness|sick|vomit*|vomiting|nause*|drowsy|sleepy|faint*',
      maxGap: 3,
    },
    // Round 16 probe classes: "my husband and I", "me and both kids", "the whole house" with headaches, sleepy,
    // nodding off or woozy together (NHS carbon monoxide: more than one person of the home).
    {
      pattern:
        '@someone and i|me headache*|dizzy|dizziness|sick|vomit*|vomiting|nause*|drowsy|sleepy|faint*|nodding|woozy|groggy|drunk',
      maxGap: 3,
    },
    {
      pattern:
        'me|i and @someone headache*|headaches|head|heads|dizzy|dizziness|sick|vomit*|vomiting|nause*|drowsy|sleepy|faint*|nodding|woozy|groggy|drunk',
      maxGap: 4,
    },
    {
      pattern:
        'whole|entire house|home|flat|household headache*|dizzy|dizziness|sick|vomit*|vomiting|nause*|drowsy|sleepy|faint*',
      maxGap: 3,
    },
  ],
  // Round 10: meningism told in separate clauses: a neck that will not bend…
  neck_stiffness: [
    { pattern: 'not|cannot bend|tip|tilt|lower|drop|nod head|chin forward|forwards|down|chest', maxGap: 2 },
    { pattern: 'any: not|cannot chin chest', maxGap: 3 },
    'stiff neck',
    'neck stiff*',
    // Round 13: "neck's rigid".
    { pattern: 'neck rigid|solid|locked', maxGap: 1 },
    { pattern: 'not|dont bend|move|touch|tuck neck|chin', maxGap: 2 },
    { pattern: 'neck not|dont bend|move', maxGap: 1 },
  ],
  // …with vomiting or light that hurts the eyes.
  meningism: [
    // Round 14 (training phrasings): a mind that goes with the fever and the neck (NICE NG240).
    { pattern: 'light|lights|brightness hurt|hurts|hurting|painful', maxGap: 1 },
    'confused|confusion|floppy',
    { pattern: 'not|dont|cant support|tolerate|stand light|lights|brightness|curtains|sun', maxGap: 2 },
    { pattern: 'wants|want|lie|lying|hides|hiding in dark', maxGap: 2 },
    'vomit*|vomiting',
    { pattern: 'being|been sick', maxGap: 0 },
    'throwing up',
    { pattern: 'not|dont stand|bear|look|take|handle light|lights|brightness', maxGap: 2 },
    { pattern: 'light|lights hurt*|hurting|painful eyes', maxGap: 2 },
  ],
  // Round 10: sitting in the car in a garage…
  inside_car_garage: [{ pattern: 'sat|sitting|sit|locked|shut|am|im|is in car|van garage', maxGap: 2 }],
  // …with the engine running.
  engine_running: [{ pattern: 'engine|motor running|on|started', maxGap: 1 }],
  // Round 10: the kit of an injected drug found beside someone…
  drug_kit: [
    { pattern: 'needle|needles|syringe|syringes next|beside|by|near|on|floor|found', maxGap: 3 },
    // Round 12: an opioid named (a patch, a bottle of methadone) is the kit as much as a needle.
    'fentanyl|heroin|methadone|opioid*|opiate*|oxycodone|oxycontin|buprenorphine|morphine',
  ],
  // …who is blue, barely breathing, or will not wake.
  drugged_state: [
    { pattern: 'he|she|hes|shes|@someone blue|grey|gray', maxGap: 1 },
    { pattern: 'turning|turned|going|gone blue|grey|gray', maxGap: 1 },
    'any: lips|lip|face|skin blue|grey|gray|purple',
    { pattern: 'breathing|breathes|breaths really|very|so slow|slowly|shallow|barely|hardly', maxGap: 1 },
    'not|dont wake|waking|responding|respond|answering',
    // Round 23 probe class: "we cant wake him" (not "I can't wake up in the mornings").
    { pattern: 'cant|cannot|couldnt|wont wake|rouse him|her|them|@someone', maxGap: 1 },
    'unconscious|unresponsive',
    { pattern: 'on floor|ground', maxGap: 1 },
    'pinpoint|tiny pupils',
  ],
  // Round 9: an infection or a fresh operation named, for a sepsis sign told in another clause
  // ("had his op on monday, now he's shivering uncontrollably and confused").
  infection: [
    // Round 14 (fifth own check): an operation or an infection last week is recent, not history, for sepsis.
    { pattern: 'operation|surgery|op|infection|flu|covid|uti|pneumonia last|this week', maxGap: 2 },
    { pattern: 'operation|surgery|op|infection|flu|covid|uti|pneumonia <n:1-21> days ago', maxGap: 2 },
    // Round 14 (training phrasings): flu, on the mend, then the signs of sepsis.
    'flu|influenza|covid',
    // Round 12: a red streak or line tracking up from a wound (lymphangitis).
    { pattern: 'red streak|streaks|line|lines|track*', maxGap: 1 },
    'infection*|infected',
    'cellulitis',
    '=uti|=utis',
    'abscess*',
    'pneumonia',
    'pyelonephritis',
    { pattern: 'wound|stitches|scar|incision red|oozing|weeping|pus|hot|smelly|swollen', maxGap: 2 },
    { pattern: 'had|after|since|from operation|surgery|op', maxGap: 2 },
    // Round 16: any broken skin gone bad: a bite, a scratch, a graze, a piercing or a tattoo swollen, hot or oozing.
    {
      pattern:
        'bite|bitten|scratch|graze|cut|splinter|piercing|tattoo|blister swollen|swelling|red|hot|oozing|weeping|pus|spreading|angry|infected',
      maxGap: 2,
    },
  ],
  // Round 10b: a dose taken again or twice by mistake (not "twice a day": an exclusion), given double.
  dose_repeated: [
    // Round 14 (training phrasings): medicines taken while drinking.
    {
      pattern: 'any: drinking|drunk|booze|alcohol|vodka|wine took|taken|swallowed|popped|had @meds',
      maxGap: 3,
    },
    {
      pattern: 'any: took|taken|take|had|given|gave|did|done|swallowed @meds|dose|doses twice|double|extra',
      maxGap: 3,
    },
    // Round 14: extra paracetamol taken day after day (a staggered overdose: the liver fails days later).
    {
      pattern:
        'taking|took|taken|been|having extra|more|additional paracetamol|acetaminophen|tylenol|panadol|cocodamol|codamol',
      maxGap: 2,
    },
    // "Second dose" only of a medicine: a vaccine's second dose is the schedule.
    { pattern: 'second|another dose|doses @meds', maxGap: 1 },
    { pattern: 'double|doubled|extra dose|doses|dosed', maxGap: 1 },
    // Round 21 probe class: the wrong insulin, or one insulin for the other ("my quick acting instead of my long
    // acting", "the wrong pen"), with a sign of toxicity (a hypo: shaky, confused).
    {
      pattern:
        'any: inject*|jabbed|did|done|took|taken|used|gave|given|had insulin|insulins|pen|pens|units|acting instead|wrong',
      maxGap: 4,
    },
    { pattern: 'mixed|muddled|confused|swapped up insulin|insulins|pens|pen', maxGap: 2 },
    { pattern: 'forgot|forgotten|muddled|confused|mixed already taken|had|took', maxGap: 3 },
    {
      pattern:
        'took|taken|had them|it|@meds again by|at|with mistake|accident|lunch|dinner|tea|supper|bedtime',
      maxGap: 2,
    },
  ],
  // Round 10b: something taken from a stranger or at a party, whatever it was.
  unknown_drug: [
    {
      pattern:
        'took|taken|had|swallowed|given|gave|bought something|pill|pills|tablet|tablets|tab|tabs|powder|stuff off|from stranger|someone|guy|bloke|dealer|random',
      maxGap: 2,
    },
    {
      pattern: 'took|taken|had|swallowed something|pill|pills|tab|tabs at festival|party|rave|club|gig',
      maxGap: 2,
    },
    // Round 14 (fifth own check): something injected, smoked or snorted, whatever it was.
    {
      pattern: 'injected|smoked|snorted|shot something|stuff|summat',
      maxGap: 2,
    },
  ],
  // Round 10b: signs of toxicity, of a medicine, a drug or a fume.
  toxic_symptom: [
    { pattern: 'hard|difficult|cant keep|stay awake', maxGap: 2 },
    { pattern: 'hard|difficult wake|rouse', maxGap: 1 },
    // Round 11: the cholinergic signs of organophosphates: drooling, tiny pupils, twitching, sweating.
    'drool*|dribbl*|salivat*',
    { pattern: 'any: pupils|pupil tiny|pinpoint|small|pinned', maxGap: 2 },
    'twitch*',
    'dizzy|dizziness|lightheaded|woozy',
    'drowsy|sleepy|dozy|dozing|groggy',
    'confused|confusion|disorient*',
    'vomit*',
    'throwing|threw up',
    { pattern: 'being|been sick', maxGap: 0 },
    // Round 14: sick said as felt, and the liver's pain under the right ribs (paracetamol).
    { pattern: 'feel|feels|feeling|felt sick', maxGap: 1 },
    { pattern: 'any: pain|ache|aching|sore under|below right ribs', maxGap: 3 },
    'nause*',
    { pattern: 'very|really|so|all slow|sluggish', maxGap: 1 },
    {
      pattern: 'pulse|heart|heartbeat slow|irregular|racing|pounding|jumping|everywhere|place|skipping',
      maxGap: 3,
    },
    { pattern: 'banging|pounding|splitting|thumping head|heads|headache*', maxGap: 1 },
    'headache*',
    'shaky|shaking|trembling',
    'faint*|collapsed',
    { pattern: 'barely|hardly|not stand', maxGap: 1 },
    'burning hot|up',
    { pattern: 'jaw clench*|grinding|rigid', maxGap: 1 },
    'hallucinat*',
    'talking nonsense|rubbish',
    'not|cannot wake|waking',
    'not|cannot stay awake',
    // Round 13: breathing slowed or barely there (opioids, benzodiazepines).
    { pattern: 'breathing|breathes|breaths slow|slowly|shallow|slowed', maxGap: 1 },
    { pattern: 'barely|hardly|slow breathing|breathing|breathes', maxGap: 0 },
  ],
  // Round 10b: a closed space where fumes gather.
  enclosed_space: [
    'tent|tents|caravan|camper|campervan|motorhome|van|garage|shed|cabin|boat|basement|cellar',
    'inside|indoors',
    { pattern: 'windows|door|doors closed|shut', maxGap: 1 },
    { pattern: 'closed|shut|small room', maxGap: 1 },
  ],
  // Round 10b: goodbyes sent, things put in order or given away.
  farewell_sign: [
    { pattern: 'said|says|saying sorry', maxGap: 0 },
    { pattern: 'wanted|want tell|say someone|somebody|anyone', maxGap: 1 },
    { pattern: 'written|wrote|left|leaving note|letter', maxGap: 1 },
    {
      pattern: 'say|saying|said sorry|goodbye kids|children|family|everyone|mum|dad|wife|husband',
      maxGap: 2,
    },
    // Round 14 (training phrasings): affairs put in order in any words: thanks for everything, someone to look after
    // the cat, a goodbye rung through, a will sorted, debts cleared, the keys left, not around for the appointment.
    { pattern: 'thanks|thank for everything|all|trying', maxGap: 2 },
    { pattern: 'look|looking|care|caring after|for cat|dog|pet|pets|kids', maxGap: 2 },
    { pattern: 'rang|called|phoned|texted|messaged|wrote say|saying goodbye|bye|sorry', maxGap: 1 },
    { pattern: 'sorted|made|wrote|written|updated|signed will', maxGap: 1 },
    { pattern: 'cleared|paid|settled debts|debt|bills', maxGap: 1 },
    { pattern: 'keys with|to neighbour|neighbor|sister|brother|mum|dad', maxGap: 2 },
    // Round 14: who gets the pet or the things, said without "my"; "just wanted someone to know".
    {
      pattern:
        'who|where gets|get|will|should|can|takes|have cat|dog|pet|pets|things|stuff|belongings|car|house|kids',
      maxGap: 2,
    },
    { pattern: 'rehomed|rehoming|rehome cat|dog|pet|pets', maxGap: 2 },
    { pattern: 'wanted|want someone|somebody|you to know', maxGap: 1, negatable: false },
    // Round 11: "don't look for me", a note forwarded.
    { pattern: 'dont|not look|search for me', maxGap: 1, negatable: false },
    {
      pattern:
        'he|she|son|daughter|brother|sister|husband|wife|partner|friend|dad|mum texted|messaged|sent goodbye|farewell',
      maxGap: 2,
    },
    // A goodbye received ("texted me a goodbye"), posted for all, or said to the family: not one the patient
    // sent a colleague.
    {
      pattern:
        'texted|text|sent|messaged|wrote|called|rang|left me|us|everyone|everybody|family|mum|dad|kids goodbye|farewell|bye',
      maxGap: 2,
    },
    { pattern: 'texted|sent|messaged|wrote goodbye|farewell everyone|everybody|all|family|us|me', maxGap: 2 },
    {
      pattern:
        'wrote|posted|put|said goodbye|farewell in|on group|chat|facebook|fb|instagram|insta|whatsapp|snapchat|twitter|social',
      maxGap: 2,
    },
    { pattern: 'goodbye|farewell text|message|messages|note|letter|call|voicemail', maxGap: 1 },
    {
      pattern: 'sorted|tidied|cleaned|cleared|organised|organized things|stuff|room|affairs|papers|paperwork',
      maxGap: 2,
    },
    { pattern: 'given|gave|give|giving dog|cat|pet|pets|things|stuff away|to', maxGap: 2 },
    {
      pattern:
        'said|saying|say goodbye|goodbyes|farewell kids|children|family|everyone|everybody|mum|dad|wife|husband|parents',
      maxGap: 2,
    },
    { pattern: 'affairs in order', maxGap: 1 },
    // Round 12: an apology to everyone ("tell everyone I'm sorry"), "sorry for everything".
    { pattern: 'tell|say everyone|everybody|all|family|mum|dad|kids sorry', maxGap: 3 },
    { pattern: 'sorry for|to everything|everyone|everybody|all', maxGap: 1 },
    { pattern: 'goodbye|farewell msg|msgs|txt|sms|email|vm|voicenote|post', maxGap: 1 },
    // Round 16: affairs handed over in any words: a pet found a new home, possessions given to someone, someone
    // asked to look after the dog "when I'm gone", repeat prescriptions cancelled, the boss to be told for me.
    { pattern: 'found|finding|find|got|sorted|arranged|arranging new home|homes|owner|owners', maxGap: 3 },
    {
      pattern: 'given|gave|giving|give|handing|handed|passing|passed his|her|my|their|all away|to|over',
      maxGap: 2,
    },
    {
      pattern:
        'dog|dogs|cat|cats|pet|pets|kids|children|fish|rabbit|rabbits looked|cared|taken after|care|for',
      maxGap: 2,
    },
    { pattern: 'when|after|once gone|dead|died', maxGap: 2 },
    // Round 16 (lexicon left to the classifier): everything given away first ("given away all his tools").
    { pattern: 'given|gave|giving|handed away all|his|her|my|their|everything', maxGap: 1 },
    {
      pattern:
        'cancel|cancelling|cancelled|stop|stopping repeat|repeats|prescriptions|prescription|appointments|meds',
      maxGap: 2,
    },
    {
      pattern:
        'need|want|get|ask someone|somebody|you tell|let|inform boss|work|manager|family|mum|dad|kids|wife|husband',
      maxGap: 3,
    },
  ],
  unreachable: [
    { pattern: 'phone|mobile off|dead|switched|voicemail', maxGap: 2 },
    { pattern: 'not answering|picking|replying|responding', maxGap: 1 },
    { pattern: 'not|cannot reach|contact', maxGap: 1 },
    { pattern: 'not|cannot get hold', maxGap: 1 },
    'no answer|reply',
    'straight voicemail',
  ],
  // The means at hand: a firearm, and (round 14) medicines or a blade laid out, someone else's whole supply.
  weapon_at_hand: [
    // Round 20 probe class: the gun loaded.
    { pattern: 'loaded gun|rifle|shotgun|pistol|revolver|firearm', maxGap: 1 },
    { pattern: 'gun|rifle|shotgun|pistol|revolver loaded', maxGap: 1 },
    // Round 14 (tenth own check): a photo of a rope, a razor at hand, "I've got the means".
    { pattern: 'photo|picture|pic|pics rope|noose|gun|knife|blade|razor|pills|tablets', maxGap: 2 },
    { pattern: 'have|got|holding|bought razor|razors|blade|blades', maxGap: 2 },
    { pattern: 'got|have|found means|method', maxGap: 2 },
    { pattern: 'have|got|holding @meds|pills|tablets|blades|knife|rope here|ready', maxGap: 2 },
    { pattern: '@meds|pills|tablets|blades|knife|rope with me', maxGap: 1 },
    { pattern: 'any: @meds|pills|tablets|knife|blade|razor|rope lined|counted', maxGap: 3 },
    { pattern: '@meds|pills|tablets|knife|blade|razor|rope|gun front|beside|next me', maxGap: 2 },
    {
      pattern: 'have|has|had|got|holding|took|taken all|every|whole|rest @someone|mums|dads @meds',
      maxGap: 2,
    },
    { pattern: 'got|have|saved|collected enough @meds|pills|tablets now|to', maxGap: 2 },
    { pattern: 'got|have|saved|collected enough now', maxGap: 1 },
    // Round 16: the tablets saved up, said after them.
    { pattern: '@meds|pills|tablets saved|stockpiled|hoarded|stashed up|away|ready', maxGap: 1 },
    // Round 22 probe class: the means at hand unnamed ("got everything I need saved up", "all I need is ready").
    {
      pattern: 'everything|all|enough need|needed saved|stockpiled|hoarded|stashed|ready|sorted|together',
      maxGap: 2,
    },
    // Round 11: a gun got out or held.
    {
      pattern: 'got|have|took|taken|grabbed|holding gun|guns|shotgun|rifle|pistol|revolver|firearm|handgun',
      maxGap: 3,
    },
    {
      pattern:
        'gun|guns|shotgun|rifle|pistol|revolver|firearm|handgun table|beside|next|front|hand|lap|loaded|out|ready',
      maxGap: 3,
    },
    { pattern: 'loaded gun|shotgun|rifle|pistol|revolver|firearm|handgun', maxGap: 1 },
  ],
  burn_cause: [
    {
      pattern:
        'touched|grabbed|leaned|fell|sat hot|oven|hob|iron|stove|grill|pan|kettle|hotplate|radiator|fire|barbecue|bbq',
      maxGap: 3,
    },
    // Round 14 (training phrasings): a gas flare, a caustic on the skin, a bath far too hot.
    'flare|flash|blast|fireball',
    { pattern: 'drain|oven cleaner|unblocker', maxGap: 1 },
    'caustic|lye|acid',
    { pattern: 'hot|boiling|scalding bath|water|shower|noodles|soup|oil|fat|porridge', maxGap: 1 },
    { pattern: 'bath|water|shower too|far|very|boiling|scalding hot', maxGap: 2 },
    // Round 11: clothes, trousers, a sleeve caught or on fire.
    {
      pattern:
        'clothes|trousers|trouser|dress|shirt|top|jumper|sleeve|sleeves|pyjamas|nightie|skirt caught|alight|fire',
      maxGap: 2,
    },
    'flames|flame|fireball|bonfire|petrol|gasoline|explosion|exploded|explode|explodes|firework*|blowtorch|flashed|flashback',
    'caught|catch|catches|set fire',
    { pattern: 'went|go|gone|goes up face|flames', maxGap: 2 },
    'chip pan',
    'lighter fluid',
  ],
  burn_damage: [
    { pattern: 'going|gone|turned|turning white|grey|waxy', maxGap: 0 },
    { pattern: 'red raw', maxGap: 0 },
    // Round 11: a leg, a shin or the back black, charred or peeling (clothes caught fire).
    {
      pattern:
        'any: legs|leg|shins|shin|arms|arm|back|chest|body|feet|foot|thighs|thigh black|charred|peeling|leathery|melted',
      maxGap: 2,
    },
    // Blisters on the face or the hands, or everywhere; a small blister is an exclusion.
    'blistered|blistering',
    { pattern: 'any: @face|hands|hand|cheeks|arms|legs blister|blisters', maxGap: 3 },
    { pattern: 'blisters everywhere|over', maxGap: 2 },
    'blackened|charred|singed|scorched',
    { pattern: 'skin black|peeling|melted|white|leathery|grey|gray', maxGap: 2 },
    { pattern: 'eyebrows|eyelashes|eyelash|fringe|hair gone|singed|burnt|burned|melted', maxGap: 1 },
    { pattern: 'burnt|burned @face|hands|hand', maxGap: 2 },
    { pattern: 'any: face|hands burnt|burned|black', maxGap: 2 },
  ],
  // Round 10b: the whole body shaking or twitching...
  body_convulsing: [
    { pattern: '@someone|he|she|him|her fitting|seizing|convulsing', maxGap: 1 },
    // Round 14 (training phrasings): shook all over, arms jerking, went rigid.
    { pattern: 'shook|jerked|twitched|shuddered all over', maxGap: 2 },
    { pattern: 'arms|legs|limbs|arm|leg jerking|twitching|thrashing|shaking', maxGap: 1 },
    { pattern: 'went|gone|goes|going rigid|stiff', maxGap: 1 },
    // Round 14: the jerking that goes on ("still jerking", "won't stop fitting"), the word seizure unsaid.
    {
      pattern: 'still|keeps|keep jerking|fitting|convulsing|seizing|thrashing|twitching|shaking',
      maxGap: 1,
      negatable: false,
    },
    {
      pattern: 'not stop|stopping jerking|fitting|convulsing|seizing|thrashing',
      maxGap: 1,
      negatable: false,
    },
    { pattern: 'jerking|fitting|convulsing|thrashing not stop|stopping', maxGap: 2, negatable: false },
    // Shaking and jerking together, on the floor, or for minutes on end.
    { pattern: 'shaking|twitching|stiff jerking|convulsing|thrashing', maxGap: 1 },
    {
      pattern: 'shaking|jerking|twitching|thrashing|convulsing|fitting floor|ground|bath|bed|sofa|couch',
      maxGap: 2,
    },
    {
      pattern: 'shaking|jerking|twitching|thrashing|convulsing|fitting for|over <n:2-60> min|mins|minutes',
      maxGap: 3,
    },
    { pattern: 'shaking|jerking|twitching|twitches|jerks|shakes|juddering|convulsing all over', maxGap: 2 },
    { pattern: 'whole|entire body shaking|jerking|twitching|juddering|convulsing', maxGap: 2 },
    { pattern: 'shaking|jerking|twitching|juddering|convulsing whole|entire body', maxGap: 2 },
  ],
  // …with no response, blue lips, eyes rolled back, or not waking between fits.
  seizure_companion: [
    { pattern: 'not|isnt breathing|breathe', maxGap: 1 },
    { pattern: 'cant|cannot|not get through him|her|them', maxGap: 2 },
    { pattern: 'wet|wee|weed himself|herself|themselves', maxGap: 0 },
    { pattern: 'staring through|blankly|vacantly', maxGap: 1 },
    { pattern: 'staring into space', maxGap: 1 },
    // Round 14: someone known to have epilepsy: the jerking is a seizure until shown otherwise.
    'epilep*',
    { pattern: 'has|have|gets|get fits|seizures', maxGap: 1 },
    'not|dont responding|respond|responsive|answering|answer|waking|wake|woke',
    'unresponsive',
    'any: lips|lip|face blue|grey|gray|purple|dusky',
    { pattern: 'going|gone|turning|turned blue', maxGap: 1 },
    { pattern: 'eyes rolled|rolling|rolls back|up', maxGap: 2 },
    { pattern: 'second|third|another one row|between|after', maxGap: 3 },
    // Round 16: a rescue medicine already given (buccal midazolam, rectal diazepam) and the fit goes on.
    {
      pattern:
        'gave|given|used|administered|done buccal|rectal|nasal|rescue|emergency midazolam|diazepam|buccolam|epistatus|med|meds|medication',
      maxGap: 2,
    },
    'midazolam|buccolam|epistatus',
    { pattern: 'buccal|rectal|nasal midazolam|diazepam', maxGap: 0 },
  ],
  // Round 11: the face, lips, tongue or neck swelling, whatever caused it (puffy eyes alone are a cold or tears)…
  face_swelling: [
    // Round 12: swelling all over, hives that swell, eyes swollen shut.
    { pattern: 'swelling|swollen|swelled|puffing|puffed up all|everywhere', maxGap: 1 },
    { pattern: 'eyes|eye swollen|swelled|puffed shut|closed', maxGap: 1 },
    {
      pattern: 'any: face|lips|lip|tongue|mouth|neck swell*|swollen|puff*|blew|blown|blowing|balloon*',
      maxGap: 2,
    },
  ],
  // …and the airway in trouble: swallowing, breathing or the voice (pain on swallowing is a sore throat).
  airway_trouble: [
    {
      pattern:
        'struggl*|hard|difficult*|trouble|unable|cant|cannot|not swallow|swallowing|breathe|breathing|breath',
      maxGap: 2,
    },
    {
      pattern: 'breath*|breathing|swallowing getting|gets|got|more harder|hard|difficult|worse|tight*',
      maxGap: 2,
    },
    { pattern: '=drooling|dribbling', maxGap: 0 },
    { pattern: 'voice hoarse|croaky|gone|changed|muffled|funny|strange', maxGap: 2 },
    'wheez*',
    'gasp*',
  ],
  // Round 11: a pesticide, crops or a field sprayed, slug pellets: organophosphates and carbamates.
  pesticide_exposure: [
    'pesticide*|insecticide*|herbicide*|weedkiller*|organophosph*|paraquat|glyphosate|roundup|fungicide*',
    {
      pattern: 'spray*|sprayed|spraying crops|field|fields|orchard|vines|vineyard|chemicals|sheep',
      maxGap: 2,
    },
    { pattern: 'sheep dip', maxGap: 0 },
    { pattern: 'slug pellets|bait', maxGap: 0 },
  ],
  // Round 11: speech that has changed, told by someone who knows how the person usually speaks…
  speech_change: [
    // Round 20 probe class: words said for others ("calls the fork a phone", "says fork for phone").
    { pattern: 'says|said|saying|calls|called|calling for|instead', maxGap: 2 },
    {
      pattern: 'not|cant|cannot understand anything|what|us|me|words|anyone|people',
      maxGap: 2,
      negatable: false,
    },
    // Round 14 (ninth own check): only noises come out, words lost.
    { pattern: 'only|just noises|sounds|grunts|moans come|coming|came out', maxGap: 1 },
    { pattern: 'lost|losing words|speech', maxGap: 2 },
    // Round 14 (fifth own check): speech that sounds drunk (with a hand gone wrong or a sudden start: a stroke).
    { pattern: 'sounded|sounding|sounds|sound|talking|speaking drunk|tipsy|sloshed|drunken', maxGap: 2 },
    // Round 13: texts or words that make no sense.
    {
      pattern:
        'texting|texts|texted|messages|writing|saying|says nonsense|gibberish|jumbled|random|weird|strange|things',
      maxGap: 2,
    },
    { pattern: 'not|no making|make sense', maxGap: 1, negatable: false },
    { pattern: 'make|makes|making|made no sense', maxGap: 1, negatable: false },
    { pattern: 'only|just making sounds|noises|grunts|moans', maxGap: 1 },
    { pattern: 'speech|talking|words changed|different|off|wrong|garbled|weird', maxGap: 2 },
    {
      pattern: 'not|doesnt|isnt talking|speaking normal|normally|usual|properly|right|himself|herself',
      maxGap: 2,
    },
    { pattern: 'usually|normally talks|speaks well|fine|clearly', maxGap: 2 },
    // Round 14: words that are not words, the wrong word for a thing, words mixed up (aphasia, as a relative
    // hears it); alone a toddler's speech, with a sudden start a stroke.
    { pattern: 'words that|which not words', maxGap: 1, negatable: false },
    { pattern: 'wrong|jumbled|muddled|made words', maxGap: 1 },
    { pattern: 'mixing|mixes|mixed|muddling|muddles|swapping|swaps words|names', maxGap: 1 },
    { pattern: 'not|cant|cannot get words|word out', maxGap: 2, negatable: false },
  ],
  // …and a leg or foot dragged, a limb that gives way.
  dragging_limb: [
    { pattern: 'leg|foot|arm dragging|drags|dragged', maxGap: 2 },
    { pattern: 'dragging|drags|dragged leg|foot|arm', maxGap: 2 },
    { pattern: 'leg|legs|knee giving|gave|gives way', maxGap: 1 },
  ],
  // Round 11: no way out, can't go on, nothing left.
  despair: [
    { pattern: 'cant|cannot|not carry on', maxGap: 1, negatable: false },
    { pattern: 'cant|cannot|not keep going', maxGap: 1, negatable: false },
    // Round 14: a future without oneself ("won't be around for my appointment").
    {
      pattern: 'not|wont be around|here for appointment|appointments|review|repeat',
      maxGap: 2,
      negatable: false,
    },
    { pattern: 'not|dont|cant see|seeing future|way', maxGap: 2, negatable: false },
    { pattern: 'ready go|die|end', maxGap: 1, negatable: false },
    // Round 13: a burden said of anyone ("better off without me|him"), the point not seen in either word
    // order, tomorrow announced without oneself.
    { pattern: 'better|happier off without|me|him|her', maxGap: 1, negatable: false },
    {
      pattern: 'everyone|everybody|they|you|family|kids|all would|be better off',
      maxGap: 2,
      negatable: false,
    },
    { pattern: 'not|dont|cant see|seeing the|any point', maxGap: 2, negatable: false },
    { pattern: 'not|wont be here|around after|past|tomorrow|tonight', maxGap: 2, negatable: false },
    { pattern: 'cry for help', maxGap: 1 },
    { pattern: 'no way out', maxGap: 1 },
    { pattern: 'see|seeing no|not way|future|point', maxGap: 2, negatable: false },
    { pattern: 'cant|cannot|not go on', maxGap: 1, negatable: false },
    // Round 21: "cannot tahan" (Singapore and Malaysian English: cannot bear it).
    { pattern: 'cant|cannot|not take|cope|handle|tahan anymore|more|already', maxGap: 2, negatable: false },
    { pattern: 'cant|cannot tahan', maxGap: 0, negatable: false },
    { pattern: 'nothing left', maxGap: 1 },
    'hopeless|hopelessness',
    // Round 16: the last reason to stay, said as gone or as the only one ("the only thing stopping me was my
    // cat"), and "had enough" said of oneself (not of a cough: an exclusion of this concept).
    {
      pattern: 'only thing|reason|one stopping|keeping|holding me|going|here|alive',
      maxGap: 2,
      negatable: false,
    },
    { pattern: 'had|has|have enough', maxGap: 1, negatable: false },
    // Round 16: wanting to be with someone who died, soon.
    {
      pattern: 'want|wants|wanted|wanting be with him|her|them|@someone soon|again|now',
      maxGap: 2,
      negatable: false,
    },
  ],
  // Round 11: a window opened high up, a ledge, a roof, a cliff edge.
  height_edge: [
    {
      pattern:
        'any: window|windows|balcony open|opened|ledge|railing floor|storey|flat|tower|high|th|rd|nd|<n:3-99>',
      maxGap: 4,
    },
    { pattern: 'edge|top|on|onto|at cliff|cliffs|roof|bridge|multistorey|parapet', maxGap: 3 },
    { pattern: 'roof|top car park', maxGap: 2 },
    { pattern: 'window|balcony ledge|railing|rail', maxGap: 1 },
  ],
  // Round 11: the act announced, « I'm going to do it ».
  act_announced: [
    // Round 20 probe class: the night chosen ("I've chosen tonight", "picked the date").
    // Round 22: the place or the time chosen ("I've picked the spot").
    {
      pattern: 'chosen|picked|set|decided|fixed tonight|date|day|night|place|spot|time',
      maxGap: 1,
      negatable: false,
    },
    // Round 21–22: the appointment no longer needed, said without "after" or "anymore" ("I won't need my appointment
    // next week", "I won't be needing it").
    {
      pattern:
        'not|wont need|needing appointment|appointments|review|repeat|repeats|prescription|prescriptions',
      maxGap: 2,
      negatable: false,
    },
    { pattern: 'not|wont needing it|them', maxGap: 0, negatable: false },
    // Round 21 probe class: everything made ready for tonight, the act unsaid.
    {
      pattern: 'everything|all|it ready|prepared|planned|sorted|arranged for tonight',
      maxGap: 2,
      negatable: false,
    },
    // Round 14 (training phrasings): the end announced without its verb: won't need anything after, my decision is made,
    // don't try to stop me, going deep this time, my last message.
    {
      pattern:
        'not|wont need|needing anything|repeat|prescription|appointment|appointments|them|it|@meds after|anymore|again|more',
      maxGap: 3,
      negatable: false,
    },
    { pattern: 'go|going|cut deep|deeper|deeply', maxGap: 2, negatable: false },
    { pattern: 'made|reached decision|mind', maxGap: 2, negatable: false },
    { pattern: 'its|it my decision|choice', maxGap: 1, negatable: false },
    { pattern: 'not|dont try|trying stop|change|talk me|it|mind|out', maxGap: 2, negatable: false },
    // Round 14: the act with its time ("when everyone's asleep", "today's the day"), "finishing it tonight".
    { pattern: 'going|gonna|will|about take|swallow|use them|it|all', maxGap: 2, negatable: false },
    {
      pattern:
        'when|once|after everyone|everybody|they|kids|house|family|parents|all asleep|sleeping|bed|out',
      maxGap: 2,
      negatable: false,
    },
    {
      pattern: 'finishing|finish|ending|end it|things|everything tonight|today|now',
      maxGap: 2,
      negatable: false,
    },
    { pattern: 'tonight|today finishing|ending it|things', maxGap: 2, negatable: false },
    { pattern: 'today|tonight is|the day|night', maxGap: 2, negatable: false },
    { pattern: 'going|gonna|about do it', maxGap: 1, negatable: false },
    { pattern: 'doing it tonight|now|today', maxGap: 1, negatable: false },
    // Round 16: not being anywhere after a near date: checking out, not coming back, not in on Monday.
    {
      pattern: 'checking|check|checked out this|tonight|today|tomorrow|soon|weekend|early|good|permanently',
      maxGap: 2,
      negatable: false,
    },
    { pattern: 'not|wont be coming|come|going back|returning', maxGap: 2, negatable: false },
    { pattern: 'when|once|after i dead|gone', maxGap: 1, negatable: false },
    {
      pattern:
        'not|wont be in|at|there work|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|anymore|again',
      maxGap: 1,
      negatable: false,
    },
  ],
  // Round 11: a blow to the belly: handlebars, a seatbelt, a punch, a fall onto it…
  belly_blow: [
    // Round 14 (training phrasings): a hernia, a weak point of the belly wall that can strangle.
    'hernia',
    'handlebar|handlebars',
    'seatbelt',
    { pattern: 'seat belt', maxGap: 0 },
    {
      pattern: 'punched|hit|struck|fell|landed|thrown on|onto|into|in belly|tummy|stomach|abdomen|side',
      maxGap: 2,
    },
  ],
  // …then the belly swelling or hard, pain getting worse, or faint and cold (bleeding inside).
  belly_alarm: [
    { pattern: 'gone|going|turned hard|stuck|purple|dark', maxGap: 1 },
    { pattern: 'any: belly|tummy|stomach|abdomen swollen|swelling|hard|rigid|distended|bloated', maxGap: 3 },
    { pattern: 'getting|increasingly|more painful|sore|worse', maxGap: 2 },
    'faint|fainting|clammy',
    { pattern: 'pale|white cold|clammy|sweaty', maxGap: 2 },
  ],
  // Round 11: bleach mixed with an acid, ammonia or a toilet cleaner…
  cleaners_mixed: [
    {
      pattern:
        'any: mixed|mixing|mix|combined bleach|chlorine ammonia|acid|vinegar|descaler|limescale|cleaner|harpic',
      maxGap: 4,
    },
  ],
  // …then coughing, burning eyes or throat, breathlessness or a collapse.
  irritant_symptom: [
    // Round 14 (training phrasings): coughing, eyes that burn.
    'coughing|choking',
    { pattern: 'eyes|throat burn|burns|sting|stings|stinging|watering|streaming', maxGap: 1 },
    { pattern: 'cant|cannot|not stop coughing', maxGap: 1 },
    { pattern: 'all|both|everyone|everybody|we coughing|cough', maxGap: 2 },
    { pattern: 'coughing badly|nonstop|non', maxGap: 1 },
    { pattern: 'eyes|throat burning|stinging|streaming', maxGap: 1 },
    'wheez*|breathless|choking',
    'collapsed|passed out|fainted',
  ],
  // Round 12: the cholinergic signs by themselves, whatever was sprayed, swallowed or breathed in.
  drooling: [
    'drool*|dribbling|salivat*',
    { pattern: 'foaming|frothing mouth', maxGap: 2 },
    { pattern: 'spit|saliva|dribble pouring|running|everywhere', maxGap: 2 },
  ],
  pinpoint_pupils: [
    {
      pattern: 'any: pupils|pupil tiny|pinpoint|pinpoints|pinprick*|small|pinned|pin|dots|pinhead*',
      maxGap: 3,
    },
    { pattern: 'pin|pinpoint|tiny|small pupils|pupil', maxGap: 2 },
  ],
  muscle_twitching: [
    'twitch*',
    'fasciculat*',
    { pattern: 'muscles|muscle jumping|jerking|quivering|rippling|spasm*', maxGap: 2 },
    { pattern: 'shaking|trembling all over', maxGap: 1 },
  ],
  heavy_sweating: [
    { pattern: 'pouring|dripping|drenched|soaked|streaming sweat|sweating', maxGap: 2 },
    { pattern: 'sweat|sweating pouring|dripping|buckets', maxGap: 2 },
    { pattern: 'drenched|soaked|covered in|with sweat', maxGap: 1 },
  ],
  // Round 12: a place to jump from or in front of…
  jump_place: [
    { pattern: 'train|trains times|timetable|timetables', maxGap: 1 },
    // Round 14 (sixth own check): on the way to the place.
    {
      pattern:
        'going|heading|walking|driving|off to bridge|cliff|cliffs|tracks|railway|roof|multistorey|viaduct|pier',
      maxGap: 2,
    },
    { pattern: 'train|railway|rail|tube line|lines|track|tracks|station', maxGap: 1 },
    { pattern: 'multi storey', maxGap: 0 },
    'multistorey',
    { pattern: 'top floor|level|deck', maxGap: 0 },
    'platform|tracks|railway|rails|rooftop|ledge|parapet|cliff|cliffs|overpass|viaduct',
    { pattern: 'on|onto|at|by top|edge|roof|bridge', maxGap: 2 },
    { pattern: 'top|edge roof|building|bridge|block|car|multistorey|tower', maxGap: 2 },
    // Round 21: the block of flats or the tower jumped from ("tonight I jump from my block").
    { pattern: 'from|off block|tower|building|hdb', maxGap: 1 },
    { pattern: 'window|balcony floor|storey|<n:3-99>', maxGap: 3 },
  ],
  // …and the jump or the letting go said, or the next train named.
  jump_intent: [
    { pattern: 'i|ill|im|gonna|going|will|want|about jump|jumping|leap', maxGap: 1, negatable: false },
    { pattern: 'let|letting go', maxGap: 0, negatable: false },
    { pattern: 'step|stepping|throw|throwing off|myself|out', maxGap: 1, negatable: false },
    { pattern: 'step|stepping|throw|throwing|walk|walking in front', maxGap: 1, negatable: false },
    { pattern: 'next train|one', maxGap: 0 },
    { pattern: 'in front train|tracks', maxGap: 2 },
    { pattern: 'nobody|noone stop|stopping me', maxGap: 2 },
    { pattern: 'no one stop|stopping me', maxGap: 2 },
    { pattern: 'end it|this now|tonight', maxGap: 2 },
  ],
  // Round 12: a tearing pain, the chest and the back: aortic dissection.
  tearing_pain: ['ripping|tearing', { pattern: 'like being|something ripped|torn|tearing', maxGap: 2 }],
  // Round 14: heartburn or indigestion named is the chest told as the stomach (atypical heart attack).
  chest_site: ['chest|sternum|breastbone|breast', 'heartburn|indigestion'],
  back_site: ['back', { pattern: 'shoulder blades|blade', maxGap: 0 }],
  // Round 12: half of what one sees gone, a hand that will not do as told.
  half_vision_lost: [
    { pattern: 'looking|staring|eyes|gaze one|left|right side|way', maxGap: 2 },
    // Round 14 (ninth own check): seeing two of everything (with a sudden start: a stroke).
    { pattern: 'seeing|see two|double everything|things', maxGap: 2 },
    // Round 24 probe class: "seeing double" said alone, with a sudden start (BE-FAST: the eyes).
    { pattern: 'seeing|sees|saw double', maxGap: 0 },
    {
      pattern:
        'lost|lose|losing|gone|missing|cant|cannot|blacked half|side see|sees|seeing|vision|sight|view',
      maxGap: 3,
    },
    { pattern: 'half|side vision|sight gone|missing|black|dark|blank', maxGap: 2 },
    { pattern: 'cant|cannot see left|right|one|half side|half|screen|page', maxGap: 2, negatable: false },
    { pattern: 'cant|cannot see half', maxGap: 2, negatable: false },
    // Round 15 unseen miss: only half seen, said the positive way ("he could only see half the page").
    { pattern: 'only see|seeing|sees|saw half|one', maxGap: 1, negatable: false },
  ],
  clumsy_hand: [
    { pattern: 'hand|fingers|fist curled|clawed|clenched|stuck|locked', maxGap: 2 },
    { pattern: 'not|cant|cannot open hand|fist|fingers', maxGap: 2, negatable: false },
    { pattern: 'hand|hands|fingers|arm like glove|wood|rubber|cotton|sausage|sausages', maxGap: 3 },
    { pattern: 'hand|arm|fingers tingling|tingly|pins', maxGap: 2 },
    { pattern: 'hand|hands|arm|fingers clumsy|useless|dropping|weak|numb', maxGap: 2 },
    { pattern: 'hand|hands|arm|fingers wont|not work|working', maxGap: 2, negatable: false },
    { pattern: 'clumsy|useless|weak|numb hand|arm|fingers', maxGap: 1 },
    { pattern: 'typing|writing|holding hard|difficult|impossible', maxGap: 2 },
    // Round 14: a hand that will not do as it is told ("doesnt" read through typos: "dosnt"), typing or
    // handwriting gone wrong, a grip that lets go.
    {
      pattern: 'hand|arm|leg|fingers|foot not|doesnt|dont|wont do what tell|want|ask|told',
      maxGap: 2,
      negatable: false,
    },
    {
      pattern: 'typing|texting|writing|handwriting wrong|gibberish|mess|messed|scrambled|rubbish',
      maxGap: 2,
    },
    { pattern: 'hand|fingers let|letting go', maxGap: 2 },
    { pattern: 'dropping things|cup|everything', maxGap: 1 },
  ],
  // Round 12: an adrenaline pen used.
  adrenaline_used: [
    'epipen*|epi|adrenalin*|epinephrin*|jext|emerade|auvi*',
    { pattern: 'used|use|gave|give|jabbed|injected|done|did pen|autoinjector|injector', maxGap: 2 },
  ],
  // Round 12: a caustic swallowed…
  swallowed_something: ['drank|drunk|drink|swallowed|swallow|gulp|gulped|sip|swig|mouthful|downed|ingested'],
  caustic_product: [
    'bleach|caustic|lye|ammonia|descaler|limescale|degreaser|unblocker|domestos|harpic|dettol',
    { pattern: 'drain|oven|toilet cleaner|unblocker', maxGap: 1 },
    { pattern: 'battery acid', maxGap: 0 },
  ],
  // …and the throat, the mouth or the chest burning, retching, drooling.
  caustic_burn: [
    { pattern: 'any: throat|mouth|chest|tongue|lips burning|burns|burnt|burning|raw|blistering', maxGap: 2 },
    'retch*|gag|gagging',
    'vomit*|throwing|threw',
    'drool*',
    { pattern: 'cant|cannot|hurts swallow', maxGap: 1 },
  ],
  // Round 12: an electric shock…
  electric_shock: [
    'electrocut*',
    {
      pattern:
        'any: shock|shocked|zapped|jolt|electrified mains|electric*|socket|wire|wires|cable|volts|voltage|current|live|powerline',
      maxGap: 4,
    },
  ],
  // …and the marks where it went in and out, confusion, a faint, an odd heartbeat.
  shock_sign: [
    { pattern: 'burn|burns|burnt|burned|scorch* marks|mark|hand|foot|feet|fingers|skin', maxGap: 2 },
    { pattern: 'burn|burns|burnt|burned mark*', maxGap: 1 },
    { pattern: 'went|goes|came in|out|through', maxGap: 1 },
    'entry|exit',
    'confused|confusion|disorient*',
    { pattern: 'passed|knocked out', maxGap: 0 },
    'unconscious|collapsed|fainted',
    { pattern: 'heart|pulse racing|irregular|funny|skipping|pounding', maxGap: 2 },
    'palpitation*',
  ],
  // Round 13: empty packets or blisters, the adjective before or after the name of the medicine.
  empty_packets: [
    // Round 20 probe class: the organiser's days emptied, what is missing counted ("there are 3 left of 20").
    { pattern: 'any: slot|slots|compartment*|days|day|box|boxes empty|emptied|gone', maxGap: 3 },
    { pattern: '<n:3-500> missing|gone|left', maxGap: 1 },
    {
      pattern: 'any: packet*|pack|packs|box|boxes|bottle*|blister*|strip*|tub|tubs|@meds empty|emptied',
      maxGap: 3,
    },
  ],
  // Round 13: "heartburn" or a stomach pain that goes to the arm or the jaw.
  mi_radiation: [
    // Round 14 (sixth own check): heartburn or a pain that spreads to the shoulders, the arms, the jaw.
    {
      pattern:
        'heartburn|indigestion|pain|ache|tightness spread*|radiat*|going|goes|moving shoulder|shoulders|arm|arms|jaw|neck|back',
      maxGap: 3,
    },
    { pattern: 'any: pain|ache*|aching|achy|hurts|hurting|heartburn|indigestion|tight* jaw', maxGap: 4 },
    // Round 14: a crushing or squeezing feeling, the place unsaid.
    { pattern: 'crushing|squeezing|gripping feeling|sensation|pressure|weight', maxGap: 1 },
    {
      pattern:
        'any: pain|ache*|aching|achy|heavy|heaviness|hurts|hurting|heartburn|indigestion|tight* left arm',
      maxGap: 4,
    },
    // Round 14 (training phrasings): a pain in the centre going through to the back, the jaw or the arm.
    {
      pattern: 'centre|center|middle radiat*|spread*|shoot*|going|goes back|jaw|arm|neck|shoulder',
      maxGap: 3,
    },
    { pattern: 'down|into|up|to jaw', maxGap: 2 },
    { pattern: 'down|into|up|to left arm', maxGap: 2 },
  ],
  cold_sweat: [
    'clammy|sweaty|sweating|sweats|drenched|grey|gray',
    { pattern: 'cold sweat', maxGap: 0 },
    // Round 19 probe class: the sweat said by how much of it ("drippin wi sweat", "pouring with sweat").
    { pattern: 'dripping|drippin|pouring|pourin|soaked|covered|bathed|running wi|with|in sweat', maxGap: 1 },
    { pattern: 'sweat pouring|dripping|running off|down', maxGap: 1 },
  ],
  // Round 13: food stuck in the throat.
  food_stuck: [
    { pattern: 'stuck|lodged|caught in|my|his|her throat|gullet|windpipe', maxGap: 2 },
    { pattern: 'choking|choked on', maxGap: 1 },
    { pattern: 'went|gone down wrong way', maxGap: 2 },
  ],
  button_battery: [
    {
      pattern: 'button|coin|round|flat|watch|lithium|disc|small|little|tiny battery|batteries|cell|cells',
      maxGap: 2,
    },
  ],
  battery_swallowed: ['swallow*|mouth|gone|missing|ate|eaten|ingested'],
  calf_swollen: [
    { pattern: 'any: calf|calves|leg swollen|swelling|swelled|hot|red|tender|puffy|hard', maxGap: 2 },
  ],
  breath_pleuritic: [
    { pattern: 'out|short of breath', maxGap: 1 },
    'breathless*|puffed|winded',
    { pattern: 'hurts|pain|stabbing|sharp when|on breathe|breathing|breath', maxGap: 3, negatable: false },
  ],
  home_spirits: [
    'moonshine|methanol|poitin|poteen',
    {
      pattern:
        'homemade|homebrew*|bootleg|fake|counterfeit spirits|vodka|alcohol|booze|liquor|spirit|brew|gin',
      maxGap: 2,
    },
    { pattern: 'any: home made spirits|vodka|alcohol|booze|liquor|spirit|brew|gin', maxGap: 2 },
  ],
  blurred_vision: [
    {
      pattern:
        'looking|seeing|see|looks through|like snowstorm|snow|fog|mist|blizzard|static|smoke|cloud|haze',
      maxGap: 2,
    },
    { pattern: 'everything|things foggy|misty|hazy|blurry|cloudy|snowy|fuzzy|doubled', maxGap: 2 },
    // Round 14: vision likened to snow, fog or static (methanol: "like being in a snowstorm").
    {
      pattern:
        'vision|sight|eyes|seeing like|through snowstorm|snow|fog|mist|blizzard|static|smoke|cloud|haze',
      maxGap: 3,
    },
    { pattern: 'any: blurred|blurry|blurring|double|fuzzy|misty vision|seeing|sight|eyes', maxGap: 2 },
    { pattern: 'going|gone blind', maxGap: 1 },
    { pattern: 'cant|cannot|not see', maxGap: 1 },
    'blind|blurry',
  ],
  // Round 13: the change is new: never like this, started minutes ago.
  sudden_change: [
    // Round 20 probe class: "since 20 minutes" (a second-language speaker's "for the last 20 minutes").
    { pattern: 'since|for <n:1-180> min|mins|minutes', maxGap: 0, negatable: false },
    { pattern: 'started|began|came this morning|afternoon|evening|today', maxGap: 1, negatable: false },
    { pattern: 'since he|she|i sat|got|came|woke|went|stood|started', maxGap: 1, negatable: false },
    'sudden',
    { pattern: 'never|not like this|him|her|himself|herself', maxGap: 1, negatable: false },
    { pattern: 'started|began|since <n:1-180> min|mins|minutes|hour|hr ago', maxGap: 2, negatable: false },
    { pattern: 'started|began|since an|a|half hour|minute|min ago', maxGap: 2, negatable: false },
    'suddenly',
    { pattern: 'all of sudden', maxGap: 1, negatable: false },
    { pattern: 'out nowhere', maxGap: 1, negatable: false },
    // Round 14: the start said without a number: "it just started", "came on just now", "a few minutes ago".
    { pattern: 'just started|began|happened|came|come|now', maxGap: 1, negatable: false },
    { pattern: 'happened|came|started|began just now', maxGap: 1, negatable: false },
    { pattern: 'few|couple minutes|mins|min ago', maxGap: 1, negatable: false },
    { pattern: '<n:1-180> min|mins|minutes ago', maxGap: 0, negatable: false },
    { pattern: 'woke|woken|waking up with|like', maxGap: 2, negatable: false },
    // The moment it came on: "started during sex", "came on while hoovering".
    { pattern: 'started|began|came|come|hit during|while|whilst|mid', maxGap: 1, negatable: false },
  ],
  // Round 13: mushrooms or berries picked in the wild.
  wild_food: [
    {
      pattern: 'any: picked|foraged|wild|woods|forest|field|garden mushroom*|toadstool*|fungi|berries',
      maxGap: 4,
    },
  ],
  neck_ache: [{ pattern: 'any: neck sore|hurts|hurting|pain|painful|aching|ache', maxGap: 2 }],
  // Round 14 (French fixer, defined here so both lexicons define every concept): a pain said to be severe…
  severe_pain: [
    {
      pattern:
        'any: pain|pains|hurts|hurting|agony excruciating|unbearable|horrendous|horrific|agonising|agonizing|worst',
      maxGap: 2,
    },
    { pattern: 'screaming|crying|writhing|doubled in|with pain|agony', maxGap: 1 },
  ],
  // …and the belly it sits in.
  // Round 16: the side, flank or loin too (renal colic, appendix: "screaming with pain in her right side").
  belly_site: [
    'belly|tummy|stomach|abdomen|abdominal|abdo|navel',
    'side|flank|flanks|loin|loins|kidney|kidneys',
  ],
  // Round 16 probe classes: a glass test named, whatever its result (with a fever: meningitis); a cry gone
  // high-pitched, shrill or piercing (with a fever: meningitis, NICE NG143).
  glass_test: [{ pattern: 'glass|tumbler test', maxGap: 0 }],
  high_pitched_cry: [
    { pattern: 'high pitched|pitch cry|crying|cries|scream*|screaming|wail*', maxGap: 2 },
    { pattern: 'shrill|piercing cry|crying|cries|scream*|screaming|wail*', maxGap: 2 },
    { pattern: 'cry|crying|cries|scream*|screaming|wail* high pitch|pitched', maxGap: 2 },
    { pattern: 'cry|crying|cries|scream*|screaming|wail* shrill|piercing', maxGap: 1 },
  ],
  // Round 17–18 probe classes: a heart attack told by its atypical site (women, diabetics, the elderly: NICE
  // CG95, AHA): a pressure, a weight, a squeeze, felt between the shoulder blades or in the upper back…
  pressure_feeling: [
    'pressure|heaviness|weight|squeez*|crushing|tightness|discomfort|vice|elephant|gripping',
    { pattern: 'heavy|tight|squeezed|crushed feeling|sensation', maxGap: 1 },
  ],
  upper_back_site: [
    { pattern: 'between|in|across shoulder blades|shoulderblades|blade|shoulders', maxGap: 1 },
    'shoulderblade|shoulderblades|interscapular',
    { pattern: 'upper|top back', maxGap: 1 },
  ],
  // Round 17 probe class: a goodbye said to the clinic or to whoever reads (« je voulais vous dire au revoir
  // docteur »), which with affairs put in order is how a farewell is written (Samaritans, 3114).
  // Round 18 probe class: a head about to explode or burst, a thunderclap: with a sudden start, the headache of
  // a bleed in the brain (NICE CG150 thunderclap headache), whatever the word for headache.
  head_exploding: [
    {
      pattern: 'head|skull going|gonna|about|like|could|will explode|exploding|exploded|burst|bursting',
      maxGap: 2,
    },
    'thunderclap',
    { pattern: 'hit|struck by|with lightning|thunder|bat|hammer in|on head', maxGap: 3 },
  ],
  // Round 19 probe class: a weight or a pressure said to crush or squeeze, in any order and any dialect ("a
  // weight crushin doon on him"): the heart attack's own words, the chest unsaid.
  crushing_weight: [
    {
      pattern:
        'any: crush*|crushin|squeez*|squeezin|pressing|pressin|sitting|sittin weight|pressure|heaviness|elephant|ton|tonne|vice',
      maxGap: 2,
    },
  ],
  // … and affairs put in order: a will made, one's things or pets given away.
  affairs_settled: [
    // Round 20 probe class: the solicitor rung about the farm. Not a room cleared out: movers do that too.
    { pattern: 'called|rang|phoned|saw|seen|contacted solicitor|lawyer|notary', maxGap: 2 },
    { pattern: 'sorted|made|wrote|written|updated|signed|done will|testament', maxGap: 1 },
    {
      pattern:
        'gave|given|giving|give away plants|books|clothes|jewellery|jewelry|records|guitar|bike|stuff|things|belongings',
      maxGap: 2,
    },
    { pattern: 'rehomed|rehoming|rehome cat|dog|pet|pets', maxGap: 2 },
    { pattern: 'affairs in order', maxGap: 1 },
  ],
  goodbye_said: [
    {
      pattern: 'wanted|want|wanna|wish|writing|came|just say|tell|wish goodbye|bye|farewell|goodbyes',
      maxGap: 2,
    },
    {
      pattern:
        'say|saying|said|to goodbye|bye|farewell you|doctor|doc|dr|nurse|team|surgery|all|everyone|everybody',
      maxGap: 1,
    },
    { pattern: 'this is goodbye|farewell|it', maxGap: 0 },
    { pattern: 'last|final message|msg|text|goodbye', maxGap: 1 },
  ],
  // Rounds 23–24: a urinary infection named (with a fever and the back: the kidney).
  urinary_infection: [
    '=uti|=utis',
    'cystitis',
    { pattern: 'water|urine|urinary|bladder|kidney infection', maxGap: 0 },
  ],
  // Round 23 probe class: a bottle of spirits drunk, or more shots than a night out counts.
  alcohol_binge: [
    {
      pattern:
        'any: whole|entire|full|half|most bottle|litre|liter|fifth vodka|whisky|whiskey|gin|rum|tequila|spirits|sambuca|jager*|brandy|absinthe',
      maxGap: 3,
    },
    { pattern: '<n:8-60> shots|shot|jagerbombs|vodkas|tequilas', maxGap: 1 },
  ],
};
