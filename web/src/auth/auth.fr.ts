import type { AuthMessages } from './auth.en.ts';

export const authFr: AuthMessages = {
  login: {
    title: 'Connexion',
    subtitle: 'Les conversations de vos patients, dans une seule messagerie.',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    showPassword: 'Afficher ou masquer le mot de passe',
    submit: 'Se connecter',
    expired: 'Votre session a pris fin. Merci de vous reconnecter.',
    tagline: 'Les patients écrivent sur WhatsApp. Toute l’équipe répond depuis un seul endroit.',
    heroPatient: 'Bonjour, puis-je avancer mon rendez-vous à jeudi ?',
    heroClinic: 'Bien sûr ! Jeudi à 9 h 30 avec le Dr Martin ?',
    heroThanks: 'Parfait, merci !',
    demoHint: 'Vous essayez la démo ?',
    demoPhone: 'Jouez un patient sur le téléphone simulé',
    twoFactor: {
      title: 'Connexion en deux étapes',
      subtitle:
        'Saisissez le code à 6 chiffres que votre application d’authentification affiche pour Careline.',
      recoverySubtitle:
        'Saisissez l’un des codes de secours enregistrés lors de l’activation. Chacun ne sert qu’une fois.',
      recoveryCode: 'Code de secours',
      useRecovery: 'Utiliser un code de secours',
      useApp: 'Utiliser le code de mon application',
      submit: 'Vérifier',
      expired: 'Cette connexion a pris plus de 5 minutes. Merci de vous reconnecter.',
      wrongRecoveryCode: 'Code de secours inconnu ou déjà utilisé.',
    },
    errors: {
      wrongCredentials: 'Adresse e-mail ou mot de passe incorrect.',
      locked:
        'Trop de mots de passe ou de codes erronés : la connexion depuis ce navigateur est suspendue quelques minutes.',
      lockedUntil:
        'Trop de mots de passe ou de codes erronés : la connexion depuis ce navigateur est suspendue jusqu’à {{time}}.',
      tooManyRequests: 'Trop de tentatives de connexion depuis ce réseau. Réessayez dans quelques minutes.',
      network: 'Careline est injoignable. Vérifiez votre connexion.',
      unavailable: 'La connexion n’est pas encore disponible sur ce serveur (HTTP {{status}}).',
      unexpected: 'La connexion a échoué. Merci de réessayer.',
    },
  },
  twoFactor: {
    codeLabel: 'Code à 6 chiffres',
    codeHint:
      'Donné par votre application d’authentification (Google Authenticator, Microsoft Authenticator, FreeOTP…)',
    wrongCode: 'Code erroné ou déjà utilisé. Saisissez celui que votre application affiche maintenant.',
    paused: 'Trop de codes erronés\u00a0: patientez quelques minutes, puis réessayez.',
    requiredCannotTurnOff:
      'Votre établissement exige la connexion en deux étapes\u00a0: elle ne peut pas être désactivée.',
    scan: 'Scannez ce QR code avec votre application d’authentification, puis saisissez le code à 6 chiffres qu’elle affiche.',
    qrAlt: 'QR code à scanner avec votre application d’authentification',
    typeKey: `Impossible de scanner\u00a0? Saisissez cette clé dans l’application\u00a0:`,
    confirm: 'Activer',
    recoveryTitle: 'Vos codes de secours',
    recoveryBody:
      'Si votre téléphone est perdu ou absent, chacun de ces codes permet de vous connecter une fois. Enregistrez-les en lieu sûr maintenant\u00a0: ils ne seront plus affichés.',
    recoveryFileTitle: 'Codes de secours Careline pour {{email}} (chacun ne sert qu’une fois)',
    copy: 'Copier',
    copied: 'Copié',
    download: 'Télécharger',
    recoverySaved: 'Je les ai enregistrés',
    requiredTitle: 'Activez la connexion en deux étapes',
    requiredBody:
      '{{clinic}} demande une deuxième étape à la connexion\u00a0: un code donné par une application d’authentification sur votre téléphone. Activez-la maintenant pour continuer.',
    signOutInstead: 'Se déconnecter',
  },
};
