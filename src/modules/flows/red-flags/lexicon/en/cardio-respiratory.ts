import type { LexiconInput } from '../../lexicon.schema.ts';

/**
 * English wording of heart, breathing, allergy and collapse red flags (NHS "when to call 999", heart
 * attack, anaphylaxis; NICE NG143 for a child's breathing). Syntax: `lexicon.schema.ts`.
 */
export const englishCardioRespiratoryFlags: LexiconInput['categories'] = {
  chest_pain: [
    { pattern: 'chest|heart like|going|gonna explode|burst|exploding|bursting', maxGap: 3 },
    // Round 14 (third own check): the pain in the middle of the body.
    { pattern: 'any: @pain middle|centre|center body|torso', maxGap: 3 },
    // Round 14 (own check): GTN taken twice without relief (NHS: call 999).
    { pattern: 'took|used|had|sprayed|taken gtn|nitro|nitroglycerin|spray twice|again', maxGap: 2 },
    {
      pattern: 'took|used|had|sprayed|taken gtn|nitro|nitroglycerin|spray <n:2-6> times|puffs|doses|sprays',
      maxGap: 2,
    },
    // Round 14 (training phrasings): a stabbing pain on breathing in (pulmonary embolism, pneumothorax), a weight on me.
    { pattern: 'sharp|stabbing|knife @pain breathe|breathing|breath|breaths in', maxGap: 3 },
    { pattern: 'such|huge|heavy|massive weight|stone|rock|pressure on me|him|her', maxGap: 2 },
    { pattern: 'like stone|rock|slab pressing|pushing|sitting|crushing', maxGap: 3 },
    // Round 14 (training phrasings): the likenesses of a heart attack said of the person, not the chest ("an elephant
    // sitting on him", "a vice gripping him", "a belt round my upper body"); GTN that does nothing; the same pain
    // as before a stent; a tearing pain between the shoulder blades (aortic dissection).
    {
      pattern:
        'like elephant|weight|brick*|boulder|anvil|piano|fridge|car|someone|somebody sitting|standing|sat|parked|kneeling|pressing|pushing|squeezing|crushing on|me|him|her|chest|ribs',
      maxGap: 3,
    },
    { pattern: 'vice|vise|clamp gripping|squeezing|crushing|clamping|round|around|on', maxGap: 1 },
    { pattern: 'any: vice|vise|clamp|belt|band|strap|corset|squeez* upper torso|ribcage|body', maxGap: 3 },
    { pattern: 'any: vice|vise|clamp|belt|band|strap|corset|squeez* torso|ribcage', maxGap: 3 },
    {
      pattern: 'gtn|nitroglycerin|nitro|glyceryl not|nothing|no help*|work*|touch*|doing|difference',
      maxGap: 3,
    },
    { pattern: 'any: stent|stents|bypass|angioplasty|angina same|usual pain|pains', maxGap: 4 },
    { pattern: 'any: tearing|ripping|torn between|across shoulder blades|blade', maxGap: 3 },
    'any: @pain @chest',
    // Dictated or misspelt: "pain in my brest bone".
    { pattern: 'any: @pain breast|brest|brests|breasts bone|plate', maxGap: 3 },
    'burn|burning chest',
    'any: @pain heart',
    { pattern: '@pain radiat*|spread*|going|goes|shoot* arm|jaw|shoulder|neck', maxGap: 3 },
    'any: @pain jaw arm',
    'heart attack',
    // "Cardiac arrest" is often said for a heart attack; the collapse finding comes with it.
    'cardiac|heart arrest',
    'angina',
    'any: elephant|weight|brick*|stone|rock|boulder|anvil chest',
    // The chest named by where it hurts: between the breasts, the middle of the ribs.
    {
      pattern: 'any: @pain across|between|behind|middle|centre|center|under boobs|breasts|ribs|bust',
      maxGap: 3,
    },
    { pattern: 'clutch*|holding|grabbing|gripping chest|heart', maxGap: 2 },
    { pattern: 'chest killing|kills', maxGap: 1 },
    // Likened to a weight, a band or a vice: how people describe a heart attack without the word pain.
    { pattern: 'any: band|vice|belt|elephant|weight|brick*|sitting|standing|sat chest', maxGap: 3 },
    { pattern: 'hold|holds|held|holding|clutch*|grab*|grip* chest|heart', maxGap: 2 },
    { pattern: 'chest killin|killing', maxGap: 1 },
    // Heartburn that is a heart attack: with sweating, or not settling (NHS heart attack symptoms).
    { pattern: 'any: heartburn|indigestion sweat*|sweaty|clammy|grey|gray', maxGap: 4 },
    {
      pattern:
        'heartburn|indigestion not|dont go|going|settle|settling|stop|shift sweat*|sweaty|clammy|grey|gray|arm|jaw',
      maxGap: 4,
    },
    // Pain that travels to the left arm, the chest named in another clause or as "the breast".
    { pattern: 'goes|going|spread*|radiat*|shoot*|travel* down|into|to|up|in left arm|shoulder', maxGap: 1 },
    { pattern: 'goes|going|spread*|radiat*|shoot*|travel* down|into|to|up|in jaw', maxGap: 1 },
    // Cold sweat with pain going to the arm or jaw, the chest unnamed ("it goes to his arm").
    { pattern: 'any: sweat*|sweaty|clammy|diaphore* arm|jaw', maxGap: 4 },
    { pattern: 'chest|heart fire|burning|burns', maxGap: 3 },
    // Seen rather than felt: a hand rubbing or pressed on the chest ("keeps rubbing his chest").
    {
      pattern: 'rub|rubs|rubbing|rubbed|massag*|press|presses|pressing|clasp*|clench*|hand|hands @chest',
      maxGap: 0,
    },
    // Round 9: a nurse's or carer's shorthand ("c/o central CP radiating to L arm, diaphoretic", "?ACS"),
    // with a word that makes it the chest (CP is also cerebral palsy, « cp » a French tablet).
    {
      pattern: 'any: =cp central|crushing|radiat*|diaphore*|clammy|pleuritic|retrosternal',
      maxGap: 3,
    },
    { pattern: '=c =o =cp', maxGap: 0 },
    '=acs|=stemi|=nstemi',
    // Round 9: "pain" autocorrected or dictated ("chest pan", "heart pane").
    { pattern: 'chest|chess|heart pan|pans|pane|panes', maxGap: 1 },
    // Round 10: a heavy thing on the chest or the ribs, the chest in a clamp, the heart wrung or twisted:
    // the likenesses of a heart attack people reach for when "pain" is not the word.
    {
      pattern:
        'fridge|car|truck|lorry|piano|house|elephant|anvil|weight|brick*|boulder|tonne|ton|sandbag* on|sitting|sat|standing|parked|lying chest|ribs|sternum|breastbone',
      maxGap: 3,
    },
    { pattern: 'any: vice|vise|clamp|clamped|clamping|corset chest|heart|ribs', maxGap: 3 },
    { pattern: 'heart wrung|wring*|twisted|twisting|clenched|gripped|crushed|squeezed', maxGap: 2 },
    { pattern: 'wringing|twisting|crushing|squeezing|gripping|clenching heart', maxGap: 0 },
  ],
  breathing_difficulty: [
    // Round 20 probe class: pulmonary oedema: pink frothy spit, a feeling of drowning (NICE: acute heart failure).
    { pattern: 'any: pink|frothy|foamy|bubbly spit|sputum|phlegm|froth|foam|coughing|coughs', maxGap: 3 },
    { pattern: 'feel|feels|feeling|felt drowning|drown', maxGap: 2 },
    // Round 16: too breathless to cross the house (MRC dyspnoea grade 5) and a peak flow fallen by half (BTS/SIGN).
    {
      pattern:
        'not|cant walk|get|make across|to room|kitchen|toilet|bathroom|loo|door|bedroom|lounge|hall|landing without stopping|resting|stop|pausing|break|breath',
      maxGap: 2,
    },
    { pattern: 'peak flow half|halved|dropped|fallen|falling|down|low|lower|under|below', maxGap: 2 },
    {
      pattern:
        'breathing|breathes|breath|panting|puffing like run|ran|running|done marathon|race|sprint|mile',
      maxGap: 3,
    },
    {
      pattern: 'only|can breathe|breathing|breath|breaths little|tiny|short|small sips|gasps|bits',
      maxGap: 3,
    },
    // Round 14 (eighth own check): a child too tired to talk or feed (exhaustion: life-threatening asthma, NICE).
    { pattern: '@someone|@little|he|she too tired|exhausted talk|speak|feed|cry', maxGap: 3 },
    // Round 14 (sixth own check): a wheeze or a whistle heard from another room.
    { pattern: 'hear|hearing|heard him|her|them|it wheez*|whistl*|rasping|rattling|gasping', maxGap: 2 },
    { pattern: 'air|breath not|doesnt|dont reach|get|go|going bottom|lungs|down', maxGap: 2 },
    // Round 14 (third own check): wheezing that will not stop.
    { pattern: 'not|cant stop wheezing|gasping|panting', maxGap: 1 },
    // Round 14 (own check by word family): barely a word out with a wheeze.
    {
      pattern: 'any: asthma|wheez*|breathless*|puffed|panting barely|hardly word|words|talk|speak|sentence',
      maxGap: 4,
    },
    // Round 14 (training phrasings): the work of breathing in everyday words: a head that bobs, too puffed to feed, a
    // noise at rest, a tummy that sucks in, a reliever that does nothing, peak flow under half, speech in bits.
    { pattern: 'head bob|bobs|bobbing|bobbed|nodding every|each|with breath|breaths|breathing', maxGap: 3 },
    { pattern: 'too breathless|puffed|winded|wheezy feed|eat|drink|talk|speak|walk|move', maxGap: 3 },
    { pattern: 'too out breath feed|eat|drink|talk|speak|walk|move', maxGap: 3 },
    {
      pattern: 'any: rasp*|harsh|whistl*|squeak*|crowing|stridor rest|resting|asleep|sleeping|still',
      maxGap: 4,
    },
    { pattern: 'any: croup|croupy drool*|drooling|dribbling', maxGap: 4 },
    'ribs|chest|tummy|belly|neck|throat sucks|sucked|pulls|pulled|caves|caved|sinks|sank',
    {
      pattern:
        'inhaler|inhalers|puffer|reliever|pump|ventolin|salbutamol|nebuliser|spacer done|doing|did|made nothing|useless|difference',
      maxGap: 2,
    },
    { pattern: 'reliever|relievers not|nothing work*|help*|touch*|doing', maxGap: 2 },
    { pattern: 'peak flow under|below|less|half|<n:0-50>', maxGap: 3 },
    { pattern: 'only speak|say|talk|get in|out bits|fragments|snatches|gasps|bursts|short', maxGap: 2 },
    {
      pattern: 'windpipe|trachea|airway|airways|throat narrowing|narrow|closing|shrinking|squeezing',
      maxGap: 2,
    },
    { pattern: 'hardly|barely|no|little air gets|getting|get|going|goes through|in|down', maxGap: 2 },
    {
      pattern:
        'any: whistl*|harsh|squeak*|crowing|rasp*|barking|honking|stridor breath*|breathes|breathing|breathe',
      maxGap: 3,
    },
    // Round 10b: not two words out; breathing with the belly, the tummy sucked in at each breath; falling
    // asleep mid-sentence (the drowsiness of a COPD patient retaining CO2).
    { pattern: 'not|cannot get|say|string|put <n:1-4>|two|three|couple word|words', maxGap: 2 },
    { pattern: 'breathing|breathes|breathe|breaths with|from|using @belly', maxGap: 2 },
    {
      pattern: '@belly sucking|sucks|sucked|pulling|pulls|heaving in|with breath|breaths|breathing',
      maxGap: 3,
    },
    {
      pattern:
        'falling|falls|fell|nodding|drifting asleep|off mid|middle|while sentence|talking|speaking|conversation',
      maxGap: 2,
    },
    // Round 10b: wheezing too much to talk; lips gone dusky.
    { pattern: 'wheez* not|cannot talk|speak', maxGap: 3 },
    { pattern: 'not|cannot talk|speak wheez*', maxGap: 2 },
    'any: lips|lip|face|skin dusky',
    'can|could not|dont breathe|breath|breathing',
    'unable breathe|breath|breathing',
    // Round 8: "can't" in dialect ("och i cannae breathe", "mi cyaan breathe").
    { pattern: '@cant breathe|breath|breathing|get|catch', maxGap: 2 },
    'not|dont breathing',
    'hard|difficult*|difficulty|trouble|struggl*|problem* breath*',
    'short* breath',
    'breathless*',
    'barely|hardly breathe|breath*|breathing',
    'ribs|chest|tummy|neck|throat sucking|pulling|caving|showing|show|shows|sinking|sink',
    { pattern: 'any: sucking|pulling|caving|sinking ribs|chest|tummy|belly|neck|throat', maxGap: 3 },
    // Stridor and croup as parents hear them: a noise on breathing in.
    {
      pattern:
        'any: whistl*|harsh|squeak*|crowing|rasp*|barking|honking|seal noise|noises|sound|sounds breath*|breathes|breathing|breathe',
      maxGap: 3,
    },
    // Oxygen saturation at or below 92 % on a home oximeter (NHS 111, NICE NG191).
    { pattern: 'sats|sat|saturation*|saturations|oxygen|oximeter|oxymeter <n:50-92>', maxGap: 2 },
    // Round 15 unseen miss: the oximeter by what it looks like ("the oxygen clip on my finger says 86").
    {
      pattern:
        'sats|saturation*|oxygen|oximeter|oxymeter clip|thing|probe|monitor|meter|machine|finger|level|levels says|reads|reading|shows|showing|showed|is <n:50-92>',
      maxGap: 1,
    },
    {
      pattern: 'sats|saturation*|oximeter|oxymeter says|reads|reading|shows|showing|showed <n:50-92>',
      maxGap: 1,
    },
    { pattern: 'blue pump|spray|one not|nothing work*|help*|doing', maxGap: 2 },
    'breathing|breaths hard|laboured|labored|noisy|shallow|fast|heavily|heavy',
    'gasp*',
    'chok*',
    'suffocat*',
    'not|dont catch breath',
    { pattern: 'not|dont take|get|catch|draw full|deep|proper|whole breath|breaths', maxGap: 2 },
    { pattern: 'gulp*|gasp* air|breath|breaths', maxGap: 2 },
    'not|dont get air',
    // Round 9: "blew" is "blue" dictated or spelt as heard ("her lips gone blew").
    'any: lips|lip|mouth|face|fingers|tongue|skin|nails blue|bluish|grey|gray|purple|=blew',
    'turning|turned|going|gone blue|grey|gray|purple|=blew',
    'inhaler|puffer|ventolin|salbutamol|albuterol not|nothing work*|help*',
    'having asthma attack',
    { pattern: 'any: asthma|wheez*|breathless*|puffed not|dont talk|speak|finish', maxGap: 4 },
    { pattern: 'only say|speak|manage|get one|<n:1-4>|few|couple word|words', maxGap: 2 },
    { pattern: 'breathing|breath|breaths raspy|rattly|rattling|crackly|bubbly', maxGap: 2 },
    'breathing fast|rapid*|weird*|strange*|funny|odd|wrong|gulp*',
    // Breathless at rest or too breathless to talk (NHS 999: "can't speak in full sentences").
    {
      pattern: 'any: breathless*|breath|breathe rest|resting|sitting|lying|talk|talking|speak*',
      maxGap: 3,
    },
    { pattern: 'not|dont finish|complete|say|speak|talk full|whole|sentence|sentences', maxGap: 1 },
    // A child's breathing distress (NICE NG143): grunting, flaring nostrils, head bobbing.
    { pattern: 'any: grunt* breath*|breathing|breathes|every|each|fast|hard', maxGap: 3 },
    'any: nostril*|nose flar*',
    'head bobbing',
    // Blue or grey said of the person, not of a body part: "my baby is all blue".
    { pattern: '@someone|@little all|completely|totally blue|grey|gray|purple', maxGap: 2 },
    {
      pattern:
        'inhaler|puffer|ventolin|salbutamol|albuterol|nebuliser|nebulizer not|nothing doing|touching|working|helping',
      maxGap: 2,
    },
    { pattern: 'wheez* bad|badly|severe*|loud*', maxGap: 2 },
    { pattern: 'any: breathes|breathing barely|hardly talk|speak|talking|speaking', maxGap: 3 },
    { pattern: 'lungs|airway*|airways|chest closing|closed|shutting', maxGap: 2 },
    { pattern: 'not|dont say|speak|talk|get more|few|two|<n:1-4> word|words', maxGap: 3 },
    { pattern: 'no|not air going|getting|coming in|through', maxGap: 1 },
    'breathing|breath|breathe difficult*|laboured|labored|impossible',
    'fight*|struggl*|gasp* for breath|air',
    { pattern: 'fight*|struggl*|battl*|strain* air|breath', maxGap: 2 },
    'stop|stops|stopped|stopping breathing|breathe',
    'drowning',
    { pattern: 'breath*|breathing|breathless* not|dont speak|talk|talking|speaking', maxGap: 3 },
    { pattern: 'breath*|breathing through straw', maxGap: 2 },
    'not|dont inhale|exhale',
    // Stridor, as parents describe it.
    'high pitched noise|sound|breathing|breath',
    'stridor',
    // Written up by a carer or a nurse: "SOB at rest", "unable to talk in full sentences", "no air".
    { pattern: '=sob rest|resting|talking|sitting|lying|worse|severe', maxGap: 1 },
    { pattern: 'unable|cannot talk|speak|finish|complete|say full|whole|sentence|sentences', maxGap: 2 },
    { pattern: 'no air', maxGap: 0 },
    // Breath that "is not coming", as translators and second-language speakers put it.
    { pattern: 'not|unable take|get|catch|draw|pull air|breath|breaths', maxGap: 2 },
    { pattern: 'any: out breath talk|speak|talking|speaking|sentence|sentences', maxGap: 4 },
    { pattern: 'not|dont talk|speak|talking|speaking breath|breathless*|breathing|puffed', maxGap: 4 },
    {
      pattern: 'breath|breathing|air not|dont coming|going|working properly|right|normally|normal|well|in',
      maxGap: 1,
    },
    // Round 10: breathing through something narrow; every breath a fight or a wheeze; the reliever puffed
    // every few minutes, or of no use (NHS: an asthma attack when the reliever does not help).
    {
      pattern: 'breath*|breathing|breathe|sucking through straw|stirrer|pinhole|needle|keyhole|pillow|sponge',
      maxGap: 3,
    },
    { pattern: 'every|each breath|breaths fight|struggle|battle|effort|wheeze|gasp', maxGap: 3 },
    {
      pattern: 'inhaler|puffer|pump|ventolin|salbutamol|spacer every <n:1-30> min|mins|minutes|mn',
      maxGap: 3,
    },
    {
      pattern: 'inhaler|puffer|pump|ventolin|salbutamol|spacer no|not use|good|effect|difference',
      maxGap: 3,
    },
  ],
  severe_allergy: [
    // Round 14 (training phrasings): a tongue that keeps getting bigger.
    { pattern: 'any: tongue|lips|lip|throat bigger|growing|expanding|enlarging', maxGap: 3 },
    'anaphyla*',
    // Spelt as heard: "anafilactic", "anaphalactic".
    'anafil*|anafyl*|anafal*|anaphal*|anaphil*|anafla*',
    'angioedema|angiooedema',
    { pattern: 'angio oedema|edema', maxGap: 0 },
    // A known allergy and the food eaten anyway: anaphylaxis until proved otherwise (Resuscitation Council UK).
    { pattern: 'allerg* ate|eaten|swallowed', maxGap: 2 },
    { pattern: 'allerg* @allergen had|ate|eaten|swallowed|drank|drunk|touched|eating', maxGap: 2 },
    // The face swelling after a medicine: a drug reaction reaching the airway (Resuscitation Council UK).
    { pattern: 'any: @face @swell after|since|from @meds', maxGap: 3 },
    // Round 9: a medicine taken, then the face, lips or throat swelling ("took ibuprofen and his face is swelling").
    { pattern: 'any: @meds face|lips|lip|tongue|mouth|throat|eyelids @swell', maxGap: 3 },
    'throat swell*|swollen|closing|closed|tight*|shutting|shut|narrow*|blocked|shrinking|smaller',
    'swollen|swelling throat',
    'any: tongue|lips|lip swell*|swollen|puff*|thick|fat',
    'allergic|anaphylactic shock',
    'used|use|using|gave|give|given|inject*|needed|jabbed epipen|adrenaline|epinephrine|autoinjector|injector',
    { pattern: 'used|use|using|gave|give|given|inject*|needed|jabbed epi|auto pen|injector', maxGap: 2 },
    {
      pattern: 'any: tongue|lips|lip|mouth blown|blowing|balloon*|ballooned|huge|massive|doubled',
      maxGap: 2,
    },
    // Lips or tongue swelling in any wording; a question ("is it normal that…") still flags.
    { pattern: 'any: tongue|lips|lip @swell', maxGap: 2 },
  ],
  loss_of_consciousness: [
    { pattern: 'fading|fades|faded away|off|under again', maxGap: 2 },
    { pattern: 'barely|hardly|cant|not keep him|her|them|mum|dad with us|awake|conscious', maxGap: 2 },
    {
      pattern: '@someone|he|she went|gone|dropped|fell|collapsed down not moving|responding|breathing|waking',
      maxGap: 2,
    },
    { pattern: 'keeps|keep slipping|fading away|under', maxGap: 1 },
    { pattern: 'then gone|goes|drifts|slips|off|under again', maxGap: 2 },
    // Round 14 (training phrasings): consciousness coming and going ("comes to, then drifts away again").
    { pattern: 'drifts|drifting|drifted|slips|slipping|slipped|fading|fades away|under again', maxGap: 2 },
    {
      pattern:
        'comes|coming|came to|round then|and drifts|drifting|drifted|slips|slipping|slipped|fades|fading|gone',
      maxGap: 3,
    },
    { pattern: 'in out consciousness|conscious|it', maxGap: 1 },
    'pass|passed|passing out',
    // Round 16: blackouts again and again, someone too drowsy to rouse or to keep awake (a falling conscious level).
    { pattern: 'keep|keeps|kept|been|having blacking|blacked|fainting|passing out', maxGap: 1 },
    {
      pattern: 'having|getting|keep|keeps|several|repeated|another blackouts|blackout|faints|collapses',
      maxGap: 1,
    },
    { pattern: 'very|so|really|too|impossible|hard|difficult to rouse|arouse|wake|waken', maxGap: 2 },
    {
      pattern:
        'not|cant keep @someone|him|her|them|mum|dad|nan|gran|grandma|grandad awake|conscious|eyes open',
      maxGap: 2,
    },
    'faint*',
    'blacked|black out',
    'unconscious',
    // Round 14 (sixth own check): as a carer writes it.
    'unrousable|unrouseable|unarousable|unwakeable|unwakable',
    'unresponsive',
    'not|dont responding|respond|responsive',
    'not|dont wake|waking',
    // Seen by whoever finds them: "she doesn't open her eyes".
    'not|dont open|opening eyes',
    'collaps*',
    'lost|loss consciousness',
    'knocked out',
    'cardiac arrest',
    'not|dont breathing',
    'no pulse',
    'not|dont reacting|react|reacts',
    { pattern: 'any: eyes closed|shut not|dont moving|responding|answering|waking|reacting', maxGap: 4 },
    // Written by French speakers: « perdre connaissance », « faire un malaise ».
    'lost|lose|loses|losing knowledge|consciousness',
    { pattern: 'made|make|makes|making|did discomfort|malaise', maxGap: 1 },
    'not|dont coming round|around|to',
    // Not regained, still not conscious: the state lasting, said of consciousness itself.
    { pattern: 'not|never|without regained|regaining|regain consciousness', maxGap: 1 },
    'still not conscious',
    'isnt|wasnt conscious',
    'not|dont rouse|rousing|waken|stir|stirring',
    'not|dont answering|answer',
    'out cold',
    { pattern: 'keel*|keeled over', maxGap: 0 },
    { pattern: 'slumped|crumpled|dropped|collapsed on|to|onto floor|ground', maxGap: 2 },
    { pattern: 'went|gone down on|to|onto floor|ground', maxGap: 1 },
    // Round 10: coming round, said in its other tenses; dropped like a stone, down like a sack of potatoes.
    'not|dont come|comes round|around|to',
    {
      pattern:
        'went|gone|goes|dropped|drops|fell|falls|keeled down|over like sack|stone|tree|bricks|log|rock|doll',
      maxGap: 3,
    },
  ],
};
