import type { LexiconInput } from '../../lexicon.schema.ts';

/** French wording that looks alarming and is not, and wording that puts a finding in the past. */
export const frenchExclusions: LexiconInput['exclusions'] = [
  // Round 23 (classe de la sonde): garder, continuer la même dose, le même traitement: un réglage de posologie,
  // pas des médicaments mis de côté.
  {
    pattern:
      'garde|garder|gardons|gardez|gardait|continue|continuer|continuons|reste|rester meme|memes dose|doses|posologie|dosage|traitement|comprime|comprimes',
    maxGap: 1,
  },
  // Round 22 (classes de la sonde): le numéro ou l'affiche du centre antipoison n'est pas une intoxication; « je
  // peux pas respirer sans toi » est une chanson.
  { pattern: 'numero|numeros|telephone|tel|coordonnees|affiche|adresse centre|du antipoison', maxGap: 1 },
  { pattern: 'peux|peut|arrive|pourrais respirer|vivre sans toi', maxGap: 1 },
  // Round 20 (classe de la sonde): « se noyer » dans le travail, les papiers, un verre d'eau: une image.
  {
    pattern:
      'noie|noye|noyee|noyer|noyais dans|sous travail|boulot|papiers|paperasse|verre|dettes|problemes|mails',
    maxGap: 2,
  },
  // Round 19 (classes de la sonde): plus de souffle à force de rire (« ptdr j'arrive plus à respirer tellement je
  // ris »); « plus d'idées noires du tout »: le « ne » omis, le « du tout » dit que c'est fini.
  {
    pattern: 'any: respirer|respire|souffle|etouffe* @rire|rire|ris|rit|rigole|rigoler|fou',
    maxGap: 3,
  },
  {
    pattern: 'plus|pas|aucune idee|idees|pensee|pensees noire|noires|suicidaire|suicidaires du tout',
    maxGap: 1,
  },
  // Round 18 (classe de la sonde): ronfler avec des pauses de la respiration la nuit, c'est l'apnée du sommeil
  // (une polygraphie à prévoir), pas des voies aériennes qui se ferment maintenant.
  {
    pattern:
      'any: ronfle|ronflent|ronflait|ronflement*|ronfleur|apnee*|ppc arrete*|arret|arrets|pause*|stoppe* respirer|respiration|souffle',
    maxGap: 4,
  },
  // Round 16 (classes de la sonde): des taches qui s'effacent, partent ou pâlissent quand on appuie ou sous le
  // verre, dites autrement (le verbe non nié: un écart ne franchit jamais une négation).
  {
    pattern:
      'tache*|bouton*|plaque*|rougeur*|points|eruption*|ca|elles|ils efface*|disparai*|part|partent|pali*|blanchi*|va|vont appuie|appuye*|appuyant|presse|pressant|pression|verre|doigt',
    maxGap: 3,
  },
  {
    pattern: 'appuie|appuye*|appuyant|presse|pressant|pression|verre efface*|disparai*|pali*|blanchi*',
    maxGap: 3,
  },
  // Round 16 (classes de la sonde): ce qu'un compte rendu élimine (« le scanner a éliminé une embolie », « AVC
  // écarté », « négative pour la méningite »); « pas d'argument pour », « absence de » passent par la grammaire.
  {
    pattern:
      'elimine|eliminee|elimines|eliminees|ecarte|ecartee|ecartes|ecartees|exclu|exclue|exclus|exclues|negatif|negative @diagnostic',
    maxGap: 3,
  },
  {
    pattern:
      '@diagnostic elimine|eliminee|elimines|eliminees|ecarte|ecartee|ecartes|ecartees|exclu|exclue|exclus|exclues',
    maxGap: 2,
  },
  // Round 16 (classes de la sonde): un peu, légèrement essoufflé dans l'escalier, une côte, à l'effort (des
  // semaines après une maladie): dit léger par le patient. Essoufflé dans l'escalier sans plus reste un signe
  // (un mollet enflé après un vol), et un écart ne franchit jamais une négation.
  {
    pattern:
      'peu|legerement|leger|petit|petite essouffl*|souffle escalier*|marches|cote|cotes|montee|etage*|effort|monte|montant|monter',
    maxGap: 3,
  },
  // Round 16 (classes de la sonde): un arrêt cardiaque ou un AVC en voyant la facture, suivi d'un rire.
  {
    pattern: 'cardiaque|infarctus|avc|attaque|crise en|quand|devant|si|apres|voyant|lisant|lire|voir @rire',
    maxGap: 4,
  },
  // Round 16 (classes de la sonde): des torchons trempés par une fuite d'eau, pas par du sang; un détecteur de
  // monoxyde qu'on installe ou qu'on achète.
  {
    pattern: 'any: fuite|fui|fuit|eau|lave|inond*|degat*|pluie trempe*|imbibe* torchon*|serviette*',
    maxGap: 4,
  },
  {
    pattern:
      'any: faut|besoin|installer|installe|acheter|achete|obligatoire|loi|conseille* detecteur*|alarme* monoxyde',
    maxGap: 3,
  },
  // Round 15 : un désir de mourir nié (« je ne veux pas mourir », « pas envie de mourir ») est une peur, pas une intention.
  { pattern: 'veu*|veut|voulai*|voulu|envie pas|jamais mourir', maxGap: 1 },
  { pattern: 'pas|aucune envie mourir', maxGap: 1 },
  // Round 13: un bambin qui « parle charabia » apprend à parler.
  { pattern: 'mois|bebe|bambin parle|parler|parlait charabia|yaourt', maxGap: 1 },
  // Round 13: des piles achetées, changées ou à plat ne sont pas une pile avalée.
  {
    pattern:
      'any: acheter|achete*|commander|changer|change|remplacer|vend*|plat|rechange pile|piles bouton*|plate*|montre',
    maxGap: 3,
  },
  // Round 13: une vitamine ou un complément pris deux fois par erreur n'est pas un surdosage.
  {
    pattern:
      'any: pris|prise|donne|redonne|repris vitamine*|multivitamine*|complement*|probiotique*|magnesium|omega deux|double|erreur|deja|encore',
    maxGap: 3,
  },
  // « Mal au cœur » est la nausée quand le message parle de voiture, de vomir, de grossesse ou de repas.
  {
    pattern:
      'any: =mal coeur voiture|bateau|avion|transport*|route|vomir|vomi*|nausee*|enceinte|grossesse|' +
      'mange*|repas|barbouill*|digestion|odeur*|estomac|gueule|matin',
    maxGap: 4,
  },
  'brulure*|brule* estomac',
  'prise*|analyse*|bilan*|don|dons|groupe*|prelevement* sang|sanguin*',
  { pattern: 'sang froid|neuf', maxGap: 0 },
  { pattern: 'coup sang', maxGap: 0 },
  'hemorragi* conjonctiv*|oeil|yeux',
  'paralysie* sommeil',
  'intoxication* alimentaire*',
  'fosse* septique*',
  'vaccin*|rappel* meningit*|meningocoque*',
  { pattern: 'respir* nez', maxGap: 1 },
  // Round 16: dans n'importe quel ordre (« on étouffe dans l'appart avec cette canicule »).
  {
    pattern: 'any: etouff* chaleur|chaud|canicule|cagnard|etuve|fournaise|clim|climatisation|ventilateur',
    maxGap: 4,
  },
  { pattern: 'petite|petit|legere|leger|minuscule brulure*|brule*', maxGap: 0 },
  'nez bouche*|bouchee*',
  // « plus que d'habitude » compares (more), it does not deny: « bouge plus que d'habitude ».
  // Round 14: suivi de ce qu'on compare, pour ne pas lire « je suis plus là, c'est que … » comme une comparaison.
  // Round 23 (classe de la sonde): pas « plus que d'un côté », qui restreint (« ne sourit plus que d'un côté »);
  // « un » s'y lit comme le nombre 1, d'où <n:2-1000>; « plus que d'habitude » reste une comparaison.
  {
    pattern:
      '=plus que|qu qu|habitude|avant|normal|normalement|hier|ca|cela|lui|elle|eux|moi|jamais|prevu|tout|les|des|le|la|ses|sa|son|mon|ma|mes|<n:2-1000>',
    maxGap: 0,
  },
  { pattern: 'any: gonfl*|enfl* amygdale*|ganglion*|glande*', maxGap: 1 },
  'bouche pateus*',
  { pattern: 'bouge pas mal', maxGap: 0 },
  { pattern: 'finir @benin', maxGap: 0 },
  'repond* telephone|appel*|message*|mail*|sms|portable',
  { pattern: '<n:0-130> an|ans', maxGap: 0 },
  // « Disparaître sous la couette », « se tuer à la tâche », la poitrine sensible des règles: des façons de parler.
  { pattern: 'disparaitre sous|dans couette|terre|draps|plaid', maxGap: 1 },
  { pattern: 'tuer tache|travail|boulot', maxGap: 1 },
  // Round 14: étranglé ou mort de rire; une crise de tétanie; les selles noires sous fer; une hémiplégie
  // ancienne datée; se réveiller la nuit ou à une heure (l'insomnie); ce qui suffira jusqu'au renouvellement.
  { pattern: 'etrangl*|etouff*|mort|morte|mourir|meurt|meurs|pisse* rire', maxGap: 2 },
  // Round 16: « mourir de honte, de faim, d'ennui »: l'idiome « mourir de » suivi d'un nom d'émotion ou de besoin.
  {
    pattern:
      'mourir|meurt|meurs|mort|morte|crever|creve|crevais de|d honte|faim|soif|froid|chaud|chaleur|ennui|impatience|curiosite|jalousie|trouille|peur|fatigue|sommeil|envie|rire|stress',
    maxGap: 0,
  },
  // Ne plus bouger du canapé de la journée; la parole bloquée par le trac; la vie en maison de retraite.
  { pattern: 'bouge|bougeait plus journee|soiree|matinee|canape|lit|chambre|jeux', maxGap: 1 },
  {
    pattern: 'any: parole|paroles|mots bloque*|coince* trac|stress*|timid*|emotion*|examen*|oral|oraux',
    maxGap: 4,
  },
  {
    pattern: 'vie|vivre en|a|au maison|ehpad|retraite|foyer|internat|ville|campagne|couple|bureau|coloc*',
    maxGap: 1,
  },
  { pattern: 'crise* tetanie|spasmophil*', maxGap: 1 },
  {
    pattern: 'any: fer|tardyferon|fumafer|ferograd|timoferol|charbon|reglisse|myrtille* selles|caca noir*',
    maxGap: 4,
  },
  { pattern: 'hemiplegi*|paralys*|aphasi* depuis avc|attaque|accident <n:1950-2030>', maxGap: 3 },
  { pattern: 'reveiller a|vers|avant|apres <n:0-24>', maxGap: 1 },
  { pattern: 'reveiller nuit|milieu|tot|souvent|heure|heures', maxGap: 2 },
  { pattern: 'suffira|suffirait|suffiront jusqu|pour|avant|mois|semaine*', maxGap: 2 },
  // Round 14: essoufflé à l'effort (les escaliers, la course); claquer des dents de froid ou de peur; un
  // poids sur le cœur de chagrin.
  { pattern: 'any: essouffl* monte|montant|courant|course|sport|footing|velo', maxGap: 4 },
  { pattern: 'respire|respirait bizarre*|bruyamment quand|lorsque|en dort|dormant|sommeil', maxGap: 2 },
  { pattern: 'claque* dents quand|car|parce|tellement|de froid|peur|trouille', maxGap: 3 },
  {
    pattern: 'any: poids coeur deces|mort|chagrin|triste*|dispute|separation|rupture|divorce|deuil',
    maxGap: 4,
  },
  // Round 14: parler comme ivre de fatigue, de toujours (un handicap); la gorge serrée par le stress.
  { pattern: 'any: parl*|articul* saoul|soul|ivre|bourre fatigue*|toujours|habitude|handicap', maxGap: 4 },
  { pattern: 'any: gorge stress*|stressee|angoiss*|anxi*|emotion*|trac', maxGap: 4 },
  // Round 14: toute la boîte dont on a besoin, qu'on achète, qui reste, qu'on prescrit.
  {
    pattern:
      'besoin|faut|reste|restait|acheter|achete|commander|ordonnance|renouveler|prescrit|donne tout|toute|entier|entiere',
    maxGap: 2,
  },
  // Round 14: les comprimés donnés, prescrits ou achetés à la pharmacie.
  { pattern: 'donne|prescrit|delivre|achete|recu|ordonnance <n:1-500> @medicaments', maxGap: 2 },
  // Round 14: se couper les cheveux, les ongles.
  { pattern: 'couper|coupe|coupais cheveux|ongles|frange|barbe|tifs|pointes|meche*', maxGap: 2 },
  // Round 14: la mâchoire serrée la nuit (le bruxisme).
  { pattern: 'any: machoire* serre*|crispe* nuit|dentiste|bruxisme|gouttiere|stress*', maxGap: 4 },
  // Round 14: « il respire bien et il n'a pas de fièvre »: le « pas » est celui de la fièvre, non du souffle.
  // Round 16: « respire normalement et n'a pas de fièvre », « correctement ».
  {
    pattern:
      'bien|normalement|correctement|normal|tranquillement et il|elle|je|on ne a|ai|as|avait|est|fait pas',
    maxGap: 0,
  },
  {
    pattern: 'bien|normalement|correctement|normal|tranquillement et ne a|ai|as|avait|est|fait pas',
    maxGap: 0,
  },
  // Round 14: « mon patron va me tuer », « ça va me tuer »: la menace d'un autre ou de la fatigue, en idiome.
  { pattern: 'va|vont|allait|allaient|aller|ira|iront me tuer', maxGap: 0 },
  { pattern: 'any: poitrine|seins|sein regles|allaite*|allaitement|tetee*', maxGap: 4 },
  { pattern: 'any: brul* soleil|uv', maxGap: 3 },
  { pattern: 'allergi* pollen*|acarien*|poil*|saisonni*|foins', maxGap: 2 },
  { pattern: 'transpir*|sueur*|sue nuit|nocturne*|menopause', maxGap: 2 },
  { pattern: 'nez|narine* siffl*', maxGap: 1 },
  {
    pattern: 'arreter|lacher sport|boulot|travail|etudes|tabac|cigarette*|clope*|alcool|fac|ecole|regime',
    maxGap: 1,
  },
  { pattern: 'mots anglais|espagnol|allemand|italien|francais|langue|etrangere', maxGap: 2 },
  { pattern: 'gene|mal|difficult*|dur|peine avaler @medicaments', maxGap: 2 },
  // Une lèvre gonflée d'avoir été mordue ou d'un bouton de fièvre; le souffle coupé par un prix ou un paysage.
  {
    pattern: 'any: levre*|levres|joue* gonfl*|enfl* mordu|mordue|herpes|abces|dentiste|dent|dents',
    maxGap: 4,
  },
  { pattern: 'any: levre*|levres gonfl*|enfl* bouton fievre', maxGap: 4 },
  { pattern: 'any: coupe* souffle devis|prix|facture|beaute|paysage|vue|magnifique', maxGap: 4 },
  {
    pattern: 'any: coupe|coupee|court souffle sport|footing|jogging|course|courir|foot|match|seance',
    maxGap: 4,
  },
  // Les mots qui manquent à l'oral d'un examen, la marche de travers d'une entorse, partir en vacances.
  { pattern: 'any: mots|mot expose|oral|examen|entretien|reunion|discours|presentation', maxGap: 4 },
  { pattern: 'any: marche* travers entorse|cheville|genou|ampoule*|chaussure*', maxGap: 4 },
  { pattern: 'any: coeur serre|serree quitter|partir|triste*|emotion*|nostalgi*|depart', maxGap: 4 },
  { pattern: 'champignon* paris|cuisine|supermarche|magasin|marche|conserve', maxGap: 1 },
  { pattern: 'disparaitre liste*|fichier*|base|envoi*|mailing|newsletter|annuaire', maxGap: 2 },
  { pattern: 'plus etre malade|fatigue*|enrhume*|stresse*|angoisse*|enceinte|constipe*', maxGap: 0 },
  // Round 14: sans « pilulier », devenu un médicament (« tous les comprimés du pilulier » est une surdose).
  { pattern: 'any: boite|plaquette|@medicaments voyage|vacances|valise', maxGap: 4 },
  // Round 9: les médicaments rangés dans le sac; pas l'enfant qui fouille le sac de mamie puis les mange.
  { pattern: 'boite|boites|plaquette*|@medicaments sac|sacoche|trousse', maxGap: 3 },
  { pattern: 'pour tension', maxGap: 0 },
  // Round 16: ce que la pharmacie a donné ou délivré (une erreur au comptoir n'est pas une prise).
  { pattern: 'any: pharmacie|pharmacien|pharmacienne donne|delivre|vendu|remis', maxGap: 4 },
  // Round 16: faut-il garder, avoir un traitement à la maison (un traitement de secours, sur conseil).
  {
    pattern:
      'faut|faudrait|dois|doit|devons|devrait|peut|peux|conseille* garder|conserver|avoir @medicaments',
    maxGap: 2,
  },
  // Round 16: un malaise, une convulsion « petit » dits à la première personne: un souvenir d'enfance.
  {
    pattern:
      'j|je ai|avais fait|eu|faisais convulsion*|crise*|malaise*|syncope* petit|petite|enfant|gamin|gamine|ado|bebe',
    maxGap: 1,
  },
  {
    pattern: 'partir avant|apres|vers|tot|midi|demain|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche',
    maxGap: 2,
  },
  { pattern: 'any: marcher platre*|bequille*|entorse|fracture*|operation|prothese', maxGap: 4 },
  { pattern: 'marcher sans bequille*|canne|aide|deambulateur', maxGap: 0 },
  { pattern: 'any: parle|parler|parole appareil|dentier|dentaire|bagues|dents', maxGap: 4 },
  // Round 5: une dose doublée sur ordre du médecin; « je n'ai plus de douleur » (le « ne » écrit, car « j'ai plus mal » reste signalé); les cartons portés.
  { pattern: 'any: medecin|docteur|pharmacien*|prescrit|conseille doubler|double dose', maxGap: 4 },
  { pattern: '=n ai|a plus @douleur', maxGap: 1 },
  { pattern: 'porte*|porter|demenag* cartons|carton', maxGap: 2 },
  { pattern: 'partir vacances|voyage|weekend|week|etranger|retraite|travail|boulot', maxGap: 2 },
  // Round 6: l'air qui manque dans une pièce chaude ou fermée est de l'air, pas du souffle.
  { pattern: 'any: air chaud|chaleur|canicule|clim|climatis*|aere*|fenetre*', maxGap: 3 },
  // Round 6: ce que le chat a mangé regarde le vétérinaire (le chien reste: il mange aussi nos cachets).
  { pattern: 'chat|chaton|chatte|lapin|hamster|perroquet|perruche @ingerer', maxGap: 0 },
  // Round 7: s'étouffer de rire, être à bout de souffle au travail, une chaudière qu'on fait contrôler.
  { pattern: 'etouff* rire|rigoler|fou', maxGap: 2 },
  { pattern: 'any: bout souffle boulot|travail|job|taf|enfants|moral|nerfs|semaine', maxGap: 4 },
  { pattern: 'faire|fait|fais|faisons controler|verifier monoxyde', maxGap: 3 },
  // Round 7: les yeux qui se ferment de fatigue, la gorge enflammée d'une angine, « vivre chez sa fille ».
  {
    pattern: 'yeux|paupieres ferment|fermaient|fermes|fermees|tombent fatigue|sommeil|seuls|dormir',
    maxGap: 3,
  },
  // Round 16: adjacent only, so « gorge fermée et tout le corps rouge » is no sore throat.
  { pattern: 'gorge|amygdale* enflamm*|irrite*|rouge', maxGap: 0 },
  {
    pattern: 'vivre chez|ici|seul|seule|ehpad|ville|campagne|appartement|maison|colocation|coloc',
    maxGap: 0,
  },
  // Round 9: « ça va me donner une crise cardiaque », une overdose de chocolat, le suivi après un AVC,
  // le malaise d'une prise de sang (pas la piqûre: la guêpe en fait une), un mot pour l'école, « c'est
  // chaud » (c'est difficile), « je suis confuse » (désolée).
  { pattern: 'donner|donne|donnes|filer|file|flanquer crise cardiaque', maxGap: 2 },
  { pattern: 'failli faire|avoir crise cardiaque', maxGap: 1 },
  {
    pattern:
      'overdose*|surdose* chocolat|sucre|bonbons|gateau*|series|netflix|tele|soleil|fromage|travail|boulot|cafe|amour|paques|noel|shopping',
    maxGap: 1,
  },
  {
    pattern:
      'reeducation|reeduc|kine|kinesitherapie|orthophon*|suivi|consultation|unite|service|neurologue|rdv|rendez|centre avc',
    maxGap: 3,
  },
  {
    pattern: 'any: evanoui*|malaise|pommes|vapes|connaissance prise|aiguille*|seringue*|prelevement*',
    maxGap: 4,
  },
  {
    pattern:
      'any: mot|lettre ecole|maitresse*|maitre|professeur|prof|creche|nounou|absence|employeur|travail|mutuelle|rdv|cantine|noel|anniversaire|remerciement*|merci|voeux|felicitations|condoleances|mariage',
    maxGap: 4,
  },
  { pattern: 'ce est chaud|chaude', maxGap: 0 },
  // Round 9: la chaleur du temps, de la pièce ou du biberon n'est pas celle de l'enfant.
  {
    pattern:
      'fait|faisait|fera|biberon|bain|chambre|piece|maison|appartement|radiateur|plat|repas|dehors|voiture chaud|chaude|chauds|chaudes',
    maxGap: 3,
  },
  // Round 9: « un bleu » sur un membre est un hématome, pas la cyanose; le malaise vagal; le monde du travail;
  // une maison malade d'une grippe ou d'une gastro, pas d'un poêle; la somnolence d'une anesthésie.
  {
    pattern:
      'bras|jambe|genou|cuisse|main|pied|cheville|coude|epaule|fesse|doigt|orteil est|sont|devenu|devenue|tout|toute bleu|bleue|bleus|violet|violette',
    maxGap: 1,
  },
  { pattern: 'malaise* vagal|vagaux', maxGap: 0 },
  { pattern: 'monde travail|boulot|professionnel|entreprise|musique|art|politique|hospitalier', maxGap: 1 },
  {
    pattern:
      'any: tous|toutes|famille|maison|monde|nous @tete|vertige*|vomi*|vomit|nausee*|malade*|barbouill* grippe|covid|gastro|rhume|virus|varicelle',
    maxGap: 3,
  },
  {
    pattern: 'somnolent*|endormi*|confus|confuse|vaseu* apres|depuis|suite anesthesie|sedation|narcose',
    maxGap: 2,
  },
  // Round 9: ne pas répondre à un traitement n'est pas perdre connaissance.
  {
    pattern: 'repond*|reagit|reagi pas|plus|bien|mal traitement|antibio*|medicament*|cortisone|chimio*|kine',
    maxGap: 2,
  },
  { pattern: 'je suis confus|confuse', maxGap: 0 },
  // Round 10: des affaires données à une association, une corde à sauter, continuer un traitement, « être
  // sur le pont » au travail, un appendice déjà enlevé, le surdosage qu'on veut éviter, étouffer au bureau,
  // l'infarctus d'un parent à un âge dit (antécédent familial: « à 60 ans », jamais « il y a 20 minutes »).
  {
    pattern:
      'donne*|distribue* affaires|vetements|habits|fringues emmaus|association|secours|croix|recyclerie|vinted|leboncoin|paroisse|voisins',
    maxGap: 3,
  },
  { pattern: 'corde sauter|linge|escalade|rappel|guitare|violon', maxGap: 1 },
  // Round 16: les affaires, les vêtements de bébé donnés (ceux d'un enfant qui a grandi, pas « mes affaires »).
  {
    pattern:
      'affaires|vetements|habits|fringues|jouets|poussette bebe|bebes|bb|naissance|grossesse|enfant|enfants|fils|fille|maternite|puericulture|naissance',
    maxGap: 0,
  },
  { pattern: 'continuer traitement|@medicaments|kine|seances|cure|regime|suivi|reeducation', maxGap: 1 },
  // Round 16: adjacent only: « sur le pont en allant au boulot » is a bridge on the way to work.
  { pattern: 'sur pont toute|tous|depuis|cette|ce|boulot|travail|taf|semaine|journee', maxGap: 0 },
  { pattern: 'enleve*|retire*|ablation|cicatrice appendice|appendicite', maxGap: 3 },
  { pattern: 'pas|eviter|risquer faire surdosage|surdose|overdose', maxGap: 1 },
  { pattern: 'tete bebe|bb echo|echographie|ecran|image|photo|monitoring', maxGap: 3 },
  // Un traitement pris deux fois par jour est la prescription, pas une double dose.
  { pattern: '<n:2-10> fois par|chaque|le|au jour|semaine|matin|soir|mois', maxGap: 0 },
  { pattern: 'etouff* open|bureau|boulot|travail|taf|reunion|paperasse|space', maxGap: 2 },
  {
    pattern:
      'pere|mere|frere|soeur|grand|oncle|tante|papa|maman|papi|papy|mamie fait|eu|fais infarctus|avc|attaque <n:20-110> ans',
    maxGap: 2,
  },
  // Round 10b: une cloque grande comme une pièce, un ongle, un petit pois: une petite brûlure.
  {
    pattern:
      'grande|grosse|large comme piece|pieces|ongle|pois|centime|centimes|euro|euros|lentille|timbre|bouton',
    maxGap: 2,
  },
  { pattern: 'taille piece|ongle|pois|centime|euro|lentille|timbre|bouton', maxGap: 2 },
  // Round 10b: respirer avec le ventre comme exercice (yoga, sophrologie), non comme détresse.
  { pattern: 'any: yoga|sophro*|relaxation|exercice*|meditation respire|respirer|ventre', maxGap: 4 },
  // Round 10b: une petite cloque; des cloques d'eczéma, d'herpès ou de varicelle ne sont pas des brûlures.
  { pattern: 'petite|petites cloque|cloques', maxGap: 1 },
  { pattern: 'cloque|cloques eczema|dyshidros*|herpes|zona|varicelle|mycose', maxGap: 2 },
  // Round 11: des lèvres gonflées par une injection; une jambe qui traîne depuis une entorse ou une opération.
  { pattern: 'any: levre|levres gonflee|gonflees injection*|hyaluronique|botox|esthetique', maxGap: 4 },
  {
    pattern: 'traine|trainer jambe|pied depuis|apres entorse|operation|fracture|platre|prothese|accident',
    maxGap: 3,
  },
  // Round 11: « si je perds les eaux »: une question d'avance, pas la poche rompue.
  { pattern: 'si perds|perd|perdais|rompt eaux|poche', maxGap: 2 },
  // Round 11: « je serai partie en vacances » quand vous lirez ce message: une absence, pas un adieu.
  {
    pattern:
      'parti|partie|partis|partir vacances|conge|conges|travail|weekend|week|voyage|mission|retraite|stage',
    maxGap: 2,
  },
  // Round 11: « va me faire faire une crise cardiaque », « me donner un infarctus »: une expression, pas un
  // symptôme; « un peu de café chaud » renversé est une petite brûlure; l'essoufflement de joie.
  { pattern: 'me|nous faire|donner|filer|provoquer|flanquer crise cardiaque|coeur', maxGap: 3 },
  { pattern: 'me|nous faire|donner|filer|provoquer|flanquer infarctus|attaque|avc', maxGap: 3 },
  {
    pattern: 'peu|goutte|gouttes cafe|the|eau|lait|soupe|chocolat|tisane chaud|chaude|bouillant*',
    maxGap: 2,
  },
  { pattern: 'souffle coupe joie|excitation|impatience|emotion|rire', maxGap: 2 },
  { pattern: 'essouffl* joie|excitation|impatience|emotion|rire', maxGap: 2 },
  // Round 12: un saut qui est une joie, un trajet, un repas sauté ou une baignade, pas une chute.
  { pattern: 'saute*|sauter de|d joie|bonheur', maxGap: 1 },
  {
    pattern:
      'saute*|sauter dans|a train|tgv|bus|metro|rer|taxi|voiture|douche|eau|piscine|mer|lac|cou|plafond',
    maxGap: 2,
  },
  { pattern: 'saute*|sauter le|un pas|repas|dejeuner|diner|petit|cours|ligne|etape', maxGap: 1 },
  { pattern: 'saut|sauter|saute parachute|elastique|perche|longueur|hauteur', maxGap: 2 },
  { pattern: 'prochain train|rer|metro|tgv retard|annule*|supprime*|part|arrive|a|dans|est', maxGap: 2 },
  { pattern: 'comment|apprendre|montrer|formation utiliser|faire stylo|anapen|epipen|adrenaline', maxGap: 3 },
  { pattern: 'dechirure*|claquage|elongation musculaire*|muscle', maxGap: 1 },
  // Round 12: une question sur un vaccin n'est jamais une urgence (« le vaccin contre la méningite »), et un
  // ronflement qui fait penser à un étouffement est une question de sommeil.
  {
    pattern: 'any: vaccin*|rappel|rappels|piqure|injection meningite*|meningocoque*|meningococc*',
    maxGap: 4,
  },
  { pattern: 'any: ronfl* etouff*|suffoqu*|asphyxi*|apnee*', maxGap: 4 },
  { pattern: 'ronfl* dirait|comme|impression etouff*|suffoqu*|asphyxi*', maxGap: 4 },
];

/**
 * Rounds 23–24 (classes des sondes): un signe cadré comme une question de vocabulaire (« que veut dire
 * « anaphylaxie » »: le mot juste après) ou comme une consigne (« le médecin a dit que si sa bouche se déforme on
 * appelle le 15 »: la consigne avant, l'appel après). « j'ai mal à la poitrine, ça veut dire quoi ? » reste un signe.
 */
export const frenchPastFrames: LexiconInput['pastFrames'] = [
  { before: { pattern: 'veut|veulent|voulait dire', maxGap: 0 }, reach: 2 },
  { before: { pattern: 'que|qu|quoi signifie|signifient', maxGap: 0 }, reach: 2 },
  { before: { pattern: 'veut|veulent dire quoi', maxGap: 0 }, reach: 1 },
  { before: { pattern: 'definition|sens de|du mot|terme', maxGap: 1 }, reach: 2 },
  // « la fiche AVC », « la brochure anaphylaxie »: un document nommé par son sujet, le mot juste après.
  { before: 'fiche|fiches|brochure|plaquette|affiche|depliant|flyer|poster', reach: 1 },
  {
    before: { pattern: 'dit|dire|explique|conseille|recommande|prevenu|previent si', maxGap: 3 },
    after: {
      pattern:
        'appelle|appelez|appeler|appelons|appellerez|compose|composer|composez|faire|fait <n:15-15>|<n:18-18>|<n:112-112>|samu|pompiers|urgences',
      maxGap: 1,
    },
  },
];

export const frenchPastMarkers: LexiconInput['past'] = [
  // Round 21–22 (classes des sondes): un signe nommé comme ce qu'il faut guetter, pas ce qui arrive: un conseil
  // d'appeler ou d'arrêter « si » ou « en cas de », le numéro à appeler « si », ce que dit la notice.
  {
    pattern:
      'dit|dire|conseille|demande|explique|recommande|indique|precise appeler|rappeler|arreter|venir|revenir|consulter|contacter si|cas',
    maxGap: 3,
  },
  { pattern: 'numero|numeros|qui appeler|composer|contacter si|cas', maxGap: 2 },
  // Rounds 23–24 (classes des sondes): ce que la notice ou un courrier « parle de », « liste », « cite », le
  // médicament entre les deux; et ce qu'un médicament « peut provoquer »: un effet possible, pas ce qui arrive.
  {
    pattern:
      'notice|notices|etiquette|boite|emballage|courrier|lettre|compte dit|indique|precise|mentionne|parle|parlent|liste|cite|signale|evoque|decrit|previent',
    maxGap: 2,
  },
  {
    pattern: 'peut|peuvent|pourrait|pourraient|risque provoquer|causer|donner|entrainer|declencher',
    maxGap: 1,
  },
  // Round 22 (classe de la sonde): la scène d'un film ou d'une série (« l'épisode où il fait un arrêt cardiaque »).
  { pattern: 'episode|film|serie|feuilleton|scene ou', maxGap: 1 },
  // Round 20 (classe de la sonde): un événement daté par son mois (« mon infarctus du 3 janvier », « une septicémie
  // en novembre »; round 21: « les douleurs de janvier »). Pas « depuis le 3 décembre »: un signe depuis une date
  // dure encore.
  {
    pattern:
      'en|du|de|d|le|au|fin|debut|mi janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|janv|fevr|sept|oct|nov|dec',
    maxGap: 1,
  },
  // Round 18 (classe de la sonde): un signe sujet d'un formulaire, d'une brochure ou d'une formation (« le
  // formulaire demande si », « une formation sur les convulsions »): un sujet, pas ce qui arrive. Pas « une
  // question sur »: un patient en pose une sur ce qu'il ressent.
  {
    pattern:
      'formulaire|questionnaire|fiche|brochure|plaquette|formation|cours|article|reportage|affiche demande|demandent|sur|concernant',
    maxGap: 2,
  },
  // Round 16 (classes de la sonde): « mon AVC date de 2019 », « remonte à 2017 », « c'était en 2019 ».
  { pattern: 'date|datent|datait|remonte|remontent|remontait de|a <n:1950-2030>', maxGap: 1 },
  { pattern: 'date|datent|datait|remonte|remontent|remontait de|a il y a', maxGap: 1 },
  { pattern: 'ce etait il y a', maxGap: 0 },
  { pattern: 'ce etait en <n:1950-2030>', maxGap: 0 },
  'il y a <n:1-99> an|ans|annee*|mois',
  'y a <n:1-99> an|ans|annee*|mois',
  { pattern: 'en <n:1950-2030>', maxGap: 0 },
  'an|annee dernier*|derniere|passe*|passee',
  'quand|lorsque etais|etait|etions|etaient petit*|enfant*|bebe|jeune*|ado*|gamin*',
  'dans enfance|jeunesse|passe',
  // Rounds 23–24 (classe de la sonde): un âge de la vie (« à l'adolescence », « pendant mon enfance »).
  { pattern: 'a|pendant|durant adolescence|enfance|puberte', maxGap: 1 },
  'autrefois',
  // Round 11: « une fois au lycée », « quand j'étais au collège »: un temps de la vie, pas aujourd'hui.
  { pattern: 'fois au|a lycee|college|ecole|fac|primaire|maternelle|internat', maxGap: 1 },
  {
    pattern: 'quand|lorsque etais|etait au|a lycee|college|ecole|fac|primaire|maternelle|internat',
    maxGap: 2,
  },
  // Round 16: « l'été dernier », « le mois passé », « en mars dernier »; un âge dit comme moment (« une fois à
  // 15 ans », « vers 12 ans », « à l'âge de 15 ans »); « étant petit ». Pas « la semaine dernière »: trop proche.
  {
    pattern:
      'ete|hiver|printemps|automne|mois|noel|paques|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre dernier|derniere|passe|passee',
    maxGap: 0,
  },
  { pattern: 'fois a|vers <n:1-99> ans', maxGap: 0 },
  { pattern: 'vers <n:1-99> ans', maxGap: 0 },
  { pattern: 'vers|avant age <n:1-99> ans', maxGap: 1 },
  { pattern: 'age <n:1-99> ans', maxGap: 0 },
  { pattern: 'etant petit|petite|enfant|jeune|bebe|ado|gamin|gamine', maxGap: 0 },
  'antecedent*',
  'atcd',
  'decede*|mort|morte|morts|decedee de|d|suite',
  'il y longtemps',
  // Round 9: un passé dit sans nombre: « il y a des années », « il y a quelques mois ».
  'il y a des|quelques|plusieurs|nombreuses annees|ans|mois',
  'y a des|quelques|plusieurs annees|ans|mois',
  // Round 9: une durée longue, chronique: « essoufflée depuis des mois », « depuis 3 ans ».
  { pattern: 'depuis des|plusieurs|quelques|nombreux|nombreuses mois|annees|ans', maxGap: 0 },
  { pattern: 'depuis <n:2-99> mois|ans|annees', maxGap: 0 },
  // Round 10b: un âge dit comme le moment: « un malaise à l'école quand j'avais 10 ans ».
  { pattern: 'quand|lorsque avais|avait|avions|avaient <n:1-99> ans', maxGap: 1 },
];
