import type { LexiconInput } from '../../lexicon.schema.ts';

/** French wording of allergy, bleeding, infection, pregnancy, poisoning, burns and the belly. */
export const frenchOtherEmergencies: LexiconInput['categories'] = {
  severe_allergy: [
    'anaphyla*',
    'quincke',
    'any: langue|levre*|glotte|bouche gonfl*|enfl*|double*|grossi*|boursoufl*',
    // Round 5: la peau qui réagit avec ce qui gonfle ou ce qui lâche (malaise, souffle, déglutition).
    { pattern: 'any: @peau_allergique @gonfle|@signe_de_choc', maxGap: 4 },
    { pattern: 'any: malaise|evanoui*|tombe|vertige* @gonfle', maxGap: 3 },
    { pattern: 'any: allergi*|reaction grave*|severe*|violent*|forte|enorme|grosse', maxGap: 2 },
    { pattern: 'langue|glotte|gorge devient|devenue|est grosse|gros|enorme|epaisse', maxGap: 2 },
    {
      pattern:
        'any: @visage|tete|corps gonfl*|enfl*|grossi*|boursoufl* avaler|respir*|etouff*|souffle|parler|siffl*',
      maxGap: 4,
    },
    'gorge|gorj|gorje gonfl*|enfl*|ferme*|bloque*|bouch*|obstru*|retreci*|referme*',
    'choc|oedeme allergi*',
    // Round 7: la peau qui réagit et les yeux qui se ferment de gonflement.
    { pattern: 'any: yeux|paupieres|oeil ferment|fermaient|fermes|fermees|clos @gonfle', maxGap: 4 },
    'any: levres|langue|paupieres|yeux double* volume',
    'utilis*|pique*|injecte*|fait|mis|mettre epipen|anapen|jext|emerade|adrenaline|stylo',
    { pattern: 'any: langue|levre*|levres|bouche enorme*|gonflee*|triple*', maxGap: 2 },
    { pattern: 'any: levres|langue|paupieres|yeux triple* volume|taille', maxGap: 3 },
    { pattern: 'any: reaction|allergie|choc allergi* grave*|severe*|violent*|generalis*', maxGap: 2 },
    { pattern: 'any: tete|@visage double*|triple* volume|taille', maxGap: 3 },
    { pattern: 'gonflement|oedeme gorge|langue|glotte|levres', maxGap: 1 },
    // Un gonflement avec une gorge qui serre, se ferme ou coupe le souffle: l'œdème qui gagne les voies aériennes.
    {
      pattern:
        'any: gonfl*|enfl*|oedeme|boule gorge|glotte|langue serre*|resserr*|ferme*|bloque*|grossi*|respir*|avaler|etouff*',
      maxGap: 4,
    },
  ],
  heavy_bleeding: [
    // Round 17 (classe que le classifieur seul couvrait): le saignement qui dure malgré le temps ou l'appui (« ça
    // saigne toujours au bout d'une heure même en appuyant »).
    { pattern: 'saigne|saignait|saignent toujours|encore bout', maxGap: 2 },
    {
      pattern: 'any: saigne|saignait|saignent|sang meme|malgre appuyant|appuie|appui|pression|compression',
      maxGap: 4,
    },
    'hemorragi*',
    'any: saign*|sang beaucoup|enormement|abondant*|abondamment|important*|partout|flot*|gicle*|jet|litre*',
    'saign*|sang arrete|arreter|arret|stoppe|coupe pas|plus',
    'saign*|sang sans arret|cesse|interruption',
    { pattern: 'saign*|sang|hemorrag* arrete|arreter|stoppe|cesse pas|plus', maxGap: 4 },
    'saign*|sang malgre|traverse|transperce*',
    { pattern: 'change* serviette*|protection*|tampon* toutes|chaque heure|demi', maxGap: 3 },
    'any: perd*|perte*|plein|pleine|pleins|pleines|flaque* sang',
    // Round 14: les linges qui se trempent quand on appuie; le sang qu'on n'arrive pas à arrêter; le vomi
    // en marc de café (NHS 999: bleeding that won't stop, vomiting blood).
    {
      pattern:
        'any: appuie|appuye*|appui|compress*|presse|sang|saign* serviette*|torchon*|compresse*|pansement*|linge*|tissu*|mouchoir* trempe*|trempee*|imbibe*|traverse*',
      maxGap: 4,
    },
    {
      pattern:
        'any: arrive|arriver|peux|misere|mal|difficult*|impossible arreter|stopper|contenir sang|saignement',
      maxGap: 3,
      negatable: false,
    },
    { pattern: 'any: vomi*|vomis|vomit|rend|crache* marc', maxGap: 4 },
    'pisse* sang',
    { pattern: 'vomi*|crach*|tousse*|toux|rend*|rejet* sang', maxGap: 1 },
    'sang vomi*|crachat*',
    'any: selles|caca noir*|goudron',
    'any: plaie|coupure|coupe|entaille|blessure profond*|beante*',
    // Round 16 (classes de la sonde): « gicle » dit du sang ou d'une plaie, pas d'un tuyau ou d'un citron.
    {
      pattern:
        'any: gicl* sang|plaie|coupure|coupe|blessure|artere|veine|varice|partout|battement*|jet|jets|coups|saccade*|pulsation*|flots|poignet|cuisse|jambe|bras|main|tete|doigt|cou',
      maxGap: 4,
    },
    // Round 16 (classes de la sonde): les torchons, serviettes ou compresses trempés l'un après l'autre; le sang
    // à gros bouillons.
    {
      pattern:
        'any: chaque|tous|toutes|plusieurs|deuxieme|troisieme torchon*|serviette*|compresse*|linge*|pansement* trempe*|trempee*|imbibe*|traverse*',
      maxGap: 3,
    },
    {
      pattern: 'any: <n:2-30> torchon*|serviette*|compresse*|linge* trempe*|trempee*|imbibe*|traverse*',
      maxGap: 3,
    },
    { pattern: 'saign*|sang|coule gros bouillons|bouillon', maxGap: 2 },
    // Round 14: le sang qui jaillit, fuse.
    { pattern: 'sang|saign* jaill*|fuse|fusait|pisse|pissait', maxGap: 1 },
    { pattern: 'any: saign*|sang grande|grosse|enorme quantite', maxGap: 4 },
    { pattern: 'any: plein|gros|grosses|enormes caillot*', maxGap: 1 },
    { pattern: 'saign* dure|durent|depuis heure|heures', maxGap: 3 },
    // Du sang par en haut ou par en bas, avec les signes d'une grosse perte (NICE NG141).
    {
      pattern:
        'any: sang selles|caca|vomi*|vomissure* pale|blanc|blanche|livide|malaise|evanou*|vertige*|etourdi*',
      maxGap: 4,
    },
    // Round 16: « du sang depuis 3h » (pas que le verbe saigner).
    { pattern: 'saign*|sang depuis <n:1-24> heure*|h', maxGap: 1 },
    // Round 10: un saignement qui dure vingt minutes et plus, le sang qui sort par à-coups (une artère), qui
    // coule à flots, un bol rempli, une serviette toutes les quinze minutes, des règles « inondation ».
    { pattern: 'saign*|sang|nez depuis|pendant <n:20-999> min|minutes|mn|mins', maxGap: 2 },
    {
      pattern: 'sang|saign* sort|gicle|jaillit|pisse|coule coups|jet|jets|saccade*|pulsation*',
      maxGap: 3,
    },
    { pattern: 'saigne|saignait|sang|saignement flot|flots|robinet', maxGap: 2 },
    // Round 16: la bouche qui se remplit de sang (après une extraction), le crachoir, le verre.
    {
      pattern:
        'any: sang|saign* rempli*|remplit|remplir bol|bassine|evier|lavabo|serviettes|bouche|crachoir|verre',
      maxGap: 4,
    },
    { pattern: 'serviette*|protection*|tampon* toutes|chaque <n:5-45> min|minutes|mn|mins', maxGap: 2 },
    { pattern: 'regles|saignement* inondation|deluge|hemorragie|fontaine', maxGap: 3 },
  ],
  sepsis_signs: [
    'septicemie',
    'sepsis',
    'septique*',
    // Round 9: une infection nommée (plaie, opération, infection urinaire) avec un signe de sepsis dans la
    // même proposition, sans mot de fièvre, comme en anglais (UK Sepsis Trust).
    { pattern: 'any: @infection @signe_sepsis', maxGap: 4 },
    // Round 10: des genoux ou des jambes marbrés, violacés (UK Sepsis Trust).
    { pattern: 'any: genou|genoux|jambes|cuisses marbr*|violace*', maxGap: 3 },
  ],
  pregnancy_emergency: [
    'perte*|perdu|perds|perd eaux',
    'poche eaux rompu*|fissur*|perce*|cass*',
    'sens|sent|sentons plus|pas bebe|bb bouger|bouge',
    'sens|sent|sentons plus|pas bouger',
    // Round 15 (classe restée ouverte): au passé composé, la négation est le signe (« j'ai pas senti le bébé bouger »).
    { pattern: 'pas|plus|jamais senti|sentie|ressenti bebe|bb bouger|bouge', maxGap: 1, negatable: false },
    { pattern: 'pas|plus|jamais senti|sentie|ressenti bouger', maxGap: 1, negatable: false },
    'bebe|bb bouge plus|pas|moins',
    'grossesse extra uterine',
    'geu',
    'eclampsi*',
    // Round 10: le cordon qui sort en premier; (la tête qu'on voit: combination-signs.fr.ts), la tête du bébé qu'on voit (pas à l'écho).
    { pattern: 'cordon sort|sorti|sortir|pend|dehors|voit|premier', maxGap: 2 },
    { pattern: 'voit|vois|voyons|apercoit tete bebe|bb', maxGap: 2 },
    // Round 10: plus de mouvements du bébé, ou moins (CNGOF: consulter le jour même).
    {
      pattern: 'pas|plus|moins|aucun|diminution mouvement|mouvements bebe|bb|foetaux|foetal|actifs',
      maxGap: 2,
      negatable: false,
    },
  ],
  poisoning_overdose: [
    'intoxi*',
    'empoisonn*',
    // Round 9: l'intoxication médicamenteuse volontaire des soignants.
    '=imv',
    'surdose*',
    // Round 10: written in full, now that the exclusion « éviter de faire un surdosage » makes it a known word.
    'surdosage*',
    'overdose*',
    {
      pattern:
        'avale*|pris|prendre|bu|ingere* des|les|plusieurs|trop|toute|tous|plein|boite|plaquette|<n:10-500> @medicaments',
      maxGap: 2,
    },
    { pattern: 'avale*|bu|boire|ingere*|mange* @toxiques', maxGap: 1 },
    { pattern: 'avale|avalee|avales|avalees|mange|mangee|ingere* @medicaments', maxGap: 3 },
    // A little one into medicines; an adult taking theirs (« ma mère a pris ses médicaments ») is no news.
    { pattern: '@petit pris|avale|mange|bu @medicaments', maxGap: 3 },
    // Les médicaments d'un autre (« ceux de sa mamie »), pris par erreur, ou leur nombre (« j'en ai pris 6 »).
    { pattern: 'pris|avale*|mange*|bu @medicaments de|du @proche', maxGap: 1 },
    { pattern: '@enfant|il|elle pris|avale*|mange*|bu mes|nos @medicaments', maxGap: 1 },
    {
      pattern: 'any: erreur|megarde|accident*|trompe* pris|avale*|mange*|donne* @medicaments',
      maxGap: 4,
    },
    { pattern: 'pris|avale*|bu|ingere* <n:5-500> @medicaments', maxGap: 2 },
    // Round 16: dix cachets et plus en une journée, une soirée, d'un coup (sans verbe: « 20 comprimés de
    // paracétamol en 1 journée »); « par jour » est la prescription (exclusions).
    {
      pattern:
        '<n:10-500> @medicaments en|dans|de <n:1-1>|une|un journee|jour|soiree|nuit|matinee|fois|coup|apres',
      maxGap: 3,
    },
    // Round 16: une plante toxique croquée ou mâchée (le laurier-rose, pas le laurier de la cuisine).
    { pattern: '@ingerer laurier rose', maxGap: 3 },
    { pattern: 'en pris|avale|avalee|avales|avalees <n:5-500>', maxGap: 1 },
    { pattern: 'any: melange*|mixe* alcool|vodka|whisky|vin|biere @medicaments', maxGap: 3 },
    'pile|piles bouton*',
    '@medicaments|dose|doses|insuline|traitement <n:2-10> fois',
    { pattern: 'double*|triple* dose*', maxGap: 1 },
    'dose|doses double*|triple*',
    'pris|prendre|avale*|bu <n:2-10> fois @medicaments|dose|traitement',
    'mort rats',
    'monoxyde',
    // Round 6: le monoxyde sans son nom: une chaudière, un poêle, un brasero, et la tête ou le cœur qui tournent.
    {
      pattern:
        'any: chaudiere|chauffage|poele|brasero|electrogene|cheminee @tete|vomi*|nausee*|malaise|vertige*',
      maxGap: 4,
    },
    'antipoison',
    'anti poison',
    { pattern: 'avale*|bu|boire|ingere*|mange* @toxiques', maxGap: 2 },
    { pattern: 'avale*|bu|boire|ingere* lave glace|vaisselle|linge|vitre*', maxGap: 3 },
    {
      pattern: 'bu|vide*|descendu bouteille* whisky|vodka|rhum|gin|alcool|pastis|tequila|entiere',
      maxGap: 2,
    },
    'coma ethylique',
    { pattern: 'pris|avale*|fume*|sniff*|consomm*|gobe* @drogues', maxGap: 2 },
    { pattern: 'any: pris|avale*|gobe* truc*|trucs|cachet*|pilule*|drogue* soiree|fete|teuf', maxGap: 4 },
    { pattern: 'any: dose* enorme*|massive*|excessive*|double|triple|trop', maxGap: 1 },
    // Avaler, gober, croquer, lécher, sucer: un produit, ou des médicaments par dizaines.
    {
      pattern:
        'avale*|bu|pris|ingere*|mange*|gobe*|croque* dizaine|vingtaine|trentaine|poignee|tas|paquet|boite|plaquette @medicaments',
      maxGap: 2,
    },
    { pattern: 'gobe*|croque*|leche*|lech*|suce*|machouill*|mordu @toxiques|@medicaments', maxGap: 3 },
    { pattern: 'avale*|bu|vide*|fini* tout|entier|entiere flacon*|fiole*|tube*|boite', maxGap: 3 },
    { pattern: 'avale*|bu|vide* flacon*|fiole*|tube* entier|entiere', maxGap: 3 },
    // Round 14: « tout le tube de doliprane, mon fils », sans verbe (« il a besoin de toute la boîte »:
    // exclusions).
    { pattern: 'any: tout|toute|entier|entiere tube|boite|plaquette|flacon @medicaments @enfant', maxGap: 4 },
    // Round 14: une bonne partie, la moitié des médicaments, du fer ou des vitamines (le fer tue les
    // enfants: centres antipoison).
    { pattern: '@ingerer bonne|grande|grosse partie|moitie @medicaments|=fer|vitamine*', maxGap: 3 },
    // Round 14: un contenant de médicaments vidé, qu'on l'ait avalé ou non dit (« il a vidé le semainier »).
    {
      pattern: 'vide|videe|vides|videes|vidait pilulier*|semainier*|flacon*|fiole*|plaquette*|blister*|tube*',
      maxGap: 2,
    },
    { pattern: 'avale*|bu|boire|ingere* alcool bruler|menager|modifie|pharmacie', maxGap: 2 },
    { pattern: 'sniff*|inhale*|respire* colle|gaz|solvant*|essence|@drogues', maxGap: 2 },
    {
      pattern: 'respire*|inhale*|sniff* vapeur*|emanation*|gaz|fumee* @toxiques|produit*|chlore|toxique*',
      maxGap: 2,
    },
    { pattern: 'any: erreur|megarde|accident* bu|avale*|bois @toxiques', maxGap: 4 },
    // Famille × famille: tout verbe d'avaler avec toute quantité de médicaments, ou tout produit toxique.
    { pattern: '@ingerer @quantite @medicaments', maxGap: 3 },
    // Round 9: « beaucoup » de cachets, au passé (« je prends beaucoup de médicaments » est un traitement).
    { pattern: 'pris|avale*|bu|mange*|gobe*|croque* beaucoup @medicaments', maxGap: 2 },
    { pattern: '@ingerer @toxiques', maxGap: 3 },
    { pattern: 'any: mis|mets|met|porte|portee @toxiques|@medicaments bouche', maxGap: 4 },
    // Round 10: l'huile d'une lampe ou d'une torche bue (les hydrocarbures passent dans les poumons); un
    // produit bu dans une bouteille d'eau; un petit qui a trouvé le pilulier; des médicaments mélangés à
    // l'alcool « exprès »; une boîte vide trouvée à côté de quelqu'un d'inconscient.
    {
      pattern: '@ingerer huile|liquide|petrole|essence lampe|torche|bougie|diffuseur|citronnelle',
      maxGap: 3,
    },
    { pattern: 'any: @ingerer bouteille|flacon|verre|gobelet|bidon|canette @toxiques', maxGap: 4 },
    {
      pattern: '@petit trouve|ouvert|attrape|fouille @medicaments|pilulier|armoire|pharmacie|semainier',
      maxGap: 3,
    },
    {
      pattern: 'any: melange*|mixe* @medicaments bouteille|rose|rouge|blanc|champagne|pastis|biere*|alcool',
      maxGap: 4,
    },
    {
      pattern: 'any: @medicaments vide|vides|videe|videes inconscient*|endormi*|terre|reveill*|reagit|repond',
      maxGap: 4,
    },
    { pattern: 'fait|refait|fais|injecte* @medicaments|insuline <n:2-3> fois|deux|double', maxGap: 2 },
  ],
  severe_burn: [
    { pattern: 'grosse|gros|grande|large|enorme|vilaine|importante brulure*', maxGap: 0 },
    {
      pattern: 'brulure*|brule*|brulee* tout|toute|entier|entiere bras|jambe|dos|ventre|torse|cuisse|pied',
      maxGap: 2,
    },
    {
      pattern: 'brulure*|brule*|brulee* grave*|profond*|etendu*|electri*|chimique*|acide|troisieme|deuxieme',
      maxGap: 1,
    },
    { pattern: 'brulure*|brule*|brulee* <n:2-3>', maxGap: 1 },
    { pattern: 'brulure*|brule*|brulee* visage|figure|yeux|oeil|sexe|partout|incendie|feu', maxGap: 1 },
    // Rounds 23–24 (classe des sondes): la main brûlée se lit avec ses cloques (NHS: les brûlures des mains qui
    // cloquent vont aux urgences): « pas de cloque », une rougeur grande comme une pièce la mettent de côté.
    { pattern: 'brulure*|brule*|brulee* main|mains', maxGap: 1, dismissible: true },
    'ebouillant*',
    {
      pattern: 'any: renvers*|tombe*|verse*|recu*|brul* eau|huile|liquide|soupe|the|cafe bouillant*|brulant*',
      maxGap: 3,
    },
    'cartonn*',
    'carbonis*',
    { pattern: 'any: brul* peau blanche|partie|arrachee|decollee', maxGap: 4 },
    'electrocut*',
    // Une brûlure qui ne fait pas mal a détruit les nerfs: elle est profonde.
    { pattern: 'any: brul* fait|sens|sent pas|plus|aucun mal|douleur', maxGap: 4, negatable: false },
    'electrise*',
    { pattern: 'pris|prend|prenait feu|flamme*', maxGap: 0 },
    { pattern: 'vetements|habits|cheveux feu|flammes|brule*|brulent|enflamme*', maxGap: 2 },
    {
      pattern: 'bras|jambe|dos|ventre|torse|cuisse|visage est|sont brule|brulee|brules|brulees',
      maxGap: 1,
    },
    { pattern: 'main|mains est|sont brule|brulee|brules|brulees', maxGap: 1, dismissible: true },
    {
      pattern:
        'any: renvers*|tombe*|verse*|recu* eau|huile|liquide|soupe|the|cafe|casserole|friteuse chaud|chaude|bouillante',
      maxGap: 3,
    },
    {
      pattern: 'cloque*|phlyctene* tout|partout|torse|ventre|dos|bras|jambe|visage|enorme*|grosse*|grande*',
      maxGap: 3,
    },
    {
      pattern:
        'any: cloque*|cloquent|phlyctene* tout|toute|partout|plein|pleine|torse|ventre|dos|bras|jambe|visage|enorme*|grosse*|grande*',
      maxGap: 3,
    },
    { pattern: 'any: electrique*|courant|tension touche*|pris|recu|electris*', maxGap: 3 },
    { pattern: 'main|peau|doigt|doigts|bras noire|noirci*|carbonis*', maxGap: 1 },
    // Round 6: des cloques sur un tout-petit, quelle que soit la surface (NHS: burns in babies go to A&E).
    { pattern: 'any: bebe|bebes|bb|nourrisson* cloque*|cloquent|phlyctene*', maxGap: 4 },
    // Round 14: les fesses, le sexe, les parties intimes ébouillantés ou cloqués (NHS: genitals go to A&E).
    {
      pattern: 'any: fesses|sexe|intimes|intime|genitaux|entrejambe|parties cloque*|brule*|brulure*',
      maxGap: 4,
    },
    // Round 9: un produit caustique renversé sur la peau, et la peau qui blanchit ou cartonne d'une brûlure.
    {
      pattern:
        'any: renvers*|verse*|projete*|eclabouss*|recu|gicl*|coule* deboucheur|soude|acide|javel|destop|chlore|ammoniaque|caustique* peau|bras|jambe|main|visage|yeux|oeil|pied|cuisse',
      maxGap: 4,
    },
    { pattern: 'peau devient|devenue|devenait|vire blanche|blanc|cartonn*|cireuse|noire|grise', maxGap: 1 },
    // Round 10: la bouilloire ou l'eau bouillante renversée sur le torse ou le bras; un produit reçu au
    // visage ou dans l'œil.
    {
      pattern:
        'bouilloire|bouillant*|friteuse torse|bras|ventre|dos|jambe|jambes|visage|cou|petit|bebe|bb|enfant',
      maxGap: 4,
    },
    {
      pattern: 'any: recu|projete*|eclabouss*|gicle*|renverse* @toxiques|four oeil|yeux|visage',
      maxGap: 4,
    },
  ],
  severe_abdominal_pain: [
    'any: @douleur @ventre @intense',
    'ventre dur|bois|rigide',
    'plie* deux',
    'appendicite',
    'peritonite',
    'occlusion',
    { pattern: 'me|se tord|tords|tordre|tordait douleur|mal', maxGap: 2 },
    { pattern: 'any: mal|douleur* testicule*|bourse*|couilles', maxGap: 2 },
    { pattern: 'any: droite|fosse @ventre|iliaque augmente*|empire*|pire|fievre', maxGap: 4 },
    // Round 9: la douleur partie du nombril puis descendue en bas à droite (l'appendice, raconté en deux temps).
    { pattern: 'nombril|ombilic bas|fosse droite|droit', maxGap: 4 },
    // Round 10: la douleur en bas à droite; la douleur qui tord ou qui déchire
    // le ventre et part dans le dos (anévrisme); sous les côtes à droite (vésicule, angiocholite); le
    // vomissement vert et le ventre ballonné sans selles (occlusion).
    { pattern: '@douleur|mal bas droite', maxGap: 2 },
    // Round 19 (classe de la sonde): le ventre, puis « à droite en bas » dans l'ordre parlé, l'heure entre les deux.
    { pattern: '@ventre droite|droit bas', maxGap: 3 },
    { pattern: 'any: tord|tordre|tordait|dechir*|arrach* @ventre|dos', maxGap: 3 },
    { pattern: 'any: @douleur sous cotes droite', maxGap: 3 },
    { pattern: 'vomi*|vomit|vomis|rend|rends vert|verte|bile|bilieux', maxGap: 1 },
    { pattern: 'any: ventre|abdomen ballonne*|gonfle*|gonfl* selle*|gaz|garde rien', maxGap: 4 },
    // Round 14: du sang dans la couche d'un bébé qui pleure par crises (invagination).
    { pattern: 'any: sang|gelee couche|couches', maxGap: 3 },
    // Round 14: une douleur du ventre qui transperce ou file jusque dans le dos (pancréatite, anévrisme), et
    // un vomissement qui sent ou ressemble aux selles (occlusion: NHS 999).
    {
      pattern:
        'any: @ventre|nombril|epigastr*|creux transperc*|traverse*|irradi*|file|filent|part|remonte|passe dos',
      maxGap: 4,
    },
    {
      pattern:
        'vomi*|vomit|vomis|vomissement*|rend|rejette sent|sentent|odeur|ressemble*|comme selle*|caca|excrement*|matiere*|merde|egout',
      maxGap: 4,
    },
  ],
};
