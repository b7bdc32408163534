import type { LexiconInput } from '../../lexicon.schema.ts';

/** French wording of stroke, seizure, meningitis and head injury: the brain and the nerves. */
export const frenchNeuro: LexiconInput['categories'] = {
  stroke_signs: [
    'avc',
    'accident ischemique|vasculaire',
    'attaque cerebrale',
    'hemiplegi*',
    'paralys*',
    'visage|face|bouche|levre|sourire|joue|figure|paupiere|coin|commissure tombe*|pend*|penche*|affaiss*|travers|tordu*|deform*|fige*|engourdi*|asymetri*|croche|crochu*|descend*|biais|guingois|devie*|glisse*',
    'any: faible*|faiblesse|engourdi*|paralys*|insensible* cote|moitie|hemicorps',
    'any: moitie visage|bouche tombe*|pend*|paralys*',
    'any: bras|jambe faible*|faiblesse|lourd*|paralys* soudain*|brutal*|droit*|gauche*',
    'any: bras|jambe engourdi*|insensible* soudain*|brutal*|coup|cote', // un bras engourdi seul: un nerf, pas un AVC
    'peux|peut|arrive|arriv* plus bouger|lever bras|jambe',
    { pattern: 'bouge|bougent|remue plus bras|jambe|main|cote', maxGap: 2 },
    'any: trouble*|difficult*|bizarre*|confuse|pateus*|incomprehensib* parole|elocution|langage',
    { pattern: 'parle bizarrement|bizarre|plus|difficilement', maxGap: 1 },
    'arrive|peux|peut plus parler|articuler',
    'mal|difficult*|peine|dur parler|articuler|trouver',
    'articul* plus|pas|mal',
    'incomprehensibl*',
    'confond* mots',
    { pattern: 'sens|sent|sentons plus|pas|rien bras|jambe|main|visage|cote', maxGap: 3 },
    'mots sortent pas|plus',
    'cherche* mots',
    'bafouill*',
    'aphasi*',
    'dysarthri*',
    'voi*|voit plus|rien oeil|cote',
    'any: vision|vue double|trouble|floue|perte soudain*|brutal*',
    'perte vue|vision',
    'any: mal|douleur*|cephalee* @tete brutal*|soudain*|violent*|explos*|tonnerre',
    'migraine*|cephalee* brutal*|soudain*|explos*|tonnerre',
    // Round 14: un « coup de tonnerre » dans la tête, dit sans le mot douleur.
    { pattern: 'coup tonnerre', maxGap: 1 },
    'jamais eu aussi|autant|si|tellement mal @tete',
    'pire mal|douleur @tete',
    // Round 5: la céphalée en coup de tonnerre, « le pire de ma vie », « horrible d'un coup ».
    { pattern: 'any: @tete pire vie', maxGap: 4 },
    { pattern: '@tete @intense coup|brutal*|soudain*|subit*', maxGap: 3 },
    // Les mots qui ne viennent plus, la parole qui déraille d'un coup, « il parle chinois ».
    { pattern: 'trouve|trouver|trouvait|retrouve plus|pas mots|mot', maxGap: 1 },
    { pattern: 'mots|mot trouve|viennent|vient pas|plus', maxGap: 1 },
    { pattern: 'parle|parler|parlait chinois|charabia|javanais|yaourt', maxGap: 1 },
    'charabia',
    { pattern: 'any: importe|nimporte quoi coup|soudain*|brutal*|subit*', maxGap: 4 },
    { pattern: 'emmel*|melang*|emmele* mots|paroles|pinceaux', maxGap: 2 },
    {
      pattern:
        'any: parole|paroles|elocution|langue deraill*|bizarre*|embrouill*|pateus*|lourde coup|soudain*',
      maxGap: 3,
    },
    { pattern: 'parle|parler|parlait bizarre*|bizarrement|difficilement', maxGap: 1 },
    // Un membre qui lâche, un côté du visage qui ne bouge plus, la bave: la face et les membres de VITE.
    {
      pattern: 'any: jambe|bras|main|genou lache|lachee|lachent|lache coup|soudain*|brutal*|subit*',
      maxGap: 3,
    },
    {
      pattern: 'any: bras|jambe|main mort|morte|inerte|ballant* coup|soudain*|brutal*|gauche|droite|droit',
      maxGap: 3,
    },
    { pattern: 'visage|figure|bouche|joue bouge|bougent|remue plus|pas', maxGap: 3 },
    { pattern: 'any: bave* travers|cote|visage|paralys*|bouge|tombe', maxGap: 4 },
    { pattern: 'plus|pas|perdu force bras|jambe|main|cote', maxGap: 3 },
    { pattern: 'main|bras tient|serre plus|pas rien', maxGap: 2 },
    // Round 16 (classes de la sonde): « fait » seul n'en est pas (« j'ai fait le test du verre »): « fait tomber ».
    { pattern: 'lache|lachait|laisse|tomber verre|tasse|fourchette|objets|cuillere', maxGap: 2 },
    // Voir double, flou ou plus rien d'un œil, soudain.
    { pattern: 'vois|voit|voyait|voyais|vu double', maxGap: 0 },
    {
      pattern:
        'any: vois|voit|voyais|voyait|vue|vision trouble|floue|flou|noir|brouill*|voile*|baisse* coup|soudain*|brutal*|oeil',
      maxGap: 3,
    },
    { pattern: 'perdu|perd vue|vision', maxGap: 2 },
    { pattern: '@tete comme jamais', maxGap: 1 },
    'parole|paroles|elocution deraill*|embrouill*|bloque*|coince*|coupee',
    // Round 14: à tous les temps (« le côté gauche qui ne répondait plus »).
    { pattern: 'corps|bras|jambe|main|cote repond*|obei*|suit|suivait plus|pas', maxGap: 3 },
    // Round 14: un voile, un rideau noir sur un œil (amaurose).
    { pattern: 'any: voile|rideau|tache noir|noire|sombre oeil|yeux|vue', maxGap: 3 },
    { pattern: 'vu|voyais|voit|vois|voyait noir|trouble|flou|double oeil|coup', maxGap: 3 },
    {
      pattern: 'any: bras|jambe|main|pied molle|mou|inerte|ballant* gauche|droite|droit|coup|soudain*',
      maxGap: 3,
    },
    { pattern: 'any: parl*|parole|articul* saoul|soul|ivre|bourre|alcoolise*', maxGap: 3 },
    { pattern: 'any: mots|phrases|paroles existent|sens pas|rien|aucun|sans', maxGap: 2 },
    { pattern: 'melang*|inverse* mots|syllabes|lettres', maxGap: 1 },
    {
      pattern:
        'any: main|pied|visage|bouche|bras|jambe faible*|faiblesse|lourd*|engourdi* soudain*|brutal*|coup|subit*',
      maxGap: 3,
    },
    { pattern: 'any: bredouill*|bafouill* comprend|coup|soudain*|commence*', maxGap: 4 },
    { pattern: 'comprend|comprenait|capte plus|rien ce|qu|on|dis|dit|parle', maxGap: 3 },
    {
      pattern:
        'any: joue|doigts|levre|main|bras|jambe|visage engourdi*|endorm*|fourmi*|insensible* coup|soudain*|brutal*|subit*',
      maxGap: 3,
    },
    { pattern: 'any: jambe|pied traine* trebuch*|coup|soudain*|brutal*', maxGap: 4 },
    {
      pattern: 'any: bouche|visage|levre|sourire part|tire|glisse|devie*|coule*|tombe*|pend* cote|travers',
      maxGap: 3,
    },
    { pattern: 'perdu|perd|perte parole', maxGap: 1 },
    { pattern: 'exprime|exprimer|parle|articule plus correctement|normalement|clairement', maxGap: 2 },
    { pattern: 'jambe porte|tient plus', maxGap: 2 },
    { pattern: 'any: vois|voit|vision|champ moitie', maxGap: 3 },
    // Famille × famille: un membre ou un côté qui ne fait plus ce qu'il faisait (bouger, tenir, sentir).
    { pattern: 'any: @membre @fonction plus|pas|perdu|perd', maxGap: 3, negatable: false },
    {
      pattern:
        'any: cote|moitie|partie|hemicorps gauche|droite|droit engourdi*|paralys*|lourd*|insensible*|morte|mort|endormi*',
      maxGap: 3,
    },
    { pattern: 'any: mains|main|bras lache|lachent|lachait', maxGap: 2 },
    { pattern: 'marche|marchait|marcher travers|zigzag', maxGap: 2 },
    // Les mots perdus, quel que soit l'ordre: « n'arrive plus à trouver ses mots ».
    {
      pattern: 'any: plus|pas|mal|difficult*|peine trouver|trouve|sortir|sortent|viennent mots|mot',
      maxGap: 3,
      negatable: false,
    },
    {
      pattern:
        'any: dire|parler|parle|parole|mots|phrases|sort|sortent melang*|emmel*|embrouill*|deform*|inverse*|ralenti*|lentement|travers|fourch*|croche',
      maxGap: 3,
    },
    {
      pattern: '@pouvoir|moyen pas|plus bouger|lever|tenir|parler|marcher|articuler|sourire|dire',
      maxGap: 2,
      negatable: false,
    },
    {
      pattern: 'arrive|peux|peut|capable plus|pas dire|prononcer|exprimer|parler|sourire',
      maxGap: 2,
      negatable: false,
    },
    { pattern: 'any: begai*|begaye*|bredouill* coup|soudain*|brutal*|commence*|depuis', maxGap: 4 },
    // Round 9: « AVC » corrigé en « AVS » par le téléphone (seulement dans « faire un AVS »: l'AVS suisse est
    // la retraite), et un bras ou une main devenus tout mous.
    { pattern: 'fait|fais|faire|faisait|fasse|refait =avs', maxGap: 1 },
    { pattern: 'bras|main mou|molle|flasque|ballant|ballante|inerte', maxGap: 1 },
    // Round 10: le bras qui retombe quand on lève les deux (VITE), le sourire pas pareil des deux côtés, la
    // bouche qui ne fait pas les mots, la parole pâteuse, la marche « comme sur un bateau », le visage
    // bizarre d'un côté, l'eau qui coule du coin de la bouche.
    { pattern: 'bras|droit|gauche retombe|retombee|retombait|redescend|redescendu|redescendait', maxGap: 1 },
    {
      pattern: 'sourire|visage|bouche|levres pas|plus pareil*|symetrique*|droit|egal',
      maxGap: 2,
      negatable: false,
    },
    {
      pattern: 'bouche|langue|levres fait|font|forme|sort|sortent|arrive pas|plus mots|mot',
      maxGap: 2,
      negatable: false,
    },
    { pattern: 'parle|parlait|voix|parole pateu*|molle|trainante', maxGap: 1 },
    // Rounds 23–24 (une ligne que seul le classifieur trouvait): « les mots sont pâteux ».
    { pattern: 'mots|paroles|elocution sont|est|sortent pateu*|molle|molles|trainante*', maxGap: 1 },
    { pattern: 'marche|marchait|titube* comme bateau|bourre|ivre|saoul|soul', maxGap: 3 },
    { pattern: 'any: visage|bouche|figure|sourire bizarre|drole|etrange|chelou cote|moitie', maxGap: 3 },
    { pattern: 'eau|boisson|cafe|the|soupe coule|coulait|ressort coin|commissure bouche', maxGap: 3 },
    // Round 14: les mots des soignants: la commissure déviée, le déficit d'un membre.
    { pattern: 'deviation|asymetrie|devie* commissure|labiale|bouche|face|visage', maxGap: 2 },
    { pattern: 'deficit moteur|bras|jambe|membre|membres|hemicorps|sensitivomoteur', maxGap: 2 },
    // Round 14: ouvrir la bouche sans que rien ne sorte.
    { pattern: 'any: bouche|ouvre rien sort|sortait|vient|venait', maxGap: 3 },
    // Round 14: la bouche qui « va » de côté, un seul côté qui monte au sourire, des mots qui ne sont pas
    // ceux qu'on veut dire (VITE: visage, parole, par n'importe quel verbe).
    { pattern: 'bouche|levre|levres|sourire|visage va|part|penche|partie|parti cote|travers', maxGap: 2 },
    { pattern: 'any: seul|seulement cote bouche|sourire|levre monte|bouge|remue|sourit|marche', maxGap: 4 },
    // Round 23 (classe de la sonde): « ne sourit (plus) que d'un côté », le « ne » souvent omis.
    { pattern: 'sourit|souriait|sourire|bouge|bougent|monte|remue que cote', maxGap: 2 },
    { pattern: 'sourit|souriait|sourire|bouge|bougent|monte|remue plus que cote', maxGap: 2 },
    { pattern: 'any: sourit|sourire|souriant|grimace moitie|seul|seulement bouge|monte|remue', maxGap: 4 },
    { pattern: 'pas|autres|mauvais ceux|celui|mots que veux|voulais|voulait|veut dire', maxGap: 3 },
    { pattern: 'dis|dit|disait|sortent|sort mauvais|faux|autres mots', maxGap: 2 },
  ],
  seizure: [
    'convuls*',
    'any: crise* epilep* dure*|depuis|minute*|arrete|arret*|enchain*|premiere|cours|train|maintenant|finit|fini',
    'etat mal epilep*',
    // Round 24 (classe de la sonde): une crise et son médicament de secours (midazolam buccal), ou ce médicament
    // donné sans effet: la crise dure.
    { pattern: 'any: crise|crises|convuls* buccolam|midazolam|epistatus', maxGap: 4 },
    { pattern: 'buccolam|midazolam|epistatus rien|pas fait|marche|agi|effet|change', maxGap: 2 },
    'yeux|regard revuls*',
    // Round 16: « trembl* » prend le participe (« se raidir en tremblant »).
    'any: raidi*|trembl*|secou*|convuls* bave*|ecume',
    'any: crise raidi*|raide|rigide|tetanise*|secousse*|bave*',
    'secousses',
    { pattern: 'fait|fais|faisait|refait|refais une crise epilep*|convuls*', maxGap: 0 },
    // Round 16 (classes de la sonde): « il vient d'en refaire une », une nouvelle crise après une ancienne.
    { pattern: 'vient|viens|venait de en refaire|refait une', maxGap: 0 },
    { pattern: 'convuls*|epilep*|secousse* arrete|arretent|stoppe*|cesse*|finit pas|plus', maxGap: 3 },
    { pattern: 'yeux|regard partent|partaient|tournent|roulent|revulses arriere|haut|blanc|ciel', maxGap: 2 },
    { pattern: 'se raidit|raidi|raidie|crispe', maxGap: 0 },
    { pattern: 'any: tape|secoue|gigote|tremble*|bouge* bras jambes', maxGap: 3 },
    // Round 14: trembler le regard dans le vide; des spasmes ou des secousses qui durent des minutes.
    { pattern: 'any: trembl*|secou* regard*|yeux vide|fixe|ailleurs', maxGap: 3 },
    { pattern: 'trembl*|secou* en regardant|fixant vide', maxGap: 3 },
    { pattern: 'comme|genre|sorte une|de crise', maxGap: 1 },
    // Round 14: l'écume, la mousse à la bouche (pas la mousse au chocolat).
    { pattern: 'ecume* bouche|levres|levre', maxGap: 2 },
    { pattern: 'mousse|bave bouche|levres|levre', maxGap: 0 },
    {
      pattern:
        'secou*|spasme*|tressaut*|convuls*|saccade* depuis|pendant|dure <n:3-90> min|minute|minutes|mn',
      maxGap: 4,
    },
    // Round 14: le verbe à tous ses nombres (« bras et jambes qui tapent »).
    { pattern: 'any: tapent|tapaient|secouent|gigotent|tressautent bras|jambes|membres', maxGap: 3 },
    {
      pattern: 'any: regard|yeux fixe|fixes|vide|perdu|ailleurs tremble*|secou*|repond|reagit|bave*|raidi*',
      maxGap: 4,
    },
    { pattern: 'any: tremble*|secou*|spasme* repond|reagit pas|plus|rien', maxGap: 4 },
    { pattern: 'any: mord*|mordu langue crise|tremble*|secou*|spasme*|convuls*|bave*|raidi*', maxGap: 4 },
    // Round 6: une crise tout court (ni d'angoisse ni d'asthme) qui dure: cinq minutes font l'état de mal.
    { pattern: 'crise dure|durait <n:1-90> min|mn|minute|minutes', maxGap: 0 },
    // Round 6: l'épilepsie aux Antilles, « malkadi » (le mal caduc).
    'malkadi|malcadi|malkadie',
    'mal caduc',
    { pattern: 'any: crise trembl*|secou*|raidi*|bave*', maxGap: 4 },
    { pattern: 'any: mouvement*|secoue*|bouge saccad*|involontaire*|anormaux|incontrol*', maxGap: 2 },
    { pattern: 'any: raide|rigide|raidi* secou*|secousse*|trembl*|convuls*|bave*', maxGap: 4 },
    // Round 9: le mot des soignants (« crise tonico-clonique »), les membres qui tressautent, et les crises
    // qui s'enchaînent sans réveil entre elles (l'état de mal).
    'tonico*',
    'clonique*',
    { pattern: 'any: tressaut*|sursaut*|saccade* repond|reagit pas|plus|rien', maxGap: 4 },
    { pattern: 'any: tressaut* bras|jambes|membres|corps', maxGap: 3 },
    { pattern: 'crise|crises|convuls* sans|pas reveiller|reveil|reprendre|revenir', maxGap: 4 },
    // Round 10: secoué de partout par terre, la bave; une crise qui reprend sans réveil entre les deux;
    // bras et jambes qui battent dans tous les sens.
    { pattern: 'secoue|secouait|secouent|convuls* partout|terre|sol', maxGap: 2 },
    { pattern: 'any: bave|bavait|ecume terre|sol|secoue*|raide', maxGap: 4 },
    { pattern: 'sans|pas reveill*|reveil|repris|reprend|reprendre entre|deux', maxGap: 4, negatable: false },
    // Round 14: tout le corps qui saute ou sursaute, les yeux fixes; un trou, une plaie ouverte au crâne.
    { pattern: 'tout corps saute|sautait|sautent|sauter|sursaut*|tressaute*', maxGap: 3 },
    // Round 14: crise sur crise.
    { pattern: 'crise|crises sur|apres crise|crises', maxGap: 0 },
    {
      pattern: 'any: bras|jambes|membres battent|battaient|gigot*|agitent|tapent sens|partout',
      maxGap: 3,
    },
  ],
  meningitis_signs: [
    'meningit*',
    'purpura fulminans',
    'tache*|bouton*|plaque*|rougeur* efface*|disparai*|blanchi* pas|plus',
    // Round 16 (classes de la sonde): les taches qui restent visibles sous le verre; la fontanelle bombée ou
    // le dessus du crâne d'un bébé qui bombe (NICE NG143, comme en anglais). Le test du verre nommé seul n'est
    // plus un signe (les taches peuvent s'effacer): avec de la fièvre, il l'est (`glass_test`).
    { pattern: 'any: reste|restent|restait|restaient|visible*|voit|toujours verre', maxGap: 3 },
    { pattern: 'fontanelle bomb*|gonfl*|tendu*|saillant*|ressort|pousse', maxGap: 4 },
    { pattern: 'dessus|haut crane|tete bomb*|gonfl*', maxGap: 2 },
    // Round 9: les taches qui « partent pas » sous le verre, le verre appuyé dessus, et la nuque qui ne plie
    // plus ou raide avec des vomissements, même avant la fièvre (NICE NG240).
    'tache*|bouton*|plaque*|rougeur* partent|part|partaient|vont pas|plus',
    {
      pattern: 'any: appuie|appuye*|appuyant|presse|pressant|roule* verre tache*|bouton*|plaque*|dessus|peau',
      maxGap: 3,
    },
    { pattern: 'any: vomi*|vomit|vomis|vomissement* nuque|cou raide*|bloque*|dure', maxGap: 4 },
    {
      pattern:
        'vomi*|vomit|vomis|vomissement* @pouvoir|moyen pas|plus plier|baisser|pencher|bouger cou|nuque|tete',
      maxGap: 4,
    },
  ],
  severe_head_injury: [
    'traumatisme* cran*',
    'fracture* crane',
    'crane ouvert|fendu|enfonce',
    { pattern: 'trou|ouverture|enfoncement crane', maxGap: 2 },
    { pattern: 'fracass*|enfonce*|fendu @tete', maxGap: 2 },
    // Round 6: un nourrisson tombé de la table à langer (NICE NG232: chute de haut avant 1 an).
    { pattern: 'tombe*|tombee|chute* table langer', maxGap: 1 },
    // Round 14: du lit, du plan, de la commode à langer.
    { pattern: 'tombe*|tombee|chute*|roule* langer', maxGap: 3 },
    // Round 10: une pupille plus grande que l'autre après un choc (NICE NG232).
    { pattern: 'any: pupille|pupilles grande|grosse|differente*|inegale*|dilatee', maxGap: 3 },
  ],
};
