import type { LexiconInput } from '../../lexicon.schema.ts';

/**
 * English wording of suicidal thoughts, direct, indirect and by a method (Samaritans, 988 guidance,
 * and words read in patients' messages). Syntax: `lexicon.schema.ts`.
 */
export const englishMentalHealthFlags: LexiconInput['categories'] = {
  suicidal_thoughts: [
    // Round 14 (tenth own check): tablets held while deciding, a car to crash, joining someone in heaven.
    { pattern: 'any: holding|hold @meds|pills|tablets|blade|razor deciding|decide', maxGap: 4 },
    { pattern: 'want|wanna|going|gonna|thinking|tempted crash|swerve it|car|myself', maxGap: 2 },
    { pattern: 'join @someone|him|her heaven|grave', maxGap: 3 },
    { pattern: 'be with @someone|him|her heaven|grave', maxGap: 3 },
    // Round 14 (ninth own check): picturing oneself dead, having lived long enough, stopping food and tablets.
    { pattern: 'picturing|imagining|imagine|picture|see|seeing myself dead|gone|hanging|jumping', maxGap: 1 },
    { pattern: 'lived|living long enough', maxGap: 1 },
    // Round 16 (own check): the one reason left for being alive ("the kids were the only reason I was still here").
    { pattern: 'only reason|thing|one still here|alive|around|living|breathing', maxGap: 3 },
    { pattern: 'any: only thing|reason|one keeping|stopping|holding died|gone|left|dead|rehomed', maxGap: 4 },
    // Round 16: the family better off with the life insurance.
    { pattern: 'any: insurance|payout better|happier off', maxGap: 4 },
    { pattern: 'stopped|stopping|refusing eating|food|drinking taking|tablets|@meds', maxGap: 2 },
    // Round 14 (eighth own check): not caring whether one lives or dies.
    { pattern: 'not|dont care if|whether live|living|die|dying|wake', maxGap: 3, negatable: false },
    // Round 14 (seventh own check): thinking about dying, about taking all the pills, not thinking one will still be here.
    { pattern: 'think|thinking|thought|dream|dreaming about|of dying', maxGap: 1 },
    { pattern: 'think|thinking|thought|dream|dreaming about|of being dead', maxGap: 1 },
    { pattern: 'think about|of take|taking|swallow* all|whole|every @meds', maxGap: 3 },
    { pattern: 'not think still be here|around next|tomorrow|much', maxGap: 2, negatable: false },
    // Round 14 (sixth own check): pills counted out with drink, "going to do something stupid", not deserving to live,
    // better off not waking up.
    {
      pattern: 'any: @meds|pills|tablets counted|lined whisky|vodka|wine|gin|alcohol|booze|drink',
      maxGap: 4,
    },
    { pattern: 'going|gonna|will do something stupid|silly|daft', maxGap: 2 },
    { pattern: 'not|dont deserve live|living|alive|here|exist|life', maxGap: 1, negatable: false },
    {
      pattern: 'better|happier off not|never waking|wake|being|here|alive|existing',
      maxGap: 2,
      negatable: false,
    },
    { pattern: 'had|have enough life|living|existing', maxGap: 1 },
    // Round 14 (fourth own check): a lethal dose looked up, the quickest way out, making it stop for good, a hose to the
    // exhaust, everyone happier if I wasn't here, on the roof of a building, locked in with a knife, the point of me.
    { pattern: 'how many @meds|pills|tablets it would take', maxGap: 3 },
    { pattern: 'quickest|easiest|painless|surest way|ways|method out|die|dying', maxGap: 2 },
    { pattern: 'make|making it|this|everything|all stop forever|permanently|good', maxGap: 2 },
    { pattern: 'any: hose|hosepipe|pipe|tube exhaust', maxGap: 3 },
    { pattern: 'better|happier|easier|fine|okay|ok if|when not|wasnt|werent here|around|alive', maxGap: 3 },
    {
      pattern:
        'standing|sitting|stood|sat|up roof|rooftop|ledge|parapet|railing building|bridge|block|flats|multistorey|tower|hospital',
      maxGap: 3,
    },
    {
      pattern:
        'any: locked himself|herself|myself|themselves knife|knives|blade|pills|tablets|rope|gun|razor',
      maxGap: 4,
    },
    { pattern: 'what point me|myself', maxGap: 0 },
    // Round 14 (own check by word family): no reason to keep going or to go on.
    { pattern: 'no|any|the point|reason keep|keeping going|living|on', maxGap: 2 },
    { pattern: 'no|any|the point|reason go|going|carry|carrying on', maxGap: 1 },
    // Round 14: "this is my last message" (an exclusion keeps "my last message about the prescription").
    { pattern: 'this is last message|text|note|words|goodbye', maxGap: 1 },
    // Round 14 (training phrasings): "I'm not safe with myself", "I don't trust myself".
    { pattern: 'not safe with|around|by myself|alone', maxGap: 1, negatable: false },
    { pattern: 'not trust myself', maxGap: 1, negatable: false },
    // Round 13: the lethal dose asked ("how many pills to not wake up"), after tonight announced.
    { pattern: 'any: how many @meds|pills|tablets die|kill|wake|lethal|fatal|overdose|end', maxGap: 4 },
    { pattern: 'to|and not|never wake up', maxGap: 1 },
    { pattern: 'not|wont be here|around|alive after|past tonight', maxGap: 3 },
    { pattern: 'not|wont be alive tomorrow', maxGap: 1 },
    // Round 10b: thinking of driving or jumping off a height now, the height said before or after.
    {
      pattern:
        'thinking|think|thought|tempted|urge*|want|wanna|imagin*|picturing drive|driving|jump|jumping|leap|leaping|throw|throwing off|from|over top|edge|roof|rooftop|ledge|cliff|bridge|building|balcony|multistorey|carpark|pier|flyover',
      maxGap: 2,
    },
    {
      pattern:
        'cliff|edge|roof|rooftop|bridge|ledge|balcony|multistorey|carpark|parapet|railing thinking|think|tempted|urge*|want|wanna|going|gonna jump|jumping|leap|leaping',
      maxGap: 3,
    },
    {
      pattern:
        'cliff|edge|roof|rooftop|bridge|ledge|balcony|multistorey|carpark|parapet|railing thinking|think|tempted|urge*|want|wanna|going|gonna drive|driving|go|going off|over',
      maxGap: 3,
    },
    // Round 10b: talk of ending it told of someone else ("he's talked about ending it before").
    {
      pattern: 'talked|talks|talking|talk|spoke|speaks|spoken about|of ending|end it|things|life',
      maxGap: 1,
    },
    // Round 11: the noun is denied like the adjective ("I'm not thinking about suicide"); a "but" after it
    // still hedges; the verbs stay undeniable.
    { pattern: 'suicide|suicides', negatable: true },
    // Round 11: a farewell note's wording: "by the time you read this I'll be gone".
    {
      pattern: 'any: read|reading this|message|note gone|dead|over|longer|here',
      maxGap: 4,
      negatable: false,
    },
    {
      pattern: 'read|reading this|message|note|letter wont|not|no here|around|alive|longer',
      maxGap: 3,
      negatable: false,
    },
    { pattern: 'suicidal', negatable: true },
    // Round 8: misspelt as heard.
    { pattern: 'suicidle|suicidel|suicidial|sucidal|suicdal|suisidal|suicidall', negatable: true },
    // Round 8: "don't want to live" in Caribbean and Scots English ("mi nuh waan live", "dinnae want tae live").
    { pattern: 'nuh|nae|dinnae|dinna|naw waan|wan|want|wanna live|living|alive|be', maxGap: 1 },
    { pattern: 'want|wants|wanted|wanna|wish|wishes|wished|rather die|dead', negatable: true },
    'kill* myself|self|himself|herself|themselves|themself',
    'end it all',
    'end my life',
    'take own life',
    'better off dead|without',
    { pattern: 'better|happier off|without if|when gone|dead|not|wasnt|werent', maxGap: 3 },
    { pattern: 'better|happier|fine|okay|ok|easier|relieved if|when gone|dead|died|disappeared', maxGap: 3 },
    'happier|better without me',
    'no reason live|living',
    'not|dont want|wanna live|living|alive|be|exist|wake|here',
    'want|wanna|thinking|think|urge hurt|harm|cut myself',
    'self harm*',
    'jump* off|from bridge|building|roof|balcony|cliff|tower|window|ledge|multistorey|carpark|pier|flyover|overpass|terrace|rooftop|top|platform|stairwell',
    { pattern: 'jump*|throw* off|from car|multi park|storey|story', maxGap: 1 },
    'slit|slash*|cut wrist|wrists',
    'slit|slash* throat',
    { pattern: 'end|ending|ended|take|taking|finish|finishing my|own|his|her|their life', maxGap: 1 },
    // Life "has no sense" or meaning, as second-language speakers say it.
    { pattern: 'life no|any sense|meaning|purpose', maxGap: 1 },
    { pattern: 'no|any sense|meaning|purpose living|live|alive|anymore', maxGap: 2 },
    { pattern: 'no|not|any|the point|reason living|live|life|existing|alive', maxGap: 3 },
    'point going|carrying on',
    // Round 16: "dont" typed without its apostrophe hopes the same ("i just hope i dont wake up tomorrow").
    { pattern: 'want|wanna|wish|hope|hoping|hoped|praying|prayed|pray never|not|dont wake', maxGap: 4 },
    { pattern: 'not|dont want|wanna wake', maxGap: 2 },
    'says|said|talks|talking|talked|wants|wanted die|dead|kill',
    { pattern: 'cutting|harming|burning|starving myself|herself|himself', maxGap: 1 },
    { pattern: 'want|wish|need all|everything stop|end|over', maxGap: 2 },
    {
      pattern: 'thinking|thought|planning|plan|going|gonna|want take|taking|swallow* all|whole|every @meds',
      maxGap: 3,
    },
    { pattern: 'feel|am|being|such burden', maxGap: 2 },
    { pattern: 'should|want|wish|wanna|just disappear|vanish', maxGap: 2 },
    'goodbye|suicide letter*|note*|letters',
    // Saying goodbye, putting things in order, the means made ready, nobody left to miss them.
    {
      pattern: 'any: wrote|written|writing|write|left|leaving letter*|note*|message* goodbye|farewell',
      maxGap: 4,
    },
    { pattern: 'giving|gave|give away belongings|possessions|things|stuff', maxGap: 1 },
    // Round 10: the same with the things first ("giving my stuff away").
    {
      pattern: 'giving|gave|given|give all|things|stuff|belongings|possessions away',
      maxGap: 2,
    },
    { pattern: 'any: prepared|ready|saved|stockpil*|hoard*|lined|collected @meds tonight', maxGap: 3 },
    { pattern: 'stockpil*|hoard*|saving|saved|collecting|collected @meds', maxGap: 2 },
    { pattern: 'nobody|noone|one would|will|gonna|even|ever miss me', maxGap: 1 },
    { pattern: 'notice|care|miss|matter if gone|dead|died|disappeared|disappear', maxGap: 3 },
    { pattern: 'notice|care|miss|matter if not|dont here|around|alive', maxGap: 3 },
    { pattern: 'no point being here|around|alive|anymore', maxGap: 2 },
    // A blade turned on oneself, the water walked into.
    { pattern: 'use|using|turn|turning it|them|knife|blade|gun on myself|himself|herself', maxGap: 1 },
    {
      pattern:
        'thinking|thought|want*|wanna|going|gonna|plan* walk*|swim*|wade|wading into|out sea|river|ocean|lake|canal',
      maxGap: 2,
    },
    // Done with life, can't go on, sleep and never wake.
    { pattern: 'done|finished with everything|life|living|existing', maxGap: 1 },
    { pattern: 'done with it all', maxGap: 0 },
    { pattern: 'not|dont go|carry on anymore|any|living|like', maxGap: 1 },
    { pattern: 'not|dont do|take|handle|cope this|it anymore|more', maxGap: 0 },
    { pattern: 'want|wanna|wish|wishing|go|fall|just|never sleep|asleep forever|eternally', maxGap: 2 },
    'end it tonight|today|now|soon',
    { pattern: 'thought*|idea* suicide|suicidal|killing', negatable: true },
    // Round 10b: "dark thoughts", as « idées noires »; long past ("years ago") they are a low mood over, not
    // talk of suicide, so the past rule applies to them ("…and they're back now" still flags).
    { pattern: 'dark|black thoughts', maxGap: 0, negatable: true, pastApplies: true },
    { pattern: 'dark|black thoughts back|again|returned|returning|worse|worsening', maxGap: 4 },
    // Round 9: "no thoughts of hurting myself" denies like "no thoughts of suicide"; a "but" after it still hedges.
    {
      pattern: 'thought*|idea*|urge*|plans hurting|harming|hurt|harm|cutting myself|yourself|himself|herself',
      maxGap: 1,
      negatable: true,
    },
    // A method named: hanging, a jump, a train, a rope made ready (Samaritans: asking about a plan).
    'shoot|shot|hang|hanged|hanging|drown|drowning|poison|strangle|suffocate|unalive|off myself|himself|herself|themselves',
    'unalive*',
    'rope|noose ready|prepared|tied',
    { pattern: 'bought|buy|got|have|tied|made rope|noose', maxGap: 2 },
    'noose',
    {
      pattern:
        'step*|jump*|walk*|throw*|threw|lie|lying in front train|bus|car|lorry|truck|traffic|tube|subway|metro|tram|van',
      maxGap: 2,
    },
    { pattern: 'throw*|threw|fling* myself|himself|herself off|under|from|front', maxGap: 1 },
    { pattern: 'drive|driving|crash* into|off wall|tree|cliff|bridge|lorry|truck|traffic', maxGap: 3 },
    { pattern: 'standing|sitting|stood|on ledge|railing|tracks', maxGap: 1 },
    { pattern: 'edge bridge|roof|cliff|balcony', maxGap: 1 },
    { pattern: 'not|dont waking|wake fine|better|ok|okay|relief|nice|good|blessing', maxGap: 3 },
    { pattern: 'wish|rather never|not exist|existed|born|alive|here|wake', maxGap: 3 },
    'end days',
    { pattern: 'want*|wanna|going|gonna end it', maxGap: 1 },
    // Translated literally: "I want to finish everything".
    { pattern: 'want*|wanna|going|gonna finish|end everything', maxGap: 1 },
    { pattern: 'going|gonna|want*|wanna|plan*|thinking overdose|od', maxGap: 2 },
    { pattern: 'will|ill|gonna take|taking|swallow* all|whole|every @meds', maxGap: 3 },
    { pattern: 'any: take|taking|swallow* all|whole|every @meds tonight|today|once', maxGap: 3 },
    'no way out',
    // Intent in second-language wording: "I do not wish to live more", "want it to be over".
    { pattern: 'not|dont|no want|wanna|wish|like|desire|will live|living|alive|exist', maxGap: 1 },
    { pattern: 'want|wanted|wish|wishing|need it|this|everything|all over|end|ended', maxGap: 0 },
    {
      pattern:
        'cut|cutting|burn|burning|hurt|hurting myself|himself|herself deep|deeply|purpose|deliberately',
      maxGap: 2,
    },
    { pattern: 'any: want|wish stop|end|over forever|permanently', maxGap: 3 },
    { pattern: 'plan*|going|gonna|want*|wanna|thinking|decided end|ending things|everything', maxGap: 2 },
    { pattern: 'no point anymore|anything|any more', maxGap: 1 },
    { pattern: 'wrote|written|writing letters|notes everyone|family|kids|all', maxGap: 2 },
    { pattern: 'how kill|end myself|life', maxGap: 2 },
    {
      pattern: 'thinking|thought|think|considering|planning ending|end it|myself|everything|things',
      maxGap: 2,
    },
    { pattern: 'belt|rope|cord|cable|scarf|ligature|noose around|round neck', maxGap: 3 },
    'ligature',
    // Affairs put in order, the end said in the first person, the place looked at, goodbyes.
    {
      pattern:
        'who gets|get|will|should|have|inherit* my|his|her things|stuff|belongings|possessions|dog|cat|pets',
      maxGap: 1,
    },
    { pattern: 'sorted|sorting|planned|planning|arranged|arranging own|my funeral', maxGap: 1 },
    'affairs order',
    { pattern: 'i|ill|im end|ending it', maxGap: 0 },
    {
      pattern: 'any: looking|staring|stare|stood|standing|watching tracks|railway|rails|bridge|ledge|cliff',
      maxGap: 3,
    },
    { pattern: 'not|wont|never be alive', maxGap: 1 },
    { pattern: 'last day|night alive|earth', maxGap: 1 },
    'hurting|harming myself|himself|herself',
    {
      pattern: 'like|tempted|might|urge*|feel|feeling|going|gonna hurt|harm|cut|burn myself|himself|herself',
      maxGap: 2,
    },
    { pattern: 'not|dont worth living|going|carrying|being|staying alive|around|on', maxGap: 1 },
    { pattern: 'life not|dont worth', maxGap: 1 },
    'sorry for everything',
    'goodbye|farewell forever',
    // Goodbyes posted for everyone to see ("posted goodbye messages on facebook", "goodbye everyone").
    {
      pattern: 'goodbye|farewell message*|post|posts|posted|status|text|texts|tweet*',
      maxGap: 1,
    },
    {
      pattern:
        'posted|posting|post|posts|put goodbye|goodbyes|farewell on facebook|fb|instagram|insta|snapchat|tiktok|twitter|whatsapp|social',
      maxGap: 2,
    },
    { pattern: 'goodbye|goodbyes|farewell|farewells everyone|world|everybody', maxGap: 0 },
    { pattern: 'texted|text|texts|message*|messaged|note|letter saying|says|said goodbye', maxGap: 4 },
    // Round 9: a nurse's or carer's shorthand: "SI with plan", "expressing SI", "SI/HI" (ideation).
    {
      pattern:
        'expressing|expresses|expressed|endorsing|endorses|endorsed|reports|reporting|reported|voicing|voiced|disclosed|ongoing|new =si',
      maxGap: 1,
    },
    { pattern: '=si with|w plan|intent|means|method', maxGap: 1 },
    { pattern: '=si =hi', maxGap: 0 },
    // Round 9: one note or letter left for the family, not only letters, said in the first person ("I've
    // written a note for my kids"; "my mum wrote a letter to the kids" is news, not a goodbye).
    {
      pattern:
        'i|have wrote|written|writing|write|left|leaving note|letter for|to kids|children|family|everyone|everybody|loved',
      maxGap: 2,
    },
    { pattern: 'ready|prepared die|dying', maxGap: 1 },
    // Round 9: not wanting to stay in this world, said by second-language speakers.
    {
      pattern: 'not|dont|no want|wanna|wish|like stay|remain|be|live world|earth',
      maxGap: 2,
    },
    // Round 10: the place chosen to "do it"; "tonight's the night"; "I won't be anywhere".
    { pattern: 'know|decided|chosen|picked where do it', maxGap: 2 },
    { pattern: 'tonight|tonights night', maxGap: 1 },
    { pattern: 'not|wont|never be anywhere', maxGap: 0 },
    { pattern: 'not|wont|never be around|here anymore|much|for long|longer', maxGap: 1 },
    // Round 22 probe class: no longer a burden, soon ("I won't be a problem much longer", "not a bother for long").
    {
      pattern: 'not|wont|never be problem|burden|bother|nuisance|trouble|worry much|for long|longer',
      maxGap: 1,
    },
    // Passive ideation: thinking of not being here, life pointless.
    {
      pattern:
        'thinking|think|thought|wish|wishing|want|wanna|rather|prefer not being|be here|around|alive|exist*',
      maxGap: 2,
    },
    { pattern: 'not being|be here|around|alive anymore|forever|permanently', maxGap: 2 },
    { pattern: 'not being|be here|around|alive for good', maxGap: 2 },
    { pattern: 'life|living|existence pointless|meaningless|worthless|hopeless', maxGap: 1 },
    // Cutting that goes on; voices that command harm (command hallucinations: a psychiatric emergency).
    {
      pattern:
        'cut|cutting|harming|hurting deep|deeper|myself|arms|wrists|legs|again not|dont want|wanna stop',
      maxGap: 3,
    },
    {
      pattern: 'voices|voice tell*|telling|told|say*|want* me|him|her|us hurt|harm|kill|cut|die|jump|end',
      maxGap: 3,
    },
    // Sitting in a car in a closed garage with the engine running.
    { pattern: 'any: sat|sitting|sit|locked|shut|closed garage engine|motor', maxGap: 4 },
  ],
};
