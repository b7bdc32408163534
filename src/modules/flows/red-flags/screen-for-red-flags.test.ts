import { describe, expect, test } from 'vitest';
import { screenForRedFlags } from './screen-for-red-flags.ts';

function categoriesOf(message: string, language?: 'fr' | 'en'): string[] {
  return screenForRedFlags(message, language === undefined ? {} : { language }).findings.map(
    (f) => f.category,
  );
}

describe('screenForRedFlags', () => {
  test('quotes the patient’s own words, as typed', () => {
    expect(screenForRedFlags("J'ai une DOULEUR très forte dans la Poitrine !!")).toEqual({
      flagged: true,
      findings: [{ category: 'chest_pain', matched: 'DOULEUR très forte dans la Poitrine' }],
    });
    expect(screenForRedFlags('jarrive pa a respiré').findings).toEqual([
      { category: 'breathing_difficulty', matched: 'jarrive pa a respiré' },
    ]);
  });

  test('quotes both parts of a combination of signs', () => {
    expect(screenForRedFlags('Ma fille de 6 semaines est chaude, 38,4 au thermomètre').findings).toEqual([
      { category: 'infant_fever', matched: 'fille de 6 semaines … 38,4 au thermomètre' },
    ]);
  });

  test('reads dark thoughts long past as history, never talk of suicide', () => {
    expect(
      categoriesOf("j'ai eu des idées noires il y a quelques années mais ça va bien maintenant"),
    ).toEqual([]);
    expect(categoriesOf("I had dark thoughts years ago but I'm fine now")).toEqual([]);
    expect(categoriesOf("j'ai eu des idées noires il y a longtemps et ça recommence")).toEqual([
      'suicidal_thoughts',
    ]);
    expect(categoriesOf("I had dark thoughts years ago and they're back now")).toEqual(['suicidal_thoughts']);
    expect(categoriesOf("I tried to kill myself years ago but I'm fine now")).toEqual(['suicidal_thoughts']);
  });

  test('joins signs told in separate clauses: a goodbye then no answer, a firearm with affairs in order', () => {
    expect(categoriesOf('My brother just texted me a goodbye and now his phone is off')).toContain(
      'suicidal_thoughts',
    );
    expect(categoriesOf("j'ai donné le chat à la voisine et j'ai le fusil sur la table")).toEqual([
      'suicidal_thoughts',
    ]);
    expect(categoriesOf('my son texted goodbye before his flight, is it normal to feel anxious?')).toEqual(
      [],
    );
  });

  test('gives one finding per category, the most urgent category first', () => {
    expect(screenForRedFlags("j'ai avalé tous mes cachets, je veux mourir, je veux mourir").findings).toEqual(
      [
        { category: 'poisoning_overdose', matched: 'avalé tous mes cachets' },
        { category: 'suicidal_thoughts', matched: 'veux mourir' },
      ],
    );
    expect(categoriesOf('il a bu de la javel et maintenant il ne respire plus')).toEqual([
      'loss_of_consciousness',
      'breathing_difficulty',
      'poisoning_overdose',
    ]);
  });

  test('a febrile seizure is a seizure, not a head injury nor sepsis', () => {
    expect(categoriesOf('convulsion fébrile')).toEqual(['seizure']);
  });

  test('reads French and English in the same message, whatever the language hint', () => {
    expect(categoriesOf('bonjour, chest pain depuis ce matin', 'fr')).toEqual(['chest_pain']);
    expect(categoriesOf("j'ai mal à la poitrine", 'en')).toEqual(['chest_pain']);
  });

  test('finds a red flag at the end of a long message', () => {
    const chatter = 'Bonjour docteur, je voulais vous dire que tout va bien pour le traitement. '.repeat(30);
    expect(categoriesOf(`${chatter}Mais depuis une heure je n'arrive plus à respirer.`)).toEqual([
      'breathing_difficulty',
    ]);
  });

  test('an empty or emoji-only message is no red flag', () => {
    expect(screenForRedFlags('')).toEqual({ flagged: false, findings: [] });
    expect(screenForRedFlags('  👍🙏 ')).toEqual({ flagged: false, findings: [] });
  });

  describe('negation: only a clear one, right before the phrase', () => {
    test.each([
      ["je n'ai pas de douleur à la poitrine", []],
      ["I haven't had any chest pain", []],
      ['ma poitrine ne me fait plus mal', []],
      ["je n'ai plus mal à la poitrine", []],
      ['de plus en plus mal à la poitrine', ['chest_pain']],
      ["je n'ai pas de difficulté à respirer", []],
      ["je n'arrive pas à respirer", ['breathing_difficulty']],
      ["I can't breathe", ['breathing_difficulty']],
      ['pas de douleur thoracique mais je n’arrive plus à respirer', ['breathing_difficulty']],
      ['bébé de 2 mois, pas de fièvre', []],
      ['pas de fievre, bébé de 2 mois avec 38.5', ['infant_fever']],
      ['il ne se réveille pas', ['loss_of_consciousness']],
      ['il ne vomit pas de sang', []],
    ])('%j → %j', (message, expected) => {
      expect(categoriesOf(message)).toEqual(expected);
    });
  });

  describe('suicidal wording', () => {
    test.each([
      ['je pense parfois à en finir', true],
      ['peut-être que je devrais me suicider, je sais pas', true],
      ['je ne vais pas me tuer', true],
      ['je ne suis pas suicidaire', false],
      ["je n'ai pas d'idées suicidaires ni d'idées noires", false],
      ['je ne veux pas mourir, j’ai peur', false],
      ["I'm not suicidal", false],
      // Round 11: the noun is denied like the adjective; a « mais » right after still hedges.
      ['je ne pense pas au suicide hein, juste un peu déprimé', false],
      ["jamais pensé au suicide, c'est pour un certificat", false],
      ["je ne pense pas au suicide mais je voudrais parler à quelqu'un", true],
      ["I'm not thinking about suicide but I need to talk to someone", true],
      // A means at hand with despair or the act announced, told in separate clauses.
      ["je tiens plus, j'ai ouvert la fenêtre du 7e", true],
      ['window open on the 9th floor, going to do it', true],
      ['je vais le faire ce vaccin, le fusil est au club de tir', false],
    ])('%j → flagged %s', (message, flagged) => {
      expect(categoriesOf(message).includes('suicidal_thoughts')).toBe(flagged);
    });
  });

  test('"dont" is "do not" only in a conversation known to be English', () => {
    expect(categoriesOf('i dont have chest pain', 'en')).toEqual([]);
    expect(categoriesOf('i dont have chest pain')).toEqual(['chest_pain']);
    expect(categoriesOf('la douleur dont je parle est dans la poitrine')).toEqual(['chest_pain']);
    expect(categoriesOf('la douleur dont je parle est dans la poitrine', 'fr')).toEqual(['chest_pain']);
  });

  test("a pregnancy in weeks is no baby's age, and its signs are still read (round 12)", () => {
    expect(categoriesOf('7 wks pregnant, temp 38.2 since last night')).toEqual([]);
    expect(categoriesOf('my 7 wks old has a temp of 38.2')).toEqual(['infant_fever']);
    expect(categoriesOf('7 wks pregnant, sharp pain on one side and I nearly fainted')).toEqual([
      'pregnancy_emergency',
    ]);
  });

  test.each([
    // Round 12: signs together, whatever the story.
    ['drooling, pinpoint pupils and twitching', 'poisoning_overdose'],
    ['il bave et ses pupilles sont minuscules', 'poisoning_overdose'],
    ['sur le quai, le prochain train je saute', 'suicidal_thoughts'],
    ["tell everyone I'm sorry, I'm on the roof", 'suicidal_thoughts'],
    ['tearing pain in my chest going into my back', 'chest_pain'],
    ['lost half my vision and my hand is clumsy', 'stroke_signs'],
    ['used my epipen, still cant swallow', 'severe_allergy'],
    ['il a bu de la javel, il a des haut-le-coeur', 'poisoning_overdose'],
    ['électrisé sur la prise, il est confus', 'severe_burn'],
  ])('%j → %s', (message, category) => {
    expect(categoriesOf(message)).toContain(category);
  });

  test.each([
    'do you give the meningitis vaccine for students?',
    "mon mari ronfle si fort qu'on dirait qu'il s'étouffe",
    'on the platform, the next train is late, can we move my appointment',
    "je suis en haut de la tour, j'ai envie de sauter de joie",
  ])('%j is ordinary (round 12)', (message) => {
    expect(categoriesOf(message)).toEqual([]);
  });

  test('a burden said of anyone counts, not only « je »: with the means at hand it is suicidal (round 13)', () => {
    expect(categoriesOf("il a pris le fusil en disant qu'on serait mieux sans lui")).toEqual([
      'suicidal_thoughts',
    ]);
    expect(categoriesOf('she has the rifle out, says the kids would be better off without her')).toEqual([
      'suicidal_thoughts',
    ]);
    expect(categoriesOf('franchement on serait mieux sans lui au bureau')).toEqual([]);
  });

  test('a sign is read whatever the word order (round 13)', () => {
    // The adjective after the noun, the positive test without « grossesse », "don't see the point".
    expect(categoriesOf('plaquettes de xanax vides, il respire lentement')).toEqual(['poisoning_overdose']);
    expect(categoriesOf('empty boxes of zopiclone next to him, breathing slowly')).toEqual([
      'poisoning_overdose',
    ]);
    expect(categoriesOf("positive au test il y a 5 jours, je saigne et douleur d'un seul côté")).toEqual([
      'pregnancy_emergency',
    ]);
    expect(categoriesOf("on the top floor of the multi-storey, I don't see the point")).toEqual([
      'suicidal_thoughts',
    ]);
    // A positive test of an infection is no pregnancy.
    expect(categoriesOf('test covid positif, je saigne un peu du nez')).toEqual([]);
  });

  test.each([
    ['heartburn going down my left arm, clammy', 'chest_pain'],
    ["mal à la mâchoire et au creux de l'estomac, je transpire", 'chest_pain'],
    ['steak stuck in my throat, cant swallow my spit', 'breathing_difficulty'],
    ['mon fils a avalé une pile bouton', 'poisoning_overdose'],
    ['baby rolled off the changing table onto the tiles, been sick and sleepy', 'severe_head_injury'],
    ["opérée du genou, hors d'haleine et le mollet gonflé", 'breathing_difficulty'],
    ['de la gnôle faite maison, il voit flou', 'poisoning_overdose'],
    ['how many pills to not wake up', 'suicidal_thoughts'],
    // Written after the fixes, to check that they generalise: a negation inside the phrase, another word order.
    ['combien de cachets pour ne jamais me réveiller', 'suicidal_thoughts'],
    ['je suis au bord des rails, je vois plus aucun intérêt', 'suicidal_thoughts'],
    ['my mum is writing texts that make no sense, started an hour ago', 'stroke_signs'],
    ['my 3 year old put a small battery in her mouth, can not find it now', 'poisoning_overdose'],
    ['half her face slid down and her words came out as gibberish', 'stroke_signs'],
    ["mon père m'envoie des textos qui n'ont aucun sens, jamais comme ça", 'stroke_signs'],
  ])('%j → %s (round 13)', (message, category) => {
    expect(categoriesOf(message)).toContain(category);
  });

  test.each([
    'i took my vitamin D twice this morning by mistake, is that a problem?',
    'where can I buy button batteries for the scale',
    'mal au bras après le vaccin et je transpire avec cette chaleur',
    "mon fils de 18 mois parle charabia, c'est normal ?",
    'my calf is swollen after running, no other problems',
  ])('%j is ordinary (round 13)', (message) => {
    expect(categoriesOf(message)).toEqual([]);
  });
});
