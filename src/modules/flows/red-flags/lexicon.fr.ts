import { frenchCombinationSigns } from './combination-signs.fr.ts';
import { frenchGrammar } from './grammar.fr.ts';
import { frenchCardioRespiratory } from './lexicon/fr/cardio-respiratory.ts';
import { frenchExclusions, frenchPastFrames, frenchPastMarkers } from './lexicon/fr/exclusions.ts';
import { frenchMentalHealth } from './lexicon/fr/mental-health.ts';
import { frenchNeuro } from './lexicon/fr/neuro.ts';
import { frenchOtherEmergencies } from './lexicon/fr/other.ts';
import { frenchWordClasses } from './lexicon/fr/word-classes.ts';
import type { LexiconInput } from './lexicon.schema.ts';

/**
 * French wording of red flags, as patients write it. Sources: SAMU « quand appeler le 15 » and
 * ameli.fr urgences; AVC « VITE » (Visage, Inertie, Trouble de la parole, En urgence: Santé publique
 * France); 3114 for suicidal wording; CNGOF for pregnancy; HAS purpura fulminans; and words read in
 * patients' messages. Syntax: `lexicon.schema.ts`; the wording lives in `lexicon/fr/`, one file per
 * family of categories.
 */
export const frenchLexicon: LexiconInput = {
  language: 'fr',
  classes: frenchWordClasses,
  categories: {
    ...frenchCardioRespiratory,
    ...frenchNeuro,
    ...frenchMentalHealth,
    ...frenchOtherEmergencies,
  },
  concepts: frenchCombinationSigns,
  exclusions: frenchExclusions,
  // Rounds 23–24 (classe des sondes): une brûlure de la main sans cloque, ou une rougeur grande comme une pièce
  // (NHS: les brûlures des mains qui cloquent vont aux urgences). Peau blanche, noire, qui part: toujours signalé.
  dismissals: {
    severe_burn: [
      { pattern: 'pas|sans|aucune|aucun cloque|cloques|ampoule|ampoules|bulle|bulles', maxGap: 1 },
      { pattern: 'any: rouge|rougeur|rose piece|centime|centimes|ongle|timbre', maxGap: 4 },
    ],
  },
  conceptExclusions: {
    // Round 21–22: « j'en peux plus des travaux », d'un rhume, du bruit: la lassitude d'une chose, pas le désespoir.
    despair: [
      {
        pattern:
          'peux|peut|pouvais plus travaux|bruit|voisin|voisins|voisine|chantier|rhume|toux|boulot|travail|chaleur|attente|dos|genou|allergies|patron|chef|cheffe|embouteillages|transports|demenagement',
        maxGap: 2,
      },
    ],
    // Round 13: un test positif d'infection n'est pas une grossesse.
    pregnant: [
      {
        pattern:
          'any: covid|corona|pcr|grippe|angine|strepto*|vih|chlamydia*|antigenique|autotest test|teste|testee|positif|positive',
        maxGap: 3,
      },
    ],
    // Round 14: la mâchoire qui fait mal à cause des dents n'est pas une douleur qui irradie.
    mi_radiation: [
      {
        pattern:
          'any: machoire dentiste|dent|dents|molaire*|sagesse|carie*|gencive*|appareil|bruxisme|orthodont*|otite',
        maxGap: 4,
      },
    ],
    // Round 14: une douleur atroce qui s'est calmée; un ventre qui va bien.
    severe_pain: [
      {
        pattern:
          'any: douleur|mal disparue|disparu|calmee|calme|soulagee|soulage|envolee|finie|terminee|mieux',
        maxGap: 4,
      },
    ],
    belly_site: [{ pattern: 'ventre|estomac va|allait bien|mieux|normal|normalement', maxGap: 1 }],
    // Round 14: une question sur le mélange (« peut-on mélanger la javel et le vinaigre ? ») n'en est pas un.
    cleaners_mixed: [
      {
        pattern: 'any: peut|peux|faut|doit|dangereux|danger|interdit|eviter|jamais melanger|melange',
        maxGap: 2,
      },
    ],
    // Round 14: tomber malade, enceinte, amoureux, en panne, d'accord, sur un article n'est pas une chute.
    head_trauma: [
      // Round 18 (classe de la sonde): « c'est tombé d'un coup », une douleur qui arrive, pas une chute.
      { pattern: 'ce|ca|cela|sa est|etait tombe|tombee|venu|venue coup', maxGap: 1 },
      {
        pattern:
          'tombe|tombee|tombes|tombees malade|malades|enceinte|amoureux|amoureuse|panne|accord|sommeil|rideau|pile|juste|bien|mal|article|info|infos|annonce|video|message|mail|site|page|reportage',
        maxGap: 1,
      },
    ],
  },
  past: frenchPastMarkers,
  pastFrames: frenchPastFrames,
  words: frenchGrammar,
};
