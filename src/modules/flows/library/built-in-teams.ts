/**
 * The teams the built-in flows hand conversations to, by name: the host finds a clinic's team by name,
 * ignoring case and accents, so a clinic that renames one must edit the flows that name it.
 */
export const BUILT_IN_TEAMS = {
  reception: 'Accueil',
  generalPractice: 'Médecine générale',
  paediatrics: 'Pédiatrie',
  dermatology: 'Dermatologie',
  /** Nurses, who answer non-urgent medical questions. */
  nurses: 'Infirmiers',
} as const;
