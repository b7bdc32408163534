import type { LexiconInput } from '../../lexicon.schema.ts';

/** French wording of chest pain, breathing trouble and collapse: the heart and the lungs. */
export const frenchCardioRespiratory: LexiconInput['categories'] = {
  chest_pain: [
    'any: @douleur @poitrine',
    'any: douleur*|serre*|oppress*|ecras* coeur',
    'brul* poitrine|thorax|thoracique',
    { pattern: '@douleur irradi*|descend*|remont*|part|partant|file bras|machoire|epaule', maxGap: 3 },
    'any: @douleur machoire bras',
    'any: elephant|enclume|pierre|rocher|brique|parpaing|caillou|tonne @poitrine',
    { pattern: 'tient|tenait|agrippe* @poitrine|coeur', maxGap: 2 },
    'malaise|accident cardiaque',
    'crise cardiaque',
    'infarctus',
    'idm',
    'angine poitrine',
    // Le serrement, l'étau, la barre, le poids, là où le patient situe le cœur (pas « mal au cœur »: la nausée).
    {
      pattern:
        'any: etau|barre|poids|enclume|elephant|pression|serre*|serrement|comprim*|ecras* @poitrine|coeur',
      maxGap: 3,
    },
    { pattern: '=mal|douleur*|point|pointe niveau|cote|region coeur', maxGap: 1 },
    { pattern: 'coeur serre|serree|comprime|ecrase', maxGap: 1 },
    // Une gêne qui serre, avec la sueur, la nausée, les palpitations, la pâleur ou le bras gauche (ESC 2023).
    {
      pattern:
        'any: serre|serree|serrement|oppress*|etau|barre|comprim*|ecrase|ecrasement|omoplate* ' +
        'sue|suent|suait|sueur*|transpir*|moite*|nausee*|palpitation*|machoire|pale|blanc|blanche|gris|grise|livide|blafard*|terreux|terreuse|cireux|cireuse',
      maxGap: 4,
    },
    {
      pattern:
        'any: serre|serree|serrement|oppress*|etau|barre|comprim*|ecrase|omoplate*|sein bras|epaule|machoire ' +
        'gauche|engourdi*|fourmi*|fourmill*|lourd*|tire|lance|irradi*',
      maxGap: 4,
    },
    // « Mal au cœur » seul est la nausée; avec la sueur, la pâleur, le serrement ou le bras, c'est le cœur.
    {
      pattern:
        'any: =mal coeur serre*|sue|suent|sueur*|transpir*|blanc|blanche|pale|livide|gris|grise|bras|machoire',
      maxGap: 4,
    },
    { pattern: 'coeur pas|non ventre|estomac', maxGap: 1 },
    // Pâle ou gris et en sueur: le choc d'un infarctus, à voir même sans le mot « poitrine ».
    {
      pattern: 'any: blanc|blanche|pale|livide|gris|grise sue|suent|suait|sueur*|transpir*|moite*',
      maxGap: 3,
    },
    { pattern: 'any: machoire|omoplate* sue|suent|sueur*|transpir*|moite*|nausee*', maxGap: 4 },
    { pattern: 'plain*|plaignait coeur|poitrine|thorax|torse', maxGap: 2 },
    {
      pattern:
        'any: brulure*|brule|brulant* intense*|atroce*|enorme*|forte nausee*|sue*|sueur*|transpir*|bras|machoire',
      maxGap: 4,
    },
    {
      pattern: 'any: brulure*|brule|douleur* derriere|milieu|centre cotes|thorax|sternum|poitrine',
      maxGap: 3,
    },
    { pattern: 'coeur fait|faisait mal', maxGap: 1 },
    // Famille × famille: tout mot de la poitrine avec tout ce qu'on y ressent (« la poitrine qui me lance »).
    { pattern: 'any: @sensation_thoracique @poitrine', maxGap: 3 },
    { pattern: 'any: @douleur|brul*|lance*|elancement* poumon|poumons', maxGap: 3 },
    // Le cœur piqué, poignardé, transpercé; « mal au cœur » seul reste la nausée, « coup de cœur » un goût.
    {
      pattern:
        'any: poignard*|lance|lancent|elancement*|pique|piqure*|decharge*|transperc*|arrach*|crampe*|spasme*|broie*|souffr*|pinc* coeur',
      maxGap: 3,
    },
    { pattern: '=point|pointe au|dans coeur', maxGap: 0 },
    { pattern: '=mal|douleur*|fait la|ou|endroit|place coeur', maxGap: 2 },
    // Le sein gauche, là où beaucoup situent le cœur: avec ce qui irradie, c'est la poitrine.
    { pattern: 'any: @sensation_thoracique sein gauche|dos|bras|irradi*|machoire', maxGap: 3 },
    { pattern: 'elephant|enclume assis|sur|dessus|appuie*|ecrase*', maxGap: 2 },
    // Round 10: un objet lourd posé sur la poitrine (« comme un frigo posé sur la poitrine »), le cœur
    // essoré, broyé: les images de l'infarctus quand le mot « douleur » ne vient pas.
    {
      pattern:
        'frigo|frigidaire|voiture|camion|piano|armoire|parpaing|enclume|elephant|poids|tonne sur|pose|posee|assis|appuie|ecrase @poitrine|cotes',
      maxGap: 3,
    },
    { pattern: 'any: essor*|broy*|pressur* coeur', maxGap: 3 },
    // Round 14: la douleur dite cardiaque; la trinitrine qui ne la calme pas; quelqu'un qui marche ou est
    // assis sur la poitrine.
    { pattern: 'douleur*|douloureu*|mal|oppression|serrement cardiaque*', maxGap: 1 },
    {
      pattern: 'any: trinitrine|natispray|risordan|nitro* malgre|passe|marche|fait|soulage|rien|toujours',
      maxGap: 3,
    },
    {
      pattern: 'any: comme|dirait marche*|marchait|assis|assise|debout|saute|sautait|pese|pesait @poitrine',
      maxGap: 4,
    },
    // Round 14: un véhicule ou une masse garés, posés sur le cœur (pas « un poids sur le cœur », le chagrin).
    {
      pattern:
        'frigo|frigidaire|voiture|camion|piano|armoire|parpaing|enclume|elephant|tonne|bus|tracteur|rocher|enclume gare|garee|sur|pose|posee|assis|ecrase coeur',
      maxGap: 3,
    },
    // Broyé, pincé, poignardé, avec le bras ou la mâchoire qui fourmillent ou s'engourdissent.
    {
      pattern:
        'any: broie*|broy*|pince*|poignard*|ecras* bras|epaule|machoire fourmi*|engourdi*|lourd*|tire|lance',
      maxGap: 4,
    },
    // Round 14: ce qui descend dans les deux bras; un poing, une main qui serre ou écrase en dedans; entre
    // les seins; une lourdeur ou une pression qui gagne la mâchoire (l'infarctus sans le mot poitrine).
    { pattern: 'any: descend*|irradi*|part|va|file* deux|<n:2-2> bras', maxGap: 3 },
    {
      pattern: 'any: poing|main|griffe|etau serr*|ecras*|broy*|comprim* interieur|dedans|coeur|milieu',
      maxGap: 4,
    },
    { pattern: 'any: comme si ecras*|serr*|broy* interieur|dedans|milieu', maxGap: 4 },
    { pattern: 'any: @sensation_thoracique entre seins', maxGap: 3 },
    { pattern: 'any: lourdeur|pression|poids|ecras* machoire|cou', maxGap: 4 },
  ],
  breathing_difficulty: [
    // Round 20 (classe de la sonde): l'œdème pulmonaire: des crachats roses et mousseux, l'impression de se noyer
    // (SFMU: détresse respiratoire).
    {
      pattern: 'any: crache|crachait|crachat*|glaire*|expector* rose|roses|rosee|rosees|mousse|mousseu*',
      maxGap: 3,
    },
    { pattern: 'se|me|je|il|elle noie|noyer|noyais|noyait', maxGap: 1 },
    // Round 10b: trop essoufflé pour aligner deux mots; la respiration abdominale (le ventre qui tire ou se
    // creuse); s'endormir en parlant, la somnolence d'une hypercapnie (BPCO).
    {
      pattern: '@pouvoir pas|plus aligner|dire|sortir|prononcer|enchainer deux|trois|<n:1-4> mots|mot',
      maxGap: 2,
      negatable: false,
    },
    { pattern: 'aligner|enchainer deux|trois|<n:1-4> mots', maxGap: 1 },
    { pattern: 'respire|respirait avec|par ventre', maxGap: 3 },
    { pattern: 'ventre creuse|tire|rentre|pompe respir*|respire|respiration|inspir*', maxGap: 3 },
    { pattern: 'endort|endormait|endormi en parlant|plein|milieu|pleine phrase|conversation', maxGap: 2 },
    'peux|peut|arrive|arrivons|parviens|parvient|reussis|reussit pas|plus respirer|respire|souffler',
    'respire|respirer pas|plus',
    { pattern: 'respire|respirer presque|quasiment|quasi|carrement|limite|vraiment pas|plus', maxGap: 0 },
    'mal|difficult*|dur|peine|gene respirer|respir*',
    'respire mal|difficilement',
    'respiration|respirer|respire difficile*|dur|penible*|laborieu*|sifflante|courte|rapide*',
    'cotes|thorax creus*|tire*',
    'tirage',
    'impression noyer',
    'etouffe|etouffes|etouffer|etouffement|etouffais|etouffait',
    'suffoqu*',
    'asphyxi*',
    'manque* air|souffle|oxygene',
    'souffle court|coupe',
    { pattern: 'reprendre|retrouver souffle|respiration', negatable: false },
    'any: essouffl* repos|assis|allonge|couche|parler|parlant|parle|brutal*|soudain*|enormement',
    { pattern: 'tres|trop|hyper|super|vraiment|completement essouffl*', maxGap: 0 },
    'any: levre*|bouche|visage|doigts|peau|ongles bleu*|violet*|violace*|gris*',
    'devient|devenu|devenue bleu*|violet*|gris*',
    'cyanos*',
    // Round 7: le mot de l'infirmière, avec ce qui en fait une urgence (pas la « dyspnée d'effort » connue).
    {
      pattern:
        'any: dyspn* @intense|repos|majeure*|aigue*|brutale*|importante*|severe*|grave*|allonge*|couche*|parler',
      maxGap: 3,
    },
    'asthme passe pas|plus',
    'ventoline|inhalateur|salbutamol fait|marche|soulage pas|plus|rien',
    'respir* vite|rapide*|bizarre*',
    // Trop essoufflé pour finir ses phrases; chez l'enfant, geindre et battre des ailes du nez (NICE NG143).
    { pattern: 'finir|terminer|finis|finit phrase*', maxGap: 1, negatable: false },
    'any: battement*|bat|battent|pince* ailes|narine*',
    { pattern: 'geint|gemit|geignement* respir*|chaque|souffle', maxGap: 3 },
    { pattern: 'any: siffl* respir*|respire|poitrine|bronche*|souffle|inspir*', maxGap: 3 },
    { pattern: 'tire|creuse|creusent sur|au ventre|cotes|cou', maxGap: 1 },
    'bout souffle',
    'halet*',
    { pattern: 'tout|toute|completement essouffl*', maxGap: 0 },
    { pattern: 'any: oppresse|oppressee respir*|souffle|asthme|air|poitrine', maxGap: 4 },
    'crise* asthme',
    { pattern: 'any: asthme fort*|grave*|severe*|aigu*|terrible*', maxGap: 2 },
    { pattern: 'any: bruit*|sifflement* bizarre*|etrange*|rauque* inspir*|respir*', maxGap: 3 },
    'stridor',
    'cornage',
    { pattern: 'respire|respirer|respiration plus bien|normalement|correctement', maxGap: 2 },
    { pattern: 'cherche|cherchait air|souffle|respiration', maxGap: 1 },
    {
      pattern: 'tout|toute|completement|devenu|devenue|devient bleu|bleue|violet|violette|violace*',
      maxGap: 0,
    },
    // Round 15 (classe restée ouverte): la saturation à 92 % ou moins sur un oxymètre (HAS, NICE NG191), dite par
    // l'appareil (« l'oxymètre affiche 88 », « la pince au doigt indique 86 », « sat à 90 »).
    { pattern: 'sat|sats|saturation*|oxymetre|saturometre <n:50-92>', maxGap: 2 },
    {
      pattern:
        'sat|sats|saturation*|oxygene|oxymetre|saturometre pince|capteur|appareil|truc|machin|doigt|taux affiche|indique|dit|marque|montre|est <n:50-92>',
      maxGap: 1,
    },
    {
      pattern: 'sat|sats|saturation*|oxymetre|saturometre affiche|indique|dit|marque|montre <n:50-92>',
      maxGap: 1,
    },
    // L'air qui n'entre plus: « j'ai pu d'souffle », « je chope pas l'air », « l'air passe pas ».
    { pattern: 'plus|pu souffle|air|oxygene', maxGap: 1, negatable: false },
    {
      pattern: 'air|souffle passe|rentre|entre|vient|arrive pas|plus',
      maxGap: 3,
      negatable: false,
    },
    'poisson hors eau',
    { pattern: 'cotes|sternum|ventre|cou|@poitrine rentre*|rentrent|creuse*|aspire*', maxGap: 2 },
    // Round 5: le nourrisson qui fait des pauses ou geint à chaque souffle.
    { pattern: 'any: pause*|grogn*|geint|geignement*|gemit @souffle_mot', maxGap: 3 },
    { pattern: 'court souffle|air|oxygene', maxGap: 1 },
    { pattern: 'any: bruit*|sifflement*|aigu* inspir*|inspire|respir*|respire', maxGap: 4 },
    {
      pattern: 'pas|plus prendre|faire|reprendre inspiration|respiration|souffle|air',
      maxGap: 2,
      negatable: false,
    },
    { pattern: 'arrete|arretait|arreter|stoppe respirer|respiration', maxGap: 1 },
    { pattern: 'respiration|souffle coupee|coupe|bloquee|bloque|coince*|accroch*', maxGap: 2 },
    { pattern: 'any: ailes|narine* bouge*|bougent|battent|bat|ecart*|ouvr*|pince*', maxGap: 3 },
    { pattern: 'peux|peut|arrive pas|plus inspirer|expirer|inspire', maxGap: 2 },
    'detresse respir*',
    'etrangl*',
    { pattern: 'air passe|rentre mal', maxGap: 1 },
    'any: levre*|ongles|doigts|visage|bouche|peau mauve*|noire*',
    { pattern: 'any: hors haleine moindre|rien|repos|assis|parler', maxGap: 4 },
    { pattern: 'attrape|chope|choppe|prend|trouve pas|plus air|souffle', maxGap: 2, negatable: false },
    // Famille × famille: toute peine (mal, misère, effort, impossible) avec tout mot du souffle.
    { pattern: 'any: @peine_respirer @souffle_mot', maxGap: 2 },
    {
      pattern: 'peux|peut|arrive|capable|parviens|reussis pas|plus @souffle_mot|gonfler|remplir',
      maxGap: 3,
      negatable: false,
    },
    {
      pattern:
        'any: @peine_respirer trouver|prendre|aspirer|avoir|attraper|chercher|entrer air|souffle|oxygene',
      maxGap: 3,
    },
    { pattern: 'pas|plus|jamais capable|moyen @souffle_mot', maxGap: 2, negatable: false },
    { pattern: '@pouvoir pas|plus @souffle_mot', maxGap: 3, negatable: false },
    { pattern: 'any: pause*|arret* respirer|souffler|souffle parlant|parler|phrase*|mots', maxGap: 4 },
    { pattern: 'pas|plus assez|suffisamment air|souffle|oxygene', maxGap: 1, negatable: false },
    { pattern: 'respire|respirer|respirait par petit*|petites|saccade*|hoquet*|bouffee*|goulee*', maxGap: 2 },
    { pattern: 'any: essouffl*|souffle rien|moindre|bouger|immobile', maxGap: 3 },
    { pattern: 'respire|respirait|halete* comme chien|poisson|locomotive|soufflet|asthmatique', maxGap: 2 },
    // Round 6: « j'ai pas d'air », « il a plus d'souffle »: avoir, nié, devant l'air lui-même.
    { pattern: 'ai|a|avait|avais pas|plus|pu air|souffle|oxygene', maxGap: 0, negatable: false },
    // Round 9: trop essoufflé pour dire plus de deux ou trois mots (NHS 999).
    {
      pattern: 'dire|prononcer|aligner plus|que deux|trois|quelques|<n:1-4> mots|mot',
      maxGap: 2,
      negatable: false,
    },
    // Round 10: respirer dans une paille ou une touillette; chaque respiration un combat; essoufflé
    // « comme jamais ».
    {
      pattern: 'respir*|souffle travers|dans paille|touillette|trou|aiguille|chalumeau|coussin|eponge',
      maxGap: 3,
    },
    {
      pattern: 'chaque|chacune respiration|souffle|inspiration combat|lutte|effort|bataille|galere|torture',
      maxGap: 3,
    },
    { pattern: 'essouffl* comme jamais', maxGap: 1, negatable: false },
    // Round 14: l'asthmatique « complètement bloqué ».
    { pattern: 'any: asthm* completement|totalement bloque|bloquee|coince|coincee', maxGap: 4 },
    // Round 14: la gorge ou la trachée qui se rétrécit, se resserre, se ferme, quelle qu'en soit la cause.
    { pattern: 'gorge|trachee|bronches retreci*|resserr*|ferme|referme', maxGap: 2 },
    // Round 14: un bruit de gargouillis, de râle à chaque souffle; respirer la bouche grande ouverte.
    {
      pattern: 'any: gargouill*|glouglou*|rale|rales|ralement* respir*|respire|souffle|gorge|bruit',
      maxGap: 4,
    },
    { pattern: 'respire|respirait bouche grande ouverte', maxGap: 2 },
    // Round 14: le ventre qui monte et descend à chaque souffle (la respiration abdominale de l'enfant).
    { pattern: 'ventre monte|monter|gonfle descend|descendre|creuse|rentre', maxGap: 2 },
  ],
  loss_of_consciousness: [
    'evanou*',
    'perte*|perdu|perd connaissance|conscience',
    'inconscient|inconsciente|inconscients',
    // Round 14: inanimé, « dans le cirage ».
    'inanime|inanimee|inanimes',
    { pattern: 'toujours|encore dans cirage|coaltar|coltar', maxGap: 1 },
    'repond|reagit plus',
    'reagit pas',
    'repond pas quand|lorsque',
    'pas|plus conscient*',
    { pattern: 'se reveill*|reveil pas|plus', maxGap: 0 },
    'impossible reveiller',
    'arrive|arrivons|peux|peut|pouvons|parviens|parvient pas|plus reveiller',
    'tombe* pommes',
    'effondr*',
    // Round 14: allongé, étendu, affalé aussi (« allongé dans son jardin, il ne bouge plus »).
    'any: terre|sol|allonge|allongee|etendu|etendue|affale|affalee bouge|repond|reagit plus',
    'syncope*',
    'fait|fais|faire malaise',
    'coma',
    'arret cardiaque',
    'respire plus',
    'pas|plus pouls',
    { pattern: 'any: mou|molle|inerte|flasque|ramollo repond|reagit pas|plus', maxGap: 3 },
    { pattern: 'est|reste|semble|completement|tout|toute inerte', maxGap: 0 },
    { pattern: 'mou|molle comme chiffon|poupee', maxGap: 1 },
    { pattern: 'any: perdu|perd|perte conscience|connaissance', maxGap: 2 },
    { pattern: 'reagit|repond|reagissait|repondait rien', maxGap: 1 },
    'tombe*|tombee vapes',
    { pattern: 'reprend|reprenait pas|plus conscience|connaissance|esprits', maxGap: 1 },
    // Au passé composé la négation vient avant le verbe : « il n'a pas repris connaissance », « sans reprendre conscience ».
    { pattern: 'pas|plus|jamais|sans repris|reprendre conscience|connaissance|esprits', maxGap: 1 },
    { pattern: 'voit|reconnait|regarde pas|plus|rien bouge|reagit|repond pas|plus', maxGap: 3 },
    { pattern: 'sens|sent|sentais|sentait partir', maxGap: 0 },
    'ecroul*',
    'sans connaissance|conscience',
    { pattern: 'bouge|remue plus tout|rien', maxGap: 1 },
    // Round 9: le mot des soignants (« aréactif », « PC brutale », Glasgow bas), et la personne tombée ou
    // les yeux fermés qui ne répond pas, écrite comme elle se dit (« elle répon pa, les yeu fermé »).
    'areacti*',
    { pattern: '=pc brutale|initiale|breve|prolongee|inaugurale|complete', maxGap: 0 },
    { pattern: 'glasgow|=gcs <n:3-12>', maxGap: 1 },
    { pattern: 'any: tombe|tombee|yeux|yeu|terre|sol repond|reagit pas|plus|rien', maxGap: 4 },
    // Round 10: tombé comme une masse, toujours dans les vapes, affalé qui ne revient pas à lui, les yeux qui
    // ne s'ouvrent pas.
    { pattern: 'tombe|tombee|effondre* comme masse|pierre|sac|mouche|plomb', maxGap: 1 },
    { pattern: 'toujours|encore|completement dans vapes', maxGap: 1 },
    { pattern: 'any: affale*|avachi*|effondre*|tombe*|terre|sol revient|reviens pas|plus', maxGap: 4 },
    { pattern: 'revient|revenu|revenue pas|plus a lui|elle|soi', maxGap: 1 },
    { pattern: 'ouvre|ouvrait|ouvrir pas|plus yeux', maxGap: 1, negatable: false },
    // Round 14: n'arriver ni à le faire réagir ni à le réveiller, quel que soit le verbe.
    {
      pattern: '@pouvoir|arrivons|pouvons|parvenons pas|plus faire reagir|repondre|reveiller|ouvrir',
      maxGap: 3,
      negatable: false,
    },
    {
      pattern: 'any: mou|molle|inerte|flasque repond|reagit|regarde|serre|suit pas|plus|rien',
      maxGap: 4,
    },
    // Ne plus regarder ni serrer la main: ne plus obéir aux ordres simples (le score de Glasgow).
    { pattern: 'any: regarde|regardait serre|serrait|repond|reagit pas|plus', maxGap: 4 },
  ],
};
