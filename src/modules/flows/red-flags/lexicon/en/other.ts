import type { LexiconInput } from '../../lexicon.schema.ts';

/**
 * English wording of bleeding, sepsis, pregnancy, poisoning, burn and abdominal red flags.
 * Syntax: `lexicon.schema.ts`.
 */
export const englishOtherFlags: LexiconInput['categories'] = {
  heavy_bleeding: [
    { pattern: 'bleed*|bleeding all day|night|morning|afternoon|weekend', maxGap: 3 },
    // Round 14 (sixth own check): blood all over, a cut made badly.
    { pattern: 'blood all over floor|bathroom|kitchen|place|bed|carpet|walls|him|her|me|car', maxGap: 1 },
    { pattern: 'cut|cuts|gashed|sliced badly|deep|deeply|open', maxGap: 2 },
    { pattern: 'bleed*|nosebleed*|bleeding for|over|since an|half|whole hour|hours', maxGap: 2 },
    // Round 14 (training phrasings): blood filling the mouth, a wound still pumping or gushing, a varicose vein burst,
    // a towel that does not stop it.
    { pattern: 'blood fill*|filling|fills|pouring|running mouth|throat', maxGap: 2 },
    { pattern: 'it|still|keeps|keep gushing|spurting|pumping|squirting', maxGap: 0 },
    { pattern: 'blood pumping|squirting|spurting|pulsing|gushing|spraying|pouring|streaming', maxGap: 1 },
    { pattern: 'varicose vein|veins burst|bleeding|bled|split', maxGap: 2 },
    { pattern: 'towel|towels|bandage|dressing|cloth|tissues not stop|stopping|holding|soaking', maxGap: 2 },
    'haemorrhag*|hemorrhag*',
    'any: bleed*|blood heavily|heavy|badly|everywhere|profuse*|gushing|pouring|spurting|soaking|lot|lots|loads',
    // Round 12: blood pumping out, an artery cut.
    { pattern: 'blood pumping|squirting|pulsing out|everywhere', maxGap: 1 },
    'so|too much blood|bleeding',
    'bleed*|blood so|too|very|really much',
    // Period flooding, a pad soaked every half hour.
    { pattern: 'any: period|periods|bleed*|bleeding flooding|flooded|gushing|pouring', maxGap: 3 },
    { pattern: 'pad|pads|tampon|tampons every|each half hour', maxGap: 2 },
    { pattern: 'pad|pads|tampon|tampons every|each <n:5-45> min|mins|minutes', maxGap: 2 },
    'not|dont stop bleed*|nosebleed*',
    'bleed*|nosebleed* not|dont stop|stopping',
    { pattern: 'vomit*|throw*|threw|cough*|spit*|puk* blood', maxGap: 1 },
    // Round 14: blood brought up by the mouthful, in clots, bright or fresh (NHS: coughing or being sick with
    // a lot of blood is 999), and any bleed after a tonsillectomy (NHS: go to A&E).
    {
      pattern:
        'vomit*|throw*|threw|cough*|spit*|spat|puk*|bring*|brought mouthful*|cupful*|clots|clot|bright|fresh|lots|loads blood|clots',
      maxGap: 3,
    },
    { pattern: 'any: tonsil|tonsils|tonsillectomy blood|bleed*|bleeding', maxGap: 4 },
    'blood vomit*|sick',
    'any: black|tarry stool*|poo*|poop',
    'soak*|soaking pad|pads|towel*|through|sanitary',
    { pattern: 'fill*|filling|soak*|soaking|through pad|pads|tampon*|towel*', maxGap: 2 },
    { pattern: 'bleed*|blood not|wont stop|stopping', maxGap: 4 },
    'deep|gaping cut|wound|gash',
    { pattern: 'vomit*|throw*|sick|puk* coffee ground|grounds', maxGap: 3 },
    'coffee ground|grounds vomit*|sick',
    // Round 9: bleeding that has gone on for hours, or without a pause ("bleeding for two hours nonstop").
    { pattern: 'bleed*|nosebleed*|bleeding for|over|since <n:1-72> hour|hours|hrs|hr|h', maxGap: 2 },
    { pattern: 'bleed*|nosebleed* nonstop|constantly|continuously|continually', maxGap: 2 },
    { pattern: 'bleed*|nosebleed* =non stop', maxGap: 1 },
    // Round 10: a nosebleed or a bleed lasting twenty minutes or more; a limb or a wound gushing or
    // spurting, the word "blood" unsaid; pressure that does not stop it (NHS: call 999).
    { pattern: 'bleed*|nosebleed*|bleeding for|over|since <n:20-999> min|mins|minutes', maxGap: 2 },
    {
      pattern:
        'leg|arm|hand|head|wound|cut|neck|foot|finger|thigh|gash gushing|spurting|pumping|squirting|pouring',
      maxGap: 2,
    },
    {
      pattern: 'pressing|pressed|pressure on|to it|wound|cut|leg|arm not|isnt|wont stop|stopping',
      maxGap: 3,
    },
    { pattern: 'any: nosebleed*|blood|bleed* filled|fill*|filling bowl|bucket|sink|basin|towels', maxGap: 4 },
    // Round 16 probe classes: arterial bleeding told by what is seen (a fountain, jets, squirts, blood pulsing or
    // "pissing" out), and each towel or dressing soaked in turn (a leak's wet towels are an exclusion).
    { pattern: 'fountain|geyser|jet|jets|spray|stream blood', maxGap: 1 },
    { pattern: 'blood pissing|pissed out|everywhere', maxGap: 1 },
    { pattern: 'pulsing|pumping|squirting|spurting|spraying|gushing|pouring blood', maxGap: 1 },
    { pattern: 'any: squirts|spurts|jets blood|cut|wound|gash|artery|vein', maxGap: 4 },
    {
      pattern:
        'any: every|each|another|all towel|towels|cloth|cloths|dressing|dressings|bandage|bandages|flannel soaked|sodden|drenched|through',
      maxGap: 4,
    },
  ],
  // Mottled or ashen skin is a sepsis sign by itself (UK Sepsis Trust red flags).
  sepsis_signs: [
    'sepsis',
    'septic',
    'septicaemia|septicemia',
    // What patients call sepsis.
    'blood poisoning',
    'mottled|mottling',
    // Round 10: mottled knees said as blotchy, purple or marbled (UK Sepsis Trust).
    { pattern: 'any: knees|knee blotchy|purple|marbled|patchy|mottled', maxGap: 3 },
    // An infection named with a sepsis sign in the same clause, no fever word needed (UK Sepsis Trust).
    { pattern: 'any: @infection @sepsis_sign', maxGap: 4 },
    { pattern: 'any: @infection not|no pee*|peed|wee*|weed|urin*', maxGap: 4 },
    { pattern: 'any: @infection very|really|extremely|so ill|unwell|poorly', maxGap: 3 },
    // "I feel like I'm going to die": a sepsis sign in its own right, and worth a call whatever the cause.
    { pattern: 'feel|feels|feeling like going|gonna die', maxGap: 2 },
    { pattern: 'feel|feels|feeling like dying', maxGap: 2 },
  ],
  pregnancy_emergency: [
    'water|waters broke|broken|break|breaking',
    'baby not|no|dont|stopped|less move*|moving|kick*|kicking',
    {
      pattern:
        'any: baby|babys kicks|kicking|movements|moving stopped|slowed|less|fewer|reduced|quiet|quieter|weaker|weak|softer|different',
      maxGap: 3,
    },
    'not|dont feel*|felt baby move*|moving|kick*',
    'reduced movement*',
    { pattern: 'no|not|dont|less|fewer|reduced movement|movements|kicks|kicking from baby', maxGap: 2 },
    'ectopic',
    'eclampsia',
    'preeclampsia',
    // Round 10: a cord that comes out first, a birth under way (crowning; the head seen: combination-signs.en.ts).
    { pattern: 'cord coming|out|hanging|prolapse*|first', maxGap: 2 },
    { pattern: 'see|seeing|seen babys|baby head', maxGap: 1 },
    { pattern: 'see|seeing|feel|feeling|felt|touch cord', maxGap: 1 },
    // Round 10: fetal movements absent or reduced, said with the medical word (RCOG: same day assessment).
    {
      pattern: 'no|not|less|fewer|reduced|decreased|any fetal|foetal movement|movements|kicks',
      maxGap: 1,
      negatable: false,
    },
    { pattern: 'fetal|foetal movement|movements reduced|less|stopped|decreased|absent', maxGap: 2 },
    'crowning',
  ],
  poisoning_overdose: [
    { pattern: 'gave|given|giving adult dose|doses|tablet|tablets|strength', maxGap: 3 },
    // Round 14 (eighth own check): a household poison got hold of, grams of a medicine.
    { pattern: 'got|gotten into|hold @toxic', maxGap: 3 },
    { pattern: '<n:5-100> g|grams|gram @meds', maxGap: 1 },
    // Round 14: a whole container taken, whatever was in it.
    {
      pattern:
        'swallowed|popped|downed|necked whole|entire|full bottle|box|pack|packet|strip|tub|jar|blister|sheet|tube',
      maxGap: 2,
    },
    // Round 14 (training phrasings): a whole week's supply, all in one go.
    {
      pattern:
        '@intake|took|taken whole|all|entire|full week|weeks|weekly|month|months|dosette|organiser|organizer|supply|prescription',
      maxGap: 2,
    },
    { pattern: '@intake|took|taken all|whole|everything|them|lot one go', maxGap: 3 },
    'overdose*',
    '=od',
    // Round 9: the word split by dictation or autocorrect ("took an over dose of her heart pills").
    { pattern: 'over dose|dosed|doses|dosing', maxGap: 0 },
    'poison*',
    {
      pattern:
        'swallow*|took|taken|take|ate|eaten|drank|drunk|ingest* whole|all|many|lot|lots|bunch|handful|bottle|pack|box|too|<n:10-500> @meds',
      maxGap: 2,
    },
    {
      pattern:
        'swallow*|drank|drunk|ate|eaten|ingest*|lick*|chew*|suck*|bit|bitten|munch*|nibbl*|sipped|gulped @toxic',
      maxGap: 2,
    },
    {
      pattern:
        'took|taken|swallowed|popped|downed|had more than should|supposed|meant|prescribed|allowed|max|maximum',
      maxGap: 2,
    },
    { pattern: 'over|above|beyond|exceeded max|maximum|limit|recommended dose', maxGap: 1 },
    { pattern: 'swallow*|ate|eaten|ingest* @meds', maxGap: 3 },
    { pattern: 'got|gotten into|hold @meds', maxGap: 3 },
    { pattern: '@little|@someone got|gotten|been into|in|at @toxic', maxGap: 2 },
    // A little one into medicines; an adult taking theirs ("mum took her pills") is no news.
    { pattern: '@little took|taken|ate|swallowed|drank|had @meds', maxGap: 3 },
    // Someone else's medicine ("took my husband's pills"), taken by mistake, or a count of them.
    { pattern: 'took|taken|swallowed|ate|eaten|drank @someone @meds', maxGap: 1 },
    { pattern: '@someone took|taken|swallowed|ate|eaten|drank my|our @meds', maxGap: 1 },
    {
      pattern:
        'any: mistake|mistakenly|accident*|wrongly took|taken|taking|swallowed|ate|gave|given|giving @meds',
      maxGap: 4,
    },
    {
      pattern: 'took|taken|swallowed|ate|eaten|downed|popped <n:5-500> them|those|these|once|@meds',
      maxGap: 2,
    },
    {
      pattern: 'any: mixed|mixing|combined alcohol|booze|vodka|drinking|drinks|wine|beer @meds',
      maxGap: 3,
    },
    { pattern: 'worth @meds', maxGap: 1 },
    { pattern: 'double|triple|extra|twice dose|doses|amount', maxGap: 1 },
    { pattern: 'took|taken|take @meds twice', maxGap: 2 },
    'button batter*',
    // Any verb of taking in, any tense, before a count or a household poison.
    { pattern: '@intake <n:10-500> @meds', maxGap: 2 },
    { pattern: 'after <n:10-500> @meds', maxGap: 0 },
    { pattern: '@intake @corrosive', maxGap: 2 },
    { pattern: 'took|taken|take|swallowed|necked|downed|popped loads|load|heaps|handful @meds', maxGap: 2 },
    // A count of packs rather than of tablets: "two packs of ibuprofen".
    {
      pattern:
        'took|taken|swallowed|downed|necked|popped|ate <n:2-50> pack|packs|packet|packets|box|boxes|strip|strips|bottle|bottles @meds',
      maxGap: 1,
    },
    'carbon monoxide',
    {
      pattern:
        'downed|popped|necked|had whole|all|many|lot|lots|bunch|handful|bottle|pack|packet|box|strip|strips|<n:5-500> @meds',
      maxGap: 2,
    },
    { pattern: 'any: mistake|mistakenly|accident* drank|drunk|swallowed|ate @toxic', maxGap: 4 },
    // Street drugs, in the words people use for them.
    {
      pattern:
        'snort*|injected|smoked|took|taken|swallowed|had load|loads|lot|lots|bunch|too|bag|bags stuff|drugs|coke|cocaine|ket|ketamine|mdma|ecstasy|spice|crack|pills|heroin|smack|fentanyl|meth|speed|ghb|gbl|opiates|valium|xanax',
      maxGap: 2,
    },
    // Several times the dose, the empty packets found, too much of a street drug, fumes with symptoms.
    { pattern: '<n:2-20> times|x dose|amount|much|recommended|normal|usual', maxGap: 2 },
    { pattern: 'found|finding empty|emptied', maxGap: 3 },
    { pattern: 'empty @meds bottles|packets|packs|boxes|blisters|strips|tubs', maxGap: 1 },
    // Seen by whoever finds them: packets strewn about, and the person drowsy, slurring or hard to wake.
    {
      pattern:
        'any: @meds|packet|packets|packs|blister|blisters|boxes|bottles empty|everywhere|strewn|scattered drowsy|sleepy|awake|wake|rouse|rousable|slurring|slurred|confused|woozy|responding',
      maxGap: 4,
    },
    {
      pattern:
        'took|taken|swallowed|consumed|ingested|downed|necked|popped large|huge|big|massive|unknown quantity|amount|number|quantities|amounts @meds',
      maxGap: 3,
    },
    { pattern: 'swallow*|downed|necked|popped whole|entire|full box|pack|packet|strip|tub', maxGap: 1 },
    { pattern: 'snort*|inject*|popped|dropped too|way|far much|many|lot|loads|more', maxGap: 2 },
    // Round 10: a little one into a pill organiser, tablets missing; lamp oil drunk; something unknown
    // taken at a party, a drink spiked; a dose done twice ("did his insulin twice").
    {
      pattern: '@little found|got|into|opened|emptied @meds|organiser|organizer|dosette|cabinet|cupboard',
      maxGap: 3,
    },
    // Round 16: the little one named by kin and age ("my son 2 found his grandmas pills"), and tablets gone missing
    // from what a child got at.
    {
      pattern:
        '@someone <n:1-5> found|got|into|opened|emptied|eating|chewing @meds|organiser|organizer|dosette|cabinet|cupboard',
      maxGap: 3,
    },
    { pattern: 'any: @little @meds missing|unaccounted|gone', maxGap: 4 },
    // Round 16: someone else's medication given or taken in error, as a care home reports it.
    {
      pattern:
        '@intake|given|gave|administered another|other|wrong|someone|somebody residents|resident|patients|patient|persons|person|clients|client|elses @meds|medication|meds|tablets|pills|dose',
      maxGap: 2,
    },
    { pattern: '@meds|medication|meds|tablets|pills|dose given|gave|taken|administered in error', maxGap: 2 },
    { pattern: '@intake lamp|torch|tiki|citronella|lighter|burner|essential oil|fuel|fluid|oils', maxGap: 3 },
    {
      pattern: 'took|taken|dropped|popped|necked something|summat|stuff|pill|pills dodgy|unknown|iffy|dodge',
      maxGap: 2,
    },
    { pattern: 'drink|drinks spiked', maxGap: 1 },
    { pattern: 'spiked drink|drinks|me|him|her', maxGap: 1 },
    { pattern: 'been|was|got|getting spiked', maxGap: 0 },
    { pattern: 'did|done|gave|given|injected|jabbed @meds twice|again|double', maxGap: 2 },
    {
      pattern: 'any: smelt|smell*|leak* gas|fumes headache*|dizzy|drowsy|sleepy|sick|faint*|confused|unwell',
      maxGap: 4,
    },
    // Round 14: paracetamol over the day's maximum of 8 tablets, taken for days (a staggered overdose, NHS:
    // A&E even when well).
    {
      pattern: 'paracetamol|acetaminophen|tylenol|panadol|cocodamol|codamol|calpol <n:9-60> a|per|each day',
      maxGap: 4,
    },
    {
      pattern: '<n:9-60> paracetamol|acetaminophen|tylenol|panadol|cocodamol|codamol a|per|each day',
      maxGap: 2,
    },
    // A measuring mistake: "10ml instead of 1ml".
    { pattern: 'ml|mls|mg|spoons|spoonfuls|teaspoons|doses|tablets|pills instead', maxGap: 1 },
  ],
  severe_burn: [
    { pattern: 'severe|bad|deep|large|big|third|second|chemical|acid|electrical burn|burns', maxGap: 1 },
    { pattern: 'burn|burns|burned|burnt|scald|scalded face|eyes|eye|genital*|groin|whole|entire', maxGap: 1 },
    // Rounds 23–24 probe class: a burnt hand is read with its blisters (NHS: burns of the hands go to A&E when they
    // blister): "no blisters", a red patch the size of a coin set it aside (`dismissals` in lexicon.en.ts).
    { pattern: 'burn|burns|burned|burnt|scald|scalded hands|hand', maxGap: 1, dismissible: true },
    { pattern: '<n:2-3> burn|burns', maxGap: 2 },
    'electrocut*',
    'electric shock',
    'caught|on fire',
    {
      pattern:
        'any: pulled|spilled|spilt|knocked|tipped|poured|splashed|dropped boiling|hot water|oil|kettle|tea|coffee',
      maxGap: 3,
    },
    { pattern: 'acid|chemical*|bleach on|in|splash* eye|eyes|arm|face|skin|hand|leg', maxGap: 2 },
    'charred',
    {
      pattern: 'any: boiling|scalding|hot|oil|kettle|fire|flames skin white|charred|leathery|black|melted',
      maxGap: 4,
    },
    { pattern: 'any: face|eyes|eye|chest|neck|genital*|groin burnt|burned|scalded|charred', maxGap: 2 },
    { pattern: 'any: hands|hand burnt|burned|scalded', maxGap: 2, dismissible: true },
    { pattern: 'any: burn|burns|burnt|burned|scald* skin white|charred|leathery|peeled|came', maxGap: 4 },
    // Skin white, waxy or leathery is a deep burn even in a clause of its own ("…, skin is white").
    { pattern: 'skin white|waxy|leathery|charred', maxGap: 0 },
    // Large blisters from a burn (NHS: see a doctor for large or deep burns, blisters on the hands).
    {
      pattern:
        'any: iron|oven|hob|kettle|fire|stove|boiling|scald*|burn|burns|burnt|burned big|large|huge|massive|loads|lots|several blister|blisters',
      maxGap: 4,
    },
    { pattern: 'any: pulled|spilled|knocked|tipped|poured kettle|saucepan|pan|teapot|fryer', maxGap: 3 },
    // Round 9: an electrical injury without the word ("touched a live wire", "the current went in").
    {
      pattern:
        'any: live|bare|exposed|faulty|mains wire|wires|cable|cables|socket|outlet touched|touching|grabbed|burn|burns|burnt|burned|shock*',
      maxGap: 3,
    },
    { pattern: 'current|electricity|voltage went|passed|goes|go|ran in|into|through|thru', maxGap: 0 },
    // Round 10: a scald over a body part ("boiling water all over his chest"), skin peeling after it; deep
    // burns white and leathery, or painless; a chemical splashed into the face or an eye.
    {
      pattern: 'boiling|scalding chest|arm|arms|back|leg|legs|face|body|tummy|belly|toddler|baby|child',
      maxGap: 3,
    },
    {
      pattern:
        'any: boiling|scalding|scald*|kettle|fire|flames|oil|burn|burns|burnt|burned peeling|peeled|peel*',
      maxGap: 4,
    },
    { pattern: 'white|pale|grey|gray leathery|waxy', maxGap: 1 },
    // Round 10b: burn blisters all over a body part.
    {
      pattern:
        'any: burn|burns|burnt|burned|scald*|boiling|kettle blister*|blistered|blistering over|everywhere|covered',
      maxGap: 4,
    },
    {
      pattern: 'any: splash*|spray*|squirt*|spilt|spilled|got @toxic|@corrosive|oven eye|eyes|face',
      maxGap: 4,
    },
    {
      pattern: 'any: socket|sockets|outlet|outlets fork|knife|key|screwdriver|shock*|zapped',
      maxGap: 4,
    },
  ],
  severe_abdominal_pain: [
    { pattern: '@pain right lower|low|bottom', maxGap: 2 },
    { pattern: 'any: @pain|agony @belly not walk|stand|move', maxGap: 4 },
    // Round 14 (training phrasings): a hernia that "won't go back in" is strangulated until shown otherwise.
    { pattern: 'not go|push|pop|pushed back in', maxGap: 1 },
    // Round 14 (training phrasings): vomit that smells of faeces, a swollen belly with vomiting (obstruction), a hernia
    // gone hard or that will not go back (strangulated).
    {
      pattern: 'vomit*|vomiting|sick|throw*|threw smell*|like|looks poo|poop|faeces|feces|sewage|shit',
      maxGap: 4,
    },
    { pattern: 'any: @belly swollen|distended|swelling vomit*|vomiting|throwing', maxGap: 4 },
    { pattern: 'any: hernia hard|stuck|tender|purple|dark|painful', maxGap: 4 },
    { pattern: 'any: hernia|lump not go|push|pop back', maxGap: 4 },
    // Round 16: stools like redcurrant jelly in a baby's nappy (intussusception, NICE CKS).
    {
      pattern: 'any: redcurrant|red|bloody|blood|dark jelly|jam nappy|nappies|poo|poop|stool|stools|diaper',
      maxGap: 4,
    },
    { pattern: 'redcurrant jelly|jam', maxGap: 1 },
    'any: @pain @belly @intense',
    'doubled over',
    { pattern: 'any: agony|agonising|agonizing|excruciating|unbearable @belly', maxGap: 3 },
    '@belly hard|rigid|board',
    'appendicitis',
    { pattern: 'think|maybe|might|worried|scared|suspect*|burst|ruptured|grumbling appendix', maxGap: 3 },
    // Said without a severity word: "hurting too much", green vomit (obstruction), a testicle (torsion, NICE).
    { pattern: '@belly @pain too|so|very much', maxGap: 0 },
    { pattern: 'vomit*|vomiting|sick|throw*|threw|puk* green|bilious', maxGap: 2 },
    { pattern: 'any: testicle*|testicular|testis|testes|scrotum @pain|swollen|swelling', maxGap: 3 },
    // Rounds 23–24 (a line the classifier alone had caught): the testicle said the way a boy says it ("one of his
    // balls"), with the pain.
    { pattern: 'any: @pain one ball|balls|nut|nuts', maxGap: 3 },
    'peritonitis',
    'bowel obstruction',
    { pattern: 'any: @pain @intense side|flank|groin|pelvis|pelvic', maxGap: 3 },
    // Pain that has the patient rolling or screaming; low on the right and worse on moving (appendix).
    { pattern: 'any: @pain @belly rolling|writhing|screaming|scream*|curled|curling|crawling', maxGap: 4 },
    { pattern: 'any: @pain right low|lower|bottom worse|moving|move|walk*|cough*|sick|vomit*', maxGap: 4 },
    // Appendix pain told across clauses: it began at the navel, then moved low on the right.
    // Round 21 probe class: "round" for "around", and the lower right said in either order.
    { pattern: '@pain started|began|start* around|round|at|near|by belly button|navel|umbilicus', maxGap: 2 },
    {
      pattern:
        'any: @pain|@belly|navel|button|agony moved|moving|moves|shifted|shifting|travel*|gone|went lower|bottom right',
      maxGap: 4,
    },
    { pattern: 'moved|moving|moves|shifted|shifting|travel* right low|lower|bottom|side|groin', maxGap: 3 },
    { pattern: 'any: right side low|lower|bottom walk*|move|moving|cough*', maxGap: 3 },
    { pattern: '@pain low|lower|bottom right', maxGap: 2 },
    // Round 10: a tearing pain of the belly or the back (a leaking aneurysm, NHS), pain under the right ribs
    // (gallbladder, with jaundice or fever: cholangitis).
    { pattern: 'any: tearing|ripping|torn @belly|back', maxGap: 3 },
    { pattern: 'any: @pain under|below ribs right', maxGap: 4 },
  ],
};
