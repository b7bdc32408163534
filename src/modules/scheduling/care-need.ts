import type { AppointmentType, Practitioner } from './scheduling.schema.ts';

/**
 * What a booking is for, as far as choosing "anyone" goes: whether the patient is a child, and which
 * specialist fields the reason (or the appointment type's name) points at.
 */
export interface CareNeed {
  patient: 'child' | 'adult';
  fields: ReadonlySet<string>;
}

// Whole words (folded: no case, accents); an entry ending in "*" is a prefix ("vaccin*" is vaccination).
const CHILD_WORDS = [
  'bebe*',
  'nourrisson*',
  'nouveau ne',
  'enfant*',
  'mon fils',
  'ma fille',
  'pediatr*',
  'paediatr*',
  'baby',
  'babies',
  'infant*',
  'newborn*',
  'child*',
  'kid',
  'kids',
  'toddler*',
  'my son',
  'my daughter',
];

/** The words that make a reason a specialist's, by specialty key (those a generalist also sees). */
const FIELD_WORDS: Readonly<Record<string, readonly string[]>> = {
  dermatology: [
    'peau',
    'bouton*',
    'eczema*',
    'demangeaison*',
    'gratte*',
    'grain de beaute',
    'grains de beaute',
    'urticaire',
    'psoriasis',
    'verrue*',
    'acne',
    'dermato*',
    'skin',
    'rash*',
    'itch*',
    'mole',
    'moles',
    'hives',
    'wart*',
  ],
  gynaecology: [
    'grossesse*',
    'enceinte',
    'frottis',
    'contracepti*',
    'sterilet',
    'pilule',
    'gyneco*',
    'regles',
    'menopause',
    'pregnan*',
    'smear',
    'iud',
    'gynaeco*',
    'period',
    'periods',
  ],
  nursing: [
    'vaccin*',
    'piqure*',
    'injection*',
    'pansement*',
    'prise de sang',
    'tension',
    'vaccine*',
    'jab',
    'dressing*',
    'blood test*',
    'blood pressure',
  ],
  physiotherapy: ['kine*', 'reeducation', 'physio*', 'rehab*'],
};

/** Specialists who only see children. */
const CHILDREN_ONLY = new Set(['paediatrics']);
/** Those who see any patient for any reason: "anyone" always includes them. */
const GENERALISTS = new Set(['general_practice']);

/** Reads the patient's need from the reason they gave and the appointment type's names. */
export function careNeedOf(
  reason: string | null | undefined,
  type?: Pick<AppointmentType, 'name'>,
): CareNeed {
  const text = ` ${fold([reason ?? '', type?.name.fr ?? '', type?.name.en ?? ''].join(' '))} `;
  const fields = new Set(
    Object.entries(FIELD_WORDS).flatMap(([field, words]) => (mentions(text, words) ? [field] : [])),
  );
  if (mentions(text, CHILD_WORDS)) fields.add('paediatrics');
  return { patient: mentions(text, CHILD_WORDS) ? 'child' : 'adult', fields };
}

/**
 * Who "anyone" means among those who offer the type: never a children's specialist for an adult; a
 * generalist always; another specialist only when the reason is their field. When that leaves nobody
 * (a clinic of specialists), every practitioner offering the type who may see this patient is kept.
 */
export function suitablePractitioners<T extends Pick<Practitioner, 'specialty'>>(
  candidates: readonly T[],
  need: CareNeed,
): T[] {
  const allowed = candidates.filter((p) => need.patient === 'child' || !CHILDREN_ONLY.has(p.specialty));
  const fitting = allowed.filter((p) => GENERALISTS.has(p.specialty) || need.fields.has(p.specialty));
  return fitting.length > 0 ? fitting : allowed;
}

/**
 * The active appointment type a reason names ("vaccin grippe" → "Vaccination"), by a word of its name
 * in either language (one a prefix of the other, five letters at least, words every type shares left
 * out); `fallback` when none does.
 */
export function typeForReason<T extends Pick<AppointmentType, 'name' | 'key'>>(
  types: readonly T[],
  reason: string | null | undefined,
  fallback: T | undefined,
): T | undefined {
  const said = words(reason ?? '');
  let best: { type: T; score: number } | undefined;
  for (const type of types) {
    const named = words(`${type.name.fr} ${type.name.en} ${type.key.replaceAll('_', ' ')}`);
    const score = said.filter((w) => named.some((n) => w.startsWith(n) || n.startsWith(w))).length;
    if (score > 0 && (best === undefined || score > best.score)) best = { type, score };
  }
  return best?.type ?? fallback;
}

const GENERIC_WORDS = new Set([
  'consultation',
  'rendez',
  'appointment',
  'suivi',
  'visite',
  'visit',
  'controle',
]);

function words(text: string): string[] {
  return fold(text)
    .split(' ')
    .filter((w) => w.length >= 5 && !GENERIC_WORDS.has(w));
}

function mentions(text: string, entries: readonly string[]): boolean {
  return entries.some((entry) =>
    entry.endsWith('*') ? text.includes(` ${entry.slice(0, -1)}`) : text.includes(` ${entry} `),
  );
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
