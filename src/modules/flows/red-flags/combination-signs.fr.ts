import type { LexiconInput } from './lexicon.schema.ts';

/**
 * French wording of signs that are a red flag only together, as `red-flag-combinations.ts` pairs them
 * (a fever and a stiff neck, a baby under 3 months and a fever). Syntax: `lexicon.schema.ts`.
 */
export const frenchCombinationSigns: LexiconInput['concepts'] = {
  // Round 10: la nuque qui ne plie plus et le vomissement ou la lumière insupportable, en deux propositions.
  neck_stiffness: [
    // Round 10b: le menton qu'on ne peut plus baisser ni poser sur la poitrine.
    {
      pattern: '@pouvoir pas|plus baisser|plier|pencher|rentrer|bouger|descendre menton|tete',
      maxGap: 2,
      negatable: false,
    },
    { pattern: 'any: pas|plus menton poitrine|torse|sternum', maxGap: 3, negatable: false },
    { pattern: '@pouvoir pas|plus pencher|baisser tete avant', maxGap: 3, negatable: false },
    'nuque|cou raide*|bloque*|dure',
    'nuque|cou dur|bloke*|coince*',
    'raideur* nuque|cou',
    {
      pattern: '@pouvoir pas|plus baisser|plier|pencher|bouger|tourner tete|nuque|cou',
      maxGap: 2,
      negatable: false,
    },
  ],
  meningism: [
    'vomi*|vomit|vomis|vomissement*',
    { pattern: 'supporte|supporter|supportait pas|plus lumiere|jour|lampe', maxGap: 2, negatable: false },
    { pattern: 'lumiere fait|gene|agresse mal|yeux', maxGap: 2 },
    'photophobi*',
    // Round 13: l'esprit qui s'embrouille.
    'confus|confuse|confusion|desorient*',
  ],
  // Round 10: quelqu'un dans la voiture au garage, et le moteur qui tourne, en deux propositions.
  inside_car_garage: [
    { pattern: 'suis|est|assis|assise|enferme|enfermee dans voiture|camionnette garage', maxGap: 2 },
  ],
  engine_running: [{ pattern: 'moteur allume|allumee|tourne|tournant|marche|route', maxGap: 1 }],
  // Round 10: une aiguille ou une seringue à côté de quelqu'un de bleu, qui respire à peine ou ne se réveille pas.
  drug_kit: [
    { pattern: 'seringue|seringues|aiguille|aiguilles cote|pres|par|terre|sol|trouve*', maxGap: 3 },
    // Round 12: un opioïde nommé (un patch, un flacon de méthadone) vaut la seringue.
    'fentanyl|heroine|methadone|opioide*|opiace*|oxycodone|buprenorphine|subutex|morphine',
  ],
  drugged_state: [
    'any: levre*|visage|peau bleu*|violet*|gris*',
    { pattern: 'respire|respiration tout|tres|trop doucement|lentement|lente|peine|faiblement', maxGap: 1 },
    { pattern: 'se reveill*|reveil|repond|reagit pas|plus', maxGap: 1 },
    'inconscient*',
    { pattern: 'par|a terre|sol', maxGap: 1 },
    'pupille* petite*|minuscule*|serree*',
  ],
  fever: [
    'fievre*',
    'febri*',
    'hyperthermi*',
    'brulant*',
    '<n:38-43> degre*|degres|c|celsius',
    'temperature|temp|thermometre <n:38-43>',
    '<n:38-43> temperature|temp|thermometre',
    { pattern: 'a|fait|est|monte <n:38-43>', maxGap: 0 },
    '<d:38-43>',
    // Une infection qui s'aggrave compte comme la fièvre: elle cherche le même signe de sepsis.
    { pattern: 'infection*|infecte*|plaie aggrave*|aggravant|generalis*|grave*', maxGap: 2 },
    { pattern: 'a|avoir|fait de temperature|temp', maxGap: 0 },
    // Round 6: les frissons qui secouent (NICE NG51, « rigors ») sont la fièvre qui monte.
    { pattern: 'frisson* @intense|enormement|incontrol*', maxGap: 1 },
    // Round 9: grelotter sans arrêt; chaud au toucher, dit de la personne (« il est tout chaud »).
    { pattern: 'grelott* arret|partout|enormement|incontrol*|@intense', maxGap: 2 },
    { pattern: 'tout|toute|tres|super chaud|chaude|bouillant|bouillante', maxGap: 0 },
    // Round 14: le corps, le front, la peau chauds (« il a le corps chaud »).
    { pattern: 'corps|front|peau chaud|chaude|bouillant*|brulant*', maxGap: 1 },
  ],
  young_infant: [
    // Round 19 (classe de la sonde): le bébé nommé par la famille (« ma petite sœur a 3 semaines »).
    {
      pattern:
        'soeur|frere|cousin|cousine|niece|neveu|fils|fille|petite|petit|filleul|filleule|petitfils|petitefille a|de <n:0-13> semaine*|sem|sems',
      maxGap: 1,
    },
    {
      pattern: 'soeur|frere|cousin|cousine|niece|neveu|fils|fille|petite|petit a|de <n:0-3> mois',
      maxGap: 1,
    },
    // Round 11: « bb 5 sem », l'âge abrégé d'un bébé.
    { pattern: '@bebe <n:0-13> sem|sems|sm', maxGap: 0 },
    'nouveau ne|nee',
    { pattern: '@bebe <n:0-3> mois', maxGap: 0 },
    { pattern: '@bebe <n:0-13> semaine*', maxGap: 0 },
    { pattern: '@bebe <n:0-92> jour*', maxGap: 0 },
    { pattern: 'age|agee <n:0-3> mois', maxGap: 0 },
    '<n:0-13> semaine*|sem vie',
    '<n:0-92> jour*|j vie',
    // Round 16: l'âge dit au passé composé (« elle a eu 2 mois hier ») ou par le rendez-vous de cet âge
    // (« les vaccins des 2 mois »).
    { pattern: '@bebe eu|fete|atteint <n:0-3> mois', maxGap: 1 },
    { pattern: 'vaccin*|visite|rdv|consultation|examen des|du <n:0-3> mois', maxGap: 0 },
  ],
  stiff_neck: [
    // Round 10b: le menton qu'on ne peut plus baisser ni poser sur la poitrine.
    {
      pattern: '@pouvoir pas|plus baisser|plier|pencher|rentrer|bouger|descendre menton|tete',
      maxGap: 2,
      negatable: false,
    },
    { pattern: 'any: pas|plus menton poitrine|torse|sternum', maxGap: 3, negatable: false },
    { pattern: '@pouvoir pas|plus pencher|baisser tete avant', maxGap: 3, negatable: false },
    'nuque|cou raide*|bloque*|dure',
    // Round 14: « cou dur », « nuque bloké » (le k des SMS), la tête qu'on ne peut plus tourner.
    'nuque|cou dur|bloke*|coince*',
    { pattern: '@pouvoir pas|plus tourner|bouger tete|cou|nuque', maxGap: 2, negatable: false },
    'torticolis',
    // Round 16: l'enfant qui crie quand on lui bouge la tête (la raideur dite par ce qu'on voit).
    {
      pattern:
        'crie|criait|hurle|hurlait|pleure|pleurait|gemit quand|si|des bouge|bouger|touche|toucher|tourne|tourner|leve|lever|baisse|baisser|penche|pencher tete|nuque|cou',
      maxGap: 2,
    },
    // Round 14: la fontanelle bombée, tendue (NICE NG143: bulging fontanelle).
    { pattern: 'fontanelle bomb*|gonfl*|tendu*|saillant*|ressort|dure', maxGap: 2 },
    'raideur* nuque|cou',
    'peux|peut|arrive pas|plus baisser|plier|pencher|bouger tete|nuque|cou',
  ],
  purpura: [
    'purpura',
    'petechi*',
    'tache*|bouton*|plaque* violet*|violace*|pourpre*|noir*',
    // Round 14: des points, des picots violets (les pétéchies dites avec les mots de tous les jours).
    'points|picots|piqures|marques violet*|violace*|pourpre*',
    { pattern: 'tache*|points|plaque*|bouton* fonce|foncee*|fonces|sombre*|bordeaux|lie', maxGap: 2 },
    {
      pattern: 'any: points|taches|tache|plaques|boutons rouge*|violet* partent|effacent|disparai* pas|plus',
      maxGap: 3,
    },
  ],
  sepsis_warning: [
    // Round 12: trembler, le cœur qui bat à fond, dits simplement avec une infection nommée.
    { pattern: 'je|il|elle tremble|grelotte', maxGap: 0 },
    { pattern: 'coeur bat|tape|cogne fond|cent|mille|fort', maxGap: 2 },
    'confus|confuse|confusion|confusionnel',
    'desorient*',
    'delire|=delirant|=delirante|delirium',
    'marbr*',
    'any: urine*|pipi|uriner pas|plus',
    'any: tremble*|frisson* enormement|partout|incontrol*|violent*|corps',
    'any: impression|sensation|sens mourir|mort',
    '=mou|=molle|hypotoni*|amorphe|apathique|=geint',
    'tension basse|chute',
    'dit|raconte importe quoi',
    'incoheren*',
    { pattern: 'tout|toute|corps froid|froide|glace|glacee', maxGap: 1 },
    'respire|respir* vite|rapide*',
    // Round 6 (NHS sepsis): la peau grise ou cendrée, le cœur qui s'emballe; et la fièvre d'un patient sans
    // défenses (chimiothérapie, greffe), qui est à elle seule l'alerte.
    { pattern: 'peau|teint|visage gris|grise|cendre*|terreux|terreuse', maxGap: 1 },
    { pattern: 'coeur bat|battre|tape|cogne vite|fort|rapide*|chamade', maxGap: 2 },
    'tachycard*',
    'chimio*',
    'neutropeni*',
    'aplasi*',
    'immunodeprim*',
    'greffe*',
    'grelott*',
    // Round 10: le cœur à 130, tenir à peine debout, se sentir partir, des propos sans queue ni tête.
    { pattern: 'coeur|pouls a|de <n:130-250>', maxGap: 1 },
    { pattern: 'tiens|tient|tenait peine|plus|pas debout', maxGap: 2, negatable: false },
    { pattern: 'sens|sent|sentais|sentait partir', maxGap: 0 },
    { pattern: 'queue ni tete', maxGap: 0, negatable: false },
    // Round 14: tout bizarre, ralenti, qui répond lentement; claquer des dents (les frissons); ne plus
    // arriver à réfléchir: l'esprit et le corps qui changent avec une infection (UK Sepsis Trust).
    {
      pattern: 'tout|toute|completement bizarre|ailleurs|ralenti|ralentie|ensuque*|vaseux|vaseuse',
      maxGap: 0,
    },
    { pattern: 'repond|reagit|parle lentement|peine|mal', maxGap: 1 },
    { pattern: 'claque|claquait|claquent dents', maxGap: 1 },
    { pattern: 'sait|savait plus|pas ou est|suis|etait', maxGap: 2, negatable: false },
    { pattern: '@pouvoir pas|plus reflechir|penser', maxGap: 2, negatable: false },
  ],
  head_trauma: [
    // Round 13: un bébé tombé ou roulé d'un meuble ou d'une hauteur sur un sol dur.
    {
      pattern:
        'tombe*|tombee|roule*|chute* table|lit|canape|langer|chaise|escalier*|balcon|fenetre|trampoline|mezzanine',
      maxGap: 3,
    },
    { pattern: 'tombe*|tombee|atterri*|chute* carrelage|beton|parquet|pierre|sol', maxGap: 3 },
    // Round 11: renversé ou percuté par un véhicule; un casque fendu ou cassé; assommé.
    {
      pattern: 'renverse*|percute*|fauche*|heurte* par voiture|camion|bus|scooter|moto|vehicule|auto',
      maxGap: 2,
    },
    { pattern: 'casque fendu|casse|eclate|fissure|brise|abime', maxGap: 2 },
    'assomme|assommee',
    // Round 10b: tombé ou plongé la tête la première, tête en avant, en eau peu profonde.
    { pattern: 'tete premiere|avant|premier', maxGap: 1 },
    { pattern: 'plonge*|plongee peu profond*|petit bain|haut fond', maxGap: 4 },
    { pattern: 'cogn*|tombe*|tombee|chute*|coup|choc|heurt*|frappe* @tete', maxGap: 1 },
    { pattern: '@tete heurt*|cogn*|frapp*', maxGap: 1 },
    { pattern: 'tape*|tapee|cogne*|heurte* @tete', maxGap: 2 },
    'commotion*',
    // Une chute de haut ou un accident, même sans le mot « tête »: avec un signe d'alerte, c'est la tête.
    { pattern: 'tombe*|tombee|tombes|tombees|chute*|glisse* @hauteur', maxGap: 2 },
    { pattern: 'accident|renverse* velo|voiture|moto|scooter|trottinette|cheval|ski|route', maxGap: 2 },
    'sans casque',
    'bosse',
    { pattern: 'hematome front|crane|arcade', maxGap: 1 },
    { pattern: 'glisse*|tombe*|tombee|chute* douche|baignoire|verglas|carrelage|bain', maxGap: 2 },
    // Round 10: un choc au sport (« choc au rugby »).
    { pattern: 'any: choc|coup|plaquage|collision rugby|foot|football|boxe|match|hand|hockey', maxGap: 2 },
    // Round 14: une chute dite sans le lieu ni la tête (« mamie est tombée », « il a fait une chute »): avec
    // un signe d'alerte, elle se lit comme un choc à la tête (tomber malade, en panne: conceptExclusions).
    { pattern: 'est|suis|sont|etait|es tombe|tombee|tombes|tombees', maxGap: 1 },
    { pattern: 'fait|faite|refait une|grosse|mauvaise chute', maxGap: 1 },
    // Round 14: un objet pris dans la tête (« s'est pris la balançoire dans la tête »).
    { pattern: 'pris|prise|recu|recue dans|sur|en @tete|front|figure', maxGap: 3 },
    { pattern: 'retrouve|retrouvee|trouve|trouvee terre|sol', maxGap: 2 },
  ],
  head_trauma_warning: [
    // Round 11: du sang ou un liquide clair qui coule de l'oreille ou du nez; ne sait plus où il est.
    { pattern: 'sang|liquide coule|sort|saigne oreille|oreilles|nez', maxGap: 3 },
    { pattern: 'saigne|saignait oreille|oreilles', maxGap: 2 },
    { pattern: 'sait|savait plus|pas ou est|suis|etait|jour', maxGap: 2, negatable: false },
    // Round 10b: il s'endort, il somnole, il « arrête pas de s'endormir » après le choc.
    'endort|somnole',
    { pattern: 'arrete|cesse pas endormir', maxGap: 2, negatable: false },
    'vomi*',
    'perte*|perdu connaissance|conscience',
    'evanou*',
    'somnolen*',
    'confus|confuse|confusion',
    'bizarre*',
    'desorient*',
    'convuls*',
    'anticoagul*|kardegic|eliquis|xarelto|pradaxa|previscan|coumadine|sintrom|apixaban|rivaroxaban',
    'any: liquide|saign*|sang oreille*|nez',
    'souvien*|rappelle plus|pas|rien',
    { pattern: 'dort|endort|endormi* tout|beaucoup|arret|temps', maxGap: 2 },
    'dit|raconte importe quoi',
    'incoheren*',
    'any: mal @tete empire|augmente|pire',
    // Round 10: des propos sans queue ni tête; la même question posée en boucle.
    { pattern: 'queue ni tete', maxGap: 0, negatable: false },
    { pattern: 'repose|repete|redemande meme|memes question*|chose*', maxGap: 2 },
    // Round 14: mou, sans tonus, qui geint, le regard ailleurs, pas comme d'habitude après la chute: un
    // bébé ou une personne âgée qui change après un choc (NICE NG232), et une bosse molle sur le crâne.
    '=mou|=molle|=moue|ramollo|inerte|amorphe|apathique|hypotoni*|flasque*',
    { pattern: 'vois|voit|voyait|vision double|floue|flou|trouble', maxGap: 1 },
    // Un bleu derrière l'oreille ou autour des yeux (fracture de la base du crâne).
    { pattern: 'bleu|bleus|hematome|ecchymose derriere|autour oreille|yeux', maxGap: 2 },
    'geint|gemit|geignait|gemissait|geignement*|gemissement*|chouine',
    { pattern: 'regard vide|vague|fixe|ailleurs|absent', maxGap: 1 },
    { pattern: 'pas|plus comme habitude|lui meme|elle meme|normal', maxGap: 2, negatable: false },
    { pattern: 'pleure|pleurait|hurle sans arret|cesse|consoler', maxGap: 2 },
    { pattern: 'any: pas|plus reconnait|reconnaissait|reconnais|repere', maxGap: 2, negatable: false },
  ],
  pregnant: [
    // Round 13: « test positif », « positif au test », sans le mot « grossesse » (exclu pour covid, angine…).
    { pattern: 'any: test|tests|testee positif|positive', maxGap: 2 },
    { pattern: 'retard* regles', maxGap: 2 },
    // Round 12: un test de grossesse positif est une grossesse, si tôt soit-elle.
    { pattern: 'test grossesse positif', maxGap: 1 },
    // Round 11: la grossesse dite en mois (« je suis à 8 mois », « 7 mois de grossesse »).
    { pattern: 'suis|es|est a <n:4-9> mois', maxGap: 1 },
    'enceinte',
    'grossesse',
    '<n:4-42> sa',
    '<n:20-42> semaine*|sem',
    'accouch*',
    'post partum',
    // Round 10: « le bébé arrive », un accouchement en cours.
    { pattern: 'bebe|bb arrive|sort|pousse', maxGap: 1 },
  ],
  pregnancy_warning: [
    // Round 12: la grossesse extra-utérine: une douleur d'un seul côté, un malaise.
    { pattern: 'any: @douleur cote|gauche|droite|seul', maxGap: 3 },
    'malaise*|evanoui*',
    { pattern: 'douleur|mal epaule', maxGap: 2 },
    // Round 11: le mal de tête qui ne passe pas (prééclampsie); la poche des eaux rompue; quelque chose senti
    // dans le vagin ou qui pend (procidence du cordon, CNGOF).
    { pattern: 'mal tete|migraine|cephal* passe|part|partait pas|plus', maxGap: 3, negatable: false },
    { pattern: 'poche eaux perce*|rompu*|casse*|fissur*', maxGap: 2 },
    { pattern: 'perdu|perte|percer eaux', maxGap: 1 },
    { pattern: 'sens|sent|senti|quelque chose|truc|cordon pend|pendre|depasse|sort|vagin', maxGap: 3 },
    'saign*',
    // Round 6: l'éclampsie se voit comme une crise d'épilepsie.
    'convuls*',
    'crise* epilep*',
    'sang',
    'any: @douleur @ventre @intense|grosse*|gros|fort*|tres',
    'contraction|contractions',
    'any: vision|voi*|vois trouble|floue|mouches|eclairs|etoiles',
    'any: visage|mains gonfl*|enfl*|oedeme',
    'tombe*|tombee ventre',
    'perdu|perte*|perds|coule liquide|eau',
    { pattern: 'any: vois|voit|voyais flash*|lumiere*|points|eclair*|etoile*', maxGap: 2 },
    { pattern: 'any: mal|douleur* @tete gros|grosse|fort*|intense*|violent*|enorme*|terrible*', maxGap: 2 },
    // Round 10: la douleur au bout de l'épaule de la grossesse extra-utérine.
    { pattern: 'bout|pointe epaule', maxGap: 1 },
    // Round 14: des pertes qui sentent mauvais après l'accouchement (endométrite), avec les frissons.
    { pattern: 'pertes|perte sentent|sent|odeur|malodorant*|nauseabond*', maxGap: 2 },
    // L'accouchement en cours: la tête qu'on voit.
    { pattern: 'voit|vois|voyons|apercoit tete', maxGap: 1 },
  ],
  allergic_reaction: [
    // Round 12: le produit de contraste d'un scanner.
    { pattern: 'produit contraste', maxGap: 1 },
    // Round 14: l'injection de contraste; « faire une réaction », dit sans le mot allergie.
    { pattern: 'injection|injecte|scanner|irm|radio contraste', maxGap: 2 },
    // Round 16 probe: « le produit pour le scanner », le liquide de l'IRM (le contraste dit sans son nom).
    {
      pattern: 'produit|liquide|injection pour|avant scanner|irm|radio|examen|coroscanner|uroscanner',
      maxGap: 2,
    },
    { pattern: 'fait|fais|faisait|refait une reaction', maxGap: 1 },
    'iode',
    'urticaire',
    'guepe*|abeille*|frelon*|insecte*',
    'piqu* guepe*|abeille*|frelon*|insecte*',
    { pattern: 'mange*|pris|bu|apres|depuis @allergene', maxGap: 2 },
    // Round 10: goûté, avalé; une piqûre ou un vaccin; couvert de plaques ou de boutons.
    { pattern: 'goute*|avale*|leche*|croque* @allergene', maxGap: 2 },
    { pattern: 'apres|depuis piqure|vaccin|injection', maxGap: 2 },
    {
      pattern: 'any: plaques|boutons|urticaire|cloques partout|plein|pleins|pleine|couvert|couverte|couverts',
      maxGap: 3,
    },
    'choc|reaction allergi*',
    'any: plaques|boutons gratt*|demang*',
    'allergi*',
    'arachide*',
    'cacahuete*',
    {
      pattern: 'reaction|allergie allergique* grave*|severe*|violent*|fort*|important*|generalis*',
      maxGap: 2,
    },
    { pattern: 'reaction|allergi* @allergene', maxGap: 2 },
    { pattern: 'reaction|allergi* piqure*|piqu*|morsure*', maxGap: 2 },
    // Round 9: « il s'est fait piquer », l'insecte sous-entendu.
    { pattern: 'fait|fais|faite piquer|pique|piquee', maxGap: 1 },
    // Round 16: l'injection de désensibilisation; la démangeaison de partout; l'urticaire dite par l'ortie
    // (« des marques comme des piqûres d'ortie »).
    'desensibilis*|immunotherapi*',
    { pattern: 'gratte|grattent|grattais|grattait|demange|demangent|demangeaison* partout|corps', maxGap: 2 },
    'ortie|orties',
  ],
  infant_warning: [
    'boit|tete plus|pas|rien',
    'refuse biberon|sein|tetee*|boire',
    '=mou|=molle|hypotoni*|geint|gemit',
    'respir* vite|mal|bizarre*',
    { pattern: 'se reveill*|reveil pas|plus', maxGap: 0 },
  ],
  allergy_breathing: [
    // Round 16: toute peine à respirer (« de la misère à respirer »), la gorge « bizarre » ou fermée, les
    // phrases qu'on n'arrive plus à finir, le cœur qui bat vite, « ça tourne »: les signes du choc dits
    // avec les mots de la catégorie respiratoire.
    { pattern: 'any: @peine_respirer @souffle_mot', maxGap: 2 },
    { pattern: 'gorge|cou bizarre|drole|etrange|fermee|ferme|bloquee|bloque|serree', maxGap: 1 },
    { pattern: 'mal|peine|difficult*|dur dire|parler|finir|faire phrase|phrases|mots', maxGap: 2 },
    'palpitation*',
    { pattern: 'ca|tout tourne', maxGap: 0 },
    { pattern: 'respir*|respiration|souffle dur|difficile|court|penible', maxGap: 3 },
    'mal|difficult*|gene|dur|peine respir*|avaler',
    'gorge serre*|gonfl*|pique|gratte',
    // Rounds 23–24 (reprise d'une ligne que seul le classifieur trouvait): « ça serre quand j'avale ».
    { pattern: 'serre|serrait|sere quand|pour|en avaler|avale|avalant|deglutir|deglutis', maxGap: 2 },
    'essouffl*',
    'souffle court',
    'tete tourne',
    'malaise',
    'siffl*',
    'respire|respir* mal|difficilement',
    'voix rauque|cassee|change*|bizarre',
    'any: @visage gonfl*|enfl*|double*|oedeme',
    { pattern: 'any: gonfl*|enfl* partout|tout|corps', maxGap: 2 },
    'tousse*',
    'vomi*',
    { pattern: 'tout|toute|devient|devenu|devenue|partout rouge*', maxGap: 1 },
    'any: levre*|langue|visage|yeux|bouche gonfl*|enfl*',
    'gorge resserr*|retreci*|noue*',
    'etouff*|suffoqu*',
    // Le choc: la pâleur et le malaise d'une allergie qui gagne la circulation.
    { pattern: 'pale|blanc|blanche|livide|gris|grise', maxGap: 0 },
    // Round 9: se sentir partir, la tête qui tourne, tourner de l'œil: le malaise du choc.
    { pattern: 'sens|sent|sentais|sentait partir', maxGap: 0 },
    'vertige*',
    'etourdi*',
    'evanou*',
    'tourne* oeil',
    'tombe*|tomber|tombee pommes|vapes',
    // Round 16 probe: « elle dit qu'elle va tomber »: le malaise du choc annoncé.
    { pattern: 'va|vais|allait|allais tomber', maxGap: 0 },
    // Round 10: chercher l'air, ne pas arriver à respirer, des lèvres « de canard », une voix devenue aiguë,
    // le cœur qui s'emballe, une tension effondrée (« tensiomètre à 8/5 »).
    { pattern: 'cherche|cherchait air|souffle', maxGap: 1 },
    { pattern: '@pouvoir pas|plus respir*', maxGap: 2, negatable: false },
    { pattern: 'levre*|bouche canard|merou|ballon|saucisse*', maxGap: 1 },
    { pattern: 'voix aigu*|aigue|sifflante', maxGap: 1 },
    { pattern: 'coeur emball*|bat|tape vite|fort|chamade', maxGap: 1 },
    'coeur emball*',
    { pattern: 'tension|tensiometre|ta|systolique <n:4-8>|<n:40-89>', maxGap: 0 },
    { pattern: 'any: tete|corps gonfl* ballon|enorme|partout', maxGap: 3 },
  ],
  // Round 9: le monoxyde raconté en deux propositions: ce qui brûle dans la maison…
  fume_source: [
    'chaudiere*',
    { pattern: 'chauffe eau|bain', maxGap: 0 },
    { pattern: 'chauffage appoint|gaz|petrole|bois|charbon', maxGap: 1 },
    'poele|poeles',
    'brasero',
    // Round 10b: un réchaud de camping brûle du gaz aussi.
    'rechaud*',
    'barbecue|bbq|charbon',
    'electrogene',
    // Round 16 (classes de la sonde): la gazinière allumée pour chauffer.
    'gaziniere*',
    'cheminee|insert',
    { pattern: 'odeur|fuite gaz', maxGap: 1 },
    { pattern: 'moteur|voiture tourne|tournait|allume* garage', maxGap: 3 },
  ],
  // …et plusieurs personnes de la maison malades en même temps.
  household_unwell: [
    {
      pattern:
        'on|nous|ils|elles tous|toutes|deux @tete|vertige*|vomi*|vomit|vomis|nausee*|malaise*|somnolen*|barbouill*|etourdi*',
      maxGap: 3,
    },
    {
      pattern:
        'tout|toute famille|maison|monde|maisonnee @tete|vertige*|vomi*|vomit|vomis|nausee*|malaise*|somnolen*|barbouill*|etourdi*',
      maxGap: 3,
    },
    // Round 16 (classes de la sonde): « mon mari et moi », « moi et les enfants », des parents ou des enfants
    // ensemble qui ont mal à la tête, s'endorment, vomissent ou se sentent ivres (NHS, Santé publique France).
    {
      pattern:
        'et moi|nous @tete|vertige*|vomi*|vomit|vomis|nausee*|malaise*|somnolen*|barbouill*|etourdi*|endort|endorme*|endormi*|ivre|ivres',
      maxGap: 3,
    },
    {
      pattern:
        'moi et @tete|vertige*|vomi*|vomit|vomis|nausee*|malaise*|somnolen*|barbouill*|etourdi*|endort|endormi*|ivre|ivres',
      maxGap: 4,
    },
    {
      pattern:
        'parents|enfants|gamins|petits|filles|garcons|grands dorment|somnolent*|vomissent|vomi|barbouill*|vertige*|@tete',
      maxGap: 3,
    },
  ],
  // Round 9: une infection ou une opération récente nommée, pour un signe de sepsis dit dans une autre
  // proposition (« opéré lundi, il grelotte et il est désorienté »).
  infection: [
    // Round 12: une traînée rouge qui monte d'une plaie (lymphangite).
    { pattern: 'trainee*|trait|ligne rouge*', maxGap: 1 },
    'lymphangite',
    'infection*|infecte|infectee',
    'abces',
    'pyelo*',
    'pneumonie',
    'erysipele',
    { pattern: 'plaie|cicatrice|suture* rouge|coule|suinte|pus|chaude|gonfle*', maxGap: 2 },
    'opere|operee|operes|operees',
    // Round 14: une plaie chronique: le pied diabétique, l'ulcère de jambe, l'escarre.
    { pattern: 'plaie|ulcere|escarre|mal pied|jambe|diabet*|infect*|perfor*', maxGap: 3 },
    'escarre*',
    { pattern: 'apres|depuis|suite operation|chirurgie|intervention', maxGap: 1 },
  ],
  // Round 10b: une dose reprise ou prise deux fois par erreur (« deux fois par jour » est une exclusion).
  dose_repeated: [
    {
      pattern: 'any: pris|prend|prise|repris|donne|avale* @medicaments|dose deux|double|erreur|megarde',
      maxGap: 3,
    },
    // Pas « deuxième dose »: celle d'un vaccin.
    { pattern: 'double dose|prise', maxGap: 1 },
    // Round 14: une injection faite deux fois (« j'ai fait deux fois mon insuline »).
    { pattern: 'fait|fais|refait|injecte*|pique* deux|<n:2-3> fois', maxGap: 2 },
    { pattern: 'doubl* dose|prise', maxGap: 1 },
    { pattern: 'repris|reprend|reprise @medicaments|dose plus|erreur|megarde', maxGap: 4 },
    { pattern: 'trompe* repris|pris|donne|avale|prise', maxGap: 4 },
    { pattern: 'oublie* deja pris|prise|donne', maxGap: 3 },
    // Round 21 (classe de la sonde): une insuline pour l'autre (« la rapide au lieu de la lente », « à la place
    // de »), la mauvaise insuline, le stylo confondu, avec un signe d'intoxication (l'hypoglycémie).
    {
      pattern:
        'any: injecte*|fait|fais|pique*|pris|donne insuline|stylo|unites|rapide|lente lieu|place|mauvaise|mauvais',
      maxGap: 4,
    },
    { pattern: 'trompe*|confondu|melange* insuline|insulines|stylo|stylos', maxGap: 2 },
    // Round 16: les médicaments d'un autre reçus, administrés ou distribués par erreur (en institution).
    {
      pattern:
        'any: recu|recus|recue|administre*|distribue*|servi @medicaments|traitement erreur|megarde|trompe*',
      maxGap: 4,
    },
  ],
  // Round 10b: un produit pris d'un inconnu ou en soirée, quel qu'il soit.
  unknown_drug: [
    {
      pattern:
        'pris|prise|avale*|gobe*|donne* truc|chose|cachet|pilule|comprime|poudre|produit inconnu|inconnue|mec|type|gars|soiree|festival|teuf|boite|rave',
      maxGap: 3,
    },
    // Round 16: de l'alcool avec un sédatif (somnifères, anxiolytiques, opioïdes), avec un signe toxique.
    {
      pattern:
        'any: alcool|vodka|whisky|rhum|biere|bieres|vin|pastis|gin|apero somnifere*|anxiolytique*|benzo*|xanax|lexomil|stilnox|valium|temesta|seresta|zolpidem|imovane|tramadol|codeine|morphine|methadone|calmant*|tranquillisant*|neuroleptique*',
      maxGap: 3,
    },
  ],
  // Round 10b: les signes d'une intoxication, par un médicament, une drogue ou des fumées.
  toxic_symptom: [
    // Round 11: les signes cholinergiques des organophosphorés: la bave, les pupilles minuscules, les secousses.
    'bave|bavait|baver|salive|hypersaliv*',
    { pattern: 'any: pupille* petite*|minuscule*|epingle|serree*', maxGap: 2 },
    'fasciculat*|spasme*',
    'vertige*|etourdi*',
    'tete tourne',
    'somnolen*|somnole|endormi*|endort|ensuqu*',
    'confus|confuse|confusion|desorient*',
    'vomi*|vomit|vomis|vomissement*',
    'nausee*',
    { pattern: 'tout|tres ralenti*|mou|molle|lent', maxGap: 1 },
    { pattern: 'pouls|coeur lent|irregulier|bat|ralenti|emballe|tape|vite|fou', maxGap: 3 },
    { pattern: 'mal tete', maxGap: 1 },
    { pattern: 'tete explose|cogne|tape|eclate', maxGap: 2 },
    'migraine*|cephal*',
    'tremble*|trembl*',
    'malaise*|evanoui*',
    { pattern: 'tient|tiens|tenait plus|pas|peine debout', maxGap: 2, negatable: false },
    'brulant*|bouillant*',
    'machoire* serre*|crispe*|bloque*',
    'hallucin*',
    'delire*|incoheren*',
    // Round 13: la respiration lente ou à peine là (opioïdes, benzodiazépines), le réveil impossible.
    { pattern: 'respire|respiration lent*|lentement|doucement|peine|faible*|ralenti*', maxGap: 1 },
    { pattern: 'arrive|arrivons|peut|peux|pouvons pas|plus reveiller', maxGap: 3, negatable: false },
    // Round 14: ronfler, respirer bizarrement: les voies aériennes d'un sommeil toxique (opioïdes, benzos).
    'ronfle*',
    { pattern: 'respire|respiration bizarre*|drole*|bruyamment', maxGap: 1 },
  ],
  // Round 10b: un lieu fermé où les fumées s'accumulent.
  enclosed_space: [
    'tente|tentes|caravane|camping|fourgon|van|garage|cabane|cabanon|chalet|cave|bateau|mobil',
    'sous sol',
    'dedans|interieur',
    { pattern: 'fenetres|fenetre|porte|portes|piece|chambre fermee*|ferme', maxGap: 1 },
  ],
  // Round 10b: des adieux envoyés, des affaires rangées ou données.
  farewell_sign: [
    // Round 11: il dit adieu; « ne me cherchez pas »; un merci qui sonne comme un adieu.
    { pattern: 'dit|dire|dis|disait adieu|adieux', maxGap: 1 },
    { pattern: 'me cherchez|cherche|cherchez pas|plus', maxGap: 1, negatable: false },
    { pattern: 'voulais|voulait|veux|veut dire merci|adieu', maxGap: 2 },
    // Round 15 (classe restée ouverte): « je voulais juste vous remercier », un adverbe de plus.
    { pattern: 'voulais|voulait|veux|veut remercier', maxGap: 2 },
    // Des adieux reçus (« il m'a dit adieu »), postés ou écrits: pas un au revoir envoyé à une collègue.
    { pattern: 'me|nous a|ont envoye|ecrit|dit|laisse|fait adieu|adieux|aurevoir|revoir', maxGap: 3 },
    { pattern: 'message|messages|msg|msgs|mail|vocal|lettre|mot|texto|sms|post adieu|adieux', maxGap: 1 },
    // Round 12: des excuses à tout le monde (« dites à tout le monde que je suis désolée »).
    { pattern: 'dites|dis|dire monde|tous|famille|maman|papa desole*|pardon', maxGap: 3 },
    { pattern: 'desole*|pardon pour|a tout|tous', maxGap: 1 },
    { pattern: 'desole*|pardon tout monde', maxGap: 2 },
    { pattern: 'poste*|publie*|ecrit adieu|adieux', maxGap: 2 },
    { pattern: 'tout range|regle|trie', maxGap: 1 },
    { pattern: 'range|rangee|regle|trie affaires|papiers|chambre|tout', maxGap: 2 },
    { pattern: 'mis|mettre ordre', maxGap: 2 },
    { pattern: 'donne|donnee|confie chat|chien|chats|chiens|animaux|affaires|biens', maxGap: 2 },
    // Round 16: l'animal déjà placé chez quelqu'un (« mon chat est chez ma sœur »).
    {
      pattern: 'chat|chien|chats|chiens|animaux est|sont chez|place|places|placee|confie|confies',
      maxGap: 1,
    },
    'bye|byebye|goodbye|adios',
    // Round 14: « adieu » seul, « merci d'avoir été là », « merci pour tout »: l'adieu sans le mot message.
    'adieu|adieux',
    { pattern: 'merci avoir ete la|present*', maxGap: 2 },
    { pattern: 'merci pour tout', maxGap: 0 },
    // Round 14: confier les siens (« prenez soin de ma mère »), comme on le fait en partant.
    {
      pattern: 'prenez|prends|prenne|prendre soin de|du|des @proche|enfants|famille|chat|chien|tous',
      maxGap: 2,
    },
  ],
  unreachable: [
    { pattern: 'telephone|portable|tel eteint|coupe|messagerie|repondeur', maxGap: 2 },
    { pattern: 'repond|repondait|decroche|decrochait pas|plus', maxGap: 1, negatable: false },
    'injoignable',
    { pattern: 'arrive|arrivons|peux|pouvons pas|plus joindre', maxGap: 2, negatable: false },
    'tombe messagerie|repondeur',
  ],
  weapon_at_hand: [
    // Round 20 (classe de la sonde): l'arme chargée.
    { pattern: 'charge|chargee|charger|armee arme|fusil|pistolet|revolver|flingue|carabine', maxGap: 2 },
    { pattern: 'arme|fusil|pistolet|revolver|flingue|carabine charge|chargee', maxGap: 1 },
    // Round 13: une arme prise, quel que soit l'article (« pris la carabine »).
    {
      pattern: 'pris|prend|sorti|attrape*|embarque* arme|fusil|pistolet|revolver|flingue|carabine',
      maxGap: 2,
    },
    // Round 11: une arme prise, sortie, qu'on a avec soi.
    {
      pattern: 'ai|a|pris|prend|sorti|tiens|tient le|un arme|fusil|pistolet|revolver|flingue|carabine',
      maxGap: 1,
    },
    {
      pattern:
        'arme|fusil|carabine|pistolet|revolver|flingue sur|cote|devant|main|genoux|charge|chargee|sorti|sortie|pret|prete|table',
      maxGap: 3,
    },
    { pattern: 'sorti|sortie|charge|chargee arme|fusil|carabine|pistolet|revolver|flingue', maxGap: 2 },
    // Round 14: le moyen acheté, procuré ou demandé (« elle a demandé où était le vieux revolver »), et
    // « j'ai tout ce qu'il faut »: les moyens réunis, quel que soit le verbe (Samaritans: access to means).
    {
      pattern:
        'achete*|procure*|commande*|trouve*|demande*|cherche* arme|fusil|pistolet|revolver|flingue|carabine|corde|lame|rasoir|cutter|poison',
      maxGap: 4,
    },
    { pattern: 'ai|a tout ce que il faut', maxGap: 0 },
    { pattern: 'compte|comptais|recompte|aligne|alignes|aligne* @medicaments', maxGap: 2 },
    // Round 14: des cachets comptés par dizaines, posés là.
    { pattern: '<n:10-500> @medicaments', maxGap: 1 },
    // Round 14: une photo des médicaments, de la corde, de l'arme, postée.
    { pattern: 'photo|photos|poste*|publie* @medicaments|corde|arme|fusil|lame|lames', maxGap: 3 },
    { pattern: 'ai|a tout necessaire', maxGap: 1 },
    // Round 16: le moyen caché (« un couteau sous son matelas »).
    {
      pattern:
        'any: cache|cachait|cachee|caches|planque|planquee|planques couteau|couteaux|lame|lames|corde|arme|fusil|pistolet|cutter|rasoir',
      maxGap: 3,
    },
  ],
  burn_cause: [
    // Round 11: des vêtements, un pantalon, une manche qui ont pris feu.
    {
      pattern: 'vetement*|pantalon|robe|pull|manche|pyjama|jupe|chemise pris feu|flambe*|enflamm*|feu',
      maxGap: 3,
    },
    'feu|flamme*|flambe*|enflamm*|essence|explos*|petard*|barbecue|bbq|chalumeau|incendie',
    { pattern: 'retour flamme', maxGap: 1 },
    // Round 17 (classe que le classifieur seul couvrait): la bouilloire ou la théière renversée, un liquide bouillant
    // (pas la bouilloire touchée du doigt: une petite brûlure).
    { pattern: 'renverse*|tombe*|verse*|tire* bouilloire|theiere', maxGap: 3 },
    { pattern: 'bouilloire|theiere renverse*|tombe*', maxGap: 2 },
    { pattern: 'eau|the|cafe|lait|soupe bouillant*|brulant*', maxGap: 1 },
    // Round 20 (après réentraînement): une marmite, une friteuse, une casserole d'huile ou d'eau renversée.
    { pattern: 'marmite|friteuse|casserole|poele|bassine huile|eau|soupe|friture', maxGap: 1 },
    'friteuse',
    { pattern: 'pris feu', maxGap: 1 },
    // Round 14: une surface brûlante touchée ou saisie (le four, la plaque, le fer).
    {
      pattern:
        'touche*|pose*|saisi*|attrape* four|plaque|plaques|fer|poele|casserole|radiateur|insert|vitre|pot',
      maxGap: 2,
    },
    // Round 14: un caustique (soude, acide, déboucheur, chaux): la brûlure chimique.
    'soude|caustique*|acide|deboucheur|destop|chaux',
  ],
  burn_damage: [
    // Round 11: une jambe, un tibia, le dos noirs, carbonisés ou qui pèlent (des vêtements en feu).
    {
      pattern:
        'any: jambes|jambe|tibias|tibia|bras|dos|ventre|torse|cuisses|cuisse|pieds noir*|noirci*|pele*|cartonn*',
      maxGap: 2,
    },
    // Round 20 (après réentraînement): la peau qui part en lambeaux, qui se décolle.
    { pattern: 'peau part|partait|pele|pelait|decolle|decollait|arrache lambeau|lambeaux', maxGap: 2 },
    { pattern: 'peau decolle*|arrache*', maxGap: 1 },
    // Des cloques au visage ou aux mains, ou partout; une petite cloque est une exclusion.
    'cloquent',
    // Round 14: la peau, la paume, les doigts blancs, cireux, qui ne sentent plus rien (brûlure profonde).
    { pattern: 'any: peau|paume|main|doigts|doigt blanche|blanc|cireuse|cireux|cartonn*|noire', maxGap: 3 },
    { pattern: 'sent|sens|sentait plus|rien|pas', maxGap: 1, negatable: false },
    // Round 14: giclé, projeté dans les yeux ou au visage.
    { pattern: 'any: gicle*|projete*|eclabouss*|recu yeux|oeil|visage|figure', maxGap: 4 },
    { pattern: 'any: visage|figure|joues|mains|main|bras|jambes cloques|cloque|phlyctene*', maxGap: 3 },
    { pattern: 'cloques|phlyctene* partout', maxGap: 2 },
    { pattern: 'plein|pleine|couvert|couverte|couverts|couvertes cloques|phlyctene*', maxGap: 2 },
    'noirci*|carbonis*|crame|cramee|crames|cramees',
    { pattern: 'peau noire|part|pele|fondu*|blanche|cartonn*', maxGap: 2 },
    { pattern: 'sourcils|cils|cheveux|frange brule*|crame*|grille*|partis', maxGap: 1 },
    { pattern: 'brule*|crame* visage|figure|yeux|mains|main', maxGap: 2 },
    { pattern: 'visage|figure|mains noir*|brule*', maxGap: 2 },
    // Round 16: la peau à vif, qui suinte (la brûlure du deuxième degré profond, chimique).
    { pattern: 'a vif|vive|vifs|vives', maxGap: 0 },
    'suint*',
  ],
  // Round 10b: tout le corps qui tremble ou tressaute…
  body_convulsing: [
    { pattern: 'tremble|tremblait|secoue*|tressaute*|convulse* tout corps', maxGap: 3 },
    { pattern: 'trembl*|secoue*|tressaute*|convulse* partout', maxGap: 2 },
    { pattern: 'tout corps tremble|tremblait|secoue*|tressaute*|convulse*', maxGap: 3 },
    // Round 14: les bras, les jambes qui tremblent ou se secouent.
    { pattern: 'bras|membres trembl*|secou*|tressaut*|gigot*', maxGap: 2 },
    { pattern: 'jambes secou*|tressaut*|gigot*', maxGap: 2 },
    // Round 16: le corps (sans « tout ») qui tremble; un bras, une jambe qui sautent tout seuls (une crise
    // focale dite par ce qu'on voit).
    { pattern: 'corps trembl*|secou*|tressaut*|convuls*|saute|sautent|sautait', maxGap: 1 },
    {
      pattern: 'bras|jambe|jambes|membres|main sautent|saute|sautait|sautaient|tressaut*|secou*',
      maxGap: 2,
    },
    { pattern: 'bouge*|saute*|sautent|tressaut*|tape*|secou* tout seul|seuls|seule|seules', maxGap: 1 },
  ],
  // …avec l'absence de réponse, les lèvres bleues, les yeux révulsés, ou sans se réveiller entre deux.
  seizure_companion: [
    { pattern: 'repond|reagit|reveille pas|plus', maxGap: 1, negatable: false },
    'any: levre*|visage bleu*|bleue*|violet*|gris*',
    { pattern: 'yeux revuls*|retourn*|blanc', maxGap: 2 },
    'revulse*',
    { pattern: 'deuxieme|seconde|autre crise|fois suite|entre', maxGap: 3 },
    // Round 24 (classe de la sonde): le médicament de secours des crises (midazolam buccal) déjà donné.
    'buccolam|midazolam|epistatus',
    { pattern: 'yeux air|ciel|haut|arriere|tournes|retournes', maxGap: 2 },
    // Round 14: l'écume ou la bave, la chute à terre, la langue mordue: ce qui accompagne une crise.
    'ecume*|mousse|bave|bavait|bavent',
    { pattern: 'tombe|tombee|tombent|effondre* terre|sol', maxGap: 2 },
    { pattern: 'mordu|mordue|mord langue', maxGap: 2 },
    // Round 16: la bouche serrée comme la mâchoire; le regard dans le vide; ne plus entendre.
    { pattern: 'machoire|machoires|dents|bouche serree*|crispee*|bloquee*', maxGap: 1 },
    { pattern: 'regarde|regardait|fixe|fixait vide|ailleurs', maxGap: 2 },
    {
      pattern: 'sans|pas|plus nous|me|les entendre|entend|entendait|repondre|reagir',
      maxGap: 1,
      negatable: false,
    },
    { pattern: 'est|sont|etait par terre|sol', maxGap: 1 },
    // Round 14: tout bleu, et les secousses qui durent des minutes (NHS 999: a seizure over 5 minutes).
    { pattern: 'tout|toute|devenu|devenue|devient bleu|bleue|violet|violette', maxGap: 0 },
    { pattern: 'dure|durent|durait|depuis|pendant <n:2-90> min|mn|minute|minutes', maxGap: 2 },
  ],
  // Round 11: le visage, les lèvres, la langue ou le cou qui gonflent, quelle qu'en soit la cause…
  face_swelling: [
    // Round 12: gonfler de partout, les yeux gonflés fermés.
    { pattern: 'gonfle*|enfle* partout', maxGap: 2 },
    { pattern: 'yeux gonfle*|enfle* fermes|clos', maxGap: 2 },
    {
      pattern:
        'any: visage|figure|levre|levres|langue|bouche|cou gonfl*|enfl*|boursoufl*|oedem*|double|triple',
      maxGap: 2,
    },
  ],
  // …et les voies aériennes en danger: avaler, respirer, la voix (mal en avalant est une angine).
  airway_trouble: [
    { pattern: '@pouvoir pas|plus|mal avaler|deglutir|respirer', maxGap: 2, negatable: false },
    { pattern: 'mal|difficulte*|peine|galere a|pour avaler|deglutir|respirer', maxGap: 1 },
    { pattern: 'respir*|respiration|souffle dur|difficile|court|sifflant*|penible', maxGap: 3 },
    { pattern: '=bave|bavait|baver', maxGap: 0 },
    { pattern: 'respire|respirait encore|toujours|tres mal|difficilement|peine', maxGap: 2 },
    // Round 14: ni parler ni tousser, l'obstruction complète (Resuscitation Council: choking).
    { pattern: '@pouvoir pas|plus parler|tousser|crier', maxGap: 2, negatable: false },
    { pattern: '@pouvoir pas|plus ni parler|tousser|crier', maxGap: 2, negatable: false },
    { pattern: 'voix rauque|change*|cassee|etouffee|partie|bizarre', maxGap: 2 },
    'siffle*|sifflement*',
    'etouff*',
  ],
  // Round 11: un pesticide, un champ ou une vigne traités, des granulés anti-limaces.
  pesticide_exposure: [
    'pesticide*|insecticide*|herbicide*|desherbant*|fongicide*|organophosph*|glyphosate|roundup|phytosanitaire*',
    {
      pattern: 'traite*|traitait|traitement|pulveris*|sulfat* champ*|vigne*|verger*|culture*|ble',
      maxGap: 3,
    },
    { pattern: 'anti limace*|limaces', maxGap: 1 },
    'antilimace*',
    { pattern: 'mort aux rats', maxGap: 0 },
  ],
  // Round 11: la parole qui a changé, dite par qui connaît la façon habituelle de parler…
  speech_change: [
    // Round 20 (classe de la sonde): on ne comprend plus ce qu'il dit; un mot dit pour un autre (« il dit fourchette
    // pour téléphone »): l'aphasie racontée par la famille.
    { pattern: 'on|je|nous comprend|comprends|comprenons|comprenait rien|plus', maxGap: 1 },
    { pattern: 'dit|disait|sort pour|lieu', maxGap: 1 },
    // Round 13: des textos ou des mots qui n'ont aucun sens.
    { pattern: 'texto*|sms|messages|ecrit|dit|raconte nimporte|charabia|incoherent*|bizarre*', maxGap: 2 },
    { pattern: 'dit|ecrit|raconte importe quoi', maxGap: 1 },
    // Round 14: « elle me parle et c'est du n'importe quoi ».
    { pattern: 'parle|parlait|repond|repondait|dit|disait importe quoi', maxGap: 3 },
    { pattern: 'sms|texto*|messages|phrases|mots sens', maxGap: 4, negatable: false },
    { pattern: 'aucun|pas|plus sens', maxGap: 1, negatable: false },
    { pattern: 'sort|fait|dit que|seulement sons|bruits|grognements|gemissements', maxGap: 2 },
    { pattern: 'parle|parlait pas|plus normalement|bien|habitude', maxGap: 3, negatable: false },
    { pattern: 'habitude parle|parlait bien|normalement', maxGap: 2 },
    { pattern: 'parole|elocution|voix changee|bizarre|differente|pateuse', maxGap: 2 },
    // Round 14: l'esprit, la lecture, la compréhension qui changent, pour un changement dit soudain (un
    // AVC ou un trouble brutal: NHS 999 "sudden confusion").
    'confus|confuse|desorient*',
    { pattern: 'sait|savait plus|pas ou est|suis|etait', maxGap: 2, negatable: false },
    { pattern: 'sait|savait plus|pas lire|ecrire|nommer|compter|dire', maxGap: 1, negatable: false },
    { pattern: '@pouvoir pas|plus lire|ecrire', maxGap: 2, negatable: false },
    // Ce qu'on lui dit qu'il ne comprend plus, ou lui qu'on ne comprend plus (pas « rien à ses maths »).
    {
      pattern: 'comprend|comprenait|comprennent plus|pas|rien ce|quand|qu|quoi',
      maxGap: 3,
      negatable: false,
    },
    {
      pattern: 'me|le|la|les|nous|vous comprend|comprenons|comprennent plus|pas',
      maxGap: 1,
      negatable: false,
    },
    { pattern: 'lettres|mots|phrases veulent|veut rien dire', maxGap: 2, negatable: false },
  ],
  // …et une jambe ou un pied qui traîne, qui lâche.
  dragging_limb: [
    { pattern: 'traine|trainait|trainer jambe|pied|bras', maxGap: 2 },
    { pattern: 'jambe|genou|pied cede|lache|flanche|derobe', maxGap: 1 },
  ],
  // Round 11: plus d'issue, plus la force, au bout du rouleau.
  despair: [
    // Round 16: inutile de venir au rendez-vous, de se soigner (dit avec une échéance, c'est un adieu).
    {
      pattern:
        'sert|servira|servirait|inutile rien|plus venir|vienne|viendrai|revenir|soigner|traitement|rdv',
      maxGap: 3,
      negatable: false,
    },
    { pattern: 'inutile venir|vienne|viendrai|revenir|soigner|rdv', maxGap: 1 },
    // Round 21 (classe de la sonde): « ça sert plus à rien » dit seul, « j'en peux plus ».
    { pattern: 'sert|servira|servirait plus a rien', maxGap: 1, negatable: false },
    { pattern: 'en peux|peut|pouvais plus', maxGap: 0, negatable: false },
    // Round 13: un fardeau dit, à toute personne (« on serait mieux sans lui », « mieux sans moi »), le sens
    // perdu, demain annoncé sans soi: la personne n'est pas que « je ».
    { pattern: 'mieux|tranquille* sans moi|lui|elle|nous', maxGap: 1, negatable: false },
    { pattern: 'vois|voit|trouve plus|pas interet|sens|but|utilite', maxGap: 2, negatable: false },
    { pattern: 'vois|voit|trouve aucun interet|sens|but|utilite', maxGap: 2, negatable: false },
    { pattern: 'serai|sera|serais plus la|vivant|vivante demain|soir', maxGap: 2, negatable: false },
    { pattern: 'appel au secours', maxGap: 1 },
    { pattern: 'vois|voit plus|pas|aucune issue|solution|avenir|sortie', maxGap: 2, negatable: false },
    { pattern: 'tiens|tient|tenais plus|pas', maxGap: 0, negatable: false },
    { pattern: 'peux|peut plus continuer|supporter', maxGap: 1, negatable: false },
    { pattern: 'bout rouleau', maxGap: 1 },
    { pattern: 'plus force', maxGap: 2, negatable: false },
    { pattern: 'rien perdre', maxGap: 2 },
    'desespoir|desespere|desesperee',
    { pattern: 'vie|vivre trop dure|dur|lourde|difficile|penible', maxGap: 2 },
    // Round 14: se sentir de trop.
    { pattern: 'sens|suis|serais de trop', maxGap: 1 },
    // Round 14: l'avenir fermé: « je ne vais pas aller mieux », « ça ira jamais mieux ».
    { pattern: 'vais|va|irai|ira|pourrai pas|plus|jamais aller|etre mieux', maxGap: 2, negatable: false },
    { pattern: 'ira|irai|iront jamais|plus mieux', maxGap: 1, negatable: false },
    // Round 14: se dire une charge, un poids, un boulet pour les siens (Samaritans: "a burden").
    {
      pattern: 'charge|poids|boulet|fardeau pour|a @proche|enfants|famille|tous|tout|autres|entourage|monde',
      maxGap: 1,
    },
  ],
  // Round 11: une fenêtre ouverte en hauteur, un rebord, un toit, le bord d'une falaise.
  height_edge: [
    { pattern: 'any: fenetre|fenetres|balcon ouvert*|ouvre|rebord|rambarde etage|eme|e|<n:3-99>', maxGap: 4 },
    { pattern: 'bord|haut falaise|toit|pont|parking|viaduc', maxGap: 2 },
    { pattern: 'rebord|rambarde fenetre|balcon', maxGap: 2 },
    // Round 14: sur le toit, la corniche, la terrasse d'un immeuble.
    { pattern: 'sur|haut toit|toits|rebord|corniche|terrasse|garde', maxGap: 1 },
  ],
  // Round 11: le passage à l'acte annoncé, « je vais le faire ».
  act_announced: [
    { pattern: 'vais|va le faire', maxGap: 1, negatable: false },
    { pattern: 'fais|fait ce soir|maintenant|cette nuit', maxGap: 1, negatable: false },
    // Round 20 (classe de la sonde): l'heure dite avant l'acte (« ce soir je le fais »).
    { pattern: 'soir|nuit le|la fais|ferai', maxGap: 1, negatable: false },
    // Round 20 (classe de la sonde): le soir choisi, la date fixée (« j'ai choisi ce soir »).
    // Round 22: le lieu ou l'heure choisis (« j'ai choisi l'endroit »).
    {
      pattern: 'choisi|fixe|decide|arrete soir|nuit|date|jour|endroit|lieu|heure|moment',
      maxGap: 1,
      negatable: false,
    },
    // Round 21 (classe de la sonde): tout prêt pour ce soir, l'acte tu (« j'ai tout préparé pour ce soir »).
    {
      pattern: 'tout pret|prete|prets|prepare*|organise*|planifie*|regle* pour ce|cette soir|nuit',
      maxGap: 2,
      negatable: false,
    },
    // Round 14: la fin dite pour soi (« c fini pr moi »), la décision prise, la dernière nuit, l'heure
    // fixée: la résolution, quel que soit le moyen nommé (3114: un plan, une échéance).
    { pattern: 'fini|finie|termine|terminee|fin pour|pr moi', maxGap: 0, negatable: false },
    { pattern: 'c|est|cest decide|decidee|prevu|planifie|programme', maxGap: 1, negatable: false },
    { pattern: 'ma|mon derniere|dernier nuit|soir|soiree|jour|journee', maxGap: 0 },
    {
      pattern: 'ce|cette soir|nuit|demain ca|c|tout sera|finira|fini|fin|termine',
      maxGap: 2,
      negatable: false,
    },
    { pattern: 'plus|pas retour arriere', maxGap: 1, negatable: false },
    { pattern: 'passe|passer|passerai a|l acte', maxGap: 1 },
    { pattern: 'si ca|cela|ce suffira|suffirait|suffit', maxGap: 1, negatable: false },
    { pattern: 'c|est|cest pour ce|cette soir|nuit', maxGap: 1, negatable: false },
    { pattern: 'entendrez|entendra|entendront|entendras plus parler', maxGap: 1, negatable: false },
    // Round 14: la dernière fois qu'on écrit, qu'on parle, qu'on voit quelqu'un.
    { pattern: 'derniere fois que|qu ecris|ecrit|parle|vois|verrai|entendrez|lirez', maxGap: 3 },
    // Round 16: l'adieu indirect: n'avoir « plus besoin » des soins, prévenir quelqu'un, que quelqu'un le sache,
    // la fin datée (« dans 3 jours ce sera fini pour moi »).
    { pattern: 'en aurai|aurais|aura plus besoin', maxGap: 0, negatable: false },
    // Round 21–22: le rendez-vous ou le traitement dont on n'aura plus besoin, sans « en » (« je n'aurai plus besoin
    // de mon prochain rendez-vous »).
    {
      pattern:
        'aurai|aurais|aura plus besoin rendez|rendezvous|rdv|prochain|ordonnance|traitement|seance|seances',
      maxGap: 3,
      negatable: false,
    },
    { pattern: 'prevenir|avertir quelqu|quelquun|qqn', maxGap: 1 },
    { pattern: 'quelqu|quelquun|qqn un le|la sache|sachiez|sachent|sait|saches|sachez', maxGap: 1 },
    { pattern: 'sera|serai|seront fini|finie|termine|terminee pour|pr moi', maxGap: 1, negatable: false },
    { pattern: 'tout|ca sera|finira fini|termine|terminee ce|cette soir|nuit', maxGap: 1, negatable: false },
  ],
  // Round 11: un coup au ventre: le guidon, la ceinture, un coup de poing, une chute dessus…
  belly_blow: [
    'guidon',
    { pattern: 'ceinture securite', maxGap: 1 },
    { pattern: 'coup|coups poing|pied|genou ventre|abdomen|estomac|cote', maxGap: 2 },
    { pattern: 'tombe*|tombee|chute|atterri* sur ventre|abdomen|estomac', maxGap: 2 },
  ],
  // …puis le ventre qui gonfle ou durcit, la douleur qui monte, un malaise (une hémorragie interne).
  belly_alarm: [
    { pattern: 'any: ventre|abdomen gonfl*|dur|tendu|ballonn*|enfl*', maxGap: 3 },
    { pattern: 'douleur|mal augmente|empire|pire', maxGap: 2 },
    'empire',
    'malaise*|evanoui*',
    { pattern: 'pale|blanc|blanche|froid|sueurs', maxGap: 0 },
  ],
  // Round 11: de la javel mélangée à un acide, un détartrant, de l'ammoniaque…
  cleaners_mixed: [
    {
      pattern:
        'any: melange*|melanger|mixe* javel|chlore detartrant|ammoniaque|vinaigre|acide|anticalcaire|wc|destop|canard',
      maxGap: 4,
    },
  ],
  // …puis la toux, les yeux ou la gorge qui brûlent, l'étouffement ou l'effondrement.
  irritant_symptom: [
    { pattern: 'tousse*|toussons|toussent tous|toutes|sans|beaucoup|enormement|fort', maxGap: 1 },
    { pattern: 'on|nous tousse*|toussons', maxGap: 1 },
    { pattern: 'arrete|arrive pas tousser', maxGap: 2, negatable: false },
    { pattern: 'yeux|gorge brule*|pique*|piquent|irrit*', maxGap: 1 },
    // Round 14: tousser dit simplement, respirer mal, après un mélange de produits.
    { pattern: 'je|j|on|il|elle|nous tousse|toussons|toussait', maxGap: 0 },
    { pattern: 'mal|difficult*|peine|dur respir*', maxGap: 1 },
    'etouff*',
    'effondre*|evanoui*|malaise*',
  ],
  // Round 12: les signes cholinergiques par eux-mêmes, quoi qu'on ait pulvérisé, avalé ou respiré.
  drooling: [
    'bave|bavait|baver|bavent|salive|hypersaliv*',
    { pattern: 'mousse|ecume bouche|levres', maxGap: 2 },
  ],
  pinpoint_pupils: [
    { pattern: 'any: pupille*|pupilles petite*|minuscule*|epingle|serree*|point*|tete', maxGap: 3 },
    { pattern: 'myosis', maxGap: 0 },
  ],
  muscle_twitching: [
    'fasciculat*|spasme*',
    { pattern: 'tremble*|tressaute*|secoue* partout', maxGap: 2 },
    { pattern: 'tremble*|tressaute*|secoue* tout corps', maxGap: 2 },
    { pattern: 'muscles|muscle sautent|saute|tressaute*|tremble*|bougent', maxGap: 2 },
    'contractions musculaires',
  ],
  heavy_sweating: [
    { pattern: 'sue*|transpire* grosses gouttes', maxGap: 2 },
    { pattern: 'sue*|transpire* enormement|beaucoup|partout|fond', maxGap: 1 },
    { pattern: 'trempe*|couvert*|ruisselant* sueur*|transpiration', maxGap: 2 },
    { pattern: 'en nage', maxGap: 0 },
  ],
  // Round 12: un endroit d'où sauter ou devant quoi se jeter…
  jump_place: [
    { pattern: 'voie|voies|ligne ferree|train|tgv|rer', maxGap: 1 },
    { pattern: 'chemin fer', maxGap: 1 },
    { pattern: 'dernier etage|niveau', maxGap: 1 },
    { pattern: 'toit parking', maxGap: 2 },
    'quai|voies|rails|toit|toits|rebord|parapet|falaise|viaduc|passerelle',
    { pattern: 'sur|au bord pont', maxGap: 1 },
    // Round 14: sur le balcon, sur le rebord de la fenêtre.
    { pattern: 'sur balcon|rebord|corniche|rambarde', maxGap: 1 },
    { pattern: 'garde corps', maxGap: 0 },
    // Round 14: le balcon tout court, le vide qu'on regarde.
    'balcon',
    { pattern: 'regarde|fixe|contemple vide', maxGap: 1 },
    { pattern: 'haut|bord|sommet immeuble|batiment|tour|pont|parking', maxGap: 2 },
    { pattern: 'fenetre|balcon <n:3-99>|etage|eme|e', maxGap: 3 },
  ],
  // …et le saut ou le lâcher dit, ou le prochain train nommé.
  jump_intent: [
    {
      // Round 14: à toutes les personnes (« il dit qu'il va sauter »).
      pattern:
        'je|j|vais|veux|envie|va|veut|vont|menace|voulait|allait saute|sauter|sauterai|sautera|lache|lacher|jette|jeter|balance|basculer',
      maxGap: 1,
      negatable: false,
    },
    { pattern: 'me laisser|laisse tomber|aller', maxGap: 0 },
    { pattern: 'prochain train|tgv|rer|metro', maxGap: 0 },
    // Round 14: la fin dite depuis un lieu d'où sauter (« sur le toit, il dit que c'est fini »).
    { pattern: 'dit|dis|disait|ecrit que ce|c est fini|finie|termine', maxGap: 1, negatable: false },
    { pattern: 'sous|devant train|tgv|rer|metro', maxGap: 1 },
    { pattern: 'personne ne|me retiendra|arretera|empechera|retenir', maxGap: 2, negatable: false },
    { pattern: 'en finir', maxGap: 0 },
  ],
  // Round 12: une douleur qui déchire, la poitrine et le dos: la dissection aortique.
  tearing_pain: ['dechir*|arrach*', { pattern: 'coup poignard', maxGap: 1 }],
  // Round 14: « devant », « qui me traverse »: la douleur qui passe du dos à l'avant.
  chest_site: ['poitrine|thorax|thoracique|sternum|torse|devant|traverse|transperce'],
  back_site: ['dos', 'omoplate*', { pattern: 'entre epaules', maxGap: 1 }],
  // Round 12: la moitié de ce qu'on voit partie, une main qui ne fait plus ce qu'on lui dit.
  half_vision_lost: [
    // Round 15 (classe restée ouverte): l'imparfait aussi, et « ne voit plus que la moitié » (« plus que la » est
    // une comparaison pour les exclusions: la moitié vue suffit).
    {
      pattern: 'any: vois|voit|voyais|voyait|voyaient|vision|vue plus|perdu|noir moitie|cote',
      maxGap: 3,
      negatable: false,
    },
    { pattern: 'vois|voit|voyais|voyait|voyaient moitie', maxGap: 3, negatable: false },
    { pattern: 'moitie vision|vue|champ disparu*|partie|noir*|perdu*', maxGap: 2 },
    // Round 16: la tête ou le regard tournés d'un seul côté (la déviation, la négligence d'un côté).
    { pattern: 'tourne*|regarde*|fixe* que|seulement|toujours|uniquement un|meme|seul cote|bord', maxGap: 2 },
    { pattern: 'tourne*|regarde*|fixe* que|seulement|toujours|uniquement droite|gauche', maxGap: 2 },
  ],
  clumsy_hand: [
    {
      pattern: 'main|mains|bras|doigts maladroit*|malhabile*|engourdi*|faible*|lache|repond|obeit',
      maxGap: 2,
    },
    { pattern: 'lache|laisse tomber tout|objets|verre|tasse', maxGap: 2 },
    { pattern: 'ecrire|taper|tenir dur|difficile|impossible|galere', maxGap: 2 },
    // Round 16: oublier comment on se sert d'un couvert, d'un objet de tous les jours (l'apraxie).
    {
      pattern:
        'any: oublie*|sait|savait comment|servir|sert|utiliser fourchette|cuillere|couteau|couverts|verre|brosse|stylo|telephone|clefs|cles',
      maxGap: 4,
    },
  ],
  // Round 12: un stylo d'adrénaline fait.
  adrenaline_used: [
    'adrenaline|epipen*|anapen*|jext|emerade',
    { pattern: 'fait|mis|pique*|injecte*|utilise* stylo|injecteur|autoinjecteur', maxGap: 2 },
  ],
  // Round 12: un caustique avalé…
  swallowed_something: ['bu|avale*|gorgee|lampee|ingere*|bois|boire|bue'],
  caustic_product: [
    'javel|caustique*|soude|ammoniaque|detartrant|destop|debouche*|decapant*',
    { pattern: 'produit menage|vaisselle|wc|four|lave', maxGap: 1 },
    { pattern: 'acide batterie', maxGap: 1 },
  ],
  // …et la gorge ou la bouche qui brûlent, les haut-le-cœur, la bave.
  caustic_burn: [
    {
      pattern: 'any: gorge|bouche|langue|levres|oesophage|poitrine brule*|feu|arrache|rouge*|cloque*',
      maxGap: 2,
    },
    { pattern: 'haut coeur', maxGap: 1 },
    'vomi*|vomit|vomis|vomissement*',
    'bave|bavait|baver',
    { pattern: '@pouvoir pas|plus avaler|deglutir', maxGap: 2, negatable: false },
  ],
  // Round 12: une électrisation…
  electric_shock: [
    'electrocut*|electrise*|electrisation',
    // Round 14: « a pris du 380 volts ».
    { pattern: '<n:50-400000> volt|volts', maxGap: 0 },
    {
      pattern:
        'any: decharge|jus|chataigne|secousse|courant prise|secteur|electri*|fil|fils|cable|volt*|ligne|compteur|tableau',
      maxGap: 4,
    },
  ],
  // …et les brûlures d'entrée et de sortie, la confusion, le malaise, le cœur irrégulier.
  shock_sign: [
    { pattern: 'brulure*|brule*|marque*|trace* main|pied|doigts|peau|entree|sortie|bras|jambe', maxGap: 3 },
    'entree|sortie',
    'confus|confuse|confusion|desorient*',
    { pattern: 'perdu connaissance', maxGap: 1 },
    'evanoui*|inconscient*|malaise*',
    { pattern: 'coeur irregulier|bat|emballe|palpit*', maxGap: 2 },
    'palpitation*',
  ],
  // Round 13: des plaquettes, des boîtes vides, l'adjectif avant ou après le nom du médicament.
  empty_packets: [
    {
      pattern:
        'any: plaquette*|boite*|flacon*|tube*|emballage*|blister*|@medicaments vide|vides|videe|videes',
      maxGap: 3,
    },
    // Round 20 (classe de la sonde): les cases du pilulier vidées, ce qu'il manque compté (« il en manque 12 »).
    { pattern: 'any: case|cases|compartiment*|jour|jours vide|vides|videe|videes', maxGap: 3 },
    { pattern: 'en manque|manquent <n:3-500>', maxGap: 1 },
  ],
  // Round 13: une douleur « d'estomac » ou de la mâchoire qui va au bras ou à la mâchoire.
  mi_radiation: [
    { pattern: 'monte*|part*|irradi*|file* machoire|bras|gorge|cou', maxGap: 3 },
    // Round 14: tout verbe de ce qui va vers le cou, la mâchoire, les bras ou le dos, et l'écrasement ou la
    // lourdeur qui y siègent (« ça va au bras et la mâchoire », « ça remonte vers le cou »).
    { pattern: 'va|vont|remonte*|descend*|irradi*|diffuse* bras|machoire|cou|epaule|dos', maxGap: 3 },
    // Une douleur qui oppresse, dite sans lieu: avec la sueur ou le teint gris, c'est le cœur.
    'oppress*',
    {
      pattern: 'any: ecras*|serre*|serrait|etau|lourdeur|poids|pression|appui* cou|machoire|bras|epaule',
      maxGap: 4,
    },
    { pattern: 'any: mal|douleur*|brulure*|serre* machoire', maxGap: 3 },
    { pattern: 'any: mal|douleur*|brulure*|serre* bras gauche', maxGap: 3 },
    { pattern: 'any: estomac|epigastr*|digestion|brulure* machoire', maxGap: 4 },
    { pattern: 'any: estomac|epigastr*|digestion|brulure* bras gauche', maxGap: 4 },
  ],
  cold_sweat: [
    'moite*|sueur*|transpire*|transpirant*|sue|suent|nage',
    // Round 14: trempé (de sueur), la nausée, le vomissement qui accompagnent l'infarctus (ESC 2023).
    'trempe|trempee|nausee*|nauseeu*|vomi|vomit|vomis|vomir|vomissement*',
    // Round 14: le teint du choc: livide, gris, terreux.
    'livide|blafard*|terreux|terreuse|cireux|cireuse',
    { pattern: 'est|devenu|devenue|tout|toute gris|grise', maxGap: 0 },
    { pattern: 'grosses gouttes', maxGap: 0 },
  ],
  // Round 13: un morceau coincé dans la gorge.
  food_stuck: [
    { pattern: 'coince*|bloque*|reste* gorge|oesophage|travers', maxGap: 3 },
    { pattern: 'avale* travers', maxGap: 2 },
    { pattern: 'fausse route', maxGap: 0 },
    { pattern: 'etouffe*|etrangle* avec|en mangeant|morceau|viande|bonbon|cacahuete*', maxGap: 3 },
  ],
  button_battery: [{ pattern: 'pile*|batterie* bouton|plate*|ronde*|montre|lithium', maxGap: 2 }],
  battery_swallowed: ['avale*|bouche|disparu*|mange*|introuvable|gobe*|ingere*'],
  calf_swollen: [{ pattern: 'any: mollet*|jambe gonfl*|enfl*|dur|rouge|chaud|douloureux', maxGap: 2 }],
  breath_pleuritic: [
    { pattern: 'hors haleine', maxGap: 1 },
    'essouffl*|suffoqu*',
    { pattern: 'souffle* court', maxGap: 1 },
    { pattern: 'point|douleur|mal cote|poitrine quand|en inspir*|respir*', maxGap: 4, negatable: false },
    { pattern: 'mal|douleur respirer|inspirer', maxGap: 2 },
  ],
  home_spirits: [
    'gnole|moonshine|frelate*|methanol',
    { pattern: 'tord boyaux', maxGap: 0 },
    { pattern: 'alcool|vodka|rhum|whisky|gnole|eau|liqueur|poire|prune|mirabelle maison', maxGap: 3 },
    { pattern: 'alcool|vodka|rhum|whisky|gnole|eau|liqueur distill*|bouilleur|alambic', maxGap: 3 },
  ],
  blurred_vision: [
    { pattern: 'any: voi*|vue|vision|yeux flou*|trouble*|double|brouill*', maxGap: 2 },
    { pattern: 'voi*|vois plus rien', maxGap: 1 },
    { pattern: 'aveugle|flou|floue', maxGap: 0 },
  ],
  // Round 13: le changement est nouveau: jamais comme ça, depuis quelques minutes.
  sudden_change: [
    { pattern: 'jamais comme ca|cela', maxGap: 1, negatable: false },
    { pattern: 'pas comme habitude|lui|elle|normal', maxGap: 1, negatable: false },
    { pattern: 'depuis|commence <n:1-180> min|minutes|mn|heure', maxGap: 2, negatable: false },
    { pattern: 'il y a <n:1-180> min|minutes|mn|heure', maxGap: 1, negatable: false },
    'soudain*|brusquement|subitement',
    // Round 18 (classe de la sonde): « c'est venu brutalement », un début brutal.
    'brutal|brutale|brutalement',
    { pattern: 'tout coup', maxGap: 1, negatable: false },
    // Round 14: « d'un coup », et l'heure où tout allait bien.
    { pattern: 'de un coup', maxGap: 0, negatable: false },
    { pattern: 'allait|allais|allaient bien il y a', maxGap: 1, negatable: false },
    { pattern: 'allait|allais|allaient bien matin|midi|dejeuner|diner', maxGap: 2, negatable: false },
    { pattern: 'matin|midi|dejeuner allait|allais|allaient bien', maxGap: 2, negatable: false },
    { pattern: 'depuis tout heure', maxGap: 0, negatable: false },
    // Round 14: « c'est nouveau », depuis le repas de midi.
    { pattern: 'est|cest nouveau|nouvelle|recent|recente', maxGap: 1, negatable: false },
    { pattern: 'depuis|commence midi|dejeuner|repas|reveil|sieste', maxGap: 1, negatable: false },
  ],
  // Round 13: des champignons ou des baies cueillis dans la nature.
  wild_food: [
    { pattern: 'any: cueilli*|ramasse*|foret|bois|sauvage*|jardin|pre champignon*|baie|baies', maxGap: 4 },
  ],
  neck_ache: [
    { pattern: 'any: mal|douleur*|douloureu* nuque|cou', maxGap: 2 },
    // Round 16: la nuque dont on se plaint, sans dire le mal.
    { pattern: 'plaint|plaignait|plaignent|plaindre nuque|cou', maxGap: 2 },
  ],
  // Round 14: une douleur dite aiguë par n'importe quel mot d'intensité, d'image ou de comportement (hurler,
  // se tordre, plié en deux, jamais eu aussi mal)…
  severe_pain: [
    { pattern: 'any: @douleur|douleurs @intense', maxGap: 2 },
    {
      pattern: 'any: mal|douleur|douleurs atrocement|horriblement|terriblement|affreusement|violemment',
      maxGap: 2,
    },
    {
      pattern: 'hurle|hurlait|crie|criait|pleure|pleurait|gemit|tord|tordait|tords de|sous douleur|mal',
      maxGap: 1,
    },
    { pattern: 'plie|pliee|plies|pliees deux|quatre', maxGap: 1 },
    {
      pattern: 'jamais eu|ressenti|connu aussi|autant|si|tellement|pareil mal|douleur',
      maxGap: 2,
      negatable: false,
    },
    { pattern: 'mal|douleur a|en hurler|crier|pleurer|crever|mourir|tomber', maxGap: 1 },
    { pattern: 'mal|douleur comme jamais', maxGap: 1, negatable: false },
    { pattern: 'mal|douleur de chien|chiens', maxGap: 1 },
    // Round 14: brutale, soudaine, qui empêche de respirer ou de bouger.
    { pattern: 'any: douleur|douleurs|mal brutal*|soudain*|subit*', maxGap: 2 },
    { pattern: 'empeche* respirer|bouger|marcher|tenir|lever', maxGap: 2 },
    { pattern: 'c|est|cest insoutenable|insupportable|atroce|intenable', maxGap: 1 },
    { pattern: 'douleur|mal transperc*|dechir*|poignard*', maxGap: 3 },
    { pattern: 'douleur|mal coup couteau|poignard', maxGap: 3 },
    // Round 16: la douleur dite par ce qu'elle fait faire: ne plus tenir couché ni en place (la colique),
    // ne plus pouvoir bouger ni se redresser (le ventre de bois), se rouler par terre.
    {
      pattern: '@pouvoir pas|plus rester|tenir couche|couchee|allonge|allongee|assis|assise|place|immobile',
      maxGap: 2,
      negatable: false,
    },
    { pattern: '@pouvoir pas|plus bouger|redresser|deplier|lever', maxGap: 1, negatable: false },
    { pattern: 'roule|roulait|tord|tordait par|au terre|sol', maxGap: 1 },
  ],
  // …et le ventre où elle siège, dit dans une autre proposition (NHS 999: sudden severe tummy pain).
  belly_site: ['@ventre', 'nombril|ombilic|epigastr*|flanc|flancs', { pattern: 'creux estomac', maxGap: 1 }],
  // Round 16 (classes de la sonde): un test du verre nommé, quel qu'en soit le résultat (avec de la fièvre: une
  // méningite); un cri devenu aigu, perçant, strident (avec de la fièvre: NICE NG143).
  glass_test: [{ pattern: 'test|signe verre', maxGap: 0 }],
  high_pitched_cry: [
    {
      pattern:
        'cri|cris|crie|crient|criait|pleur*|hurle*|hurlement*|geint|gemit aigu|aigus|aigue|aigues|percant*|strident*',
      maxGap: 2,
    },
    { pattern: 'voix aigu|aigue', maxGap: 0 },
  ],
  // Round 17–18 (classes des sondes): l'infarctus dit par son siège atypique (femmes, diabétiques, sujets âgés:
  // ESC 2023, HAS): une pression, un poids, un serrement entre les omoplates ou dans le haut du dos…
  pressure_feeling: [
    'pression|poids|lourdeur|lourd|serrement|ecrasement|etau|barre|oppression|oppresse*|gene|enserre*',
    { pattern: 'ca|qui serre|appuie|ecrase|comprime|pese', maxGap: 0 },
  ],
  upper_back_site: ['omoplate*', { pattern: 'entre epaules', maxGap: 1 }, { pattern: 'haut dos', maxGap: 1 }],
  // Round 17 (classe de la sonde): un au revoir dit à la clinique ou à qui lit (« je voulais juste vous dire au
  // revoir docteur »): avec des affaires mises en ordre, c'est un adieu (3114).
  // Round 18 (classe de la sonde): la tête qui va exploser ou éclater, un coup de tonnerre: avec un début
  // brutal, la céphalée d'une hémorragie méningée (HAS, SFMU), quel que soit le mot pour le mal de tête.
  head_exploding: [
    {
      pattern: 'tete|crane va|vas|allait|comme|qui|prete exploser|eclater|explose|eclate|exploser',
      maxGap: 2,
    },
    { pattern: 'coup tonnerre|poignard|massue dans|a tete|crane', maxGap: 2 },
    { pattern: 'coup de tonnerre', maxGap: 0 },
  ],
  // Round 19 (classe de la sonde): un poids ou une pression qui écrase, dans n'importe quel ordre (« un poids
  // qui m'écrase », « ça m'écrase comme un étau »): les mots de l'infarctus, la poitrine non dite.
  crushing_weight: [
    { pattern: 'any: ecras*|broie*|comprim* poids|pression|etau|elephant|enclume|lourdeur', maxGap: 2 },
  ],
  // … et ses affaires mises en ordre: le testament fait, ce qu'on possède donné (les plantes, les livres).
  affairs_settled: [
    // Round 20 (classe de la sonde): le notaire appelé ou vu (« pour la ferme »). Pas la chambre vidée ni l'appartement
    // rangé: c'est aussi ce qu'on fait en déménageant.
    { pattern: 'appele|vu|contacte|consulte|chez notaire', maxGap: 2 },
    // Round 20 (classe de la sonde): qui prendra le chien, les plantes (« le chien ira chez ma sœur »).
    {
      pattern: 'chien|chat|chats|chiens|plantes|animaux ira|iront|va|vont|partira|partiront chez',
      maxGap: 1,
    },
    { pattern: 'fait|ecrit|redige|prepare|signe|refait testament', maxGap: 1 },
    { pattern: 'testament fait|ecrit|redige|pret|signe|depose', maxGap: 1 },
    {
      pattern:
        'donne|donnee|donnes|distribue|offert plantes|livres|bijoux|vetements|habits|objets|disques|guitare|velo|affaires|tout',
      maxGap: 2,
    },
    { pattern: 'donne|donnee|confie chat|chien|chats|chiens|animaux', maxGap: 2 },
    {
      pattern: 'chat|chien|chats|chiens|animaux est|sont confie|confies|place|places|donne|donnes',
      maxGap: 1,
    },
    { pattern: 'mis|mettre|mets ordre affaires', maxGap: 2 },
  ],
  goodbye_said: [
    { pattern: 'vous|te|tous|tout dire|dis revoir|adieu|aurevoir|adieux', maxGap: 1 },
    {
      pattern: 'voulais|voulait|veux|voulu|voudrais|tenais|tiens dire revoir|adieu|aurevoir|adieux',
      maxGap: 2,
    },
    { pattern: 'dernier message|mot|sms|texto', maxGap: 0 },
    { pattern: 'ce est|etait adieu|revoir', maxGap: 1 },
  ],
  // Rounds 23–24: une infection urinaire nommée (avec la fièvre et le dos: le rein).
  urinary_infection: ['cystite*', 'pyelo*', { pattern: 'infection urinaire|rein|reins|vessie', maxGap: 1 }],
  // Round 23 (classe de la sonde): une bouteille d'alcool fort bue, ou plus de shots qu'une soirée n'en compte.
  alcohol_binge: [
    {
      pattern:
        'any: entiere|toute|pleine|moitie|demi bouteille|litre vodka|whisky|rhum|gin|tequila|pastis|alcool|absinthe|cognac|calva',
      maxGap: 3,
    },
    { pattern: '<n:8-60> shots|shooters|verres|vodkas|tequilas', maxGap: 1 },
    { pattern: 'coma ethylique', maxGap: 0 },
  ],
};
