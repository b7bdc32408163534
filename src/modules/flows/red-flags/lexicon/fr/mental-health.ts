import type { LexiconInput } from '../../lexicon.schema.ts';

/** French wording of suicidal thoughts and self-harm, as the 3114 line hears them. */
export const frenchMentalHealth: LexiconInput['categories'] = {
  suicidal_thoughts: [
    // Round 13: la dose qui tue demandée (« combien de comprimés pour ne pas se réveiller »), ce soir annoncé.
    {
      pattern:
        'any: combien @medicaments|comprimes|cachets mourir|tuer|reveiller|mortel*|mortelle|fatal*|fin',
      maxGap: 4,
    },
    { pattern: 'pour|pr|jamais ne pas|plus me|se reveiller', maxGap: 2 },
    { pattern: 'pour|pr ne jamais|plus|pas me|se reveiller', maxGap: 1 },
    { pattern: 'serai|sera plus la|vivant|vivante apres|passe soir|minuit', maxGap: 3 },
    { pattern: 'plus vivant|vivante demain', maxGap: 1 },
    // Round 10b: en haut d'un parking, d'un pont, d'une falaise, et l'idée de sauter ou d'y foncer en voiture.
    {
      pattern:
        'haut|sommet|bord|toit|pont|falaise|parking|balcon|fenetre|terrasse|viaduc|rebord|parapet pense*|envie|veux|vais|tente*|tentation sauter|jeter|foncer|lancer|precipiter|balancer',
      maxGap: 3,
    },
    {
      pattern:
        'pense*|envie|veux|vais|tente* foncer|lancer|precipiter|jeter|sauter|balancer vide|falaise|parapet|pont|ravin',
      maxGap: 3,
    },
    // Round 11: le nom se nie comme l'adjectif (« je ne pense pas au suicide hein »), un « mais » juste après
    // reste un aveu; les verbes ne se nient pas.
    { pattern: 'suicide|suicides', negatable: true },
    'suicider|suicidee|suicidera|suiciderai|suicidais|suicidait',
    // Round 11: les mots d'une lettre d'adieu: « quand tu liras ce message je serai parti ».
    {
      pattern: 'any: liras|lirez|lis|lisez|lira message|mot|lettre parti|partie|partis|morte|mort|loin',
      maxGap: 4,
    },
    { pattern: 'suicidaire*', negatable: true },
    { pattern: 'idee*|pensee* suicid*', negatable: true },
    // Round 10b: des idées noires dites au passé, long passé (« il y a quelques années »), sont une humeur
    // passée, non des mots de suicide: la règle du passé s'y applique (« … et ça recommence » reste signalé).
    { pattern: 'idee*|pensee* noire*', negatable: true, pastApplies: true },
    {
      pattern: 'idee*|pensee* noire* recommence*|reviennent|revenu*|retour|encore|nouveau|reprennent',
      maxGap: 4,
    },
    {
      pattern:
        'envie|veux|veut|voulait|voulais|voudrais|voudrait|aimerais|aimerait|souhaite|prefere*|pense* ' +
        'mourir|crever|disparaitre',
      negatable: true,
    },
    { pattern: 'me tuer', maxGap: 0 },
    { pattern: 'en finir', maxGap: 0 },
    { pattern: 'mettre|mis|met fin|terme jours|vie|tout|existence', maxGap: 2 },
    'pas|plus envie vivre',
    'marre vie|vivre',
    'vie plus sens',
    'mieux sans moi',
    'envie|veux|pense* me faire mal',
    '=scarifi*',
    'automutil*',
    'ouvert|ouvrir|ouvre|taillade* veines|poignets',
    'envie|veux|vais sauter|jeter fenetre|pont|train|balcon|vide',
    '@vouloir|prefere* plus|pas|jamais reveiller|vivre|exister|etre|la',
    'plus|aucune|aucun|pas|sans|perdu raison|gout|envie|sens vivre|vie|exister',
    'peux|supporte|supporter plus vivre|vie|exister|existence',
    // Round 5: « il ne veut plus manger ni vivre »: le « ne » ne nie rien, il dit le renoncement.
    { pattern: '@vouloir plus manger|boire|rien ni vivre', maxGap: 1, negatable: false },
    'mieux|heureux|heureuse*|tranquille* sans moi',
    'si etais|serais|etait plus la|vivant*|vie',
    { pattern: 'simple|mieux|envie|voudrais|veux disparaitre|mourir|partir|crever', maxGap: 2 },
    'foutre|fous|fout en air|lair',
    { pattern: 'se|te tuer|suicider', maxGap: 0 },
    'lettre*|mot|message* adieu',
    'veux|voudrais|envie que|tout ca|tout arrete|finisse|termine',
    'envie|veux|voudrais tout arreter|lacher',
    'vie|vivre sert|vaut rien|plus|pas',
    'stocke*|accumule*|garde* @medicaments',
    {
      pattern:
        'me|se coupe|coupee|couper|coupais|taillade*|entaille*|lacere*|brule|brulee bras|poignets|cuisses|veines',
      maxGap: 2,
    },
    'poids pour tout|tous|autres|famille',
    // Dormir pour toujours, personne pour le regretter, les médicaments préparés pour ce soir.
    { pattern: 'dormir|endormir|dors|endors pour toujours|jamais|eternellement', maxGap: 1 },
    { pattern: 'personne ne|me regrett*|pleurer*|pleurera|manquer*|remarquer*', maxGap: 2 },
    { pattern: 'manquerai|manquerais|manquera personne', maxGap: 1 },
    { pattern: 'prepar*|sorti*|rassembl*|pret*|cote @medicaments ce|cette soir|nuit', maxGap: 3 },
    { pattern: 'any: ecrit|ecrire|laisse lettre*|mot adieu|aurevoir', maxGap: 4 },
    // Les moyens: se pendre, sauter, se jeter sous un train, une balle, un couteau, tous les cachets.
    {
      pattern: 'me|se|te pendre|pendrai|pendrais|pende|buter|flinguer|supprimer|immoler|defenestrer|noyer',
      maxGap: 1,
    },
    { pattern: 'any: pendaison|corde cou|prepare*|achete*|accroche*|pendre', maxGap: 2 },
    { pattern: 'tirer|mettre|coller balle', maxGap: 2 },
    {
      pattern:
        'sauter|saute|sauterai|sauterais|jeter|jete|jeterai|balancer|lancer|lance fenetre|pont|train|balcon|vide|metro|immeuble|toit|falaise|rer|tram|voiture|camion|haut|etage|rails|terrasse|parking|rebord|viaduc',
      maxGap: 3,
    },
    {
      pattern:
        'vais|veux|pense*|envie|voudrais|compte|va avaler|prendre|gober tous|toute|boite|plaquette|tout @medicaments',
      maxGap: 3,
    },
    { pattern: 'any: planter|enfoncer|egorger|trancher|ouvrir couteau|lame|gorge|veines', maxGap: 2 },
    {
      pattern: 'vais|va|allait|allais|veux|veut|voulait|envie|pense*|menace|pour me|se|te faire mal|souffrir',
      maxGap: 2,
    },
    { pattern: 'sert|vaut rien vie|vivre|vive|exister|existe', maxGap: 3 },
    { pattern: 'plus envie etre|exister|vivre|continuer|vive|reveiller', maxGap: 1 },
    { pattern: 'faire|fasse|fait|commettre connerie|conneries|irreparable', maxGap: 2 },
    'me|se laisser mourir',
    { pattern: 'partir|disparaitre pour toujours|bon|definitivement', maxGap: 2 },
    'fatigue*|epuise*|marre vivre|vie|exister',
    {
      pattern:
        'me|se|te mettre|coucher|allonger|lancer|jeter|balancer|foutre train|camion|voiture|metro|bus|rails|tram|rer',
      maxGap: 2,
    },
    { pattern: '@medicaments devant|prets|pretes|alignes|prepares moi|ce|cette|soir|nuit', maxGap: 2 },
    { pattern: 'vais|va tout arreter|lacher|plaquer', maxGap: 0 },
    { pattern: 'reveillais|reveillerais|reveillait plus|pas|jamais', maxGap: 1 },
    { pattern: 'any: arme|fusil|pistolet|flingue|carabine servir|contre|tirer|tete', maxGap: 4 },
    { pattern: 'serai|serais|sera|seras plus la|probleme|fardeau|charge|poids|boulet', maxGap: 2 },
    { pattern: 'plus|pas force|courage|envie vivre|exister|lutter|battre', maxGap: 2 },
    { pattern: 'laisser|laisse tomber|glisser fenetre|pont|balcon|toit|etage|haut|vide|immeuble', maxGap: 3 },
    { pattern: 'adieu|adieux tout|monde|famille|proches|enfants|parents', maxGap: 2 },
    {
      pattern:
        'vais|veux|envie|voudrais|pense* avaler|prendre|gober toute|tout|tous boite|plaquette|flacon|tube',
      maxGap: 3,
    },
    {
      pattern: 'any: mourir|mort|partir|disparaitre soulagerait|soulagement|delivrance|liberation',
      maxGap: 4,
    },
    { pattern: 'any: corde garage|grenier|poutre|cave|arbre|noeud', maxGap: 3 },
    { pattern: 'sauter|exploser|eclater cervelle|caisson', maxGap: 1 },
    { pattern: 'si disparaissais|mourais|partais|existais|crevais', maxGap: 1 },
    { pattern: 'comment|moyen*|facon*|methode* mourir|crever|suicider', maxGap: 2 },
    // La vie sans but ni sens, dite dans n'importe quel ordre: « la vie n'a plus aucun sens ».
    {
      pattern: 'any: vie|vivre|existence|exister sens|interet|gout|but|raison plus|aucun|aucune|perdu|sans',
      maxGap: 3,
      negatable: false,
    },
    {
      pattern: 'vie|vivre|existence aucun|aucune|plus|pas sens|interet|but|gout|valeur',
      maxGap: 2,
      negatable: false,
    },
    {
      pattern: 'vie|vivre|existence plus|pas aucun|aucune sens|interet|but|gout|valeur',
      maxGap: 2,
      negatable: false,
    },
    { pattern: 'quoi bon vivre|continuer|exister|vie|rester|lutter', maxGap: 1 },
    // Round 14: « si je pars » seul est un départ (« si je pars encore tôt »); il faut la suite qui le dit.
    { pattern: 'si disparais|meurs|creve|suicide|tue', maxGap: 1 },
    { pattern: 'si pars personne|mieux|soulag*|tranquille*|regrett*|manquer*|remarquer*', maxGap: 4 },
    { pattern: 'personne apercevr*|remarquer*|verra|rendra|soucier*', maxGap: 3 },
    { pattern: 'tout prepare*|organise*|regle* pour partir|mourir|finir', maxGap: 2 },
    { pattern: 'pendu|pendue', maxGap: 0 },
    'fardeau',
    { pattern: 'me|se|te donner|donne|donnerai|donnerais mort', maxGap: 2 },
    // Round 16: « finir avec sa vie » (en finir avec la vie, dit sans le « en »); pas « finir sa vie en Bretagne ».
    { pattern: 'finir|terminer|finirai|finira|finit|fini avec vie|existence|jours', maxGap: 0 },
    {
      pattern: 'gout|besoin|hate|tente|tentee|tentation mourir|crever|disparaitre|finir|tuer|suicider',
      maxGap: 2,
    },
    {
      pattern:
        'fais|fait|faisais|faisait coupures|entailles|scarifications|marques bras|poignet*|cuisse*|veines|ventre',
      maxGap: 3,
    },
    { pattern: 'oter|ote|otee|otais|enlever|retirer vie|jours', maxGap: 2 },
    {
      pattern: 'sert|sers|servirait|vaut rien|plus reste|rester|terre|monde|ici|continuer|moi',
      maxGap: 3,
    },
    // Round 11: « jamais pensé au suicide » is denied like « pas d'idées suicidaires »; a « mais » after it hedges.
    { pattern: 'pense*|songe*|obsede*|obsession|reve* mort|mourir|suicide', maxGap: 1, negatable: true },
    { pattern: '@medicaments|corde|arme|fusil|pistolet|lame|couteau pour le|la faire|passer', maxGap: 1 },
    { pattern: 'vois|voit plus vivre|continuer|avenir', maxGap: 1, negatable: false },
    { pattern: 'quitter|partir ce monde|terre|vie', maxGap: 1 },
    { pattern: 'vois|voit plus|pas|aucune issue|sortie|bout tunnel', maxGap: 2, negatable: false },
    { pattern: 'vais|va|veux|peur|envie|pourrais faire|commettre betise*|connerie*|irreparable', maxGap: 2 },
    { pattern: 'fait|refait|faire ts|tentative', maxGap: 1 },
    { pattern: 'rejoindre ciel|paradis|defunt*|mari|femme|maman|papa|haut|etoiles', maxGap: 2 },
    // Round 9: le mot des soignants: « IDS » (idées suicidaires) avec un scénario, un plan, des moyens.
    {
      pattern:
        'any: =ids scenario*|plan|planifi*|moyen*|passage|acte|envahiss*|actives|majeures|recurrent*|exprime*|verbalise*',
      maxGap: 3,
    },
    // Round 9: une lettre ou un mot laissés pour les enfants, la famille, « tout le monde ».
    {
      pattern:
        'je|ai ecrit|ecrire|ecrite|laisse|laisser|laissee lettre*|mot pour|a enfants|famille|proches|tous|monde',
      maxGap: 2,
    },
    // Round 9: ne plus vouloir rester ou être en ce monde, sur terre.
    { pattern: '@vouloir plus|pas rester|etre|vivre ce|cette monde|terre', maxGap: 0, negatable: false },
    // Round 9: la voiture lancée contre un arbre, un pilier, un camion (pas « foncer dans le mur », l'image).
    {
      pattern:
        'vais|va|veux|voudrais|envie|pense* foncer|lancer|jeter|precipiter|encastrer|planter arbre|platane|pilier|poteau|camion|ravin|falaise|pont|mur|muret|glissiere|parapet|rail',
      maxGap: 4,
    },
    // Round 14: enfermé avec le moyen (« enfermée dans la salle de bain avec une lame »); s'endormir pour ne
    // pas se réveiller; compter ses comprimés en se demandant si ça suffira; se laisser partir.
    {
      pattern:
        'any: enferme*|cloitre*|barricade* lame|rasoir|couteau|corde|cachets|@medicaments|fusil|arme|cutter',
      maxGap: 4,
    },
    { pattern: 'endormir|dormir|endors ne pas|plus|jamais me|se reveiller', maxGap: 3 },
    { pattern: 'endormir|dormir|endors pas|plus|jamais me|se reveiller', maxGap: 3 },
    {
      pattern:
        'any: compte|comptais|recompte|aligne* @medicaments|comprimes suffira|suffirait|suffiront|suffiraient',
      maxGap: 4,
    },
    { pattern: 'me|se|te laisser partir|glisser|couler|eteindre', maxGap: 1 },
    // Round 14: le charbon de barbecue dans une chambre (l'intoxication au monoxyde voulue); l'envie de se
    // couper (pas les cheveux: exclusions).
    { pattern: 'any: charbon|barbecue|brasero chambre|salle|calfeutr*|scotch*|ferme', maxGap: 4 },
    { pattern: 'envie|veux|besoin|vais|voudrais me|se couper|taillader|mutiler|scarifier', maxGap: 1 },
    // Round 14: s'endormir et que tout soit terminé; la dose mortelle cherchée; se faire du mal avec une lame.
    { pattern: 'endormir|dormir|endors et que tout soit termine|terminee|fini|finisse', maxGap: 0 },
    {
      pattern: 'dose|doses|quantite mortelle|mortelles|letale|letales|fatale|fatales @medicaments',
      maxGap: 2,
    },
    {
      pattern:
        'any: cherche*|combien|quelle|calcul*|internet|google dose|doses|quantite mortelle*|letale*|fatale*',
      maxGap: 4,
    },
    // « se faire du mal » (pas « je me suis fait mal », l'accident) avec une lame.
    {
      pattern: 'me|se fais|fait|faisais|faisait du mal rasoir|lame|lames|couteau|cutter|compas|ciseaux',
      maxGap: 3,
    },
    // Round 14: ce qu'il faut pour mourir; un mot d'amour et d'excuses laissé (le mot d'adieu sans le mot).
    { pattern: 'faut|necessaire|assez|suffisamment|quoi pour mourir|crever|partir|tuer', maxGap: 2 },
    { pattern: 'any: mot|lettre|message|texto|sms|lettres aime|aimons|aimais desole*|pardon', maxGap: 4 },
    // Round 14: l'intention dite avec tout verbe d'avaler et toute quantité (« je pense à prendre toutes
    // les pilules de ma grand-mère »).
    { pattern: 'vais|veux|pense*|envie|voudrais|compte|va @ingerer @quantite @medicaments', maxGap: 3 },
    // Round 14: que tout s'arrête pour de bon; ne plus être un problème pour personne; des cachets mis de
    // côté; le poignet ouvert.
    {
      pattern: 'tout|vie arrete|arreter|finisse|finir|termine|stoppe definitivement|toujours|bon',
      maxGap: 2,
    },
    {
      pattern: 'plus etre probleme|fardeau|charge|poids|boulet pour|a personne|@proche|monde|tous|famille',
      maxGap: 2,
    },
    { pattern: 'mis|mets|met|mettre|mettais cote @quantite|@medicaments', maxGap: 2 },
    { pattern: 'ouvert|ouvrir|ouvre|taillade* veine|poignet', maxGap: 2 },
    { pattern: 'si demain|bientot|jamais suis|serai|etais|est plus la', maxGap: 2 },
    // Round 14: boire, avaler un produit, un poison, annoncé (« elle va boire le produit pour les rats »).
    {
      pattern: 'vais|va|veux|veut|menace|compte|envie boire|avaler|prendre|manger @toxiques|poison|mort',
      maxGap: 3,
    },
    // Round 14: la voiture et l'obstacle visé, avec l'intention (« je prends la voiture et je vais dans un mur »).
    {
      pattern:
        'any: voiture|volant|bagnole|caisse|camion|moto vais|irai|veux|voudrais|envie|compte mur|arbre|platane|pilier|poteau|pile|ravin|falaise|glissiere|parapet',
      maxGap: 4,
    },
    // Round 9: se couper, et dire la profondeur ou l'intention (pas le doigt en cuisinant).
    {
      pattern: 'me|se coupe|coupee|couper|coupais|taillade*|scarifie* profond*|expres|volontairement',
      maxGap: 2,
    },
    // Round 10: le lieu choisi pour « le faire »; les affaires données; la corde qu'on a; les
    // adieux postés; plus de raison de continuer; les voix qui ordonnent de se faire du mal; la voiture au
    // garage moteur allumé; sur le pont ou le rebord.
    { pattern: 'sais ou le|la faire', maxGap: 2 },
    { pattern: 'donne|donnee|donner|distribue* toutes|tous|mes affaires|biens|objets|fringues', maxGap: 2 },
    { pattern: 'ai|avons|achete|achetee|prepare* la|une corde', maxGap: 1 },
    {
      pattern:
        'dit|fait|poste*|publie* adieu|adieux|aurevoir sur|a insta|instagram|facebook|fb|snap|snapchat|tiktok|twitter|reseaux|whatsapp|tous',
      maxGap: 2,
    },
    {
      pattern: 'plus|aucune|pas|sans raison|envie|force|courage continuer|tenir|avancer',
      maxGap: 2,
      negatable: false,
    },
    {
      pattern:
        'voix disent|dit|ordonnent|ordonne|demandent|poussent|commandent faire mal|tuer|sauter|mourir|suicider|couper|jeter|pendre|finir',
      maxGap: 4,
    },
    { pattern: 'any: voiture|moteur garage allume|allumee|tourne|tournant|marche', maxGap: 4 },
    { pattern: 'suis|est|sommes sur pont|rebord|parapet|corniche|voies|rails', maxGap: 1 },
  ],
};
