/**
 * What a clinician would call an emergency in a patient's message, most urgent first: when a message
 * holds several, the first one decides which advice the patient receives.
 */
export const RED_FLAG_CATEGORIES = [
  'loss_of_consciousness',
  'breathing_difficulty',
  'chest_pain',
  'stroke_signs',
  'severe_allergy',
  'heavy_bleeding',
  'seizure',
  'meningitis_signs',
  'sepsis_signs',
  'infant_fever',
  'pregnancy_emergency',
  'poisoning_overdose',
  'severe_head_injury',
  'severe_burn',
  'severe_abdominal_pain',
  'suicidal_thoughts',
] as const;

export type RedFlagCategory = (typeof RED_FLAG_CATEGORIES)[number];
