import type { PhoneMessages } from './phone.en.ts';

export const phoneFr: PhoneMessages = {
  phone: {
    toInbox: 'Messagerie Careline',
    eyebrow: 'Démo Careline',
    title: 'Mettez-vous à la place du patient',
    intro:
      'Ce téléphone écrit à l’établissement de démo par WhatsApp, Telegram, Messenger, Instagram ou LINE — chacun joué par le simulateur intégré à Careline. Rien ne quitte votre ordinateur.',
    step1: 'Choisissez un nom et un numéro, puis écrivez à l’établissement.',
    step2: 'Ouvrez la messagerie dans un autre onglet et répondez comme l’équipe soignante.',
    step3: 'Regardez les coches passer au bleu, touchez les boutons de réponse, envoyez une photo.',
    openInbox: 'Ouvrir la messagerie',
    changePatient: 'Jouer un autre patient',
    unavailableTitle: 'Le téléphone patient n’est pas disponible',
    unavailableBody:
      'Il a besoin du simulateur WhatsApp qui tourne dans Careline en mode démo. Démarrez Careline avec le simulateur :',
    setupTitle: 'Bienvenue',
    setupBody: 'Qui êtes-vous aujourd’hui ? L’établissement verra ce nom et ce numéro.',
    yourName: 'Votre nom',
    yourNumber: 'Votre numéro de mobile',
    numberHint: 'N’importe quel numéro au format international ; il reste dans la démo.',
    numberInvalid: 'Utilisez le format international, par exemple +33 6 12 34 56 78',
    clinicNumber: 'Numéro de l’établissement',
    start: 'Commencer',
    clinic: 'Votre établissement',
    business: 'compte professionnel',
    chatLabel: 'Discussion avec l’établissement',
    encryption: 'Vous êtes {{name}}. Les messages vont à l’établissement par le simulateur Careline.',
    sayHello: 'Dites bonjour à l’établissement 👋',
    placeholder: 'Message',
    messageLabel: 'Message à l’établissement',
    sendPhoto: 'Envoyer une photo',
    appPicker: 'Écrire depuis',
    apps: {
      whatsapp: 'WhatsApp',
      telegram: 'Telegram',
      messenger: 'Messenger',
      instagram: 'Instagram',
      line: 'LINE',
    },
    appNotice:
      'Vous êtes {{name}} sur {{app}}. Les messages vont à l’établissement par le simulateur Careline.',
    send: 'Envoyer',
  },
};
