import type { LexiconInput } from '../../lexicon.schema.ts';

/**
 * Named lists of French words shared by the red-flag patterns (`@douleur`, `@poitrine`): a word added
 * here reaches every pattern that names its class.
 */
export const frenchWordClasses: LexiconInput['classes'] = {
  douleur:
    'douleur* douloureu* mal oppress* serre serree serrement pression poids ecras* etau barre comprim* ' +
    'brule brulure brulures appui* pese pesant* compress* broie* poignard* constrict* pince pincement* gene feu souffr*',
  poitrine: 'poitrine thorax thorac* sternum retrosternal* precordia* torse buste poitrail plexus',
  // Tout ce qu'on peut ressentir dans la poitrine: la douleur, le coup, la lance, le poids, le « truc ».
  sensation_thoracique:
    '@douleur lance lancent lancait lancement* elance elancent elancait elancer elancement* lancinant* pique piquait piqure* point pointe coup ' +
    'coups decharge* poignard* serrage tiraille* tire tirait arrache* prend prenait lourd* lourdeur* bloque* crampe* ' +
    'spasme* etreint* etreinte* inconfort malaise truc bizarre* drole chose sensation* tension* transperc* ' +
    'traverse* tord* enserr* contract* ' +
    // Round 14: les images de ce qui perce (« comme un couteau planté »).
    'couteau couteaux lame aiguille aiguilles pieu clou explosion explose eclate eclatement',
  // Ce qui peut arriver au souffle: la peine, l'effort, le blocage, le manque.
  peine_respirer:
    'mal difficult* difficile* dur peine gene misere galere* impossible impossibilite lutte lutter force ' +
    'forcer tire tirer effort* bloque* coupe* manque* arrive parviens parvient reussis reussit capable*',
  // Le souffle, par son verbe, son nom ou son organe.
  souffle_mot:
    'respirer respire respirait respirais respirant respiration souffle souffler inspirer inspire ' +
    'inspiration aspirer expirer poumon poumons',
  // Avaler, par tous les mots qu'on a pour le dire.
  ingerer:
    'avale* avalai* bu bois boire ingere* ingurgit* englouti* engloutir enfile* enfilee mange* gobe* croque* ' +
    'leche* suce* machouill* mache* machonn* descendu* vide* siffle* pris prendre tape* sifle',
  // Une quantité qui fait une surdose: le tout, la boîte, la poignée, la quinzaine.
  quantite:
    'tous toutes toute tout entier entiere entiers boite boites plaquette plaquettes tube tubes flacon ' +
    'flacons bouteille bouteilles pot pots dizaine* douzaine* quinzaine* vingtaine* trentaine* quarantaine* cinquantaine* soixantaine* centaine* poignee* tas ' +
    'paquet* plein stock reserve',
  // Le bras, la jambe, la main, un côté: ce que l'AVC prend (VITE: Inertie).
  membre: 'bras jambe jambes main mains pied doigts cote moitie partie hemicorps corps',
  // Pouvoir, et « savoir » qui le dit en Belgique et en Afrique: « il sait plus marcher »; « gagner » à La
  // Réunion: « i gagne pas respirer ».
  pouvoir:
    'peux peut pouvait pouvais arrive arrivait parviens parvient reussis reussit capable sait sais savait savais ' +
    'gagne gagnait',
  // Round 7: vouloir à tous les temps d'un récit (« il a dit qu'il voulait plus vivre »).
  vouloir:
    'veux veut voudrais voudrait voulait voulais voulaient aimerais aimerait envie souhaite souhaitait',
  // Ce qu'un membre ne fait plus.
  fonction:
    'bouge bouger bougeait lever leve tenir tient tenait sent sens sentir sentait sentais repond obeit marche controle usage force utiliser serrer',
  ventre: 'ventre abdomen abdominal* abdominale* estomac bide',
  // Round 14: l'intensité dite par l'adverbe, l'image ou l'argot (« atrocement », « un mal d'enfer », « de ouf »).
  intense:
    'intense* insupportable* atroce* horrible* terrible* violent* enorme* extreme* pire hurle* epouvantable* crier hurler ' +
    'affreu* effroyabl* insoutenabl* abominabl* infernal* inhumain* enfer ouf',
  tete: 'tete crane',
  // Round 16 (classes de la sonde): le rire tapé après une blague (un émoji qui rit se lit « lol »).
  rire: 'mdr mdrr ptdr lol haha hahaha hihi xd',
  // Round 16 (classes de la sonde): ce qu'un compte rendu ou un courrier nomme quand il l'écarte.
  diagnostic:
    'avc ait hemorragie* saignement* caillot* embolie* phlebite* thrombose* infarctus ischemie* meningite* ' +
    'sepsis septicemie* anaphyla* geu grossesse extra appendicite* fracture* anevrisme* dissection* ' +
    'epilepsie crise crises surdose* overdose intoxication*',
  // Round 9: pas « cachet », « pilule »: « ma mamie a pris ses cachets » est son traitement (les cachets
  // d'une soirée restent: « soirée », « teuf » dans les patterns).
  drogues:
    'drogue* ecstasy extasy mdma md coke cocaine ghb lsd ketamine heroine crack speed champi* buvard* ' +
    'truc* trucs colle solvant* proto protoxyde poppers',
  hauteur:
    'lit escalier* echelle balcon toit arbre cheval velo scooter moto trampoline hauteur table chaise ' +
    'toboggan arriere trottinette mur muret fenetre etage* structure poussette balancoire canape tabouret ' +
    'marche* langer bureau roller* skate trampo rollers ski luge',
  bebe: 'bebe bebes nourrisson* fils fille enfant petit petite garcon il elle ne nee puce loulou poussin crevette',
  medicaments:
    // Round 14: le pilulier et le semainier valent les médicaments qu'ils contiennent.
    'pilulier* semainier* patch patchs medicament* medoc* cachet* comprime* pilule* gelule* doliprane paracetamol efferalgan dafalgan ' +
    'somnifere* anxiolytique* antidepresseur* xanax lexomil stilnox tramadol codeine lithium insuline ' +
    'morphine methadone subutex valium temesta seresta lamaline ibuprofene* neuroleptique* traitement* ' +
    'anticoagul* kardegic eliquis xarelto previscan coumadine sintrom digoxine levothyrox antiepileptique* ' +
    'sirop* zolpidem imovane atarax tercian nivaquine chloroquine quinine aspirine aspegic laroxyl anafranil ' +
    'propranolol avlocardyl colchicine metformine ' +
    // Round 9: « cp », le comprimé des soignants; les marques du Québec et de Suisse.
    '=cp =cps =cpr tylenol advil motrin atasol robaxacet algifor',
  toxiques:
    'javel produit* detergent* lessive capsule* pile piles aimant* essence petrole antigel champignon* ' +
    'raticide insecticide* pesticide* deboucheur soude acide ammoniaque spirit destop vaisselle ' +
    'methanol baie* plante* cigarette* nicotine essentielle* camphre engrais desherbant* chlore ammoniac ' +
    'antimite* naphtaline mercure tablette* pastille* desinfectant* antiseptique* eliquide* ' +
    // Round 10: le décapant (four, peinture).
    // Round 14: le liquide de refroidissement, l'acétone, le dissolvant, le dégraissant.
    'decapant* refroidissement acetone dissolvant degraissant* detachant* limace limaces antilimace* ' +
    // Round 16: les plantes toxiques des jardins et des balcons, par leur nom.
    'oleandre digitale muguet datura belladone dieffenbachia ricin cigue colchique aconit',
  enfant:
    'fils fille enfant enfants petit petite bebe bb garcon ado gamin gamine neveu niece frere soeur ' +
    'mari femme pere mere copain copine ami amie chien',
  petit: 'petit petite bebe bebes bb enfant gamin gamine chien chiot chou puce loulou',
  proche:
    'mari femme pere mere papa maman mamie mami mamy papi papy grand oncle tante cousin* copain copine ' +
    'ami amie voisin* colocataire* conjoint* compagn* soeur frere',
  allergene:
    'noix noisette* cacahuete* arachide* crevette* fruits poisson oeuf* lait kiwi sesame moutarde ' +
    'antibio* amoxicilline penicilline augmentin medicament* @medicaments',
  visage: 'visage figure yeux oeil paupiere* levre* langue gorge gorj gorje joue* face bouche',
  // Ce qui gonfle dans une allergie: la peau, la lèvre, la gorge.
  gonfle: 'gonfl* enfl* grossi* boursoufl* oedem*',
  // La peau d'une réaction allergique (pas « bouton »: un bouton gonflé est un bouton).
  peau_allergique: 'plaque* urticaire rougeur* eruption* reaction allergi* anaphyla*',
  // Ce qui fait d'une réaction un choc: le malaise, la chute, le souffle, la déglutition.
  signe_de_choc:
    'malaise vertige* tombe tombee evanoui* respir* respire etouff* avaler deglutir salive souffle voix',
  // Round 9: là où une infection se nomme, pour les signes de sepsis qui vont avec (sans mot de fièvre).
  infection:
    'infection* infecte* infectee* plaie cicatrice opere operee operation abces pus sonde cystite ' +
    'pyelo* pneumonie',
  signe_sepsis: 'grelott* frisson* confus confuse confusion delire desorient* marbr* incoheren*',
  benin:
    'rhume toux grippe angine verrue* bouton* acne mycose* eczema allergie* migraine* insomnie* ' +
    'traitement ordonnance dossier papier* demarche* attente infection* cystite otite sinusite ' +
    'constipation diarrhee regime tabac cigarette* alcool kilo* cheveux',
};
