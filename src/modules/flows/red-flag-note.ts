import type { RedFlagCategory } from './red-flags/red-flag-category.ts';

const LABELS: Record<RedFlagCategory, { fr: string; en: string }> = {
  loss_of_consciousness: { fr: 'perte de connaissance', en: 'loss of consciousness' },
  breathing_difficulty: { fr: 'difficulté à respirer', en: 'difficulty breathing' },
  chest_pain: { fr: 'douleur thoracique', en: 'chest pain' },
  stroke_signs: { fr: 'signes d’AVC', en: 'signs of stroke' },
  severe_allergy: { fr: 'réaction allergique grave', en: 'severe allergic reaction' },
  heavy_bleeding: { fr: 'saignement abondant', en: 'heavy bleeding' },
  seizure: { fr: 'convulsions', en: 'seizure' },
  meningitis_signs: { fr: 'signes de méningite', en: 'signs of meningitis' },
  sepsis_signs: { fr: 'signes de sepsis', en: 'signs of sepsis' },
  infant_fever: { fr: 'fièvre du nourrisson', en: 'fever in a young infant' },
  pregnancy_emergency: { fr: 'urgence de grossesse', en: 'pregnancy emergency' },
  poisoning_overdose: { fr: 'intoxication ou surdosage', en: 'poisoning or overdose' },
  severe_head_injury: { fr: 'traumatisme crânien grave', en: 'severe head injury' },
  severe_burn: { fr: 'brûlure grave', en: 'severe burn' },
  severe_abdominal_pain: { fr: 'douleur abdominale intense', en: 'severe abdominal pain' },
  suicidal_thoughts: { fr: 'idées suicidaires', en: 'suicidal thoughts' },
};

/** The category as the care team reads it. */
export function redFlagLabel(category: RedFlagCategory, language: 'fr' | 'en'): string {
  return LABELS[category][language];
}

/** What the care team reads in the conversation when automation stopped on a red flag. */
export function redFlagNote(
  category: RedFlagCategory,
  matched: string | undefined,
  language: 'fr' | 'en',
): string {
  const label = LABELS[category][language];
  const words = matched ? ` «\u00a0${matched}\u00a0»` : '';
  return language === 'fr'
    ? `⚠️ Signal d’alerte\u00a0: ${label}.${words ? ` Le patient a écrit${words}.` : ''} L’automatisation s’est arrêtée et le patient a reçu les consignes d’urgence. À rappeler en priorité.`
    : `⚠️ Red flag: ${label}.${words ? ` The patient wrote${words}.` : ''} Automation stopped and the patient received emergency advice. Call back first.`;
}
