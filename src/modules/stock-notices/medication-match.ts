/**
 * The key two medicine names are compared by: what a pharmacist writes in a stock notice
 * ("Amoxicilline") and what a clinician types on an order ("amoxicilline 500 mg gélule") must meet.
 *
 * Case, accents, punctuation and spacing do not count; neither do the strength (numbers, with or without
 * their unit: "500 mg", "1g", "2,5 mg/ml") nor the pharmaceutical form ("comprimé", "gélule", "sirop",
 * "tablet"…): a shortage of a substance is worth a warning whatever strength or form is ordered, and the
 * warning shows the notice's own strength and form. Words that name another substance stay: a notice for
 * "Amoxicilline" does not warn an order for "Amoxicilline acide clavulanique", which is another medicine.
 */
export function medicationKey(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[µμ]/g, 'u')
    // "2,5" and "2.5" are one number; "mg/ml" is one unit.
    .replace(/(\d)[.,](\d)/g, '$1$2')
    .split(/[^\p{L}\p{N}%]+/u)
    .filter((word) => word.length > 0);
  const kept: string[] = [];
  let afterForm = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (/^\d+$/.test(word)) {
      // A number is a strength; the unit after it goes with it.
      if (UNITS.has(words[i + 1] ?? '')) i++;
      continue;
    }
    if (FORMS.has(word)) {
      afterForm = true;
      continue;
    }
    if (STRENGTH.test(word) || (UNITS.has(word) && i > 0)) continue;
    if (afterForm && FILLERS.has(word)) continue;
    kept.push(word);
  }
  return kept.join(' ');
}

/** True when a notice about `noticeMedication` concerns an order line naming `orderedMedication`. */
export function medicationsMatch(noticeMedication: string, orderedMedication: string): boolean {
  const key = medicationKey(noticeMedication);
  return key.length > 0 && key === medicationKey(orderedMedication);
}

const UNIT_WORDS = [
  'mg',
  'g',
  'gr',
  'kg',
  'ug',
  'mcg',
  'ng',
  'ml',
  'l',
  'cl',
  'dl',
  'ui',
  'iu',
  'u',
  'ukat',
  'meq',
  'mmol',
  'mol',
  '%',
  'dose',
  'doses',
  'mgml',
];
const UNITS = new Set(UNIT_WORDS);
/** A number glued to its unit ("500mg", "2.5mg", "0,1%", "1000ui"). */
const STRENGTH = new RegExp(`^\\d+(${UNIT_WORDS.join('|')})?(\\/?(${UNIT_WORDS.join('|')}))*$`);

/** Pharmaceutical forms, French and English, singular and plural. */
const FORMS = new Set([
  'comprime',
  'comprimes',
  'cp',
  'cpr',
  'gelule',
  'gelules',
  'gel',
  'capsule',
  'capsules',
  'caps',
  'sirop',
  'syrup',
  'solution',
  'suspension',
  'buvable',
  'oral',
  'orale',
  'injectable',
  'injection',
  'inj',
  'creme',
  'cream',
  'pommade',
  'ointment',
  'collyre',
  'eye',
  'drops',
  'gouttes',
  'sachet',
  'sachets',
  'poudre',
  'powder',
  'tablet',
  'tablets',
  'tab',
  'tabs',
  'pellicule',
  'pellicules',
  'film',
  'coated',
  'secable',
  'effervescent',
  'effervescents',
  'orodispersible',
  'orodispersibles',
  'lyoc',
  'suppositoire',
  'suppositoires',
  'suppository',
  'patch',
  'patchs',
  'spray',
  'aerosol',
  'inhalateur',
  'inhalation',
  'inhaler',
  'flacon',
  'ampoule',
  'ampoules',
  'lp',
  'lm',
  'sr',
  'xr',
  'er',
]);
/** Words that follow a form ("comprimé à libération prolongée", "solution for injection"). */
const FILLERS = new Set(['a', 'en', 'pour', 'for', 'de', 'liberation', 'prolongee', 'modifiee', 'release']);
