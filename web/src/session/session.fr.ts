import type { SessionMessages } from './session.en.ts';

export const sessionFr: SessionMessages = {
  account: {
    menu: 'Compte de {{name}}',
    settings: 'Réglages de l’établissement',
    profile: 'Votre profil',
    security: 'Sécurité du compte',
    openPhone: 'Ouvrir le téléphone patient (démo)',
    signOut: 'Se déconnecter',
  },
};
