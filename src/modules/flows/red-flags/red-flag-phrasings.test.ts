import { describe, expect, test } from 'vitest';
import { RED_FLAG_CATEGORIES, type RedFlagCategory } from './red-flag-category.ts';
import { screenForRedFlags } from './screen-for-red-flags.ts';

// Messages as patients type them (typos, no accents, SMS spelling kept on purpose), one per line.
const MUST_FLAG: ReadonlyArray<readonly [message: string, category: RedFlagCategory]> = [
  ['douleur ds la poitrine', 'chest_pain'],
  ["J'ai une douleur très forte dans la poitrine", 'chest_pain'],
  ['oppresion dans la poitrinne', 'chest_pain'],
  ['g mal o thorax', 'chest_pain'],
  ['ma poitrine me serre et ca descend dans le bras gauche', 'chest_pain'],
  ['de plus en plus mal a la poitrine', 'chest_pain'],
  ["je n'ai jamais eu aussi mal à la poitrine", 'chest_pain'], // « jamais … aussi » is emphasis
  ['chest pian', 'chest_pain'],
  ['crushing pain in my chest going down my left arm', 'chest_pain'],
  ['I never had such bad chest pain', 'chest_pain'],
  ['jarrive pas a respirer', 'breathing_difficulty'],
  ['jpeux plus respirer', 'breathing_difficulty'],
  ['je ne peux pas respirer', 'breathing_difficulty'], // the negation is the symptom
  ['jetouffe', 'breathing_difficulty'],
  ['il a les lèvres bleues', 'breathing_difficulty'],
  ['essoufflée meme au repos', 'breathing_difficulty'],
  ['cant breathe', 'breathing_difficulty'],
  ['struggling to breath', 'breathing_difficulty'],
  ['shortness of breath', 'breathing_difficulty'],
  ["he's turning blue", 'breathing_difficulty'],
  ['sa bouche est de travers et il parle bizarrement', 'stroke_signs'],
  ["visage qui tombe d'un coté", 'stroke_signs'],
  ['mon pere a le bras droit tout faible d un coup', 'stroke_signs'],
  ["elle n'arrive plus a parler", 'stroke_signs'],
  ['je crois que ma mere fait un AVC', 'stroke_signs'],
  ['le pire mal de tete de ma vie', 'stroke_signs'], // thunderclap headache: subarachnoid bleed
  ['face drooping on one side', 'stroke_signs'],
  ['my mum is slurring her words', 'stroke_signs'],
  ['je saigne beaucoup et ça s arrete pas', 'heavy_bleeding'],
  ['il vomit du sang', 'heavy_bleeding'],
  ['jcrache du sang', 'heavy_bleeding'],
  ['hemoragie', 'heavy_bleeding'],
  ['bleeding wont stop', 'heavy_bleeding'],
  ['coughing up blood', 'heavy_bleeding'],
  ['il sest evanoui', 'loss_of_consciousness'],
  ['elle a perdu connaissance', 'loss_of_consciousness'],
  ['on arrive pas a le reveiller', 'loss_of_consciousness'],
  ['mon mari ne repond plus', 'loss_of_consciousness'],
  ["she won't wake up", 'loss_of_consciousness'],
  ['he passed out', 'loss_of_consciousness'],
  ['choc anaphylactique', 'severe_allergy'],
  ['sa gorge gonfle', 'severe_allergy'],
  ['oedeme de quincke', 'severe_allergy'],
  ['levres et langue gonflées', 'severe_allergy'],
  ['urticaire partout et du mal a respirer', 'severe_allergy'],
  ['hives and my throat feels tight', 'severe_allergy'],
  ['allergique aux arachides, j’ai mangé une cacahuète, la gorge gratte', 'severe_allergy'],
  ["j'ai envie de mourir", 'suicidal_thoughts'],
  ['je pense parfois à en finir', 'suicidal_thoughts'], // hedged, still flagged
  ['jai plus envie de vivre', 'suicidal_thoughts'],
  ['je ne vais pas me tuer, promis', 'suicidal_thoughts'], // talk of the act is never denied
  ["j'ai des idées noires", 'suicidal_thoughts'],
  ['ils seraient mieux sans moi', 'suicidal_thoughts'],
  ['sometimes i just want to end it all', 'suicidal_thoughts'],
  ["i don't want to live anymore", 'suicidal_thoughts'],
  ['je me suis ouvert les veines', 'suicidal_thoughts'],
  ['il fait des convulsions', 'seizure'],
  ["crise d'épilepsie depuis 10 minutes", 'seizure'],
  ['he is having a seizure', 'seizure'],
  ['convulsion fébrile', 'seizure'],
  ['il est tombé sur la tête et il a vomi', 'severe_head_injury'],
  ['chute sur la tete, sous anticoagulants', 'severe_head_injury'],
  ['she hit her head and now she is very drowsy', 'severe_head_injury'],
  ['enceinte de 5 mois et je saigne', 'pregnancy_emergency'],
  ["j'ai perdu les eaux a 32 semaines", 'pregnancy_emergency'],
  ['je ne sens plus bébé bouger', 'pregnancy_emergency'],
  ['enceinte de 8 mois, vision trouble et mal de tete', 'pregnancy_emergency'], // pre-eclampsia
  ['i am 20 weeks pregnant and bleeding', 'pregnancy_emergency'],
  ["je suis à 30 semaines et j'ai des contractions", 'pregnancy_emergency'],
  ['mon bébé de 2 mois a 38.5 de fievre', 'infant_fever'],
  ['bb de 3 semaines avec de la fievre', 'infant_fever'],
  ['bébé de trois semaines fièvre 38°5', 'infant_fever'],
  ['my 6 week old has a fever', 'infant_fever'],
  ['fièvre et nuque raide', 'meningitis_signs'],
  ['fievre + taches violacées sur les jambes', 'meningitis_signs'],
  ['des taches qui ne s effacent pas quand on appuie', 'meningitis_signs'],
  ['rash that does not fade under a glass', 'meningitis_signs'],
  ['fievre, frissons intenses, peau marbrée', 'sepsis_signs'],
  ['il a de la fievre et il est tout mou', 'sepsis_signs'],
  ['high fever and hasnt peed all day', 'sepsis_signs'],
  ['mon fils a 2 mois il est tout mou et ne boit plus', 'sepsis_signs'], // no fever needed so young
  ['douleur au ventre insupportable', 'severe_abdominal_pain'],
  ['ventre dur comme du bois', 'severe_abdominal_pain'],
  ['excruciating abdominal pain', 'severe_abdominal_pain'],
  ['mon fils a avalé des médicaments', 'poisoning_overdose'],
  ["j'ai pris toute la boite de doliprane", 'poisoning_overdose'],
  ['il a bu de la javel', 'poisoning_overdose'],
  ['my toddler swallowed a button battery', 'poisoning_overdose'],
  ['took too many pills', 'poisoning_overdose'],
  ['my daughter took 20 paracetamol', 'poisoning_overdose'],
  ['brulure au 3e degre', 'severe_burn'],
  ['il sest brulé le visage', 'severe_burn'],
  ['burnt his face with boiling water', 'severe_burn'],
];

const MUST_NOT_FLAG: readonly string[] = [
  'bonjour je voudrais prendre rendez vous pour mon fils',
  'je peux venir demain a 14h30 ?',
  'Bonjour, je voudrais renouveler mon ordonnance',
  'renouvellement ordonnance ventoline svp',
  'je voudrais annuler mon rdv',
  'jai besoin dun certificat medical pour le sport',
  'mal à la gorge depuis 2 jours',
  "j'ai un rhume",
  'douleur au genou',
  'mal au dos depuis que je me suis baissé',
  'jai de la toux et le nez qui coule',
  'mal de ventre depuis hier, un peu de diarrhée',
  'jai vomi une fois cette nuit',
  "j'ai mal à la tête",
  'mal au coeur en voiture', // « mal au cœur » is nausea
  'jai des brulures destomac',
  'je suis essoufflé quand je monte les escaliers', // breathless on effort, not at rest
  'je respire mal par le nez, il est bouché',
  // Fever in a 2-year-old (or at 5) is common and not an emergency by itself: only under 3 months.
  'le bébé a 2 ans et 38 de fièvre',
  'mon fils de 5 ans a 39 de fievre',
  'nuque raide après une mauvaise nuit', // a stiff neck without fever
  'je me suis cogné la tête hier mais ça va', // a knock without a warning sign
  'je suis enceinte de 12 semaines, je voudrais une échographie',
  'résultats de la prise de sang',
  'vaccin contre la méningite',
  'intoxication alimentaire je crois',
  'le médecin ne répond pas au téléphone',
  "j'ai hâte d'en finir avec ce rhume",
  'ce mal de dos me tue',
  'jai mangé du poisson hier', // « poisson » is not a typo of poison
  'je suis fière de mon fils', // « fière » is not a typo of « fièvre »
  'je me suis brulé le doigt avec le four, petite cloque',
  'pas de douleur thoracique',
  "je n'ai jamais eu de convulsions",
  'sans difficulté à respirer',
  'il ne fait plus de fièvre',
  'pas de perte de connaissance',
  "je n'ai pas d'idées suicidaires",
  'I would like to book an appointment',
  'can I get a repeat prescription',
  'sore throat for 3 days',
  'my chest x-ray results',
  'no chest pain but a cough',
  'I do not have any chest pain',
  'I am not short of breath',
  'my chest infection is better',
  'results of my blood test',
  'food poisoning i think',
  'my back is killing me',
  'I twisted my ankle',
  'left arm feels numb when I sleep on it', // a numb arm alone is mostly a nerve
  'how much blood do you take for the test',
  "I have a fever and I'm confused about which medicine to take",
  "j'ai pris 2 dolipranes",
  'she fell and hurt her knee',
  "that's odd", // "odd" is not "OD"
  'mon père a eu un infarctus en 2010', // a past event long over is history (evaluation/README.md)
  'no fever or chest pain', // « or » carries the negation to the second symptom; a comma does not
  'the pain subsides after lunch', // "subsides" is not a typo of "suicides"
];

// Flagged on purpose although a reader may see no emergency: screening cannot tell them apart safely.
const FLAGGED_ON_PURPOSE: ReadonlyArray<readonly [message: string, category: RedFlagCategory]> = [
  ['jai plus mal a la poitrine', 'chest_pain'], // SMS « j'ai plus » is « no more » or « more »
  ['pas de toux, douleur thoracique', 'chest_pain'], // the negation is for the cough
  ['je ne veux pas me suicider', 'suicidal_thoughts'],
  // After the 8-week vaccines a fever is common, but under 3 months a clinician still decides.
  ['mon bébé de 2 mois a fait son vaccin, il a 38', 'infant_fever'],
];

describe('red-flag phrasings', () => {
  test.each(MUST_FLAG)('%j is a red flag: %s', (message, category) => {
    const screening = screenForRedFlags(message);
    expect(screening.flagged).toBe(true);
    expect(screening.findings.map((finding) => finding.category)).toContain(category);
  });

  test.each(MUST_NOT_FLAG)('%j is not a red flag', (message) => {
    expect(screenForRedFlags(message)).toEqual({ flagged: false, findings: [] });
  });

  test.each(FLAGGED_ON_PURPOSE)('%j is flagged on purpose: %s', (message, category) => {
    expect(screenForRedFlags(message).findings.map((finding) => finding.category)).toContain(category);
  });

  test('every category has phrasings above', () => {
    const covered = new Set(MUST_FLAG.map(([, category]) => category));
    expect(RED_FLAG_CATEGORIES.filter((category) => !covered.has(category))).toEqual([]);
  });
});
