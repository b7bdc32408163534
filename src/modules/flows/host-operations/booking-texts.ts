/** How the booking flow's host operations word what they hand the flow, in the patient's language. */
export const bookingTexts = {
  fr: {
    slotsHeading: 'Voici les prochains créneaux disponibles :',
    nearestHeading: (wanted: string) =>
      `Rien de libre pour « ${wanted} ». Voici les créneaux les plus proches :`,
    inviteCaption: 'Ajoutez le rendez-vous à votre agenda',
    specialty: (key: string) => SPECIALTIES[key]?.fr ?? key,
  },
  en: {
    slotsHeading: 'Here are the next free times:',
    nearestHeading: (wanted: string) => `Nothing free for “${wanted}”. Here are the nearest times:`,
    inviteCaption: 'Add the appointment to your calendar',
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

const LOCALES = { fr: 'fr-FR', en: 'en-GB' } as const;

/** A list row's title (≤ 24 characters): "mar. 2 déc., 09:00" / "Tue 2 Dec, 09:00". */
export function slotTitle(start: string, timeZone: string, language: 'fr' | 'en'): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(new Date(start))
    .slice(0, 24);
}

/** "Dr Martin · Centre Belleville", within a list row's 72 characters. */
export function slotDescription(practitioner: string, location: string): string {
  return `${practitioner} · ${location}`.slice(0, 72);
}

/** "mardi 2 décembre à 09:00" / "Tuesday 2 December at 09:00", in the clinic's time zone. */
export function dayAndTime(start: string, timeZone: string, language: 'fr' | 'en'): string {
  const date = new Date(start);
  const day = new Intl.DateTimeFormat(LOCALES[language], {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(date);
  const time = new Intl.DateTimeFormat(LOCALES[language], {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
  return language === 'fr' ? `${day} à ${time}` : `${day} at ${time}`;
}
