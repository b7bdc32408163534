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
});
