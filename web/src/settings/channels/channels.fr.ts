import type { ChannelsMessages } from './channels.en.ts';

export const channelsFr: ChannelsMessages = {
  channels: {
    title: 'Canaux',
    description:
      'Là où les patients écrivent à la clinique\u00a0: chaque numéro WhatsApp, bot Telegram, compte LINE, bot Viber, page Messenger et compte Instagram, et l’adresse de webhook où son fournisseur les livre.',
    add: 'Ajouter un canal',
    empty: 'Aucun canal pour l’instant\u00a0: les patients ne peuvent pas écrire à la clinique.',
    name: 'Nom',
    type: 'Canal',
    externalId: 'Identifiant chez le fournisseur',
    webhook: 'URL du webhook',
    noWebhook: 'Pas encore de webhook pour ce canal',
    copy: 'Copier l’URL du webhook',
    copied: 'Copiée',
    stateColumn: 'État',
    state: {
      active: 'Actif',
      cannot_send: 'Réception seule',
      cannot_sendHint:
        'Careline ne sait pas encore envoyer sur ce canal\u00a0: les réponses ne partiront pas.',
    },
    edit: 'Modifier {{name}}',
    remove: 'Retirer {{name}}',
    removeTitle: 'Retirer {{name}}\u00a0?',
    removeBody:
      'Careline ne prendra plus les messages de ce canal. Un canal qui a déjà des conversations ne peut pas être retiré\u00a0: leur historique reste attaché à lui.',
    removeConfirm: 'Retirer le canal',
    removed: '{{name}} a été retiré.',
    added: '{{name}} est connecté.',
    saved: 'Enregistré.',
    pickType: 'Quel canal\u00a0?',
    typeHint: {
      telegram: 'Un bot créé avec @BotFather. Careline enregistre aussitôt son webhook auprès de Telegram.',
      messenger: 'Une page Facebook. Configurez ensuite le webhook dans le tableau de bord de l’app Meta.',
      instagram:
        'Un compte Instagram professionnel lié à une page. Configurez le webhook dans le tableau de bord de l’app Meta.',
      whatsapp:
        'Un numéro WhatsApp Business (Cloud API). Configurez le webhook dans le tableau de bord de l’app Meta.',
      line: 'Le canal Messaging API d’un compte officiel LINE. Careline vérifie le jeton et enregistre l’adresse du webhook\u00a0; activez «\u00a0Use webhook\u00a0» dans la console LINE.',
      viber:
        'Un bot Viber. Careline vérifie le jeton et enregistre aussitôt le webhook. Texte et boutons seulement\u00a0: Careline n’a pas d’adresse publique pour les fichiers.',
    },
    fields: {
      name: 'Nom affiché à l’équipe',
      namePlaceholder: 'par ex. Accueil',
      botToken: 'Jeton du bot',
      botTokenHint: 'Donné par @BotFather, de la forme 123456789:AA…',
      secretToken: 'Jeton secret du webhook',
      secretTokenHint: 'Facultatif\u00a0: Careline en crée un si vous le laissez vide.',
      apiUrl: 'Serveur Bot API',
      apiUrlHint: 'Facultatif\u00a0: un serveur Bot API auto-hébergé\u00a0; celui de Telegram sinon.',
      pageId: 'Identifiant de la page',
      instagramAccountId: 'Identifiant du compte Instagram',
      phoneNumberId: 'Identifiant du numéro',
      pageAccessToken: 'Jeton d’accès de la page',
      accessToken: 'Jeton d’accès',
      appSecret: 'Clé secrète de l’app',
      verifyToken: 'Jeton de vérification',
      verifyTokenHint: 'Le jeton que vous saisissez dans les réglages de webhook de Meta.',
      graphUrl: 'URL de l’API Graph',
      apiVersion: 'Version de l’API Graph',
      channelSecret: 'Secret du canal',
      channelAccessToken: 'Jeton d’accès du canal',
      channelAccessTokenHint:
        'Un jeton longue durée de l’onglet Messaging API\u00a0; Careline le vérifie auprès de LINE.',
      lineApiUrl: 'Serveur Messaging API',
      lineApiUrlHint: 'Facultatif\u00a0: celui de LINE (api.line.me) sinon.',
      authToken: 'Jeton d’authentification',
      authTokenHint: 'Le jeton du bot fourni par Viber\u00a0; Careline le vérifie auprès de Viber.',
      viberApiUrl: 'Serveur REST Bot API',
      viberApiUrlHint: 'Facultatif\u00a0: celui de Viber (chatapi.viber.com) sinon.',
      botInitiated: 'Messages à l’initiative du bot',
      botInitiatedHint:
        'Seulement s’ils sont activés pour ce bot (payants)\u00a0: Careline peut alors écrire au-delà des 24\u00a0heures qui suivent le dernier message du patient.',
      optional: 'Facultatif',
    },
    secretsTitle: 'Remplacer les secrets',
    secretsHint:
      'Laissez vide pour garder les secrets actuels. Une fois enregistrés, ils ne sont plus jamais affichés.',
    back: 'Retour',
    next: 'Suivant',
    connect: 'Connecter',
    cancel: 'Annuler',
    save: 'Enregistrer',
    readOnly: 'Seuls les administrateurs peuvent ajouter ou modifier des canaux.',
  },
};
