import type { CommonMessages } from './common.en.ts';

export const commonFr: CommonMessages = {
  common: {
    loading: 'Chargement…',
    retry: 'Réessayer',
    cancel: 'Annuler',
    close: 'Fermer',
    language: 'Langue',
  },
  dates: {
    today: 'Aujourd’hui',
    yesterday: 'Hier',
  },
  errors: {
    unexpected: 'Un imprévu est survenu. Merci de réessayer.',
    network: 'Careline est injoignable. Vérifiez votre connexion ; nous réessayons.',
    notAvailable: 'Cette partie de Careline n’est pas encore disponible sur ce serveur.',
    forbidden: 'Vous n’avez pas le droit de faire cela.',
    notFound: 'Cela n’existe plus, ou appartient à un autre établissement.',
    server: 'Careline a rencontré un problème de son côté ; il a été consigné. Merci de réessayer.',
  },
  notFound: {
    title: 'Page introuvable',
    body: 'Le lien est peut-être ancien, ou la page a changé d’adresse.',
    back: 'Retour à la messagerie',
  },
};
