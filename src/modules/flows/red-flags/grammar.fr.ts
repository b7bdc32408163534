import type { LexiconInput } from './lexicon.schema.ts';

/**
 * How French says « no », which small words a phrase may skip, and which real words are never typos: the
 * grammar the French red-flag wording is read with (`lexicon.schema.ts` says what each list does).
 */
export const frenchGrammar: LexiconInput['words'] = {
  negators: 'pas aucun aucune aucuns aucunes jamais sans ni nul nulle absence',
  negatorsAfterNe: 'plus guere',
  bridges:
    'de du des la le les un une eu ai a as avons avez ont avait avais ressens ressent ressenti sens ' +
    'sent senti suis est es etait etais ete fait fais faisait vraiment encore actuellement tout ' +
    'absolument signe signes trace me se il elle au aux pense ' +
    // Round 16 (classes de la sonde): « pas d'argument pour », « pas d'élément en faveur de » d'un compte rendu.
    'argument arguments element elements pour faveur',
  negationCancellers: 'aussi autant si tellement tant seulement uniquement que juste',
  fillers:
    'le la les l de du des d un une au aux a en dans sur sous vers par pour avec ma mon mes ta ton ' +
    'tes sa son ses notre votre leur leurs ce cette ces ca cela et tres trop vraiment super hyper ' +
    'plus moins bien assez peu tout toute tous toutes je il elle on me te se lui y qui que est suis ' +
    'ai depuis ne fort forte grosse gros',
  clauseBreakers: 'mais sauf cependant pourtant toutefois hormis sinon',
  coordinators: 'ou',
  // Rounds 23–24: « si la douleur empire »: un signe qui s'aggrave est là.
  pastStoppers:
    'et maintenant depuis puis encore nouveau recommence aujourd hui ce soir matin actuellement pire empire aggrave',
  // Round 16 (classes de la sonde): « l'AVC de mon père, c'était il y a deux ans ».
  pastResumers: 'ce ca cela',
  protectedWords:
    'alleg* signe* sain saine saint* soign* soin soins baign* bain couleur* douceur etouffant* chaleur ' +
    'respect* suicidaire* conscient* inconsciemment consciemment epanou* sacrifi* surdou* poisson* ' +
    'prison* delib* delivr* conces* conclu* confess* etoff* bigarr* occasion* succed* suscit* suiv* ' +
    'entente* eteint* etreint* ereint* enfreint* grosses grossi* pren* bruyant* fier fiere* fiers ' +
    'fierement hiver* urinaire* scepti* septieme* prevision* descente* decente* desir* delic* press* ' +
    'peign* enchant* construct* contradict* contracep* monocyt* masque* marque* clini* ' +
    // Round 14: « maladie » n'est pas « malkadie » (l'épilepsie aux Antilles).
    'maladie*',
  numbers:
    'un=1 une=1 deux=2 trois=3 quatre=4 cinq=5 six=6 sept=7 huit=8 neuf=9 dix=10 onze=11 douze=12 ' +
    'treize=13 quatorze=14 quinze=15 seize=16 vingt=20 vingts=20 trente=30 quarante=40 cinquante=50 ' +
    'soixante=60 septante=70 huitante=80 octante=80 nonante=90 cent=100 cents=100',
};
