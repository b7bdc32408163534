import { englishCombinationSigns } from './combination-signs.en.ts';
import { englishGrammar } from './grammar.en.ts';
import { englishCardioRespiratoryFlags } from './lexicon/en/cardio-respiratory.ts';
import { englishClasses } from './lexicon/en/classes.ts';
import { englishMentalHealthFlags } from './lexicon/en/mental-health.ts';
import { englishNeuroFlags } from './lexicon/en/neuro.ts';
import { englishOtherFlags } from './lexicon/en/other.ts';
import type { LexiconInput } from './lexicon.schema.ts';

/**
 * English wording of red flags, as patients write it. Sources: NHS "when to call 999" and its pages on
 * heart attack, stroke (FAST), sepsis, meningitis, anaphylaxis and head injury; Samaritans and 988
 * guidance for suicidal wording; and words read in patients' messages. Syntax: `lexicon.schema.ts`.
 */
export const englishLexicon: LexiconInput = {
  language: 'en',
  classes: englishClasses,
  categories: {
    ...englishCardioRespiratoryFlags,
    ...englishNeuroFlags,
    ...englishMentalHealthFlags,
    ...englishOtherFlags,
  },
  concepts: englishCombinationSigns,
  // Round 12: "7 wks pregnant" is no baby's age, and still a pregnancy whose ectopic signs must be read.
  conceptExclusions: {
    // Round 16: "had enough" of a thing (a cough, the waiting list) or enough of a supply is no despair.
    despair: [
      {
        pattern:
          'had|has|have enough of|with|sleep|food|tablets|pills|meds|money|time|water|milk|supply|stock|left|for|to',
        maxGap: 0,
      },
    ],
    // Round 14: a flu or covid jab, test or season is no infection.
    infection: [
      {
        pattern:
          'flu|influenza|covid jab|jabs|vaccine|vaccines|vaccination|shot|booster|test|tests|season|clinic|like',
        maxGap: 1,
      },
    ],
    // Round 14: typing gone wrong on a new phone or keyboard is the device, not the hand.
    clumsy_hand: [
      {
        pattern:
          'any: typing|texting|writing autocorrect|keyboard|phone|laptop|predictive|app|screen|keys|pen',
        maxGap: 4,
      },
    ],
    // Round 14: a chest infection, cold or rash is no chest pain, night sweats no cold sweat.
    chest_site: [
      {
        pattern:
          'chest infection|infections|cold|colds|cough|rash|spots|hair|xray|scan|drain|physio|clinic|acne',
        maxGap: 0,
      },
    ],
    // Round 14: a jaw that aches from the teeth is no heart pain going to the jaw.
    mi_radiation: [
      {
        pattern:
          'any: jaw|jaws dentist|dental|tooth|teeth|toothache|wisdom|braces|extraction|clicking|grinding|tmj',
        maxGap: 4,
      },
    ],
    cold_sweat: [
      { pattern: 'sweat*|sweating|sweats at|in|during night|nights|bed|sleep', maxGap: 1 },
      // Round 19: a sweat at the gym, on a run or in the heat is exercise, not shock.
      {
        pattern:
          'sweat*|sweating|sweats|sweaty at|after|during|from|in gym|workout|run|running|exercise|training|football|sauna|heat|heatwave',
        maxGap: 1,
      },
      { pattern: 'night sweats|sweat|sweating', maxGap: 0 },
    ],
    // Round 13: a positive test of an infection is no pregnancy.
    pregnant: [
      {
        pattern:
          'any: covid|corona|lft|pcr|flu|strep|hiv|chlamydia|antigen|lateral|rsv|tb test|tested|tests|positive',
        maxGap: 3,
      },
    ],
    young_infant: [{ pattern: '<n:0-13> wk|wks|week|weeks pregnant|gone|along|gestation', maxGap: 0 }],
  },
  // Rounds 23–24 probe class: a burn of the hand with its blisters denied, or only a red patch the size of a coin
  // (NHS: hand burns go to A&E when they blister). Deep signs (white, charred, skin coming off) still flag.
  dismissals: {
    severe_burn: [
      { pattern: 'no|without|not|any blister|blisters|blistering|blistered', maxGap: 1 },
      { pattern: 'any: red|redness|pink coin|penny|pence|pound|stamp|fingernail|thumbnail', maxGap: 4 },
      // "the size of a 10p": the number and its "p" are two tokens.
      { pattern: 'red|redness|pink size <n:1-50>', maxGap: 3 },
    ],
  },
  exclusions: [
    // Rounds 23–24 probe classes: the medicine named as the subject of its leaflet ("the leaflet for my new
    // tablets"), so the medicine is not read as one just taken before a swelling the leaflet lists.
    { pattern: 'leaflet|leaflets|insert|label|notice|booklet for|of|with|in|from|on @meds', maxGap: 2 },
    // Round 22 probe classes: a dose not gone over is within it; a love song's "can't breathe without you".
    { pattern: 'not|never|without|dont going|go|exceeding|exceed over|above dose|limit|maximum', maxGap: 1 },
    { pattern: 'cant|cannot|not breathe|live without you', maxGap: 1 },
    // Round 20 probe class: drowning in work, paperwork or emails is an image.
    { pattern: 'drowning|drown in|under work|paperwork|emails|debt|bills|admin|forms', maxGap: 2 },
    // Round 18 probe class: snoring with pauses in breathing at night is sleep apnoea, a referral for a sleep
    // study, not an airway closing now.
    {
      pattern:
        'any: snore|snores|snoring|snored|snorer|apnoea|apnea|cpap stop|stops|stopped|stopping|pauses|pause breathing|breathe|breath',
      maxGap: 4,
    },
    // Round 16 probe classes: a rash that goes when pressed or under a glass, said in other words (the fading
    // word unnegated, since a gap never crosses a negation: "spots that don't go when I press" stays a finding).
    {
      pattern:
        'rash|spots|blotches|dots|patches|marks|redness|it|they disappear*|vanish*|fade*|fading|faded|blanch*|go|goes|went press*|pressed|pushed|push*|=glass|tumbler|finger|pressure',
      maxGap: 3,
    },
    { pattern: 'press*|pressed|pushed|pressure disappear*|vanish*|fade*|fading|faded|blanch*', maxGap: 3 },
    { pattern: '=glass|tumbler disappear*|vanish*|blanch*', maxGap: 3 },
    // Round 16 probe classes: what a report rules out ("ruled out a clot", "sepsis was excluded", "negative for
    // meningitis"); "no evidence of" is read by the grammar (a bridge after "no").
    { pattern: 'ruled|excluded|excludes|negative @dx', maxGap: 3 },
    { pattern: '@dx was|were|been|is|has ruled|excluded', maxGap: 2 },
    // Round 16 probe classes: a bit, a little, slightly breathless on the stairs or a hill (weeks after an illness):
    // said mild by the patient. Breathless on the stairs unqualified stays a finding (a calf swollen after a
    // flight, a sharp pain on breathing in), and a gap never crosses a negation ("can't climb the stairs").
    {
      pattern:
        'bit|little|slightly|mild|mildly|tad breathless*|breath|puffed|winded|puff stairs|upstairs|steps|hill|hills|uphill|incline|climbing|climb|exertion',
      maxGap: 3,
    },
    // Round 16 probe classes: a heart attack or a stroke at the sight of a bill, with a laugh after it.
    {
      pattern:
        'attack|arrest|stroke|seizure|coronary|aneurysm when|seeing|saw|see|reading|read|at|if|over|opening|opened|looking|after|hearing|heard @laugh',
      maxGap: 4,
    },
    // Round 16 probe classes: towels soaked by a leak, not by blood.
    {
      pattern:
        'any: leak*|leaked|spill*|spilt|flood*|water|dishwasher|rain soak*|soaked|soaking|sodden towel|towels',
      maxGap: 4,
    },
    // Round 16 (own check): a tap or a phone that stopped working, waking with a migraine or for school, jelly eaten.
    {
      pattern:
        'any: tap|taps|phone|screen|app|car|door|boiler|light|laptop|tv|remote|headphone*|earphone*|speaker|printer|website|machine stopped|stop|stops working',
      maxGap: 4,
    },
    { pattern: 'wake|waking up with|feeling|coughing|aching|sore|stiff|sweating', maxGap: 1 },
    {
      pattern: 'wake|rouse|waking in|for|on mornings|school|work|college|alarm|weekends',
      maxGap: 2,
    },
    { pattern: 'any: ate|eaten|eating|eat|pot|bowl|party jelly|jam|jello', maxGap: 3 },
    // Round 16: a throat tight with nerves or crying is no airway closing; not coming back or not needing the
    // prescriptions because of a move, a discharge or a new surgery is no farewell.
    {
      pattern:
        'throat tight|tightness|lump when|with|from|because nervous|nerves|anxious|anxiety|panic|stress|stressed',
      maxGap: 3,
    },
    {
      pattern:
        'any: not|wont coming|needing|need|returning moving|moved|move|relocat*|emigrat*|abroad|transfer*|registered|registering|discharged',
      maxGap: 4,
    },
    // Round 15: a death wish denied ("I don't want to die", "never wanted to die") is fear, not intent.
    { pattern: 'not|never want|wanted|wanna die', maxGap: 1 },
    // Round 14 (tenth own check): deciding which tablet to take first, breathless like a marathon after the stairs.
    { pattern: 'deciding|decide which|what|between|when', maxGap: 0 },
    { pattern: 'any: marathon|sprint|race stairs|hill|hills|gym|exercise|unfit|walk|walking', maxGap: 4 },
    // Round 14 (ninth own check): "lived long enough to know", bleeding gums.
    { pattern: 'enough know|see|remember|learn|tell|understand', maxGap: 0 },
    { pattern: 'bleeding|bleed|bleeds gums|gum', maxGap: 0 },
    { pattern: 'gums|gum bleed*|bleeding', maxGap: 1 },
    // Round 14 (eighth own check): a prescribed dose in milligrams, taken daily.
    {
      pattern:
        'take|taking|on <n:1-5000> mg|mcg|ml|milligrams|micrograms @meds twice|once|daily|a|per|every|each',
      maxGap: 1,
    },
    // Round 14 (seventh own check): all one's pills at once in the morning is the routine.
    { pattern: 'once in|every|each morning|evening|day|night|breakfast|bedtime', maxGap: 1 },
    // Round 14 (sixth own check): the wrong tablets handed over by the pharmacy, not taken.
    { pattern: 'any: pharmacy|pharmacist|chemist|dispensed given|gave|sent|wrong', maxGap: 4 },
    // Round 14 (fifth own check): blurred sight after eye drops, thrashing in a nightmare, living out of boxes, the lower back.
    {
      pattern:
        'any: drops|dilating|dilated|optician|glasses|lenses|lens|screen|reading vision|sight|blurry|blurred',
      maxGap: 4,
    },
    {
      pattern:
        'any: nightmare|nightmares|dream|dreams|dreaming|terror|terrors thrashing|jerking|twitching|shaking',
      maxGap: 4,
    },
    { pattern: 'living out boxes|suitcase|suitcases|bags|car|van', maxGap: 1 },
    { pattern: 'lower|low back', maxGap: 0 },
    // Round 14 (fourth own check): not here on Fridays, a roofer on the roof, the point of me coming in, blue face paint.
    {
      pattern:
        'here|around on|at|during|until|till|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mondays|fridays|weekend|weekends|week|morning|afternoon',
      maxGap: 0,
    },
    {
      pattern:
        'any: roofer|roofers|builder|builders|scaffolder*|scaffolding|workmen|workman|contractor* roof|roofs|rooftop',
      maxGap: 4,
    },
    {
      pattern:
        'point me|myself coming|going|booking|waiting|calling|ringing|doing|taking|having|getting|trying',
      maxGap: 0,
    },
    {
      pattern: 'any: paint|painted|facepaint|dye|ink|pen|marker|felt|crayon|glitter blue|purple|green',
      maxGap: 3,
    },
    // Round 14: the quickest way out of a car park.
    { pattern: 'way out of|from car|park|building|hospital|station|town|maze', maxGap: 2 },
    {
      pattern:
        'goodbye|goodbyes|farewell|farewells at|before|after party|do|drinks|leaving|work|airport|station|wedding|funeral|school',
      maxGap: 2,
    },
    // Round 14 (third own check): a heart hurting from a breakup, disappearing on holiday, a contractions app, not waking
    // for school, "drives me up the wall".
    {
      pattern: 'any: heart|heartbroken|heartbreak breakup|split|divorce|dumped|ex|grief|grieving|heartbroken',
      maxGap: 4,
    },
    {
      pattern: 'disappear|vanish for|on|to week|weekend|holiday|holidays|day|days|while|break|trip',
      maxGap: 2,
    },
    { pattern: 'contraction|contractions app|timer|counter|class|classes|leaflet', maxGap: 0 },
    { pattern: 'wake|waking up for|in school|work|college|alarm|mornings', maxGap: 1 },
    { pattern: 'drives|driving|drive|drove me|us off|up|round cliff|wall|bend|twist', maxGap: 2 },
    // Round 14 (own check): a daily count of one's own tablets (README: "I take 6 tablets a day"), a thing that has
    // gone purple (a bruise), bleeding nearly stopped.
    {
      pattern: 'take|taking|on <n:1-500> tablets|pills|meds|medication|medicines|capsules a|per|each day',
      maxGap: 1,
    },
    { pattern: 'take|taking|on <n:1-500> tablets|pills|meds|medication|medicines|capsules daily', maxGap: 1 },
    { pattern: 'it|its gone|going|turned|turning purple|black|green|yellow', maxGap: 1 },
    {
      pattern: 'bleeding|blood|bleed nearly|almost|mostly|finally stopped|settled|gone|easing|eased',
      maxGap: 2,
    },
    // Round 14: "no reason to keep going to physio" is about the physio.
    {
      pattern:
        'going to|with physio|gym|work|school|classes|class|appointments|clinic|church|group|sessions|therapy|lessons|rehab',
      maxGap: 2,
    },
    // Round 14 (own check): Braxton Hicks, "my last message about the prescription", a phone drifting off the wifi.
    { pattern: 'braxton hicks', maxGap: 0 },
    {
      pattern: 'last message|text|note|words about|regarding|re|before|until|for|on|today|this|promise',
      maxGap: 2,
    },
    {
      pattern: 'phone|wifi|signal|connection|internet|laptop|tv drifting|drifts|slipping|fading|keeps',
      maxGap: 2,
    },
    // Round 14 (training phrasings): idioms: choked at an interview or on a feed that went well, killing myself laughing,
    // "she'll die if she has to", having to wake up for a shift, collapsed into giggles.
    {
      pattern:
        'choked|choke|chokes|choking at|in|during|under interview|exam|test|match|final|audition|speech|presentation|penalty|pressure|exams',
      maxGap: 2,
    },
    { pattern: 'choked|choke|choking on|over milk|feed|bottle', maxGap: 2 },
    { pattern: 'killing|kill|killed myself|himself|herself laughing|laughter|laugh', maxGap: 1 },
    // Round 19 probe class: breathless from laughing ("that video had me wheezing, cant breathe lol"), and "nearly
    // had a fit", "threw a fit when he saw": anger, not a seizure.
    {
      pattern: 'any: cant|cannot|couldnt|breathe|breathing|breath|wheezing @laugh|laughing|laughed|laugh',
      maxGap: 3,
    },
    { pattern: 'nearly|almost|gonna|going|would|threw|throw|throws|pitch* have|had|a fit|fits', maxGap: 2 },
    { pattern: 'fit|fits when|after|because saw|see|seeing|sees|heard|hear|found|finds|told', maxGap: 2 },
    { pattern: 'die|dying if she|he|i|they|we|you has|have|had|see|hear|eat', maxGap: 1 },
    // Round 20 probe class: "she'll literally die if she can't go", "I'll die if I miss it": a wish, not a death.
    {
      pattern: 'die|dying if she|he|i|they|we|you can|cant|cannot|doesnt|dont|misses|miss|gets|get|goes|go',
      maxGap: 1,
    },
    { pattern: 'have|need|got wake|get up', maxGap: 1 },
    {
      pattern: 'collapsed|collapse|collapses into|in fits|giggles|laughter|laughing|hysterics|tears|heap',
      maxGap: 2,
    },
    // Round 14: asking whether one may take more is a question, not a dose taken.
    { pattern: 'can|could|should|may i|we|you|he|she|they take|have|give extra|more|another', maxGap: 1 },
    { pattern: 'safe|ok|okay|alright take|have|give extra|more|another', maxGap: 1 },
    // Round 14: "overdosed on sunshine" and the like: pleasures, not medicines.
    {
      pattern:
        'overdose*|od on|of sunshine|sunbathing|caffeine|festive|fun|food|cheese|gaming|telly|tv|box|reality|memes|nostalgia|exercise|gym|work|books|music|sleep|cake|biscuits|carbs|sugar',
      maxGap: 1,
    },
    // Round 14: "a faint pink streak", "faintly": faint as an adjective, no faint.
    {
      pattern:
        'faint pink|red|blue|purple|brown|grey|white|yellow|line|lines|streak|streaks|trace|traces|smell|taste|hint|mark|marks|glow|sound|noise|memory|idea|chance|hope|outline|scar|tinge|ringing|whiff|buzz|click|rash|bruise|stain|spot|spots|shadow|blood',
      maxGap: 0,
    },
    'faintly|faintest',
    // Round 14: a bruise, a shin or a knee that has gone purple is a bruise, not cyanosis, and so is a
    // colour admired ("gone a lovely purple").
    {
      pattern:
        'gone|going|turned|turning|went lovely|nice|pretty|beautiful|gorgeous|fetching purple|blue|green|yellow|black',
      maxGap: 1,
    },
    {
      pattern:
        'any: bruise|bruised|bruises|bruising|shin|shins|knee|knees|ankle|ankles|thigh|thighs|elbow|elbows|toenail|toe|toes gone|going|turned|turning|went purple|blue|black|green|yellow',
      maxGap: 4,
    },
    // Round 13: an empty packet to recycle or to refill on prescription is no overdose.
    { pattern: 'any: empty|emptied recycl*|refill|repeat|prescription', maxGap: 4 },
    // Round 13: batteries bought, changed or flat are no battery swallowed.
    {
      pattern:
        'any: buy|buying|bought|order|ordering|replace|replacing|change|changing|sell|flat|spare button|coin|watch batter*',
      maxGap: 3,
    },
    // Round 13: a vitamin or a supplement taken twice by mistake is no overdose (iron for a child still is).
    {
      pattern:
        'any: took|taken|take|had|given|gave vitamin|vitamins|multivitamin*|supplement*|probiotic*|magnesium|omega twice|double|mistake|extra|again',
      maxGap: 3,
    },
    // Round 12: a question about a vaccine is never an emergency ("the meningitis one too?"), and snoring
    // heard as choking is a sleep question.
    {
      pattern:
        'any: vaccin*|vaccine|vaccines|jab|jabs|shot|shots|booster|boosters|immunis*|immuniz* meningitis|meningococcal|menb|menacwy|meningitidis',
      maxGap: 4,
    },
    { pattern: 'meningitis|meningococcal one|ones|jab|jabs|vaccine|vaccines|shot|shots|booster', maxGap: 0 },
    {
      pattern: 'any: snore|snores|snoring|snored choking|choke|chokes|suffocating|gasping|stops breathing',
      maxGap: 4,
    },
    { pattern: 'snore|snores|snoring|snored like|sounds|if choking|choke|chokes|suffocating', maxGap: 4 },
    // Round 12: a jump that is a swim, a ride or a call, not a fall.
    { pattern: 'jump|jumping|hop|hopping in|into sea|pool|lake|shower|car|bus|taxi|queue', maxGap: 1 },
    { pattern: 'jump|jumping|hop|hopping on|onto bus|train|tram|call|zoom|bandwagon|bike', maxGap: 1 },
    { pattern: 'jump|jumping for|with joy', maxGap: 1 },
    { pattern: 'next train|one late|delayed|cancelled|due|leaves|arrives|at|in|is', maxGap: 2 },
    {
      pattern: 'how|teach|show|learn|training use|using|give epipen*|pen|autoinjector|adrenalin*',
      maxGap: 3,
    },
    { pattern: 'torn|tore|pulled|strained muscle|muscles', maxGap: 1 },
    { pattern: 'bungee|parachute|sky|base jump|jumping', maxGap: 0 },
    // Idioms and services that share a red flag's word.
    { pattern: 'stroke of luck|genius|midnight|brush', maxGap: 0 },
    {
      pattern:
        'stroke clinic|unit|nurse|team|rehab*|appointment|prevention|risk|awareness|support|group|specialist|consultant|leaflet|review|follow|followup|check|checkup|recovery|physio',
      maxGap: 0,
    },
    { pattern: 'words in|for french|english|spanish|language', maxGap: 1 },
    { pattern: 'hair|beard|roots|eyebrows going|gone|turning|turned grey|gray|white', maxGap: 1 },
    {
      pattern:
        'responding|answering|answer|replying|reacting texts|text|calls|call|messages|message|emails|email|phone|question|questions|door|letter|letters',
      maxGap: 2,
    },
    { pattern: 'for|since|past|last|over|about|nearly|almost <n:0-13> wk|wks', maxGap: 0 },
    { pattern: '<n:0-13> wk|wks ago|gestation', maxGap: 0 },
    {
      pattern:
        'end|ending|finish|finishing it|things with him|her|them|boyfriend|girlfriend|partner|husband|wife|ex',
      maxGap: 0,
    },
    // Round 14: a mouth or a face odd after the dentist is the anaesthetic, not a stroke.
    {
      pattern:
        'any: face|cheek|mouth|lip|lips|tongue funny|numb*|odd|weird|strange|droopy|heavy|dead|tingly dentist|dental|extraction|anaesthetic|anesthetic',
      maxGap: 4,
    },
    // "kms" is "kill myself" in text-speak, and kilometres after a number: "walked 5 kms".
    { pattern: '<n:0-99999> kill myself', maxGap: 0 },
    { pattern: 'rope|ropes ladder|swing|swings|course|climbing|skipping|bridge', maxGap: 0 },
    { pattern: 'skipping|climbing rope|ropes', maxGap: 0 },
    { pattern: 'chest x|xray|ray|scan|drain|physio|clinic', maxGap: 0 },
    { pattern: 'working|helping|work|works as well|good|much', maxGap: 0 },
    { pattern: 'numb* after|from dentist|dental|injection|anaesthetic|anesthetic|filling', maxGap: 2 },
    { pattern: 'dentist|dental|anaesthetic|anesthetic numb*', maxGap: 1 },
    // Idioms: an opinion called nonsense, a faint that did not happen.
    { pattern: 'talking|talks|talk|talked nonsense|rubbish|gibberish about', maxGap: 0 },
    { pattern: 'nearly|almost faint*|fainting|fainted|passed', maxGap: 0 },
    // A normal reading after "has a temperature": a question about it, not a fever.
    { pattern: 'temperature|temp <d:34-37.9>|<n:34-37>', maxGap: 1 },
    // "Passed out on the sofa" is asleep; "won't wake" after it still flags on its own.
    { pattern: 'passed|pass out on|in|front sofa|couch|bed|telly|tv', maxGap: 1 },
    // A substance asked about for a pet, not swallowed by a person.
    { pattern: 'poison*|toxic to|for dog|dogs|cat|cats|pet|pets|animals', maxGap: 0 },
    { pattern: 'weak*|numb* after|since surgery|op|operation|replacement|fracture|cast', maxGap: 3 },
    { pattern: 'wake|waking early|earlier|late|later', maxGap: 1 },
    { pattern: 'faint*|fainted sight|needle|needles|injection|jab', maxGap: 3 },
    'blood test*|pressure|sugar|work|result*|donation|type|glucose|count|draw|sample*|donor',
    'food poison*',
    'fitting room',
    // Round 22: "he's" now reads "he is": fitting something new, or blinds, a boiler, a lock, is DIY, not a fit.
    // Not a place ("fitting on the kitchen floor", "in the car"): that is a seizure.
    {
      pattern:
        'fitting|fitted new car|carseat|seat|kitchen|blinds|curtains|shelves|boiler|tyres|lock|cupboards|wardrobe|flooring|dishwasher|cooker|stairgate|tiles|carpet|windows|bathroom',
      maxGap: 1,
    },
    {
      pattern:
        'fitting|fitted blinds|curtains|shelves|shelf|boiler|tyre|tyres|lock|locks|cupboards|wardrobe|flooring|dishwasher|cooker|stairgate|tiles',
      maxGap: 0,
    },
    { pattern: 'took|take|taking|taken @someone to|for', maxGap: 0 },
    {
      pattern: 'any: fit|fits coughing|cough|giggles|laughter|laughing|sneezing|rage|anger|temper|pique',
      maxGap: 1,
    },
    'seizure* medication*|meds|medicine*|pills|tablets|prescription*',
    { pattern: 'swim*|breast|back stroke', maxGap: 0 },
    'backstroke',
    'septic tank',
    'meningitis vaccin*|jab*|shot*|booster',
    'bad breath',
    'confused|confusion about|by|with|which|what|how|why|whether',
    'hay fever',
    { pattern: '=bloods', maxGap: 0 },
    { pattern: 'heat|hot|humid* suffocating', maxGap: 1 },
    'suffocating heat',
    { pattern: 'small|minor|little|tiny burn|burns|burnt', maxGap: 0 },
    'blocked|stuffy|runny nose',
    { pattern: 'any: swollen|swelling|swell* gland|glands|tonsil*|lymph|node|nodes', maxGap: 1 },
    'breath* through nose',
    { pattern: '<n:0-130> year|years|yr|yrs|yo', maxGap: 0 },
    // "Die" typed for "dye"; a rash that fades under a glass; what the pharmacy handed over.
    { pattern: 'breathless*|puffed on|climbing|up stairs|hill|hills|exercise|exertion', maxGap: 1 },
    {
      pattern:
        'dying|die|died of|from boredom|bored|laughter|laughing|embarrassment|shame|hunger|thirst|heat|curiosity',
      maxGap: 0,
    },
    // A course of medicine counted in days: "took 10 days of antibiotics".
    { pattern: '<n:1-500> day|days|week|weeks|month|months course|@meds', maxGap: 1 },
    { pattern: 'die|dying|died my|his|her hair|beard|roots|eyebrows', maxGap: 0 },
    // Round 7: an appendix already out is history, not appendicitis.
    { pattern: 'appendix scar|scars|removed|out|operation|op|surgery|taken', maxGap: 1 },
    // No gap: "spots dont fade" ("dont" is no negation until the language is known) must stay a finding.
    { pattern: 'rash|spots|blotches fades|faded|fade|fading|blanch*|disappears|disappeared', maxGap: 0 },
    { pattern: 'gave|given|sent|dispensed|supplied me|us <n:1-500> tablets|pills|capsules', maxGap: 1 },
    // Round 6: a goodbye party, an empty bottle for the pharmacy, a face drooping with tiredness,
    // a carbon monoxide alarm fitted, gasping for a cuppa.
    {
      pattern:
        'goodbye|farewell party|parties|do|drinks|card|cards|dinner|lunch|meal|gift|present|night|celebration|speech',
      maxGap: 0,
    },
    {
      pattern:
        'empty @meds|packets|packs|bottles|boxes need|dispose|disposing|disposal|recycl*|return*|reorder|order|refill',
      maxGap: 2,
    },
    { pattern: 'droop*|drooping from|with tiredness|tired|exhaustion|fatigue|age|ageing|aging', maxGap: 1 },
    {
      pattern: 'monoxide alarm|alarms|detector|detectors fitted|installed|check|checks|test|testing|safety',
      maxGap: 1,
    },
    {
      pattern: 'box|pack|packet|strip|tub sweets|mints|crisps|biscuits|chocolate*|gum|haribo|raisins|cereal',
      maxGap: 0,
    },
    { pattern: 'air con|conditioning|conditioner|fryer|freshener|miles', maxGap: 0 },
    // Round 8: a campaign or a school project about suicide; a face that "dropped" at bad news.
    {
      pattern:
        'suicide prevention|awareness training|course|leaflet|leaflets|poster|week|day|project|charity|fundraiser',
      maxGap: 1,
    },
    {
      pattern:
        'face|heart dropped|fell|sank when|as i|we|you|they|the|he|she saw|heard|told|said|read|found|got',
      maxGap: 3,
    },
    { pattern: 'gasping for cup|cuppa|tea|coffee|drink|pint|beer|wine|fag|cigarette|smoke', maxGap: 1 },
    // Round 9: idioms met in the new voices: traffic "giving me a heart attack", an overdose of chocolate,
    // choking or passing out with laughter, a dose the doctor doubled, a note for the school.
    { pattern: 'giving|give|gives|gave|given me|him|her|us|you heart attack', maxGap: 1 },
    { pattern: 'giving|give|gives|gave|given me|him|her|us|you stroke', maxGap: 1 },
    { pattern: 'nearly|almost|practically had|have heart attack', maxGap: 1 },
    {
      pattern:
        'overdose*|od on|of chocolate|sugar|sweets|candy|cake|cakes|pizza|carbs|netflix|tv|sun|cheese|crisps|junk|easter|christmas|love|cuteness|coffee|tea|shopping',
      maxGap: 1,
    },
    { pattern: 'any: chok*|choking|choked laugh*|laughing|giggl*', maxGap: 4 },
    { pattern: 'passed|pass|passing|faint* out laughing|laughter|laugh', maxGap: 2 },
    { pattern: 'fainted|fainting laughing|laughter', maxGap: 2 },
    {
      pattern:
        'doctor|doc|gp|dr|consultant|psychiatrist|pharmacist|nurse|specialist|they doubled|tripled|upped|increased|raised dose|doses|dosage',
      maxGap: 2,
    },
    {
      pattern:
        'any: note|letter school|teacher|teachers|nursery|absence|sick|work|employer|gp|doctor|appointment|excuse|trip|class|thank|thanks|christmas|birthday|complaint|reference',
      maxGap: 4,
    },
    // Round 9: an arm sore or limp after a jab is the jab; pain from an elbow or a wrist running down the arm
    // is the joint ("my tennis elbow pain goes down my arm").
    {
      pattern:
        'arm|arms|leg|legs limp|floppy|dead|heavy|sore|numb|ache|aches|aching|achy|hurts|painful after|from|since jab|jabs|injection|vaccine|vaccination|shot|booster',
      maxGap: 2,
    },
    {
      pattern:
        'elbow|wrist|carpal|tendon|tendonitis|tendinitis|rsi|sciatica @pain goes|going|radiat*|shoot*|travel*',
      maxGap: 2,
    },
    // Round 9: drowsy after an anaesthetic; "dying laughing"; a household ill with a named bug, not fumes.
    {
      pattern:
        'sleepy|drowsy|groggy|woozy|confused after|from|since anaesthetic|anesthetic|anaesthesia|anesthesia|sedation|general',
      maxGap: 2,
    },
    { pattern: 'die|dying laughing|laughter', maxGap: 0 },
    {
      pattern:
        'any: everyone|everybody|family|household|we|us|all sick|ill|unwell|vomiting|headache*|dizzy covid|flu|cold|colds|gastro|bug|virus|norovirus|sickness|chickenpox',
      maxGap: 3,
    },
    // Round 10: things given away to a charity; "tonight is the night of the concert".
    { pattern: 'away to|for charity|charities|oxfam|shop|jumble|sale|refugees|bank', maxGap: 1 },
    { pattern: 'night of|for|out|off', maxGap: 0 },
    { pattern: 'babys|baby head scan|ultrasound|screen|picture|photo|monitor', maxGap: 3 },
    // Round 10: "a bit stiff" (not a bitten tongue); choking on paperwork; a relative's heart attack or
    // stroke at an age, family history.
    { pattern: '=a =bit', maxGap: 0 },
    { pattern: 'chok* on|with paperwork|work|emails|admin|forms|bills|deadlines|dust', maxGap: 1 },
    // The age needs "at" or "aged": "had a stroke 20 minutes ago" is now.
    {
      pattern:
        'dad|mum|mom|father|mother|brother|sister|grandad|grandpa|grandma|granny|grandmother|grandfather|nan|uncle|aunt|parents had heart attack|attacks at|aged|age <n:30-110>',
      maxGap: 2,
    },
    {
      pattern:
        'dad|mum|mom|father|mother|brother|sister|grandad|grandpa|grandma|granny|grandmother|grandfather|nan|uncle|aunt|parents had stroke|strokes at|aged|age <n:30-110>',
      maxGap: 2,
    },
    // Round 10: a dose taken twice a day is the prescription, not a dose taken twice.
    { pattern: 'twice|thrice a|per|each|every day|daily|morning|evening|night|week', maxGap: 1 },
    { pattern: 'twice|thrice this|last week|month|year', maxGap: 0 },
    // Round 10b: a blister the size of a coin is a small burn; "back in 2015" is a date, not a return.
    { pattern: 'size|sized|like coin|penny|pea|fingernail|thumbnail|stamp', maxGap: 2 },
    { pattern: 'back in <n:1950-2030>', maxGap: 0 },
    { pattern: 'small|little|tiny blister|blisters', maxGap: 1 },
    { pattern: 'back in day|days|time', maxGap: 1 },
    // Round 11: lips swollen from fillers, a tongue swollen where it was bitten; a leg dragged since an
    // operation or a sprain: a known cause, not an allergy or a stroke.
    { pattern: 'any: lips|lip swollen|swelling|puffy filler|fillers|botox|injection|injections', maxGap: 4 },
    { pattern: 'any: bit|bitten|biting tongue|lip swollen|swelling|bigger|fat|puffy', maxGap: 3 },
    {
      pattern:
        'dragging|drags|limping leg|foot since|after|from knee|hip|op|operation|surgery|sprain|injury|fracture|replacement|cast',
      maxGap: 3,
    },
    // Round 11: can't go on with a diet, a job or a treatment is about the thing, not about living.
    {
      pattern:
        'go|carry on with diet|job|work|treatment|tablets|pills|medication|course|exercises|physio|plan|programme|shifts',
      maxGap: 2,
    },
    // Round 11: "in case my waters break", "what if they go": a question asked ahead, not waters gone.
    { pattern: 'case|if waters|water break|breaks|go|goes', maxGap: 2 },
    // Round 11: "I'll be gone on holiday" when you read this: an absence, not a farewell.
    { pattern: 'gone|away holiday|holidays|vacation|leave|trip|business|honeymoon|work', maxGap: 2 },
    // Round 11: breathless with excitement or laughter is joy, not distress; "give me a heart attack" is an idiom;
    // a bit of hot coffee or tea spilled is a small scald.
    {
      pattern:
        'breathless|breathlessly|breath with|from excitement|anticipation|joy|laughter|laughing|nerves',
      maxGap: 1,
    },
    { pattern: 'give|giving|gave|gives me|him|her|us heart attack|stroke|coronary', maxGap: 2 },
    { pattern: 'bit|drop|splash|dribble of hot|boiling coffee|tea|water|milk|soup', maxGap: 1 },
  ],
  past: [
    // Round 14: a form or a question asking whether it ever happened ("asks if I've ever had seizures").
    { pattern: 'if|whether|asks|asking|asked|question ever', maxGap: 2 },
    // Round 18 probe class: a sign named as the subject of a form, a leaflet or a course ("the job form asks
    // about fainting", "a first aid course on seizures"): a topic, not something happening. Not "a question
    // about": a patient asks one about what they feel now.
    {
      pattern:
        'form|forms|questionnaire|survey|leaflet|booklet|brochure|course|training|article|documentary|quiz|poster asks|asking|asked|about|on|regarding',
      maxGap: 2,
    },
    '<n:1-99> year|years|yr|yrs|month|months ago|back',
    'years|months ago',
    'long time ago',
    { pattern: 'in <n:1950-2030>', maxGap: 0 },
    // Round 20 probe class: an event dated by its month ("my heart attack on 12 March", "treated for sepsis in
    // February"). Not "since March": a sign since then is still going on.
    {
      pattern:
        'in|on|from|during|back january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec',
      maxGap: 1,
    },
    // Not "4 may": "room 4 may have taken" is no date.
    {
      pattern:
        '<n:1-31> january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec',
      maxGap: 0,
    },
    // Round 19 probe class: "back in 2018" read from "back", so the year reaches a sign a few words before.
    { pattern: 'back in <n:1950-2030>', maxGap: 0 },
    'last year',
    // Round 16: "2 weeks ago", as "last week": a burn healed, a knock long over.
    '<n:2-52> week|weeks|wk|wks ago|back',
    'when|as i|he|she|we was|were child|kid|baby|young|teenager|teen|little|toddler',
    { pattern: 'as child|kid|baby|teen*|toddler', maxGap: 1 },
    'in past',
    'history',
    'previous|previously',
    'died of|from',
    'passed away',
    'last week|month|summer|winter|spring|autumn|christmas',
    { pattern: 'had|have|having it|this|them for years|ages|months', maxGap: 1 },
    // Round 9: a long duration said without "had it": "breathless after covid for months".
    { pattern: 'for|since months|years|ages', maxGap: 0 },
    { pattern: 'for|since <n:2-99> months|years', maxGap: 0 },
    // Round 10b: an age told as the time of it: "I fainted in assembly when I was 12".
    { pattern: 'when|as i|he|she|we was|were <n:1-99>', maxGap: 0 },
    // Round 11: once at school, when I was at school or at uni: a time of life, not today.
    { pattern: 'once at|in school|college|uni|university', maxGap: 1 },
    { pattern: 'when|while i|we was|were at|in school|college|uni|university', maxGap: 2 },
    // Round 21–22 probe classes: a sign named as what to look out for, not as what is happening: advice to call or to
    // stop "if" it comes, the number to ring "if" someone has it, what a leaflet lists.
    {
      pattern:
        'said|told|says|say|advised|tells|instructed|explained call|ring|phone|contact|stop|come|return|seek|go if|incase|case',
      maxGap: 3,
    },
    { pattern: 'number|numbers|who ring|call|phone|dial|contact if|incase|case', maxGap: 2 },
    // Rounds 23–24 probe classes: what a leaflet or a clinic letter says, the medicine between ("the leaflet for
    // my new tablets lists"), and what a medicine "can cause": a possible effect, not one happening.
    {
      pattern:
        'leaflet|leaflets|label|insert|packet|booklet|letter|notice says|said|warns|lists|mentions|describes|talks',
      maxGap: 3,
    },
    { pattern: 'can|could|may|might cause|causes|trigger', maxGap: 0 },
    // Round 22 probe class: the scene of a film or a series ("the episode where he has a heart attack").
    { pattern: 'episode|film|movie|series|scene|show where', maxGap: 1 },
    { pattern: 'episode|film|movie|series|scene|show in which', maxGap: 1 },
  ],
  // Rounds 23–24 probe classes: a sign framed as a word to explain ("what does "anaphylaxis" mean") or as an
  // instruction ("the doctor said if his face ever droops we ring 999"). "I have chest pain, what does that
  // mean?" still flags: a frame reaches only forward from its first words and back from its last.
  pastFrames: [
    { before: { pattern: 'what does|do|did', maxGap: 0 }, after: { pattern: 'mean|means', maxGap: 0 } },
    { before: { pattern: 'meaning|definition of', maxGap: 1 }, reach: 2 },
    {
      before: { pattern: 'said|told|says|advised|explained|instructed if|whenever', maxGap: 3 },
      after: { pattern: 'ring|call|dial|phone <n:999-999>|<n:911-911>|<n:112-112>|ambulance', maxGap: 1 },
    },
  ],
  words: englishGrammar,
};
