import type { AppointmentType, Practitioner } from './scheduling.schema.ts';

/** Who may be offered for this type: active, offering it, and matching what the patient asked for. */
export function practitionersOffering(
  type: AppointmentType,
  candidates: readonly Practitioner[],
  wanted: {
    practitionerId?: string;
    /** Only these ("anyone" who suits the patient's reason). */
    practitionerIds?: readonly string[];
    specialty?: string;
    language?: string;
  },
): Practitioner[] {
  return candidates.filter(
    (p) =>
      p.active &&
      (type.practitionerIds.length === 0 || type.practitionerIds.includes(p.id)) &&
      (wanted.practitionerId === undefined || p.id === wanted.practitionerId) &&
      (wanted.practitionerIds === undefined || wanted.practitionerIds.includes(p.id)) &&
      (wanted.specialty === undefined || p.specialty === wanted.specialty) &&
      (wanted.language === undefined || speaks(p, wanted.language)),
  );
}

/** "fr" is spoken by a practitioner who lists fr-BE, and "fr-CA" by one who lists fr. */
function speaks(practitioner: Practitioner, language: string): boolean {
  const wanted = primaryLanguage(language);
  return practitioner.languages.some((tag) => primaryLanguage(tag) === wanted);
}

function primaryLanguage(tag: string): string {
  return (tag.split('-')[0] ?? tag).toLowerCase();
}
