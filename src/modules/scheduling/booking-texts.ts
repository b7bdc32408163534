import { frenchSpacing } from '../../platform/text/french-spacing.ts';

/** How the booking flow's host operations word what they hand the flow, in the patient's language. */
export const bookingTexts = {
  fr: {
    slotsHeading: frenchSpacing('Voici les prochains créneaux disponibles :'),
    nearestHeading: (wanted: string) =>
      frenchSpacing(`Rien de libre pour « ${wanted} ». Voici les créneaux les plus proches :`),
    specialty: (key: string) => SPECIALTIES[key]?.fr ?? key,
  },
  en: {
    slotsHeading: 'Here are the next free times:',
    nearestHeading: (wanted: string) => `Nothing free for “${wanted}”. Here are the nearest times:`,
    specialty: (key: string) => SPECIALTIES[key]?.en ?? key,
  },
} as const;

const SPECIALTIES: Record<string, { fr: string; en: string }> = {
  general_practice: { fr: 'Médecine générale', en: 'General practice' },
  paediatrics: { fr: 'Pédiatrie', en: 'Paediatrics' },
  dermatology: { fr: 'Dermatologie', en: 'Dermatology' },
  gynaecology: { fr: 'Gynécologie', en: 'Gynaecology' },
  nursing: { fr: 'Soins infirmiers', en: 'Nursing' },
  physiotherapy: { fr: 'Kinésithérapie', en: 'Physiotherapy' },
};

/** "Dr Martin · Centre Belleville", within a list row's 72 characters. */
export function slotDescription(practitioner: string, location: string): string {
  return `${practitioner} · ${location}`.slice(0, 72);
}
